import { ActionIcon, CopyButton as MantineCopyButton, Tooltip } from '@mantine/core';

/** A small copy-to-clipboard button with a visible confirmation. */
export function CopyButton({ value, label = 'Copy' }: { value: string; label?: string }) {
  return (
    <MantineCopyButton value={value} timeout={1500}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : label} withArrow>
          <ActionIcon variant="subtle" size="sm" aria-label={copied ? 'Copied' : label} onClick={copy}>
            <span aria-hidden>{copied ? '✓' : '⧉'}</span>
          </ActionIcon>
        </Tooltip>
      )}
    </MantineCopyButton>
  );
}
