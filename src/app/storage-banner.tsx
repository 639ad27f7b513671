import { Alert, Stack } from '@mantine/core';
import { useState, useSyncExternalStore } from 'react';
import { storageProblems } from '../lib/local-store.ts';

/**
 * Local storage problems (issue #10 "a full local storage is reported, not silently dropped"): the tracked
 * work then lives in this tab only, and the analyst must know before closing it. Dismissing hides the
 * problems seen so far; a new one shows again.
 */
export function StorageBanner() {
  const problems = useSyncExternalStore(storageProblems.subscribe, storageProblems.getSnapshot);
  const [dismissedAt, setDismissedAt] = useState(0);
  const visible = problems.filter((problem) => problem.at > dismissedAt);
  if (visible.length === 0) return null;
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      title="Your tracked work could not be saved in this browser"
      withCloseButton
      closeButtonLabel="Dismiss the storage warning"
      onClose={() => setDismissedAt(Math.max(...visible.map((problem) => problem.at)))}
      mb="md"
    >
      <Stack gap={4}>
        {visible.map((problem) => (
          <span key={problem.key}>{problem.message}</span>
        ))}
      </Stack>
    </Alert>
  );
}
