import { Badge, Group, type MantineColor } from '@mantine/core';
import type { SourceName } from '../../../lib/correlate.ts';

export const sourceLabels: Record<SourceName, string> = {
  cylance: 'Cylance',
  eset: 'ESET',
  prisma: 'Prisma',
};
const sourceColors: Record<SourceName, MantineColor> = { cylance: 'teal', eset: 'blue', prisma: 'grape' };

/** `dot`: the label keeps the body text colour, which passes WCAG AA contrast in both schemes. */
export function SourceBadge({ source }: { source: SourceName }) {
  return (
    <Badge color={sourceColors[source]} variant="dot" size="sm">
      {sourceLabels[source]}
    </Badge>
  );
}

/** One badge per vendor that knows the machine. */
export function SourceBadges({ sources }: { sources: readonly SourceName[] }) {
  return (
    <Group
      gap={4}
      wrap="nowrap"
      aria-label={`Known to ${sources.map((source) => sourceLabels[source]).join(', ')}`}
    >
      {sources.map((source) => (
        <SourceBadge key={source} source={source} />
      ))}
    </Group>
  );
}
