import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { viewStatus } from '../../../sim/cylance/focus-view-state.ts';
import { createQueryClient } from '../../app/query-client.ts';
import { useSimServer } from '../../test/sim-server.ts';
import { FocusViewDetailPage } from './focus-view-detail-page.tsx';

const sim = useSimServer();

function renderDetail(focusId: string) {
  const router = createMemoryRouter([{ path: '/focus-views/:focusId', element: <FocusViewDetailPage /> }], {
    initialEntries: [`/focus-views/${focusId}`],
  });
  return render(
    <MantineProvider>
      <QueryClientProvider client={createQueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

function viewWith(status: string) {
  const now = sim.tenant.clock.now();
  const view = sim.tenant.focusViews.views.find((candidate) => viewStatus(candidate, now) === status);
  if (!view) throw new Error(`no seeded ${status} focus view`);
  return view;
}

describe('Focus view summary', () => {
  it('shows the summary with copyable ids and the event graph of an available focus view', async () => {
    const view = viewWith('AVAILABLE');
    renderDetail(view.id);
    expect(await screen.findByText(view.hostname)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy event uid' })).toBeInTheDocument();
    const events = await screen.findByRole('table', { name: 'Events in the focus view' });
    expect(within(events).getByText('powershell.exe')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'How the events relate' })).toBeInTheDocument();
  });

  it('says results come later while the focus view is pending', async () => {
    renderDetail(viewWith('PENDING').id);
    expect(await screen.findByText('Results appear once the focus view is available.')).toBeInTheDocument();
  });

  it('shows the vendor error for an unknown id', async () => {
    renderDetail('no-such-view');
    expect(await screen.findByRole('alert')).toHaveTextContent(/Not found at the vendor \(HTTP 404\)/);
  });

  it('shows a results body of an unknown shape as sent instead of failing', async () => {
    const view = viewWith('AVAILABLE');
    sim.server.use(http.get('*/api/cylance/foci/v2/:id/results', () => HttpResponse.json({ graph: 'v9' })));
    renderDetail(view.id);
    expect(await screen.findByText(/shape the console does not know yet/)).toBeInTheDocument();
    expect(screen.getByText(/"graph": "v9"/)).toBeInTheDocument();
  });
});
