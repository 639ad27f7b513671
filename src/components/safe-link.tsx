import { Anchor, Group, type MantineColor, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { toSafeExternalUrl } from '../lib/safe-url.ts';

/** A vendor URL as a link when it is safe to open, otherwise inert text with the reason (never an href). */
export function SafeLink({
  url,
  children,
  demo,
  c,
}: {
  url: string | null | undefined;
  children: ReactNode;
  demo: boolean;
  /** Link colour; the default primary shade misses WCAG AA contrast on light backgrounds (axe). */
  c?: MantineColor;
}) {
  const safe = toSafeExternalUrl(url, { allowLoopbackHttp: demo });
  if (safe.ok) {
    return (
      <Anchor href={safe.href} target="_blank" rel="noopener noreferrer" c={c} underline="always">
        {children}
      </Anchor>
    );
  }
  if (!url) return null;
  return (
    <Tooltip label={`Not a safe link: ${safe.reason}`}>
      <Group gap={4} wrap="nowrap">
        <Text span c="orange" size="sm" aria-hidden>
          ⚠
        </Text>
        <Text span size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {url.slice(0, 200)}
        </Text>
      </Group>
    </Tooltip>
  );
}
