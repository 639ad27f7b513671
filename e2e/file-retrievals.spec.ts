import { e2eLive } from './env.ts';
import { expect, expectAccessible, setSimSpeed, test } from './fixtures.ts';
import { onlineCylanceDevices, pathThatResolvesAvailable } from './resolving-work.ts';

/**
 * Issue #4 against the built app behind the real gateway in demo mode. The simulator decides a request's
 * outcome from the device state and a stable hash (sim/cylance/file-retrieval-state.ts), so the test picks
 * online devices and a path that resolves AVAILABLE on both instead of hoping for a lucky draw.
 */
// The gateway (and its simulated clock) is shared by every spec of a run: put the speed back.
test.afterEach(async ({ page }) => {
  await setSimSpeed(page, 1);
});

test('request a file on two devices, watch them resolve, reveal and copy the password, keep the list', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const devices = await onlineCylanceDevices(page, 0, 2);
  const stamp = Date.now().toString(36);
  const ids = devices.map((device) => device.opticsId);
  const path = pathThatResolvesAvailable(
    devices,
    (n) => `C:\\Users\\Public\\Évidence ${stamp}\\sample ${n}.exe`,
  );

  // PENDING lasts 3–8 s of simulated time here (playwright.config.ts); run the clock 5× faster.
  await setSimSpeed(page, 5);
  await page.goto('/file-retrievals?mode=bulk');
  await expect(page.getByRole('heading', { name: 'File retrievals', level: 1 })).toBeVisible();
  await page.getByRole('textbox', { name: /^Devices/ }).fill(devices.map((device) => device.name).join('\n'));
  await page.getByRole('textbox', { name: /^File path/ }).fill(path);
  await page.getByRole('button', { name: 'Request on 2 devices' }).click();
  await expect(page.getByText('2 of 2 done')).toBeVisible();

  const tracked = page.getByRole('table', { name: 'Tracked file retrievals' });
  const rows = tracked.getByRole('row').filter({ hasText: path });
  await expect(rows).toHaveCount(2);
  for (const device of devices) {
    const row = rows.filter({ hasText: device.name });
    await expect(row.getByText('Available')).toBeVisible({ timeout: 30_000 });
  }
  await expect(page.getByText('Nothing pending')).toBeVisible();
  await expect(
    page.getByRole('alert').filter({ hasText: 'File retrieval: Available' }).first(),
  ).toBeVisible();

  await rows
    .filter({ hasText: devices[0]!.name })
    .getByRole('button', { name: /^Details of/ })
    .click();
  const details = page.getByRole('region', { name: 'Retrieval details' });
  await expect(details.getByText('Available')).toBeVisible();
  if (e2eLive) {
    // A live gateway trusts only https links: the simulator's plain-http link stays inert text.
    await expect(details.getByRole('link', { name: 'Download the file' })).toHaveCount(0);
    await expect(details.getByText(/\/sim-downloads\//)).toBeVisible();
    await expect(details.getByText(/the console will not open/)).toBeVisible();
  } else {
    await expect(details.getByRole('link', { name: 'Download the file' })).toHaveAttribute(
      'rel',
      'noopener noreferrer',
    );
    await expect(details.getByRole('timer')).toHaveText(/Link expires in (10:00|9:\d\d)/);
  }

  const field = details.getByRole('textbox', { name: 'Decrypt password' });
  await expect(field).toHaveValue('••••••••••••');
  await details.getByRole('button', { name: 'Reveal password' }).click();
  const password = await field.inputValue();
  expect(password).toMatch(/^cy-[0-9a-f]{12}$/);
  await details.getByRole('button', { name: 'Copy password' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(password);
  expect(page.url()).not.toContain(password);
  await expectAccessible(page);

  await page.reload();
  await expect(
    page.getByRole('table', { name: 'Tracked file retrievals' }).getByRole('row').filter({ hasText: path }),
  ).toHaveCount(2);
  const stored = await page.evaluate(() => JSON.stringify(localStorage));
  expect(stored).toContain(ids[0]);
  expect(stored).not.toContain(password);
});
