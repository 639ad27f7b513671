import type { Random } from './random.ts';

/**
 * Hostile values for the `hostile` fault (issue #10): what a compromised or buggy vendor could send. Only
 * free-text, URL and status fields change; ids, timestamps and numbers stay intact, so the page still works
 * and the test can check that nothing hostile ran or became a link.
 */
export const hostileMarkup = [
  '<script>alert("xss-script")</script>',
  '<img src=x onerror="alert(\'xss-img\')">',
  '"><svg onload=alert("xss-svg")>',
  '<a href="javascript:alert(\'xss-link\')">click</a>',
] as const;

export const hostileUrls = [
  'javascript:alert("xss-url")',
  'JavaScript:alert(document.domain)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgneHNzLWRhdGEnKTwvc2NyaXB0Pg==',
  ' javascript:alert(1)',
] as const;

/** Status values no contract lists: the console must show "unknown (VALUE)". */
export const unknownEnumValues = ['QUARANTINED_BY_VENDOR', 'Hibernating', 'STATUS_2027_PREVIEW'] as const;

/** Long enough to break a layout that does not wrap or truncate, small enough not to stall the test. */
export const hugeStringLength = 20_000;

const textKey =
  /(^|_)(name|description|hostname|login|filepath|file_path|displayname|model|vendor|os|profile)$/i;
const textKeyCamel = /(Name|Description|displayName|originalDisplayName|invocationString|caption)$/;
const urlKey = /^(download_url|downloadUrl)$/;
const statusKey = /^(status|file_status|state|functionalityStatus|enrollmentStatus)$/;

function hostileText(original: string, random: Random): string {
  const roll = random.next();
  if (roll < 0.1) return `${original} ${'W'.repeat(hugeStringLength)}`;
  return `${original}${random.pick(hostileMarkup)}`;
}

/**
 * Returns a copy of a JSON body with hostile values. Status fields get an unknown value only now and then
 * (`statusRate`), so tracked work can still reach a final status in a run with hostile values on.
 */
export function makeHostile(body: unknown, random: Random, statusRate = 0.25): unknown {
  if (Array.isArray(body)) return body.map((item) => makeHostile(item, random, statusRate));
  if (typeof body !== 'object' || body === null) return body;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value !== 'string') {
      out[key] = makeHostile(value, random, statusRate);
    } else if (urlKey.test(key) && value !== '') {
      out[key] = random.pick(hostileUrls);
    } else if (statusKey.test(key)) {
      out[key] = random.chance(statusRate) ? random.pick(unknownEnumValues) : value;
    } else if (textKey.test(key) || textKeyCamel.test(key)) {
      out[key] = hostileText(value, random);
    } else {
      out[key] = value;
    }
  }
  return out;
}
