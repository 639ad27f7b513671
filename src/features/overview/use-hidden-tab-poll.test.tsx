import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { focusViewQueries } from '../../api/cylance/focus-views.ts';
import { createQueryClient } from '../../app/query-client.ts';
import type { FocusLookupRow } from '../../tracking/focus-lookups.ts';
import { backgroundPollMs, useHiddenTabPoll } from './use-hidden-tab-poll.ts';

let visibility: DocumentVisibilityState = 'visible';
const pair = { uid: 'A'.repeat(32), device_id: 'B'.repeat(32) };
const row: FocusLookupRow = {
  ...pair,
  key: `${pair.uid}|${pair.device_id}`,
  answeredAt: 1,
  checking: false,
  status: 'PENDING',
};

beforeEach(() => {
  visibility = 'visible';
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
});
afterEach(() => vi.restoreAllMocks());

function setup() {
  const queryClient = createQueryClient();
  // The watcher has already read this chunk: the overview's background observer joins, it does not fetch.
  queryClient.setQueryData(focusViewQueries.search([pair]).queryKey, [{ ...pair, status: 'PENDING' }]);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  renderHook(() => useHiddenTabPoll([row], []), { wrapper });
  return queryClient.getQueryCache().find({ queryKey: focusViewQueries.search([pair]).queryKey })!;
}

describe('useHiddenTabPoll', () => {
  it('adds nothing while the tab is visible: the pages’ own poll is the only one', () => {
    expect(setup().getObserversCount()).toBe(0);
  });

  it('joins the tracker’s chunk query with a slow background poll while hidden, without fetching', () => {
    const query = setup();
    visibility = 'hidden';
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(query.getObserversCount()).toBe(1);
    expect(query.observers[0]?.options).toMatchObject({
      refetchInterval: backgroundPollMs,
      refetchIntervalInBackground: true,
    });
    expect(query.state.fetchStatus).toBe('idle');

    visibility = 'visible';
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(query.getObserversCount()).toBe(0);
  });
});
