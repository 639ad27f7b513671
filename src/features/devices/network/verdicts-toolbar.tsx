import { Button, Group, Select, TextInput } from '@mantine/core';
import { useQueryStates } from 'nuqs';
import { type ChangeEvent, memo, useCallback, useMemo } from 'react';
import type { FacetColumn, FacetCount } from './verdict-index.ts';
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
function options(facet: FacetCount[]) {
  return facet
    .filter(({ value }) => value !== '')
    .sort((a, b) => a.value.localeCompare(b.value))
    .map(({ value, count }) => ({ value, label: `${value} (${count})` }));
}

type TextFilterKey = (typeof textFilters)[number]['key'];

// Memoised inputs: a keystroke re-renders the input typed in, not the other five and the two selects.
const FilterInput = memo(function FilterInput({
  label,
  placeholder,
  value,
  onChange,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}) {
  return (
    <TextInput label={label} placeholder={placeholder} size="xs" w={130} value={value} onChange={onChange} />
  );
});

const FacetSelect = memo(function FacetSelect({
  label,
  width,
  facet,
  value,
  onChange,
}: {
  label: string;
  width: number;
  facet: FacetCount[];
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  const data = useMemo(() => options(facet), [facet]);
  return <Select label={label} size="xs" w={width} clearable data={data} value={value} onChange={onChange} />;
});

export function VerdictsToolbar({ facets }: { facets: Record<FacetColumn, FacetCount[]> }) {
  const [params, setParams] = useQueryStates(verdictTableParams);
  const onText = useMemo(
    () =>
      Object.fromEntries(
        textFilters.map(({ key }) => [
          key,
          (event: ChangeEvent<HTMLInputElement>) =>
            void setParams({ [key]: event.currentTarget.value || null }),
        ]),
      ) as Record<TextFilterKey, (event: ChangeEvent<HTMLInputElement>) => void>,
    [setParams],
  );
  const onFamily = useCallback((value: string | null) => void setParams({ vfamily: value }), [setParams]);
  const onCategory = useCallback((value: string | null) => void setParams({ vcategory: value }), [setParams]);
  const active = Object.entries(params).some(([key, value]) => key !== 'vsort' && value);
  return (
    <Group gap="sm" align="flex-end">
      {textFilters.map((filter) => (
        <FilterInput
          key={filter.key}
          label={filter.label}
          placeholder={filter.placeholder}
          value={params[filter.key]}
          onChange={onText[filter.key]}
        />
      ))}
      <FacetSelect
        label="OS family"
        width={150}
        facet={facets.osFamily}
        value={params.vfamily || null}
        onChange={onFamily}
      />
      <FacetSelect
        label="Category"
        width={200}
        facet={facets.category}
        value={params.vcategory || null}
        onChange={onCategory}
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
