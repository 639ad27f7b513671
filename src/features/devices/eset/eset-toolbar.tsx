import { Group, Select, TagsInput } from '@mantine/core';
import { useQueryStates } from 'nuqs';
import { esetFunctionalityMeanings } from '../shared/eset-status.tsx';
import { esetPageSizes, esetTabParams } from './eset-params.ts';

const statusOptions = Object.entries(esetFunctionalityMeanings).map(([value, meaning]) => ({
  value,
  label: meaning.label,
}));

/** The vendor's own filters (GET /v1/devices): functionality status, muted, exact display names. */
export function EsetToolbar() {
  const [params, setParams] = useQueryStates(
    {
      status: esetTabParams.status,
      muted: esetTabParams.muted,
      names: esetTabParams.names,
      esize: esetTabParams.esize,
    },
    { history: 'push' },
  );
  return (
    <Group gap="sm" align="flex-end">
      <Select
        label="Functionality status"
        placeholder="Any"
        size="xs"
        clearable
        data={statusOptions}
        value={params.status}
        onChange={(value) => void setParams({ status: value as typeof params.status })}
      />
      <Select
        label="Muted"
        placeholder="Any"
        size="xs"
        clearable
        data={[
          { value: 'muted', label: 'Muted only' },
          { value: 'unmuted', label: 'Not muted' },
        ]}
        value={params.muted}
        onChange={(value) => void setParams({ muted: value as typeof params.muted })}
      />
      <TagsInput
        label="Exact display names"
        placeholder="Type a name, press Enter"
        size="xs"
        miw={260}
        value={params.names}
        onChange={(names) => void setParams({ names })}
        clearable
      />
      <Select
        label="Page size"
        size="xs"
        w={110}
        allowDeselect={false}
        data={esetPageSizes.map((size) => ({ value: String(size), label: String(size) }))}
        value={String(params.esize)}
        onChange={(value) => void setParams({ esize: Number(value) as (typeof esetPageSizes)[number] })}
      />
    </Group>
  );
}
