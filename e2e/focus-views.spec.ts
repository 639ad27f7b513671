import { readFileSync } from 'node:fs';
import { toCylanceDeviceUuid } from '../src/lib/device-id.ts';
import { expect, expectAccessible, setSimSpeed, test } from './fixtures.ts';
import { lookUpPairs, pairBands, pairsThatResolveAvailable } from './resolving-work.ts';

/**
 * Issue #3 against the built app behind the real gateway in demo mode. The simulated tenant is deterministic
 * from its seed and a request's outcome is seeded by the pair itself (sim/cylance/focus-view-state.ts), so the
 * test computes, on a local copy of the same tenant, three pairs that can be requested and resolve AVAILABLE.
 */

test('paste pairs, request them, watch PENDING become AVAILABLE, reload, and share the view', async ({
  page,
  browser,
}) => {
  const pairs = pairsThatResolveAvailable(pairBands.focusViews, 3);
  expect(pairs).toHaveLength(3);
  // PENDING lasts 3–8 s of simulated time here (playwright.config.ts); run the clock 5× faster.
  await setSimSpeed(page, 5);

  await page.goto('/focus-views');
  await expect(page.getByRole('heading', { name: 'Focus views', level: 1 })).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Existing focus views' }).getByRole('row').nth(1),
  ).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('tab', { name: /Status lookup/ }).click();
  await expect(page.getByRole('button', { name: 'Paste pairs or upload a CSV first' })).toBeDisabled();
  // The three device-id spellings an analyst pastes, plus a duplicate and a line that cannot be read.
  await page
    .getByRole('textbox', { name: 'Pairs to look up' })
    .fill(
      [
        'uid,device_id',
        `${pairs[0]!.uid},${pairs[0]!.device_id}`,
        `${pairs[1]!.uid},${toCylanceDeviceUuid(pairs[1]!.device_id)}`,
        `${pairs[2]!.uid.toLowerCase()},${pairs[2]!.device_id.toLowerCase()}`,
        `${pairs[0]!.uid},${pairs[0]!.device_id.toLowerCase()}`,
        'garbage',
      ].join('\n'),
    );
  await expect(page.getByText('3 pairs ready, 1 duplicate dropped, 1 could not be read.')).toBeVisible();
  await page.getByRole('button', { name: 'Look up 3 pairs' }).click();

  const results = page.getByRole('table', { name: 'Lookup results' });
  await expect(results.getByText('Can request', { exact: true })).toHaveCount(3);
  await page.getByRole('button', { name: 'Request all requestable (3)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Request 3 focus views' });
  await expect(dialog.getByRole('combobox', { name: 'Artifact type' })).toHaveValue('Process');
  await dialog.getByRole('button', { name: 'Request 3 focus views' }).click();

  await expect(results.getByText('Pending', { exact: true }).first()).toBeVisible();
  await expect(results.getByText('Available', { exact: true })).toHaveCount(3, { timeout: 45_000 });
  await expect(page.getByText('Nothing pending')).toBeVisible();
  await expect(page.getByText(/focus views? became available/).first()).toBeVisible();
  await expectAccessible(page);

  // Durable: the set and its statuses come back after a reload.
  await page.reload();
  await expect(results.getByText('Available', { exact: true })).toHaveCount(3);

  // Shareable: the address bar alone reproduces the view in a fresh browser (no localStorage).
  const shared = page.url();
  expect(new URL(shared).searchParams.get('set')).toBeTruthy();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(shared);
  const otherResults = other.getByRole('table', { name: 'Lookup results' });
  await expect(otherResults.getByText('Available', { exact: true })).toHaveCount(3);
  for (const pair of pairs) await expect(otherResults.getByText(pair.uid)).toBeVisible();
  await fresh.close();

  // An AVAILABLE row links to its focus view.
  await results.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Focus view', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Events in the focus view' })).toBeVisible();
  await expectAccessible(page);
});

test('export the lookup as CSV with the names on screen, clear it, and bring it back from the file', async ({
  page,
}, testInfo) => {
  // Looked up only, never requested: the band's later pairs, which the test above does not request.
  const pairs = pairsThatResolveAvailable(pairBands.focusViews, 6).slice(4);
  expect(pairs).toHaveLength(2);
  const device = await page.request.get(
    `/api/cylance/devices/v2/${toCylanceDeviceUuid(pairs[0]!.device_id)}`,
  );
  expect(device.ok()).toBe(true);
  const hostname = ((await device.json()) as { name: string }).name;

  await page.goto('/focus-views?tab=lookup');
  await lookUpPairs(page, pairs);
  const results = page.getByRole('table', { name: 'Lookup results' });
  await expect(results.getByText('Can request', { exact: true })).toHaveCount(2);
  // Pasted pairs carry no hostname: the names come from the Cylance inventory once the statuses are in.
  await expect(results.getByText(hostname).first()).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export 2 shown (CSV)' }).click();
  const file = testInfo.outputPath('focus-view-lookup.csv');
  await (await downloading).saveAs(file);
  const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  expect(lines[0]).toBe('uid,device_id,hostname,artifact_type,status,focus_id,error');
  expect(lines).toHaveLength(3);
  const exported = lines.find((line) => line.startsWith(`${pairs[0]!.uid},`));
  expect(exported).toContain(`,${pairs[0]!.device_id},${hostname},`);
  expect(exported).toContain(',REQUEST,');

  await page.getByRole('button', { name: 'Clear the lookup set' }).click();
  await page.getByRole('button', { name: 'Clear 2 pairs' }).click();
  await expect(results).toBeHidden();

  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload CSV…' }).click();
  await (await choosing).setFiles(file);
  await page.getByRole('button', { name: 'Look up 2 pairs' }).click();
  await expect(results.getByText('Can request', { exact: true })).toHaveCount(2);
  for (const pair of pairs) await expect(results.getByText(pair.uid)).toBeVisible();
});
