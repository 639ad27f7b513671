import type { Page } from '@playwright/test';
import { e2eLive } from './env.ts';
import { expect, setSimSpeed, test } from './fixtures.ts';
import { lookUpPairs, pairBands, pairsThatResolveAvailable } from './resolving-work.ts';
import { dropExpectedFailures, getFaults, setFaults } from './sim-faults.ts';

/**
 * Issue #10: hostile vendor data and a vendor outage. With `hostile=1` every vendor answer carries HTML and
 * script in its names and descriptions, `javascript:`/`data:` download URLs, huge strings and unknown status
 * values (sim/faults-hostile.ts). No script may run (the fixture fails the test on any dialog), no hostile
 * URL may become a link, and the pages stay usable.
 */
test.describe.configure({ mode: 'serial' });
test.skip(e2eLive, 'fault injection is a demo-mode simulator control');

test.afterEach(async ({ page, consoleErrors }) => {
  await setFaults(page, '');
  await setSimSpeed(page, 1);
  dropExpectedFailures(consoleErrors);
});

/** Every anchor and every element the hostile markup would create, as the browser sees them now. */
async function expectNothingHostile(page: Page) {
  const found = await page.evaluate(() => ({
    links: [...document.querySelectorAll('a[href]')]
      .map((anchor) => anchor.getAttribute('href') ?? '')
      .filter((href) => /^\s*(javascript|data|vbscript):/i.test(href)),
    injected: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload]').length,
  }));
  expect(found).toEqual({ links: [], injected: 0 });
  await expect(page.locator('a[href^="javascript:" i], a[href^="data:" i]')).toHaveCount(0);
}

const hostileText = /<script>alert|<img src=x|<svg onload|<a href="javascript/;

test('hostile values: no script runs, no hostile URL becomes a link, the pages stay usable', async ({
  page,
}) => {
  await setFaults(page, 'hostile=1');
  const listed = await page.request.get('/api/cylance/packages/v2?page=1&page_size=5');
  const { packageId, downloadUrl } = (await listed.json()).page_items[0] as {
    packageId: string;
    downloadUrl: string;
  };
  expect(downloadUrl).toMatch(/^\s*(javascript|data):/i);

  await page.goto('/packages');
  const packages = page.getByRole('table', { name: 'Packages' });
  await expect(packages.getByRole('row').nth(1)).toBeVisible();
  // The markup shows as text, and statuses nobody documented read "unknown (VALUE)".
  await expect(packages.getByText(hostileText).first()).toBeVisible();
  await expect(packages.getByText(/^unknown \(/).first()).toBeVisible();
  await expectNothingHostile(page);

  await page.goto(`/packages?package=${encodeURIComponent(packageId)}`);
  // The package's hostile download URL shows as inert text, never as a link.
  const details = page.getByRole('dialog');
  await expect(details.getByText(/^\s*(javascript|data):/i).first()).toBeVisible();
  await expect(details.getByRole('link', { name: /^Download/ })).toHaveCount(0);
  await expectNothingHostile(page);

  const pages: [string, (page: Page) => ReturnType<Page['getByRole']>][] = [
    ['/focus-views', (at) => at.getByRole('cell').first()],
    ['/file-retrievals', (at) => at.getByRole('cell').first()],
    ['/devices?tab=cylance', (at) => at.getByRole('cell').first()],
    ['/devices?tab=eset', (at) => at.getByRole('cell').first()],
    ['/devices?tab=network', (at) => at.getByRole('cell').first()],
    ['/', (at) => at.getByText(/^By category: (all|the first)/)],
  ];
  for (const [path, ready] of pages) {
    await page.goto(path);
    await expect(ready(page)).toBeVisible({ timeout: 20_000 });
    await expectNothingHostile(page);
  }
  // Still usable: the navigation works and the theme toggle answers.
  await page.getByRole('link', { name: 'Packages' }).click();
  await expect(page.getByRole('heading', { name: 'Packages', level: 1 })).toBeVisible();
});

test('a body that breaks the contract shows a contract-error panel and the rest of the console works', async ({
  page,
}) => {
  await setFaults(page, 'cylance/packages/v2:malformed=1');
  await page.goto('/packages');
  await expect(
    page.getByRole('alert').filter({ hasText: 'The vendor answered in an unexpected shape' }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Devices' }).click();
  await page.getByRole('tab', { name: 'Cylance', exact: true }).click();
  await expect(page.getByRole('tabpanel').getByRole('table').first().getByRole('row').nth(1)).toBeVisible();
});

test('a Prisma outage (503 for a simulated minute) leaves the focus views polling and resolving', async ({
  page,
}) => {
  const pairs = pairsThatResolveAvailable(pairBands.hostile, 3);
  expect(pairs).toHaveLength(3);
  // One simulated minute in about 15 s: the outage ends by simulated time (`for=60s`).
  await setSimSpeed(page, 4);
  const { expiresAt } = await setFaults(page, 'prisma:503=1,for=60s');
  const outageEnds = expiresAt[0] as number;

  await page.goto('/devices?tab=network');
  const banner = page.getByRole('alert').filter({ hasText: 'Prisma is failing' });
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(banner).toContainText('HTTP 503');
  await expect(banner.getByText(/^fault-/)).toBeVisible();

  // In-app navigation keeps this tab's vendor health: the Prisma banner stays while Cylance works.
  await page.getByRole('link', { name: 'Focus views' }).click();
  await page.getByRole('tab', { name: /Status lookup/ }).click();
  await lookUpPairs(page, pairs);
  const results = page.getByRole('table', { name: 'Lookup results' });
  // The simulator runs four times faster here and Prisma retries in the background: allow a slow CI machine.
  await expect(results.getByText('Can request', { exact: true })).toHaveCount(3, { timeout: 20_000 });
  await page.getByRole('button', { name: 'Request all requestable (3)' }).click();
  await page
    .getByRole('dialog', { name: 'Request 3 focus views' })
    .getByRole('button', { name: 'Request 3 focus views' })
    .click();
  await expect(results.getByText('Available', { exact: true })).toHaveCount(3, { timeout: 30_000 });
  const resolvedAt = (await (await page.request.get('/api/sim/clock')).json()).nowMs as number;
  expect(resolvedAt, 'the focus views resolved while Prisma was still down').toBeLessThan(outageEnds);
  await expect(banner).toBeVisible();
  await expect(page.getByText('Cylance is failing')).toBeHidden();

  // The outage was still on while the focus views resolved, and has ended since.
  const { stats } = await getFaults(page);
  expect(stats.byVendor.prisma?.faults ?? 0).toBeGreaterThan(0);
  await expect
    .poll(async () => (await (await page.request.get('/api/sim/clock')).json()).nowMs as number, {
      timeout: 30_000,
    })
    .toBeGreaterThan(outageEnds);
  await page.getByRole('link', { name: 'Devices' }).click();
  await page.getByRole('tab', { name: 'Network (Prisma)', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Network verdicts' }).getByRole('row').nth(1)).toBeVisible({
    timeout: 20_000,
  });
  await expect(banner).toBeHidden();
});

test('a full local storage is reported, and the lookup set still works in this tab', async ({ page }) => {
  const pairs = pairsThatResolveAvailable(pairBands.hostile, 5).slice(3);
  await page.goto('/focus-views?tab=lookup');
  // Fill this origin's storage to the brim, the way months of other data would.
  await page.evaluate(() => {
    for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
      for (let index = 0; ; index++) {
        try {
          localStorage.setItem(`filler-${size}-${index}`, 'x'.repeat(size));
        } catch {
          break;
        }
      }
    }
  });
  await lookUpPairs(page, pairs);
  await expect(
    page.getByRole('alert').filter({ hasText: 'Your tracked work could not be saved in this browser' }),
  ).toContainText("The browser's storage is full: the focus-view lookup set is kept in this tab only.");
  await expect(
    page.getByRole('table', { name: 'Lookup results' }).getByText('Can request', { exact: true }),
  ).toHaveCount(2);
  await page.evaluate(() => localStorage.clear());
});

test('going offline shows a banner, and the console carries on by itself when the network is back', async ({
  page,
  context,
  consoleErrors,
}) => {
  await page.goto('/packages');
  await expect(page.getByText(/^\d+ packages · page 1 of \d+$/)).toBeVisible();
  // While offline the console itself sends nothing (react-query pauses). A request already in flight when the
  // network drops (and Chrome's own favicon request) fails, and Chrome logs each failure as a console error
  // without naming the URL.
  const failed: string[] = [];
  const sentWhileOffline: string[] = [];
  page.on('requestfailed', (request) => failed.push(new URL(request.url()).pathname));
  await context.setOffline(true);
  page.on('request', (request) => sentWhileOffline.push(new URL(request.url()).pathname));
  const offline = page.getByRole('alert').filter({ hasText: 'You are offline' });
  await expect(offline).toBeVisible();
  // Asked while offline: the read waits instead of failing.
  await page.getByRole('button', { name: 'Page 2', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The request failed' })).toHaveCount(0);
  const sentBeforeReconnect = sentWhileOffline.filter((path) => !path.startsWith('/favicon'));
  await context.setOffline(false);
  await expect(offline).toBeHidden();
  await expect(page.getByText(/^\d+ packages · page 2 of \d+$/)).toBeVisible();
  expect(sentBeforeReconnect).toEqual([]);
  for (const _ of failed) {
    const at = consoleErrors.indexOf('Failed to load resource: net::ERR_INTERNET_DISCONNECTED');
    if (at >= 0) consoleErrors.splice(at, 1);
  }
});
