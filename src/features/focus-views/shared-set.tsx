import { Alert, Button, Group, Text } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { maxSearchPairs } from '../../api/cylance/focus-views.ts';
import { decodePairs, encodePairs } from '../../lib/focus-pair-codec.ts';
import { lookupSetStore, type TrackedPair } from '../../tracking/focus-lookup-store.ts';
import type { FocusViewsUrl, SetFocusViewsUrl } from './url-state.ts';

/**
 * Keeps the URL's `set` and the durable lookup set in step (issue #3 "Shareable and durable"):
 * - a link with a set opens that set; if a different set is already tracked here, the analyst chooses;
 * - a tracked set of up to 200 pairs is written into the URL (history replace), so the address bar is
 *   always a link that reproduces the view; a larger set lives only in localStorage and CSV.
 */
export function useSharedSet(
  pairs: readonly TrackedPair[],
  savedAt: number,
  url: FocusViewsUrl,
  setUrl: SetFocusViewsUrl,
) {
  const [conflict, setConflict] = useState<{ pairs: TrackedPair[] } | null>(null);
  const [unreadable, setUnreadable] = useState(false);
  const own = useMemo(
    () => (pairs.length > 0 && pairs.length <= maxSearchPairs ? encodePairs(pairs) : null),
    [pairs],
  );

  // Which side moved decides who wins: a new link (on arrival or navigation) is read; a change to the tracked
  // set (lookup, add, clear) is written over whatever link the address bar still shows.
  const last = useRef<{ set: string | null; savedAt: number } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the link or the tracked set (savedAt) changes.
  useEffect(() => {
    const previous = last.current;
    last.current = { set: url.set, savedAt };
    if (conflict) return;
    const linkMoved = previous === null || (previous.set !== url.set && previous.savedAt === savedAt);
    if (linkMoved && url.set && url.set !== own) {
      const linked = decodePairs(url.set);
      if (!linked) {
        setUnreadable(true);
        void setUrl({ set: own }, { history: 'replace' });
      } else if (pairs.length === 0) lookupSetStore.replace(linked);
      else setConflict({ pairs: linked });
      return;
    }
    if (url.set !== own) void setUrl({ set: own }, { history: 'replace' });
  }, [url.set, own, savedAt, conflict]);

  const banner = (
    <>
      {unreadable && (
        <Alert
          color="yellow"
          withCloseButton
          onClose={() => setUnreadable(false)}
          title="The link's lookup set could not be read"
        >
          It may have been cut short when it was copied. Your tracked set is unchanged.
        </Alert>
      )}
      {conflict && (
        <Alert color="blue" title="This link carries a different lookup set">
          <Text size="sm">
            The link has {conflict.pairs.length} pairs; {pairs.length} are tracked here. Opening the link's
            set replaces the tracked one (export it as CSV first to keep it).
          </Text>
          <Group gap="xs" mt="xs">
            <Button
              size="xs"
              onClick={() => {
                lookupSetStore.replace(conflict.pairs);
                setConflict(null);
              }}
            >
              Open the link's {conflict.pairs.length} pairs
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                setConflict(null);
                void setUrl({ set: own }, { history: 'replace' });
              }}
            >
              Keep the {pairs.length} tracked
            </Button>
          </Group>
        </Alert>
      )}
    </>
  );
  return { banner };
}
