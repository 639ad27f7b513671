import { Badge, Box, Group, Text, UnstyledButton } from '@mantine/core';
import type { ReactTable } from '@tanstack/react-table';
import { useQueryStates } from 'nuqs';
import type { Verdict } from '../../../api/prisma/schemas.ts';
import type { verdictFeatures } from './verdict-columns.tsx';
import { verdictTableParams } from './verdict-url-state.ts';

/**
 * Verdicts per category among the rows the other filters keep (faceting ignores the category filter itself),
 * largest first; a badge toggles the category filter.
 */
export function CategoryCounts({ table }: { table: ReactTable<typeof verdictFeatures, Verdict> }) {
  const [{ vcategory }, setParams] = useQueryStates(verdictTableParams);
  const counts = [
    ...(table.getColumn('category')?.getFacetedUniqueValues() ?? new Map<unknown, number>()).entries(),
  ]
    .map(([category, count]) => ({ category: String(category), count }))
    .sort((a, b) => b.count - a.count);
  if (counts.length === 0) return null;
  return (
    <Group gap="xs" role="list" aria-label="Verdicts per category">
      {counts.map(({ category, count }) => {
        const selected = vcategory === category;
        return (
          <Box role="listitem" key={category}>
            <UnstyledButton
              aria-pressed={selected}
              aria-label={`${category || 'No category'}: ${count.toLocaleString('en-US')}`}
              onClick={() => void setParams({ vcategory: selected ? null : category })}
            >
              <Badge
                variant={selected ? 'filled' : 'light'}
                color={selected ? 'grape.8' : 'grape'}
                size="lg"
                tt="none"
              >
                {category || 'No category'}{' '}
                <Text span size="xs" fw={700}>
                  {count.toLocaleString('en-US')}
                </Text>
              </Badge>
            </UnstyledButton>
          </Box>
        );
      })}
    </Group>
  );
}
