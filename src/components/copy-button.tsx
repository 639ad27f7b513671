import { ActionIcon, CopyButton as MantineCopyButton } from '@mantine/core';
import { HoverTooltip } from './hover-tooltip.tsx';

function CopyIcon({ copied }: { copied: boolean }) {
  // Inline SVG: the ⧉ glyph is missing from common system fonts and renders as an empty box.
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden
    >
      {copied ? (
        <path d="M5 12l5 5 9-11" strokeLinecap="round" strokeLinejoin="round" />
      ) : (
        <>
          <rect x="9" y="9" width="11" height="11" rx="2" />
          <path d="M5 15V5a2 2 0 0 1 2-2h8" strokeLinecap="round" />
        </>
      )}
    </svg>
  );
}

/** A small copy-to-clipboard button with a visible confirmation. */
export function CopyButton({ value, label = 'Copy' }: { value: string; label?: string }) {
  return (
    <MantineCopyButton value={value} timeout={1500}>
      {({ copied, copy }) => (
        <HoverTooltip label={copied ? 'Copied' : label} withArrow>
          <ActionIcon variant="subtle" size="sm" aria-label={copied ? 'Copied' : label} onClick={copy}>
            <CopyIcon copied={copied} />
          </ActionIcon>
        </HoverTooltip>
      )}
    </MantineCopyButton>
  );
}
