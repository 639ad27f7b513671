import { Button, Group, Select, TextInput } from '@mantine/core';
import type { ReactTable } from '@tanstack/react-table';
import { useQueryStates } from 'nuqs';
import type { Verdict } from '../../../api/prisma/schemas.ts';
import type { verdictFeatures } from './verdict-columns.tsx';
import { verdictTableParams } from './verdict-url-state.ts';

const textFilters = [
  { key: 'vip', label: 'IP', placeholder: '10.16.' },
  { key: 'vmac', label: 'MAC', placeholder: 'any spelling' },
  { key: 'vvendor', label: 'Vendor', placeholder: 'Dell' },
  { key: 'vmodel', label: 'Model', placeholder: 'Latitude' },
  { key: 'vos', label: 'OS', placeholder: 'Windows 11' },
  { key: 'vprofile', label: 'Profile', placeholder: 'IP Camera' },
] as const;

/** Choices for a select come from the loaded rows (facets: counts respect the other filters). */
function options(table: ReactTable<typeof verdictFeatures, Verdict>, columnId: string) {
  const values = table.getColumn(columnId)?.getFacetedUniqueValues() ?? new Map<unknown, number>();
  return [...values.entries()]
    .filter(([value]) => value !== '')
    .sort(([a], [b]) => String(a).localeCompare(String(b)))
    .map(([value, count]) => ({ value: String(value), label: `${String(value)} (${count})` }));
}

export function VerdictsToolbar({ table }: { table: ReactTable<typeof verdictFeatures, Verdict> }) {
  const [params, setParams] = useQueryStates(verdictTableParams);
  const active = Object.entries(params).some(([key, value]) => key !== 'vsort' && value);
  return (
    <Group gap="sm" align="flex-end">
      {textFilters.map((filter) => (
        <TextInput
          key={filter.key}
          label={filter.label}
          placeholder={filter.placeholder}
          size="xs"
          w={130}
          value={params[filter.key]}
          onChange={(event) => void setParams({ [filter.key]: event.currentTarget.value || null })}
        />
      ))}
      <Select
        label="OS family"
        size="xs"
        w={150}
        clearable
        data={options(table, 'osFamily')}
        value={params.vfamily || null}
        onChange={(value) => void setParams({ vfamily: value })}
      />
      <Select
        label="Category"
        size="xs"
        w={200}
        clearable
        data={options(table, 'category')}
        value={params.vcategory || null}
        onChange={(value) => void setParams({ vcategory: value })}
      />
      <Button
        size="xs"
        variant="subtle"
        disabled={!active}
        onClick={() =>
          void setParams(
            Object.fromEntries(
              Object.keys(verdictTableParams)
                .filter((key) => key !== 'vsort')
                .map((key) => [key, null]),
            ),
          )
        }
      >
        Clear filters
      </Button>
    </Group>
  );
}
