import { configure, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { requestablePairs } from '../../../sim/cylance/focus-view-state.ts';
import { meViewer } from '../../auth/me-fixtures.ts';
import { encodePairs } from '../../lib/focus-pair-codec.ts';
import { useSimServer } from '../../test/sim-server.ts';
import { lookupSetStore } from '../../tracking/focus-lookup-store.ts';
import { renderFocusViewsPage } from './test-render.tsx';

const sim = useSimServer();
beforeEach(() => lookupSetStore.clear());
vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 8_000 });

describe('Focus views for a viewer (issue #9)', () => {
  it('disables every Request and says the role is why', async () => {
    const pairs = requestablePairs(sim.tenant, 2);
    renderFocusViewsPage(`?set=${encodePairs(pairs)}`, meViewer);
    const table = await screen.findByRole('table', { name: 'Lookup results' });
    const reason = 'Your role (viewer) may not request focus views.';
    await waitFor(() =>
      expect(within(table).getAllByRole('button', { name: /Cannot request/ })).toHaveLength(2),
    );
    expect(within(table).getAllByRole('button', { name: `Cannot request: ${reason}` })).toHaveLength(2);
    expect(within(table).queryByRole('button', { name: /^Request focus view for/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Request all requestable (2)' })).toBeDisabled();
    expect(screen.getByText(reason)).toBeVisible();
  });
});
