import { Tooltip, type TooltipProps } from '@mantine/core';
import { cloneElement, type PointerEvent, type ReactElement, useState } from 'react';

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
      {target && <Tooltip {...props} target={target} defaultOpened />}
      {child}
    </>
  );
}
