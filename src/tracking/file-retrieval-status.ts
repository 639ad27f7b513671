import type { StatusMeaning } from '../components/status-badge.tsx';

/**
 * File retrieval statuses in words (api-contracts.md §1, seed 001), shared by the file-retrievals page and the
 * overview so both say the same thing. Plain strings: an unknown future status shows as "unknown (X)".
 */
export const fileStatusMeanings: Record<string, StatusMeaning> = {
  REQUEST: {
    label: 'Not requested',
    color: 'gray',
    description: 'The file has not been requested from this device yet; it can be requested.',
  },
  PENDING: {
    label: 'Pending',
    color: 'blue',
    description: 'Requested; waiting for the device to upload the file.',
  },
  AVAILABLE: {
    label: 'Available',
    color: 'green',
    description: 'Retrieved: a download link valid for 10 minutes is issued each time the status is read.',
  },
  DOES_NOT_EXIST: {
    label: 'Not found',
    color: 'orange',
    description: 'The path was not found on the device.',
  },
  UNAVAILABLE: {
    label: 'Unavailable',
    color: 'red',
    description:
      'The device is offline or failed to upload the file. It can be requested again one hour later.',
  },
  RETRY_REQUEST: {
    label: 'Retry possible',
    color: 'yellow',
    description: 'Requested earlier but nothing came back; it can be requested again.',
  },
};

/** Statuses from which the analyst can start a new request. */
export const requestableStatuses = new Set(['REQUEST', 'RETRY_REQUEST', 'DOES_NOT_EXIST', 'AVAILABLE']);
