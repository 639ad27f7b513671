import { Code } from '@mantine/core';

/**
 * A long id shown by its first characters and an ellipsis, cut by CSS: the whole id stays the element's text
 * (screen readers, selection, find-in-page and tests read all of it) and its title. Shown whole, two such ids
 * per row pushed a table past a 1 400 px screen, and a UUID wrapped onto four lines.
 */
export const truncatedIdStyle = {
  display: 'inline-block',
  maxWidth: '10ch',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  verticalAlign: 'bottom',
} as const;

export function ShortId({ value }: { value: string }) {
  return (
    <Code fz="xs" title={value} style={truncatedIdStyle}>
      {value}
    </Code>
  );
}
