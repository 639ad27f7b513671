import { e2eLive } from './env.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

/**
 * A newcomer's first minute: every page is reachable from the navigation, shows simulator data through the
 * gateway, and has no console error (fixtures) and no serious accessibility violation.
 */
const pages = [
  { link: 'Overview', path: '/', heading: 'Overview' },
  { link: 'Focus views', path: '/focus-views', heading: 'Focus views' },
  { link: 'File retrievals', path: '/file-retrievals', heading: 'File retrievals' },
  { link: 'Packages', path: '/packages', heading: 'Packages' },
  { link: 'Devices', path: '/devices', heading: 'Devices' },
] as const;

for (const { link, path, heading } of pages) {
  test(`${heading} shows simulator data`, async ({ page }) => {
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: link, exact: true })
      .click();
    await expect(page).toHaveURL(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    // Data, not just a frame: at least one table body row from the simulator.
    await expect(page.locator('main table tbody tr').first()).toBeVisible({ timeout: 20_000 });
    await expectAccessible(page);
  });
}

test('the header says whether this is the demo tenant', async ({ page }) => {
  await page.goto('/packages');
  await expect(page.getByText('Demo tenant')).toHaveCount(e2eLive ? 0 : 1);
});

test('an unknown address shows a not-found page with a way back', async ({ page }) => {
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the overview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
});

test('dark mode is remembered across a reload', async ({ page }) => {
  await page.goto('/packages');
  const html = page.locator('html');
  const before = await html.getAttribute('data-mantine-color-scheme');
  const toggle = page.getByRole('button', { name: /Switch to (dark|light) mode/ });
  await toggle.click();
  const after = before === 'dark' ? 'light' : 'dark';
  await expect(html).toHaveAttribute('data-mantine-color-scheme', after);
  await page.reload();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', after);
});
