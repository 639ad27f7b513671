import {
  Button,
  Chip,
  Group,
  NativeSelect,
  Pagination,
  Progress,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { type SortingState, type Updater, useTable } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useCanAct } from '../../auth/use-can-act.ts';
import { DataTable } from '../../components/data-table.tsx';
import { downloadCsv, toCsv } from '../../lib/csv.ts';
import type { FocusLookup, FocusLookupRow } from '../../tracking/focus-lookups.ts';
import classes from './focus-views.module.css';
import {
  LookupRowActionsContext,
  lookupColumns,
  lookupCsvColumns,
  lookupFeatures,
  resultSortToSorting,
  sortingToResultSort,
} from './lookup-columns.tsx';
import { viewRows } from './lookup-view.ts';
import { RequestDialog } from './request-dialog.tsx';
import { focusStatusMeanings, requestableStatuses } from './status.ts';
import { type FocusViewsUrl, resultPageSizes, type SetFocusViewsUrl } from './url-state.ts';
import { useRequestFocusViews } from './use-request-focus-views.ts';
import { useRowHostnames } from './use-row-hostnames.ts';

function RunProgress({
  label,
  settled,
  total,
  onCancel,
}: {
  label: string;
  settled: number;
  total: number;
  onCancel: () => void;
}) {
  return (
    <Group gap="sm" wrap="nowrap">
      <Progress value={total === 0 ? 0 : (settled / total) * 100} w={200} aria-label={label} />
      <Text size="sm" aria-live="polite">
        {label}: {settled} of {total}
      </Text>
      <Button size="xs" variant="default" onClick={onCancel}>
        Cancel
      </Button>
    </Group>
  );
}

/** The lookup set's statuses: counts, filter, sort, request, export — and the rows a tick just changed. */
export function LookupResults({
  lookup,
  url,
  setUrl,
}: {
  lookup: FocusLookup;
  url: FocusViewsUrl;
  setUrl: SetFocusViewsUrl;
}) {
  const requests = useRequestFocusViews();
  const canRequest = useCanAct('request focus views');
  const [dialogRows, setDialogRows] = useState<FocusLookupRow[] | null>(null);
  const named = useRowHostnames(lookup);
  const rows = useMemo(() => viewRows(named, url), [named, url]);
  const pages = Math.max(1, Math.ceil(rows.length / url.rsize));
  const page = Math.min(url.rpage, pages);
  const pageRows = useMemo(
    () => rows.slice((page - 1) * url.rsize, page * url.rsize),
    [rows, page, url.rsize],
  );
  const selected = useMemo(() => new Set(url.selected), [url.selected]);
  const changed = useMemo(
    () => new Set(lookup.lastTick.map((transition) => transition.itemId)),
    [lookup.lastTick],
  );
  const sorting = resultSortToSorting(url.rsort);
  const table = useTable({
    features: lookupFeatures,
    columns: lookupColumns,
    data: pageRows,
    getRowId: (row) => row.key,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) =>
      void setUrl({
        rsort: sortingToResultSort(typeof updater === 'function' ? updater(sorting) : updater),
        rpage: 1,
      }),
    manualSorting: true,
    enableMultiSort: false,
  });
  const actions = useMemo(
    () => ({
      isSelected: (key: string) => selected.has(key),
      toggle: (key: string) =>
        void setUrl(
          {
            selected: selected.has(key)
              ? url.selected.filter((item) => item !== key)
              : [...url.selected, key],
          },
          { history: 'replace' },
        ),
      request: (list: FocusLookupRow[]) => setDialogRows(list),
      requestError: (key: string) => requests.errors.get(key),
      cannotRequest: canRequest.reason,
    }),
    [selected, url.selected, setUrl, requests.errors, canRequest.reason],
  );
  const selectedRows = useMemo(
    () => lookup.rows.filter((row) => selected.has(row.key)),
    [lookup.rows, selected],
  );
  const requestable = useMemo(
    () => rows.filter((row) => row.status && requestableStatuses.has(row.status)),
    [rows],
  );
  const statuses = Object.keys(lookup.counts).sort();

  return (
    <LookupRowActionsContext.Provider value={actions}>
      <Stack gap="sm">
        <Group gap="xs" role="group" aria-label="Counts per status">
          <Chip.Group multiple value={url.show} onChange={(show) => void setUrl({ show, rpage: 1 })}>
            {statuses.map((status) => (
              <Chip key={status} value={status} size="xs">
                {focusStatusMeanings[status]?.label ?? status}: {lookup.counts[status]}
              </Chip>
            ))}
          </Chip.Group>
          <Text size="sm" aria-live="polite">
            {lookup.pendingCount > 0
              ? `Watching ${lookup.pendingCount} pending (one search per 200 pairs per tick)`
              : 'Nothing pending'}
          </Text>
        </Group>
        {lookup.run.running && (
          <RunProgress
            label="Looking up"
            settled={lookup.run.settled}
            total={lookup.run.total}
            onCancel={lookup.run.cancel}
          />
        )}
        {!lookup.run.running && lookup.run.cancelled && (
          <Text size="sm">
            Lookup cancelled after {lookup.run.settled} of {lookup.run.total} searches.
          </Text>
        )}
        {requests.progress.running && (
          <RunProgress
            label="Requesting"
            settled={requests.progress.settled}
            total={requests.progress.total}
            onCancel={requests.cancel}
          />
        )}
        {!requests.progress.running && requests.progress.total > 0 && (
          <Text size="sm" aria-live="polite">
            Requested {requests.progress.total - requests.progress.failed} of {requests.progress.total}
            {requests.progress.failed > 0 ? `; ${requests.progress.failed} failed (see their rows)` : ''}.
          </Text>
        )}
        <Group gap="xs" wrap="wrap">
          <TextInput
            aria-label="Find uid, device id or hostname"
            placeholder="Find uid, device, hostname"
            size="xs"
            value={url.find}
            onChange={(event) =>
              void setUrl({ find: event.currentTarget.value, rpage: 1 }, { history: 'replace' })
            }
          />
          <Button
            size="xs"
            disabled={selectedRows.length === 0 || !canRequest.allowed}
            onClick={() => setDialogRows(selectedRows)}
          >
            Request selected ({selectedRows.length})
          </Button>
          <Button
            size="xs"
            variant="light"
            disabled={requestable.length === 0 || !canRequest.allowed}
            onClick={() => setDialogRows(requestable)}
          >
            Request all requestable ({requestable.length})
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={lookup.run.running}
            onClick={() => lookup.run.start()}
          >
            Look up again
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={rows.length === 0}
            onClick={() => downloadCsv('focus-view-lookup.csv', toCsv(rows, lookupCsvColumns))}
          >
            Export {rows.length} shown (CSV)
          </Button>
        </Group>
        {canRequest.reason && (
          <Text size="sm" c="dimmed">
            {canRequest.reason}
          </Text>
        )}
        <DataTable
          table={table}
          caption="Lookup results"
          screenfulFirst
          empty={<Text>No pair matches these filters.</Text>}
          rowProps={(row) => ({
            className: changed.has(row.key)
              ? classes.changed
              : selected.has(row.key)
                ? classes.selected
                : undefined,
            'data-changed': changed.has(row.key) ? 'true' : undefined,
          })}
        />
        <Group justify="space-between">
          <Pagination
            total={pages}
            value={page}
            onChange={(rpage) => void setUrl({ rpage })}
            getControlProps={(control) => ({ 'aria-label': `${control} results page` })}
            getItemProps={(item) => ({ 'aria-label': `Results page ${item}` })}
          />
          <NativeSelect
            label="Rows per page"
            data={resultPageSizes.map(String)}
            value={String(url.rsize)}
            onChange={(event) =>
              void setUrl({ rsize: Number(event.currentTarget.value) as FocusViewsUrl['rsize'], rpage: 1 })
            }
            w={120}
          />
        </Group>
        <RequestDialog
          key={dialogRows ? dialogRows.length : 0}
          rows={dialogRows}
          onClose={() => setDialogRows(null)}
          onConfirm={(list, choice) => {
            setDialogRows(null);
            requests.start(list, choice);
          }}
        />
      </Stack>
    </LookupRowActionsContext.Provider>
  );
}
