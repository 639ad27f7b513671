import { expect, expectAccessible, setSimSpeed, test } from './fixtures.ts';
import {
  lookUpPairs,
  onlineCylanceDevices,
  pairBands,
  pairsThatResolveAvailable,
  pathThatResolvesAvailable,
} from './resolving-work.ts';

/**
 * Issue #7 against the built app behind the real gateway in demo mode: work requested on the Focus views and
 * File retrievals pages, then the Overview left open while it resolves. The simulator decides outcomes from
 * stable hashes (sim/cylance/focus-view-state.ts, file-retrieval-state.ts), so the test picks focus-view
 * pairs, online devices and a path that all resolve AVAILABLE (e2e/resolving-work.ts).
 */

test('pending work falls, the feed fills in, the title follows and the charts render', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['notifications']);
  const devices = await onlineCylanceDevices(page, 2, 2);
  const stamp = Date.now().toString(36);
  const path = pathThatResolvesAvailable(devices, (n) => `C:\\Temp\\overview ${stamp}\\dump ${n}.bin`);

  // The overview first, at normal speed: the vendor charts load once (Prisma allows one call per simulated
  // second, so they must not load while simulated time is slowed down below).
  await page.goto('/');
  await expect(page.getByRole('table', { name: 'Prisma verdicts by status' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page).toHaveTitle('Triage Console');

  // Slow simulated time down so the work is still PENDING when the overview opens again (3–8 s, ×4 here).
  await setSimSpeed(page, 0.25);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const pairs = pairsThatResolveAvailable(pairBands.overview, 2);
  expect(pairs).toHaveLength(2);
  await nav.getByRole('link', { name: 'Focus views' }).click();
  await page.getByRole('tab', { name: /Status lookup/ }).click();
  await lookUpPairs(page, pairs);
  await page.getByRole('button', { name: 'Request all requestable (2)' }).click();
  await page
    .getByRole('dialog', { name: 'Request 2 focus views' })
    .getByRole('button', { name: 'Request 2 focus views' })
    .click();
  const lookup = page.getByRole('table', { name: 'Lookup results' });
  await expect(lookup.getByText('Pending', { exact: true })).toHaveCount(2);

  await nav.getByRole('link', { name: 'File retrievals' }).click();
  await page.getByText('Many devices').click();
  await page.getByRole('textbox', { name: /^Devices/ }).fill(devices.map((device) => device.name).join('\n'));
  await page.getByRole('textbox', { name: /^File path/ }).fill(path);
  await page.getByRole('button', { name: 'Request on 2 devices' }).click();
  await expect(page.getByText('2 of 2 done')).toBeVisible();

  await nav.getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  const pendingWork = page.getByRole('region', { name: /Pending work/ });
  const pendingRows = pendingWork.getByRole('table', { name: 'Pending work' }).getByRole('row');
  await expect(pendingRows.filter({ hasText: path })).toHaveCount(2);
  for (const pair of pairs) await expect(pendingRows.filter({ hasText: pair.uid })).toHaveCount(1);
  await expect(page).toHaveTitle('(4) Triage Console');
  await expect(pendingWork.getByText('Browser notifications on')).toBeVisible();

  // Let it resolve while the overview stays open: its watcher is the one polling now.
  await setSimSpeed(page, 20);
  await expect(pendingWork.getByText(/^Nothing pending/)).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveTitle('Triage Console');
  const feed = page.getByRole('list', { name: /status changes, newest first/ });
  const entries = feed.getByRole('listitem').filter({ hasText: path });
  await expect(entries).toHaveCount(2);
  for (const device of devices) await expect(entries.filter({ hasText: device.name })).toHaveCount(1);
  await expect(entries.first()).toContainText('Available');
  for (const pair of pairs) {
    await expect(feed.getByRole('listitem').filter({ hasText: pair.uid })).toContainText('Available');
  }

  // At a glance: every chart draws, and its numbers are in a table next to it.
  const tracked = page.getByRole('table', { name: 'Tracked file retrievals by status' });
  await expect(tracked.getByRole('row', { name: /^Available \d+$/ })).toBeVisible();
  for (const name of ['ESET devices', 'Prisma verdicts', 'Packages']) {
    await expect(page.getByRole('table', { name: `${name} by status` })).toBeVisible({ timeout: 20_000 });
  }
  const trackedFocus = page.getByRole('table', { name: 'Tracked focus views by status' });
  await expect(trackedFocus.getByRole('row', { name: /^Available \d+$/ })).toBeVisible();
  await expect(page.getByTestId('status-donut')).toHaveCount(5);
  for (const chart of await page.getByTestId('status-donut').all())
    await expect(chart.locator('svg')).toBeVisible();
  await expect(page.getByRole('article', { name: 'Cylance / Aurora Optics' })).toContainText('Connected');
  // The pointer stays on the nav link it clicked; its hover colours are the shell's, not this page's.
  await page.mouse.move(0, 0);
  await expectAccessible(page);

  // The feed survives a reload, and a click opens the retrieval on its page.
  await page.reload();
  await expect(entries).toHaveCount(2);
  await entries.first().getByRole('link', { name: 'File retrieval' }).click();
  await expect(page).toHaveURL(/\/file-retrievals\?selected=/);
  await expect(page.getByRole('region', { name: 'Retrieval details' })).toContainText(path);

  await nav.getByRole('link', { name: 'Overview' }).click();
  await feed
    .getByRole('listitem')
    .filter({ hasText: pairs[0]!.uid })
    .getByRole('link', { name: 'Focus view' })
    .click();
  await expect(page).toHaveURL(/\/focus-views\?/);
  await expect(lookup.getByRole('row').filter({ hasText: pairs[0]!.uid })).toHaveCount(1);

  await nav.getByRole('link', { name: 'Overview' }).click();
  await page.getByRole('button', { name: 'Clear the feed' }).click();
  await expect(page.getByText(/^Nothing resolved yet/)).toBeVisible();
});
