import { type ChildProcess, spawn } from 'node:child_process';
import { expect, expectAccessible, test } from './fixtures.ts';

/**
 * The network tab (issue #6 "Network verdicts"): the bookmark dump at one request per second, filtering, and
 * a 100 000-verdict tenant that keeps the DOM small. The large tenant runs in its own gateway, started here
 * with SIM_PRISMA_VERDICTS=100000 on E2E_PORT + 100 (demo mode, same build).
 */
const verdictRows = (page: import('@playwright/test').Page) =>
  page.getByRole('table', { name: 'Network verdicts' }).locator('tbody tr:not([aria-hidden])');

test('the network tab dumps the verdicts, filters them and keeps the filters in the URL', async ({
  page,
}) => {
  await page.goto('/devices?tab=network');
  await expect(page.getByText('All verdicts loaded')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('2,000 of 2,000 verdicts shown')).toBeVisible();
  await expect(page.getByText('Device-ID statistics')).toBeVisible();

  await page.getByRole('textbox', { name: 'Vendor' }).fill('axis');
  await expect(page.getByText(/^\d{1,3} of 2,000 verdicts shown$/)).toBeVisible();
  await expect(page).toHaveURL(/vvendor=axis/);
  const rows = verdictRows(page);
  await expect(rows.first()).toContainText('Axis');
  await expect(rows.first()).toContainText('Video Surveillance');

  await page.getByRole('button', { name: /^Video Surveillance: / }).click();
  await expect(page).toHaveURL(/vcategory=Video\+Surveillance|vcategory=Video%20Surveillance/);
  await expect(page.getByRole('button', { name: /^Video Surveillance: / })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await page.getByRole('textbox', { name: /Look up IP addresses/ }).fill('10.16.0.1, 192.0.2.9');
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page.getByRole('table', { name: 'Lookup results' })).toContainText('10.16.0.1');
  await expect(page.getByText('No verdict for 192.0.2.9.')).toBeVisible();
  await expect(page).toHaveURL(/ip=10\.16\.0\.1(,|%2C)192\.0\.2\.9/);
  await expectAccessible(page);
});

test.describe('a tenant with 100 000 verdicts', () => {
  const port = Number(process.env.E2E_PORT ?? 8099) + 100;
  let gateway: ChildProcess | undefined;

  test.beforeAll(async () => {
    gateway = spawn(process.execPath, ['server/main.ts'], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SIM_PRISMA_VERDICTS: '100000' },
      stdio: 'ignore',
    });
    await expect
      .poll(
        async () =>
          fetch(`http://127.0.0.1:${port}/api/health`).then(
            (r) => r.ok,
            () => false,
          ),
        {
          timeout: 60_000,
        },
      )
      .toBe(true);
  });

  test.afterAll(() => {
    gateway?.kill('SIGTERM');
  });

  test('rows appear page by page and filtering keeps only a few dozen rows in the DOM', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`http://127.0.0.1:${port}/devices?tab=network`);
    // Rows show while the dump is still running (10 pages of 10 000, one per second).
    await expect(page.getByText(/^[1-9]0,000 of [1-9]0,000 verdicts shown$/)).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByText('Loading all verdicts')).toBeVisible();
    await expect(page.getByText('100,000 of 100,000 verdicts shown')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText('All verdicts loaded')).toBeVisible();
    expect(await verdictRows(page).count()).toBeLessThan(60);

    await page.getByRole('textbox', { name: 'Vendor' }).fill('HP');
    await expect(page.getByText(/^[\d,]+ of 100,000 verdicts shown$/)).toBeVisible();
    await expect(verdictRows(page).first()).toContainText('HP');
    expect(await verdictRows(page).count()).toBeLessThan(60);

    // Sorting 100 000 rows in the browser: newest first, still a few dozen rows in the DOM.
    await page.getByRole('button', { name: 'Updated' }).click();
    await expect(page.getByRole('columnheader', { name: /Updated/ })).toHaveAttribute(
      'aria-sort',
      /ascending|descending/,
    );
    await expect(page).toHaveURL(/vsort=-?updateTime/);
    expect(await verdictRows(page).count()).toBeLessThan(60);

    // Scrolling far down still renders only the rows in view.
    await page.getByRole('region', { name: 'Verdicts (scrollable)' }).evaluate((box) => {
      box.scrollTop = box.scrollHeight / 2;
    });
    await expect(verdictRows(page).first()).toContainText('HP');
    expect(await verdictRows(page).count()).toBeLessThan(60);
  });
});
