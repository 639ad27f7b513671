import type { Page } from '@playwright/test';
import type { FaultSnapshot } from '../sim/faults.ts';
import { expect } from './fixtures.ts';

/**
 * The simulator's fault control (sim/faults.ts), reached through the demo gateway's `/api/sim/faults`.
 * The gateway is shared by every spec of a run: specs that set faults clear them afterwards.
 */
export async function setFaults(page: Page, spec: string): Promise<FaultSnapshot> {
  const response = await page.request.post('/api/sim/faults', { data: { spec, resetStats: true } });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as FaultSnapshot;
}

export async function getFaults(page: Page): Promise<FaultSnapshot> {
  const response = await page.request.get('/api/sim/faults');
  expect(response.ok()).toBe(true);
  return (await response.json()) as FaultSnapshot;
}

/** Statuses the fault layer answers with: Chrome logs each failed fetch as a console error. */
const expectedFailure =
  /^Failed to load resource: the server responded with a status of (401|429|500|502|503|504) \(/;

/**
 * Removes exactly Chrome's "Failed to load resource" lines for the injected statuses from the fixture's
 * console errors (they are the faults doing their job); anything else still fails the test. Returns how
 * many were removed.
 */
export function dropExpectedFailures(consoleErrors: string[]): number {
  const kept = consoleErrors.filter((line) => !expectedFailure.test(line));
  const removed = consoleErrors.length - kept.length;
  consoleErrors.splice(0, consoleErrors.length, ...kept);
  return removed;
}

/** Counts the browser's vendor calls and the failed answers it saw. */
export function countVendorCalls(page: Page) {
  const figures = { calls: 0, failedAnswers: 0, failedReads: 0 };
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (!/^\/api\/(cylance|eset|prisma)\//.test(url.pathname)) return;
    figures.calls++;
    if (response.status() >= 400) {
      figures.failedAnswers++;
      // Reads are retried by the client (query-client.ts); work-starting POSTs are not.
      const method = response.request().method();
      const read = method === 'GET' || /\/foci\/v2\/search$|getfile:get$/.test(url.pathname);
      if (read) figures.failedReads++;
    }
  });
  return figures;
}
