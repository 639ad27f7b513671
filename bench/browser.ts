import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Headless Chromium as playwright.config.ts launches it (Debian's build; CHROMIUM_PATH overrides). */
export function launchBrowser(): Promise<Browser> {
  const executablePath =
    process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Resolves with `performance.now()` (ms since navigation start) at the first animation frame in which
 * `selector` matches an element whose text matches `pattern` — i.e. when the row can be painted.
 */
export async function whenVisible(page: Page, selector: string, pattern: string, timeout = 60_000) {
  const handle = await page.waitForFunction(
    ([css, source]) => {
      const wanted = new RegExp(source as string);
      for (const element of document.querySelectorAll(css as string)) {
        if (wanted.test(element.textContent ?? '')) return performance.now();
      }
      return false;
    },
    [selector, pattern],
    { polling: 'raf', timeout },
  );
  return (await handle.jsonValue()) as number;
}
