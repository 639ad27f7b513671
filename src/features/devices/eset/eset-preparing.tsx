import { Alert, Progress, Stack, Text } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import { esetPreparingStore, esetReplayDefaults } from '../../../api/eset/replay.ts';

/**
 * ESET answers slow requests with 202 + `response-id` and the console replays them (api-contracts.md §2).
 * While that happens the analyst sees it, with the upper bound after which the console gives up.
 */
export function EsetPreparingNotice() {
  const preparing = useSyncExternalStore(esetPreparingStore.subscribe, esetPreparingStore.getSnapshot);
  if (preparing.length === 0) return null;
  const boundSeconds = Math.round(esetReplayDefaults.maxWaitMs / 1000);
  return (
    <Alert color="blue" title="ESET is preparing the answer" role="status">
      <Stack gap={6}>
        {preparing.map((item) => {
          const waited = Math.max(0, Date.now() - item.startedAt);
          return (
            <Stack key={item.key} gap={2}>
              <Text size="sm">
                {item.path.replace(/^\/api\/eset/, '')}: asked {item.attempts} time
                {item.attempts === 1 ? '' : 's'}, waited {Math.round(waited / 1000)} s; the console gives up
                after {boundSeconds} s.
              </Text>
              <Progress
                value={Math.min(100, (waited / esetReplayDefaults.maxWaitMs) * 100)}
                aria-label={`Waiting for ESET: ${item.path}`}
                size="sm"
              />
            </Stack>
          );
        })}
      </Stack>
    </Alert>
  );
}
