import { Text } from '@mantine/core';
import { formatRelative, formatVendorTime } from '../lib/vendor-time.ts';
import { HoverTooltip } from './hover-tooltip.tsx';

/** "3 days ago", with the exact UTC time on hover (and for screen readers, as the tooltip's label). */
export function RelativeTime({ value }: { value: string | null | undefined }) {
  if (!value)
    return (
      <Text span size="sm">
        —
      </Text>
    );
  return (
    <HoverTooltip label={formatVendorTime(value)} withArrow>
      <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatRelative(value)}
      </Text>
    </HoverTooltip>
  );
}
