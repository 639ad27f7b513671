import { Anchor, Button, Checkbox, Group, Loader, Stack, Text, VisuallyHidden } from '@mantine/core';
import {
  createColumnHelper,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
} from '@tanstack/react-table';
import { createContext, useContext } from 'react';
import { Link } from 'react-router';
import { CopyButton } from '../../components/copy-button.tsx';
import { describeError } from '../../components/error-state.tsx';
import { HoverTooltip } from '../../components/hover-tooltip.tsx';
import { truncatedIdStyle } from '../../components/short-id.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import type { CsvColumn } from '../../lib/csv.ts';
import type { FocusLookupRow } from '../../tracking/focus-lookups.ts';
import { IdCell } from './list-columns.tsx';
import { focusStatusMeanings, whyNotRequestable } from './status.ts';
import type { ResultSort } from './url-state.ts';

/** What a row's cells can do: kept in context so the column definitions stay at module level. */
export interface LookupRowActions {
  isSelected: (key: string) => boolean;
  toggle: (key: string) => void;
  request: (rows: FocusLookupRow[]) => void;
  /** Per-row failure of the analyst's own request (409, 400…), shown under the status. */
  requestError: (key: string) => unknown;
  /** Why this person may not request at all (role), read once for the table rather than once per row. */
  cannotRequest?: string;
}
export const LookupRowActionsContext = createContext<LookupRowActions | null>(null);
function useActions(): LookupRowActions {
  const actions = useContext(LookupRowActionsContext);
  if (!actions) throw new Error('LookupRowActionsContext is missing');
  return actions;
}

// Filtering, sorting and paging happen before the table (URL-driven); the table only shows sort marks.
export const lookupFeatures = tableFeatures({ rowSortingFeature });
const column = createColumnHelper<typeof lookupFeatures, FocusLookupRow>();

export function resultSortToSorting(sort: ResultSort): SortingState {
  if (sort === 'order') return [];
  const desc = sort.startsWith('-');
  return [{ id: desc ? sort.slice(1) : sort, desc }];
}

export function sortingToResultSort(sorting: SortingState): ResultSort {
  const [first] = sorting;
  if (!first) return 'order';
  return (first.desc ? `-${first.id}` : first.id) as ResultSort;
}

function SelectCell({ row }: { row: FocusLookupRow }) {
  const actions = useActions();
  return (
    <Checkbox
      aria-label={`Select ${row.uid} on ${row.hostname ?? row.device_id}`}
      checked={actions.isSelected(row.key)}
      onChange={() => actions.toggle(row.key)}
    />
  );
}

/** The focus id, shortened (components/short-id.tsx), links to the summary; the copy button copies it whole. */
function FocusIdLink({ focusId }: { focusId: string }) {
  return (
    <Group gap={2} wrap="nowrap">
      <Anchor
        component={Link}
        to={`/focus-views/${encodeURIComponent(focusId)}`}
        ff="monospace"
        size="xs"
        title={focusId}
        style={truncatedIdStyle}
      >
        {focusId}
      </Anchor>
      <CopyButton value={focusId} label={`Copy focus id ${focusId}`} />
    </Group>
  );
}

function StatusCell({ row }: { row: FocusLookupRow }) {
  const actions = useActions();
  const error = row.error ?? actions.requestError(row.key);
  const described = error ? describeError(error) : null;
  return (
    <Stack gap={2}>
      <Group gap={4} wrap="nowrap">
        <StatusBadge status={row.status ?? 'NOT_CHECKED'} meanings={focusStatusMeanings} variant="dot" />
        {row.checking && <Loader size={12} aria-label="Checking" />}
      </Group>
      {described && (
        <Text size="xs" c="var(--mantine-color-error)" maw={320}>
          {described.title}: {described.detail}
          {described.requestId ? ` Request id ${described.requestId}.` : ''}
        </Text>
      )}
    </Stack>
  );
}

function ActionCell({ row }: { row: FocusLookupRow }) {
  const actions = useActions();
  const why = actions.cannotRequest ?? whyNotRequestable(row.status, Boolean(row.error));
  if (why) {
    return (
      <HoverTooltip label={why} withArrow multiline maw={260}>
        <Button
          size="compact-xs"
          variant="default"
          data-disabled
          aria-disabled
          onClick={(event) => event.preventDefault()}
        >
          Cannot request<VisuallyHidden>{`: ${why}`}</VisuallyHidden>
        </Button>
      </HoverTooltip>
    );
  }
  return (
    <Button
      size="compact-xs"
      variant="light"
      onClick={() => actions.request([row])}
      aria-label={`Request focus view for ${row.uid}`}
    >
      Request
    </Button>
  );
}

export const lookupColumns = column.columns([
  column.display({
    id: 'select',
    header: 'Select',
    enableSorting: false,
    cell: ({ row }) => <SelectCell row={row.original} />,
  }),
  column.accessor('uid', {
    header: 'Event uid',
    cell: (info) => <IdCell value={info.getValue()} label="event uid" />,
  }),
  column.accessor('device_id', {
    header: 'Device id',
    cell: (info) => <IdCell value={info.getValue()} label="device id" />,
  }),
  column.accessor('hostname', {
    header: 'Hostname',
    // One line: hostnames break at their hyphens otherwise ("WKS-FIN-" / "0099").
    cell: (info) => (
      <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
        {info.getValue() ?? '—'}
      </Text>
    ),
  }),
  column.accessor('status', { header: 'Status', cell: ({ row }) => <StatusCell row={row.original} /> }),
  column.accessor('focusId', {
    id: 'focus_id',
    header: 'Focus view',
    cell: ({ row }) =>
      row.original.status === 'AVAILABLE' && row.original.focusId ? (
        <FocusIdLink focusId={row.original.focusId} />
      ) : (
        '—'
      ),
  }),
  column.display({
    id: 'action',
    header: 'Request',
    enableSorting: false,
    cell: ({ row }) => <ActionCell row={row.original} />,
  }),
]);

export const lookupCsvColumns: CsvColumn<FocusLookupRow>[] = [
  { header: 'uid', value: (row) => row.uid },
  { header: 'device_id', value: (row) => row.device_id },
  { header: 'hostname', value: (row) => row.hostname },
  { header: 'artifact_type', value: (row) => row.artifact_type },
  { header: 'status', value: (row) => row.status ?? 'NOT_CHECKED' },
  { header: 'focus_id', value: (row) => row.focusId },
  { header: 'error', value: (row) => (row.error ? describeError(row.error).detail : '') },
];
