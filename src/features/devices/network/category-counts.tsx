import { Badge, Box, Group, Text, UnstyledButton } from '@mantine/core';
import { useQueryStates } from 'nuqs';
import { memo, useMemo } from 'react';
import { formatCount } from '../../../lib/format-count.ts';
import type { FacetCount } from './verdict-index.ts';
import { verdictTableParams } from './verdict-url-state.ts';

/**
 * Verdicts per category among the rows the other filters keep (faceting ignores the category filter itself),
 * largest first; a badge toggles the category filter.
 */
const categoryParam = { vcategory: verdictTableParams.vcategory };

export const CategoryCounts = memo(function CategoryCounts({ counts: facet }: { counts: FacetCount[] }) {
  // Only the category parameter: typing in a text filter does not re-render the badges until counts change.
  const [{ vcategory }, setParams] = useQueryStates(categoryParam);
  const counts = useMemo(
    () => facet.map(({ value, count }) => ({ category: value, count })).sort((a, b) => b.count - a.count),
    [facet],
  );
  if (counts.length === 0) return null;
  return (
    <Group gap="xs" role="list" aria-label="Verdicts per category">
      {counts.map(({ category, count }) => {
        const selected = vcategory === category;
        return (
          <Box role="listitem" key={category}>
            <UnstyledButton
              aria-pressed={selected}
              aria-label={`${category || 'No category'}: ${formatCount(count)}`}
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
                  {formatCount(count)}
                </Text>
              </Badge>
            </UnstyledButton>
          </Box>
        );
      })}
    </Group>
  );
});
