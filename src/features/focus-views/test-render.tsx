import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NuqsTestingAdapter, type UrlUpdateEvent } from 'nuqs/adapters/testing';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { Me } from '../../api/gateway/me.ts';
import { createQueryClient } from '../../app/query-client.ts';
import { seedMe } from '../../auth/me-fixtures.ts';
import { FocusViewsPage } from './focus-views-page.tsx';

/**
 * The Focus views page as the app mounts it, with a fresh QueryClient (or one the entry already used: a deep
 * link's prefetch); URL updates are recorded.
 */
export function renderFocusViewsPage(
  searchParams = '',
  me?: Me,
  queryClient: QueryClient = createQueryClient(),
) {
  const user = userEvent.setup();
  seedMe(queryClient, me);
  const urlUpdates: UrlUpdateEvent[] = [];
  const router = createMemoryRouter([{ path: '*', element: <FocusViewsPage /> }], {
    initialEntries: ['/focus-views'],
  });
  const view = render(
    <MantineProvider>
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <NuqsTestingAdapter
          searchParams={searchParams}
          hasMemory
          onUrlUpdate={(event) => urlUpdates.push(event)}
        >
          <RouterProvider router={router} />
        </NuqsTestingAdapter>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { user, queryClient, urlUpdates, lastUrl: () => urlUpdates.at(-1)?.searchParams, ...view };
}
