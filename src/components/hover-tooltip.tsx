import type { TooltipProps } from '@mantine/core';
import { cloneElement, lazy, type PointerEvent, type ReactElement, Suspense, useState } from 'react';

// Loaded on the first hover anywhere: Mantine's Tooltip and floating-ui are ≈ 44 kB of code that the shell
// (the theme toggle's tooltip) would otherwise put in the entry every deep link evaluates first (issue #11).
const Tooltip = lazy(() => import('./tooltip.tsx'));

type ChildProps = { onPointerEnter?: (event: PointerEvent<HTMLElement>) => void };

/**
 * Mantine's Tooltip, mounted on the first mouse hover instead of with the page (issue #11 "Deep link"): every
 * Tooltip runs floating-ui's hooks on render, and a table page draws two or three per row — a third of the
 * render time of 50 rows was tooltips nobody had pointed at yet. Once mounted it is the ordinary hover tooltip
 * (Mantine's `target` mode, so the child is never re-mounted and keeps its focus). Like Mantine's default,
 * mouse only: a touch does not open it.
 */
export function HoverTooltip({
  children,
  ...props
}: Omit<TooltipProps, 'children' | 'target' | 'defaultOpened'> & { children: ReactElement<ChildProps> }) {
  const [target, setTarget] = useState<HTMLElement | null>(null);
  const child = cloneElement(children, {
    onPointerEnter: (event: PointerEvent<HTMLElement>) => {
      children.props.onPointerEnter?.(event);
      if (event.pointerType === 'mouse') setTarget(event.currentTarget);
    },
  });
  return (
    <>
      {target && (
        <Suspense fallback={null}>
          <Tooltip {...props} target={target} defaultOpened />
        </Suspense>
      )}
      {child}
    </>
  );
}
