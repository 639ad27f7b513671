import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures.ts';

/**
 * Issue #5 against the built app behind the real gateway in demo mode. The gateway's simulator has
 * SIM_PACKAGES=400 (playwright.config.ts) so the issue's own deep link has rows on page 3.
 */
const deepLink = '/packages?page=3&pageSize=50&sort=-size&category=custom&status=success';

/** The URL's query as an object: parameter order is the router's business, not the test's. */
function urlQuery(page: Page) {
  return Object.fromEntries(new URL(page.url()).searchParams);
}

function packagesTable(page: Page) {
  return page.getByRole('table', { name: 'Packages' });
}

test('the issue deep link opens exactly that view', async ({ page }) => {
  await page.goto(deepLink);
  await expect(page.getByRole('heading', { name: 'Packages', level: 1 })).toBeVisible();
  await expect(page.getByText(/^\d+ packages · page 3 of \d+$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Page 3', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByLabel('Category')).toHaveValue('custom');
  await expect(page.getByLabel('Status')).toHaveValue('success');
  await expect(page.getByLabel('Sort by')).toHaveValue('-size');
  await expect(page.getByLabel('Rows per page')).toHaveValue('50');
  await expect(page.getByRole('columnheader', { name: /Size/ })).toHaveAttribute('aria-sort', 'descending');

  const rows = packagesTable(page).getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  const count = (await rows.count()) - 1;
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThanOrEqual(50);
  for (let index = 1; index <= count; index++) {
    await expect(rows.nth(index)).toContainText('custom');
    await expect(rows.nth(index)).toContainText('success');
  }
  await expectAccessible(page);
});

test('sort and page changes go to the URL and the back button restores the previous view', async ({
  page,
}) => {
  await page.goto('/packages');
  await expect(page.getByText(/^\d+ packages · page 1 of \d+$/)).toBeVisible();
  const firstName = () => packagesTable(page).getByRole('row').nth(1).getByRole('cell').first().textContent();
  const newestFirst = await firstName();

  await page.getByRole('columnheader', { name: /Name/ }).getByRole('button').click();
  await expect.poll(() => urlQuery(page)).toEqual({ sort: 'packageDescriptor.name' });
  await expect(page.getByLabel('Sort by')).toHaveValue('packageDescriptor.name');
  await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');
  const byName = await firstName();

  await page.getByRole('button', { name: 'Page 2', exact: true }).click();
  await expect.poll(() => urlQuery(page)).toEqual({ page: '2', sort: 'packageDescriptor.name' });
  await expect(page.getByText(/^\d+ packages · page 2 of \d+$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Page 2', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );

  await page.goBack();
  await expect.poll(() => urlQuery(page)).toEqual({ sort: 'packageDescriptor.name' });
  await expect(page.getByText(/^\d+ packages · page 1 of \d+$/)).toBeVisible();
  await expect.poll(firstName).toBe(byName);

  await page.goBack();
  await expect.poll(() => urlQuery(page)).toEqual({});
  await expect(page.getByLabel('Sort by')).toHaveValue('-uploadedOn');
  await expect.poll(firstName).toBe(newestFirst);
  await expectAccessible(page);
});

test('the details panel shows the package and a safe download link', async ({ page }) => {
  await page.goto('/packages');
  const nameButton = packagesTable(page)
    .getByRole('row')
    .nth(1)
    .getByRole('cell')
    .first()
    .getByRole('button');
  const name = (await nameButton.textContent()) ?? '';
  await nameButton.click();
  const panel = page.getByRole('dialog', { name });
  await expect(panel).toBeVisible();
  await expect(panel.getByText('Python')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Copy example 1' })).toBeVisible();
  await expect(panel.getByRole('link', { name: /^Download / })).toHaveAttribute('href', /^https:\/\//);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(page).toHaveURL(/\/packages$/);
  // The open panel is part of the URL, so the back button opens it again.
  await page.goBack();
  await expect(panel).toBeVisible();
  await expectAccessible(page);
});

test('nonsense in the URL falls back to defaults; a page past the end offers a way back', async ({
  page,
}) => {
  await page.goto('/packages?page=-1&pageSize=7&sort=bogus&category=x');
  await expect(page.getByText(/^\d+ packages · page 1 of \d+$/)).toBeVisible();
  await expect(page.getByLabel('Sort by')).toHaveValue('-uploadedOn');

  await page.goto('/packages?page=999');
  await expect(page.getByText(/Page 999 is past the end/)).toBeVisible();
  await page.getByRole('link', { name: /Go to the last page/ }).click();
  await expect(page.getByRole('table', { name: 'Packages' }).getByRole('row').nth(1)).toBeVisible();
  await expect(page).toHaveURL(/\/packages\?page=\d+$/);
});
