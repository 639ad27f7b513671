/**
 * Colours that pass WCAG AA (axe color-contrast) in both schemes: Mantine's dimmed descriptions and the
 * default indigo.6 filled buttons fall just short on white.
 */
export const readableDescription = { c: 'bright' } as const;
export const actionColor = 'indigo.8';
/** Body text colour, underlined: any primary shade misses AA in one of the two schemes. */
export const linkColor = 'bright';
/** Paths and ids in inputs, without turning labels and errors monospace. */
export const monospaceInput = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };
