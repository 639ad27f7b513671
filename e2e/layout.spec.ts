import { expect, test } from './fixtures.ts';

/**
 * An analyst's 1 400 px screen (the navigation takes 220 px of it): the wide tables show every column without
 * scrolling sideways. Measured against the table's own box once its first rows are in.
 */
test.use({ viewport: { width: 1400, height: 900 } });

const tables = [
  { path: '/focus-views', name: 'Existing focus views' },
  { path: '/packages', name: 'Packages' },
  { path: '/devices', name: 'Machines' },
  { path: '/devices?tab=eset', name: 'ESET devices' },
  { path: '/devices?tab=network', name: 'Network verdicts' },
] as const;

for (const { path, name } of tables) {
  test(`the ${name} table fits a 1 400 px screen`, async ({ page }) => {
    await page.goto(path);
    const table = page.getByRole('table', { name, exact: true });
    await expect(table.locator('tbody tr').first()).toBeVisible({ timeout: 20_000 });
    const overflow = await table.evaluate((element) => {
      const box = element.parentElement;
      return box ? element.scrollWidth - box.clientWidth : Number.NaN;
    });
    expect(overflow).toBeLessThanOrEqual(0);
  });
}
