import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { focusViewQueries, requestFocusView } from '../../api/cylance/focus-views.ts';
import { type ArtifactType, artifactTypes } from '../../api/cylance/schemas.ts';
import { runLimited } from '../../lib/chunk.ts';
import { startLookup } from '../../tracking/focus-lookup-run.ts';
import type { FocusLookupRow } from '../../tracking/focus-lookups.ts';

/** One POST per pair, a few at a time (the vendor rate-limits, api-contracts.md §1). */
const requestConcurrency = 4;

export interface RequestChoice {
  /** For rows whose artifact type is not known from the focus-view list. */
  artifactType: ArtifactType;
  /** Required by the vendor with artifact type Protect (api-contracts.md §1 request body). */
  threatType: string;
  description: string;
}

export function knownArtifactType(row: Pick<FocusLookupRow, 'artifact_type'>): ArtifactType | undefined {
  return artifactTypes.find((type) => type === row.artifact_type);
}

export interface RequestProgress {
  running: boolean;
  total: number;
  settled: number;
  failed: number;
}

/**
 * Requests focus views for rows in REQUEST / RETRY_REQUEST (`POST /foci/v2`), then searches those pairs again
 * so their new PENDING status starts the watch by itself, and refreshes the existing list. Work-starting calls
 * are never retried blindly (query-client.ts); a failure stays on its own row.
 */
export function useRequestFocusViews() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<RequestProgress>({
    running: false,
    total: 0,
    settled: 0,
    failed: 0,
  });
  const [errors, setErrors] = useState<ReadonlyMap<string, unknown>>(new Map());
  const cancelRef = useRef<(() => void) | null>(null);

  const start = (rows: readonly FocusLookupRow[], choice: RequestChoice) => {
    const failures = new Map<string, unknown>();
    setErrors((previous) => {
      const next = new Map(previous);
      for (const row of rows) next.delete(row.key);
      return next;
    });
    setProgress({ running: true, total: rows.length, settled: 0, failed: 0 });
    const run = runLimited(
      rows,
      (row, signal) => {
        const artifactType = knownArtifactType(row) ?? choice.artifactType;
        return requestFocusView(
          {
            device_id: row.device_id,
            artifact_type: artifactType,
            artifact_subtype: 'Uid',
            value: row.uid,
            threat_type: artifactType === 'Protect' ? choice.threatType.trim() : undefined,
            description: choice.description.trim() || undefined,
          },
          signal,
        );
      },
      {
        concurrency: requestConcurrency,
        onProgress: (next) => setProgress({ running: true, ...next }),
        onError: (index, error) => {
          const row = rows[index];
          if (row) failures.set(row.key, error);
        },
      },
    );
    cancelRef.current = run.cancel;
    void run.done.then((result) => {
      cancelRef.current = null;
      setProgress({ running: false, total: result.total, settled: result.settled, failed: result.failed });
      setErrors((previous) => new Map([...previous, ...failures]));
      void queryClient.invalidateQueries({ queryKey: focusViewQueries.lists() });
      // Ask again for every requested pair: PENDING (or a 409's real status) replaces REQUEST.
      void startLookup(queryClient, rows, true);
    });
  };

  return { start, progress, errors, cancel: () => cancelRef.current?.() };
}
