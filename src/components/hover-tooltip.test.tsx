import { Button, MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { HoverTooltip } from './hover-tooltip.tsx';

function renderButton() {
  render(
    // env="test": jsdom has no layout, so Mantine would otherwise hide a tooltip as "detached".
    <MantineProvider env="test">
      <HoverTooltip label="What this does">
        <Button>Act</Button>
      </HoverTooltip>
    </MantineProvider>,
  );
  return screen.getByRole('button', { name: 'Act' });
}

describe('HoverTooltip', () => {
  it('mounts no tooltip until the mouse points at its child, then shows it', async () => {
    const user = userEvent.setup();
    const button = renderButton();
    expect(screen.queryByRole('tooltip')).toBeNull();
    await user.hover(button);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('What this does');
    // The child is the same element throughout (not re-mounted), so it keeps focus.
    expect(screen.getByRole('button', { name: 'Act' })).toBe(button);
  });

  it('is not opened by a touch, like the Mantine tooltip', () => {
    const button = renderButton();
    fireEvent.pointerEnter(button, { pointerType: 'touch' });
    expect(screen.queryByRole('tooltip')).toBeNull();
  });
});
