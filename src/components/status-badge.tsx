import { Badge, type MantineColor } from '@mantine/core';
import { HoverTooltip } from './hover-tooltip.tsx';

export interface StatusMeaning {
  label: string;
  color: MantineColor;
  /** What the status means, in words, for the tooltip and screen readers. */
  description: string;
}

/**
 * A status badge for any vendor enum. A value the console does not know yet shows as
 * "unknown (VALUE)" instead of breaking the page.
 */
export function StatusBadge({
  status,
  meanings,
  variant = 'light',
}: {
  status: string;
  meanings: Record<string, StatusMeaning>;
  /**
   * `dot` keeps the label in the body text colour: green/orange `light` labels miss WCAG AA contrast
   * at badge size in the light scheme (axe color-contrast), `dot` passes in both schemes.
   */
  variant?: 'light' | 'dot';
}) {
  const meaning = meanings[status] ?? {
    label: `unknown (${status})`,
    color: 'gray',
    description: `The vendor returned a status the console does not know: ${status}`,
  };
  return (
    <HoverTooltip label={meaning.description} withArrow multiline maw={320}>
      <Badge
        color={meaning.color}
        variant={variant}
        aria-label={`${meaning.label}: ${meaning.description}`}
        // A narrow table column must grow to fit the status, not cut it to "A…".
        miw="max-content"
      >
        {meaning.label}
      </Badge>
    </HoverTooltip>
  );
}
