import type { Page } from 'playwright-core';
import { type Figure, figure } from './figure.ts';
import { percentile, round } from './stats.ts';

/**
 * Figure 3: the network tab with every verdict loaded (the page dump.ts leaves open). A sample is one
 * input — a keystroke in the Vendor filter, or a click on a column header — timed from the event's own
 * timestamp to the first animation frame after the table body (or the "N of M verdicts shown" line)
 * changed, i.e. when the updated rows can be painted. Also: rows in the DOM, JS heap after a GC.
 */
const table = 'table[aria-label="Network verdicts"]';
const dataRows = `${table} tbody tr:not([aria-hidden])`;

/** Arms an observer for the next update; the returned promise (in the page) resolves with the latency. */
async function armUpdate(page: Page, eventType: 'keydown' | 'pointerdown'): Promise<void> {
  await page.evaluate(
    ([css, type]) => {
      const tbody = document.querySelector(`${css} tbody`) as HTMLElement;
      const summary = [...document.querySelectorAll('p, div, span')].find(
        (element) => element.childElementCount === 0 && /verdicts shown$/.test(element.textContent ?? ''),
      );
      const bench = window as unknown as { benchUpdate?: Promise<number | null> };
      bench.benchUpdate = new Promise((resolve) => {
        let startedAt = 0;
        const onEvent = (event: Event) => {
          startedAt = event.timeStamp;
        };
        document.addEventListener(type as string, onEvent, { capture: true, once: true });
        const done = () => {
          observer.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => resolve(performance.now() - startedAt));
        };
        const observer = new MutationObserver(done);
        observer.observe(tbody, { childList: true, subtree: true, characterData: true });
        if (summary) observer.observe(summary, { childList: true, subtree: true, characterData: true });
        // Nothing changed (the input did not change the visible rows): not a sample.
        const timer = setTimeout(() => {
          observer.disconnect();
          resolve(null);
        }, 5000);
      });
    },
    [table, eventType],
  );
}

async function update(page: Page): Promise<number | null> {
  return page.evaluate(() => (window as unknown as { benchUpdate: Promise<number | null> }).benchUpdate);
}

async function rowsInDom(page: Page): Promise<number> {
  return page.locator(dataRows).count();
}

export async function measureBigTable(page: Page, total: number, samples: number): Promise<Figure[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  let maxRows = await rowsInDom(page);

  const vendor = page.getByRole('textbox', { name: 'Vendor' });
  const all = `${total.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} verdicts shown`;
  const filter: number[] = [];
  const letters = 'aeilnorstuchpdmgkbvx';
  for (let i = 0; filter.length < samples && i < letters.length * 2; i++) {
    const letter = letters[i % letters.length] as string;
    // One keystroke narrows the whole table; the Backspace that follows widens it back (both are samples).
    await vendor.focus();
    await armUpdate(page, 'keydown');
    await page.keyboard.press(letter);
    const narrowed = await update(page);
    if (narrowed !== null) filter.push(narrowed);
    maxRows = Math.max(maxRows, await rowsInDom(page));
    await armUpdate(page, 'keydown');
    await page.keyboard.press('Backspace');
    const widened = await update(page);
    if (widened !== null) filter.push(widened);
    await page.getByText(all).waitFor();
  }

  const sort: number[] = [];
  const headers = ['IP', 'MAC', 'Category', 'Vendor', 'Model', 'OS', 'Updated (UTC)'];
  const region = page.getByRole('region', { name: 'Verdicts (scrollable)' });
  for (let i = 0; sort.length < samples && i < headers.length * 4; i++) {
    const button = page
      .locator(`${table} thead`)
      .getByRole('button', { name: headers[i % headers.length], exact: true });
    await armUpdate(page, 'pointerdown');
    await button.click();
    const sorted = await update(page);
    if (sorted !== null) sort.push(sorted);
    maxRows = Math.max(maxRows, await rowsInDom(page));
  }
  // Far down the table the DOM still holds only the rows in view.
  await region.evaluate((box) => {
    box.scrollTop = box.scrollHeight / 2;
  });
  await page.waitForTimeout(200);
  maxRows = Math.max(maxRows, await rowsInDom(page));

  const group = `3 big table (${total.toLocaleString('en-US')})`;
  const timing = (name: string, values: number[], p: number, budget: number | null) =>
    figure({
      group,
      name: `${name} p${p} (${values.length} samples)`,
      value: round(percentile(values, p)),
      unit: 'ms',
      budget,
      reference: budget,
      referenceText: budget === null ? '—' : `${budget} (budget)`,
    });
  return [
    timing('filter keystroke → rows', filter, 50, null),
    timing('filter keystroke → rows', filter, 95, 100),
    timing('sort click → rows', sort, 50, null),
    timing('sort click → rows', sort, 95, 300),
    figure({
      group,
      name: 'rows in the DOM (max seen)',
      value: maxRows,
      unit: 'rows',
      budget: 150,
      reference: 150,
    }),
    figure({
      group,
      name: 'JS heap after load (after GC)',
      value: round(heap.usedSize / 1024 / 1024),
      unit: 'MB',
      budget: null,
      reference: null,
    }),
  ];
}
