import { ColorSwatch, Group, type MantineColor, Text } from '@mantine/core';

/**
 * A status as a coloured dot and words in the normal text colour: readable in both colour schemes, where
 * small light badges fall under the 4.5:1 contrast axe asks for.
 */
export function StatusDot({ label, color }: { label: string; color: MantineColor }) {
  return (
    <Group gap={6} wrap="nowrap" component="span">
      <ColorSwatch
        component="span"
        color={`var(--mantine-color-${color.replace('.', '-')})`}
        size={10}
        aria-hidden
      />
      <Text span size="sm" fw={500}>
        {label}
      </Text>
    </Group>
  );
}
