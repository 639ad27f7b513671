import { queryOptions } from '@tanstack/react-query';
import { createLimiter } from '../../lib/concurrency.ts';
import { request } from '../http.ts';
import { type FileRetrieval, fileRetrievalPageSchema, fileRetrievalResponseSchema } from './schemas.ts';

/**
 * Cylance Optics file retrieval through the gateway (api-contracts.md §1 "File retrieval", seed 001).
 * The path travels only in the JSON body as `file_path` (Windows backslashes never go into a URL); answers
 * call it `filepath` and may be flat or nested under `data` (fileRetrievalResponseSchema accepts both).
 */
const base = '/api/cylance/devicecommands/v2';

/** One retrieval: an Optics device id (32 uppercase hex digits) and an absolute path on that device. */
export interface FileRetrievalTarget {
  deviceId: string;
  filePath: string;
}

/** Sort keys of `retrieved_files`; `-` prefix for descending (the vendor's convention, seed 004). */
export const fileRetrievalSortKeys = [
  'created_at',
  'hostname',
  'filepath',
  'file_status',
  'device_id',
  'user_login',
] as const;

/** The vendor documents only page, page_size and sort for the history (§1): no server-side filters. */
export interface FileRetrievalHistoryParams {
  page: number;
  pageSize: number;
  sort: string;
}

function commandPath(deviceId: string, command: 'getfile' | 'getfile:get'): string {
  return `${base}/${encodeURIComponent(deviceId)}/${command}`;
}

/** Starts work on the device: never retried blindly (a second POST is a second request). */
export function requestFileRetrieval(target: FileRetrievalTarget): Promise<FileRetrieval> {
  return request(commandPath(target.deviceId, 'getfile'), {
    method: 'POST',
    body: { file_path: target.filePath },
    schema: fileRetrievalResponseSchema,
  });
}

/** A read despite the POST (seed 001): safe to retry. An AVAILABLE answer carries a fresh 10-minute link. */
export function readFileRetrievalStatus(
  target: FileRetrievalTarget,
  signal?: AbortSignal,
): Promise<FileRetrieval> {
  return request(commandPath(target.deviceId, 'getfile:get'), {
    method: 'POST',
    body: { file_path: target.filePath },
    schema: fileRetrievalResponseSchema,
    signal,
  });
}

export function listRetrievedFiles(params: FileRetrievalHistoryParams, signal?: AbortSignal) {
  return request(`${base}/retrieved_files`, {
    schema: fileRetrievalPageSchema,
    query: { page: params.page, page_size: params.pageSize, sort: params.sort },
    signal,
  });
}

/** Status reads of many tracked retrievals share this: at most four in flight, the rest wait their turn. */
const statusReads = createLimiter(4);

export const fileRetrievalQueries = {
  all: () => ['cylance', 'file-retrievals'] as const,
  history: (params: FileRetrievalHistoryParams) =>
    queryOptions({
      queryKey: [...fileRetrievalQueries.all(), 'history', params] as const,
      queryFn: ({ signal }) => listRetrievedFiles(params, signal),
    }),
  status: (target: FileRetrievalTarget) =>
    queryOptions({
      queryKey: [...fileRetrievalQueries.all(), 'status', target.deviceId, target.filePath] as const,
      queryFn: ({ signal }) => statusReads.run(() => readFileRetrievalStatus(target, signal)),
    }),
};
