import { Alert, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import type { FocusView } from '../../api/cylance/schemas.ts';
import { formatCount } from '../../lib/format-count.ts';
import { lookupSetStore } from '../../tracking/focus-lookup-store.ts';
import { useFocusLookup } from '../../tracking/focus-lookups.ts';
import type { StatusTransition } from '../../tracking/transitions.ts';
import { ListPanel } from './list-panel.tsx';
import { LookupInput } from './lookup-input.tsx';
import { LookupResults } from './lookup-results.tsx';
import { useSharedSet } from './shared-set.tsx';
import { focusStatusMeanings } from './status.ts';
import { useFocusViewsUrl } from './url-state.ts';

/** "12 became Available, 1 became Does not exist": one message for a whole tick (issue #3 "Watching"). */
export function summarizeTick(transitions: readonly StatusTransition[]): string {
  const byStatus = new Map<string, number>();
  for (const transition of transitions) byStatus.set(transition.to, (byStatus.get(transition.to) ?? 0) + 1);
  return [...byStatus]
    .map(
      ([status, count]) =>
        `${count} ${count === 1 ? 'focus view' : 'focus views'} became ${focusStatusMeanings[status]?.label.toLowerCase() ?? status}`,
    )
    .join(', ');
}

/** Clearing forgets the set in this browser: one more click, saying how many pairs go. */
function ClearSetButton({ count }: { count: number }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <Button size="xs" color="red" variant="subtle" onClick={() => setConfirming(true)}>
        Clear the lookup set
      </Button>
    );
  }
  return (
    <Group gap="xs">
      <Text size="sm">Forget {count} pairs in this browser?</Text>
      <Button
        size="xs"
        color="red"
        onClick={() => {
          lookupSetStore.clear();
          setConfirming(false);
        }}
      >
        Clear {count} pairs
      </Button>
      <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
        Keep them
      </Button>
    </Group>
  );
}

export function FocusViewsPage() {
  const [url, setUrl] = useFocusViewsUrl();
  // The page's one useFocusLookup: it owns the lookup run and the pending poll while the page is open.
  const lookup = useFocusLookup();
  const { banner } = useSharedSet(lookup.pairs, lookup.savedAt, url, setUrl);
  // Without `tab`, a link that carries a set or a selection opens the lookup; decided once, on arrival, so
  // writing the tracked set into the URL later does not switch tabs under the analyst.
  const [arrivalTab] = useState(() => (url.set || url.selected.length > 0 ? 'lookup' : 'list'));
  const tab = url.tab ?? arrivalTab;

  const tick = lookup.lastTick;
  const tickAt = tick[0]?.at;
  // biome-ignore lint/correctness/useExhaustiveDependencies: one toast per tick, keyed by the tick's time.
  useEffect(() => {
    if (tick.length === 0) return;
    // No title: Mantine dims the message under a title below WCAG AA contrast.
    notifications.show({
      id: `focus-tick-${tickAt}`,
      message: `Focus views updated: ${summarizeTick(tick)}.`,
      closeButtonProps: { 'aria-label': 'Close notification' },
    });
  }, [tickAt]);

  // An Overview link selects one pair: open the results page that holds it.
  const firstSelected = url.selected[0];
  const selectedIndex = useMemo(
    () => (firstSelected ? lookup.rows.findIndex((row) => row.key === firstSelected) : -1),
    [firstSelected, lookup.rows],
  );
  const resultsUrl =
    url.rpage === 1 &&
    selectedIndex >= url.rsize &&
    url.rsort === 'order' &&
    url.show.length === 0 &&
    url.find === ''
      ? { ...url, rpage: Math.floor(selectedIndex / url.rsize) + 1 }
      : url;

  const addFromList = (views: FocusView[]) => {
    const added = lookupSetStore.add(
      views.map((view) => ({
        uid: view.value,
        device_id: view.device_id,
        hostname: view.hostname ?? undefined,
        artifact_type: view.artifact_type,
      })),
    );
    notifications.show({
      message: `${added} pair${added === 1 ? '' : 's'} added to the lookup`,
      closeButtonProps: { 'aria-label': 'Close notification' },
    });
    void setUrl({ tab: 'lookup' });
  };

  return (
    <Stack gap="md">
      <Title order={1}>Focus views</Title>
      {banner}
      {lookup.storageError && (
        <Alert color="orange" title="The lookup set is not saved">
          {lookup.storageError}
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(value) => void setUrl({ tab: value === 'lookup' ? 'lookup' : 'list' })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="list">Existing focus views</Tabs.Tab>
          <Tabs.Tab value="lookup">
            Status lookup{lookup.pairs.length > 0 ? ` (${lookup.pairs.length})` : ''}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list" pt="md">
          <ListPanel url={url} setUrl={setUrl} onLookUp={addFromList} />
        </Tabs.Panel>
        <Tabs.Panel value="lookup" pt="md">
          <Stack gap="md">
            <LookupInput
              trackedCount={lookup.pairs.length}
              onLookUp={(pairs, mode) => {
                // Written to localStorage first; the tracker then looks the new set up by itself.
                if (mode === 'replace') lookupSetStore.replace(pairs);
                else lookupSetStore.add(pairs);
                void setUrl({ show: [], find: '', rpage: 1, selected: [] });
              }}
            />
            {lookup.pairs.length > 0 ? (
              <>
                <Group justify="space-between">
                  <Text size="sm">
                    {formatCount(lookup.pairs.length)} pairs tracked in this browser
                    {lookup.pairs.length <= 200
                      ? '; the address bar is a link to this set.'
                      : ' (over 200: share it as CSV).'}
                  </Text>
                  <ClearSetButton count={lookup.pairs.length} />
                </Group>
                <LookupResults lookup={lookup} url={resultsUrl} setUrl={setUrl} />
              </>
            ) : (
              <Text>
                No pairs tracked. Paste some above, upload a CSV, or pick them from the existing focus views.
              </Text>
            )}
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
