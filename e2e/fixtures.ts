import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { simClockUrl } from './env.ts';

/**
 * Every e2e test fails on a console error or an uncaught exception, and on a script dialog
 * (hostile vendor data must never run).
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      page.on('dialog', (dialog) => {
        errors.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

/** No serious or critical axe-core violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  // A panel still fading in has half-transparent text, which axe reports as too little contrast. Endless
  // animations (loaders, skeleton pulses) never settle and are not waited for.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity,
      ),
  );
  const results = await new AxeBuilder({ page }).analyze();
  const severe = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(
    severe.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target).join(' | ')})`,
    ),
  ).toEqual([]);
}

/** Simulator-only control (demo mode): make simulated time run faster so PENDING work resolves quickly. */
export async function setSimSpeed(page: Page, speed: number): Promise<void> {
  const response = await page.request.post(simClockUrl, { data: { speed } });
  expect(response.ok()).toBe(true);
}

export { expect };
