import { notifications } from '@mantine/notifications';
import { type ColumnDef, type RowSelectionState, type Updater, useTable } from '@tanstack/react-table';
import { useQueryStates } from 'nuqs';
import { maxSnapshotUuids } from '../../../api/eset/devices.ts';
import { formatCount } from '../../../lib/format-count.ts';
import { esetFeatures } from './eset-columns.tsx';
import { esetTabParams } from './eset-params.ts';

/**
 * The snapshot selection lives in the URL (`sel`), shared by the device list and the group members, so a
 * selection survives switching between them and can be shared. TanStack's row selection is driven from it.
 */
export function useEsetSelection() {
  const [{ sel }, setParams] = useQueryStates({ sel: esetTabParams.sel }, { history: 'replace' });
  const rowSelection: RowSelectionState = Object.fromEntries(sel.map((uuid) => [uuid, true]));
  const onRowSelectionChange = (updater: Updater<RowSelectionState>) => {
    const next = typeof updater === 'function' ? updater(rowSelection) : updater;
    const chosen = Object.keys(next).filter((uuid) => next[uuid]);
    if (chosen.length > maxSnapshotUuids) {
      notifications.show({
        color: 'yellow',
        title: `${formatCount(maxSnapshotUuids)} devices selected, not ${formatCount(chosen.length)}`,
        message: `A snapshot takes at most ${formatCount(maxSnapshotUuids)} devices: the selection travels in the link.`,
      });
    }
    void setParams({ sel: chosen.slice(0, maxSnapshotUuids) });
  };
  return { selected: sel, rowSelection, onRowSelectionChange, clear: () => void setParams({ sel: null }) };
}

/** A table of ESET devices (rows keyed by UUID) whose checkboxes drive the URL selection. */
export function useEsetSelectableTable<Row extends { uuid: string }>(
  columns: ColumnDef<typeof esetFeatures, Row, unknown>[],
  data: Row[],
) {
  const selection = useEsetSelection();
  return useTable({
    features: esetFeatures,
    columns,
    data,
    getRowId: (row) => row.uuid,
    state: { rowSelection: selection.rowSelection },
    onRowSelectionChange: selection.onRowSelectionChange,
  });
}
