/**
 * 1234567 → "1,234,567": counts and byte sizes, grouped as en-US does, without Intl. A page's first Intl call
 * loads the ICU data (30–80 ms of main thread on a 2-core machine, measured in headless Chromium), and a deep
 * link's first rows would pay it before they paint (issue #11 "Deep link").
 */
export function formatCount(value: number): string {
  const text = String(Math.abs(value));
  if (!/^\d+(\.\d+)?$/.test(text)) return String(value); // NaN, Infinity, 1e+21: as JavaScript writes them
  const [whole = '', fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}
