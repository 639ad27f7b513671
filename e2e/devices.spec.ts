import { expect, expectAccessible, test } from './fixtures.ts';

/** Issue #6 against the built app behind the gateway in demo mode (the simulated tenant). */

test('the correlated tab shows machines known to all three vendors', async ({ page }) => {
  await page.goto('/devices?cylance=yes&eset=yes&prisma=yes');
  const table = page.getByRole('table', { name: 'Machines' });
  await expect(page.getByText(/ known to all three vendors/)).toBeVisible({ timeout: 30_000 });
  const firstRow = table.getByRole('row').nth(1);
  await expect(firstRow.getByLabel('Known to Cylance, ESET, Prisma')).toBeVisible();
  for (const vendor of ['Cylance', 'ESET', 'Prisma'])
    await expect(firstRow.getByText(vendor, { exact: true })).toBeVisible();
  await expectAccessible(page);
});

test('a conflict is visible in the correlated tab', async ({ page }) => {
  await page.goto('/devices?conflicts=true');
  const table = page.getByRole('table', { name: 'Machines' });
  await expect(table.getByText('Name conflict').first()).toBeVisible({ timeout: 30_000 });
});

test('the uuids= deep link renders an ESET snapshot', async ({ page }) => {
  const response = await page.request.get('/api/eset/v1/devices?pageSize=2');
  expect(response.ok()).toBe(true);
  const { devices } = (await response.json()) as { devices: { uuid: string; displayName: string }[] };
  expect(devices).toHaveLength(2);
  await page.goto(`/devices?tab=eset&uuids=${devices.map((device) => device.uuid).join(',')}`);
  const snapshot = page.getByRole('table', { name: 'ESET snapshot' });
  for (const device of devices) {
    await expect(snapshot.getByRole('link', { name: device.displayName, exact: true })).toBeVisible({
      timeout: 30_000,
    });
  }
  await expect(page.getByRole('heading', { name: 'Snapshot of 2 ESET devices' })).toBeVisible();
  await expectAccessible(page);
});

test('a snapshot of every loaded ESET device goes out in batches of 100 (the UUIDs travel in the URL)', async ({
  page,
}) => {
  await page.goto('/devices?tab=eset&esize=1000');
  const list = page.getByRole('table', { name: 'ESET devices' });
  const count = page.getByText(/^[\d,]+ ESET devices loaded$/);
  await expect(count).toBeVisible({ timeout: 30_000 });
  const loaded = Number((await count.textContent())?.split(' ')[0]?.replaceAll(',', ''));
  expect(loaded).toBeGreaterThan(200);
  await list.getByRole('checkbox', { name: 'Select all loaded devices' }).check();
  await page.getByRole('button', { name: 'Snapshot', exact: true }).click();
  await expect(
    page.getByRole('heading', { name: `Snapshot of ${loaded.toLocaleString('en-US')} ESET devices` }),
  ).toBeVisible();
  const batches = Math.ceil(loaded / 100);
  await expect(
    page.getByText(`Read in ${batches} batches of up to 100 devices`, { exact: false }),
  ).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('table', { name: 'ESET snapshot' }).locator('tbody tr')).toHaveCount(loaded);
});

test('the device page shows the three sources side by side', async ({ page }) => {
  await page.goto('/devices?cylance=yes&eset=yes&prisma=yes');
  const link = page.getByRole('table', { name: 'Machines' }).getByRole('row').nth(1).getByRole('link');
  await expect(link).toBeVisible({ timeout: 30_000 });
  const hostname = (await link.textContent()) ?? '';
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: hostname })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('table', { name: `Cylance device ${hostname}` })).toBeVisible();
  await expect(page.getByRole('table', { name: /^ESET device / })).toBeVisible();
  await expect(page.getByRole('table', { name: /^Prisma verdict for / })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Request a file retrieval' })).toHaveAttribute(
    'href',
    /^\/file-retrievals\?device=[0-9A-F]{32}$/,
  );
  await expectAccessible(page);
});

for (const tab of ['eset', 'cylance', 'network'] as const) {
  test(`the ${tab} tab has no serious accessibility violation`, async ({ page }) => {
    await page.goto(`/devices?tab=${tab}`);
    await expect(page.getByRole('tab', { selected: true })).toBeVisible();
    // Wait for the tab's content to settle (its table or its empty/error state) before checking it.
    await expect(page.getByLabel(/^Loading /)).toHaveCount(0, { timeout: 30_000 });
    await expectAccessible(page);
  });
}
