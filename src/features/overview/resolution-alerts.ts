import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { type StatusTransition, transitionStore } from '../../tracking/transitions.ts';

/**
 * Telling the analyst about resolutions that happen while the tab is hidden (issue #7): one browser
 * notification when they allowed it (asked only after a click), otherwise one toast when they come back.
 * While the overview is visible, the feed itself is the announcement.
 */

type NotificationPermissionState = NotificationPermission | 'unsupported';

function currentPermission(): NotificationPermissionState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

// Permission changes only through our button (or browser settings, read again on return to the tab).
const permissionListeners = new Set<() => void>();
function subscribePermission(listener: () => void) {
  permissionListeners.add(listener);
  document.addEventListener('visibilitychange', listener);
  return () => {
    permissionListeners.delete(listener);
    document.removeEventListener('visibilitychange', listener);
  };
}

export function useNotificationPermission() {
  const permission = useSyncExternalStore(subscribePermission, currentPermission);
  const request = useCallback(async () => {
    if (typeof Notification === 'undefined') return;
    await Notification.requestPermission();
    for (const listener of permissionListeners) listener();
  }, []);
  return { permission, request };
}

/** A resolution: the vendor finished (or gave up on) work that was pending. */
function isResolution(transition: StatusTransition): boolean {
  return transition.from === 'PENDING';
}

function describeResolutions(transitions: readonly StatusTransition[]): string {
  const counts = new Map<string, number>();
  for (const transition of transitions) counts.set(transition.to, (counts.get(transition.to) ?? 0) + 1);
  const parts = [...counts].map(([status, count]) => `${count} ${status.toLowerCase().replaceAll('_', ' ')}`);
  const total = transitions.length;
  return `${total} tracked item${total === 1 ? '' : 's'} resolved: ${parts.join(', ')}.`;
}

const notificationTag = 'triage-console-resolved';

/**
 * Watches the shared transition feed (the trackers record into it) and, for resolutions seen while the tab
 * is hidden, raises one browser notification — replaced in place (same tag) as more arrive, never stacked —
 * or, without permission, one toast when the analyst comes back.
 */
export function useResolutionAlerts(): void {
  useEffect(() => {
    let whileHidden: StatusTransition[] = [];
    let notified = false;
    let known = new Set(transitionStore.getSnapshot().feed.map((transition) => transition.key));
    const unsubscribe = transitionStore.subscribe(() => {
      const feed = transitionStore.getSnapshot().feed;
      const added = feed.filter((transition) => !known.has(transition.key) && isResolution(transition));
      known = new Set(feed.map((transition) => transition.key));
      if (added.length === 0 || document.visibilityState === 'visible') return;
      whileHidden = [...whileHidden, ...added];
      if (currentPermission() !== 'granted') return;
      new Notification('Triage Console', { body: describeResolutions(whileHidden), tag: notificationTag });
      notified = true;
    });
    const onVisibility = () => {
      if (document.visibilityState !== 'visible') return;
      if (whileHidden.length > 0 && !notified) {
        notifications.show({
          title: 'While you were away',
          message: describeResolutions(whileHidden),
          color: 'green',
        });
      }
      whileHidden = [];
      notified = false;
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      unsubscribe();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
}
