import { type ColumnDef, type RowSelectionState, type Updater, useTable } from '@tanstack/react-table';
import { useQueryStates } from 'nuqs';
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
    void setParams({ sel: Object.keys(next).filter((uuid) => next[uuid]) });
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
