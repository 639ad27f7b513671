/**
 * Cylance device ids come in two forms (api-contracts.md §1, seed 001): the device API uses lowercase
 * hyphenated UUIDs, the Optics APIs need 32 uppercase hex digits without hyphens. Analysts paste either.
 */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const hex32 = /^[0-9A-F]{32}$/;

export function normalizeOpticsDeviceId(input: string): ParseResult<string> {
  const trimmed = input.trim().replace(/^\{|\}$/g, '');
  if (trimmed === '') return { ok: false, reason: 'device id is empty' };
  const compact = trimmed.replaceAll('-', '').toUpperCase();
  if (!hex32.test(compact)) {
    return {
      ok: false,
      reason: `"${truncate(input.trim())}" is not a device id (32 hex digits, hyphens optional)`,
    };
  }
  return { ok: true, value: compact };
}

/** The device API's form: `45e07f34-e76b-4a9e-b167-d6d0c510d6ba`. */
export function toCylanceDeviceUuid(opticsId: string): string {
  const id = opticsId.toLowerCase();
  return `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;
}

export function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
