import { Badge, Stack, Tooltip } from '@mantine/core';
import type { Conflict } from '../../../lib/correlate.ts';
import { sourceLabels } from './source-badges.tsx';

export function describeConflict(conflict: Conflict): string {
  if (conflict.kind === 'hostname') return `Hostnames differ: ${conflict.hostnames.join(' / ')}`;
  return `${conflict.count} ${sourceLabels[conflict.source]} records share this machine`;
}

/** Conflicts stay visible in the row: the analyst decides which name is right, the console does not. */
export function ConflictBadges({ conflicts }: { conflicts: readonly Conflict[] }) {
  if (conflicts.length === 0) return null;
  return (
    <Stack gap={2}>
      {conflicts.map((conflict) => {
        const text = describeConflict(conflict);
        return (
          <Tooltip key={text} label={text} multiline maw={320}>
            <Badge color="orange" variant="dot" size="sm" aria-label={`Conflict: ${text}`}>
              {conflict.kind === 'hostname' ? 'Name conflict' : 'Duplicate'}
            </Badge>
          </Tooltip>
        );
      })}
    </Stack>
  );
}
