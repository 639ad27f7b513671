import { Alert } from '@mantine/core';
import { onlineManager } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

const subscribe = (listener: () => void) => onlineManager.subscribe(listener);
const isOnline = () => onlineManager.isOnline();

/**
 * Offline (issue #10). react-query's onlineManager follows the browser's `online`/`offline` events: while
 * offline, queries pause instead of failing, and when the network returns they refetch and polls carry on —
 * the console resumes by itself. This banner says so, from the same source of truth.
 */
export function OfflineBanner() {
  const online = useSyncExternalStore(subscribe, isOnline, () => true);
  if (online) return null;
  return (
    <Alert color="gray" variant="light" role="alert" title="You are offline" mb="md">
      Vendor calls are paused. Your lookup sets and tracked retrievals are saved in this browser; the console
      carries on by itself when the network is back.
    </Alert>
  );
}
