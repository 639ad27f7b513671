// Mantine's Tooltip as a module of its own, so hover-tooltip.tsx can load it (with floating-ui) on first hover.
export { Tooltip as default } from '@mantine/core';
