import type { ParseResult } from './device-id.ts';

/**
 * MAC addresses in the three vendor spellings (api-contracts.md §4): Cylance `06-F8-13-8B-16-C9`,
 * ESET `06:F8:13:8B:16:C9`, Prisma `06:f8:13:8b:16:c9`. Analysts also paste bare (`06f8138b16c9`) or Cisco
 * dotted (`06f8.138b.16c9`) forms. The canonical form is twelve uppercase hex digits, used as the join key.
 */
export type MacSpelling = 'cylance' | 'eset' | 'prisma';

const separated = /^[0-9A-F]{2}([-:])[0-9A-F]{2}(\1[0-9A-F]{2}){4}$/;
const dotted = /^[0-9A-F]{4}\.[0-9A-F]{4}\.[0-9A-F]{4}$/;
const bare = /^[0-9A-F]{12}$/;

export function normalizeMac(input: string): ParseResult<string> {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'MAC address is empty' };
  const upper = trimmed.toUpperCase();
  if (!separated.test(upper) && !dotted.test(upper) && !bare.test(upper)) {
    return {
      ok: false,
      reason: `"${trimmed}" is not a MAC address (12 hex digits, optionally separated by - : or .)`,
    };
  }
  return { ok: true, value: upper.replace(/[-:.]/g, '') };
}

/** The join key of a MAC, or undefined when the vendor sent something that is not one. */
export function macKey(input: string | null | undefined): string | undefined {
  if (!input) return undefined;
  const result = normalizeMac(input);
  return result.ok ? result.value : undefined;
}

/** Formats a canonical MAC (see normalizeMac) the way a vendor writes it. */
export function formatMac(canonical: string, spelling: MacSpelling): string {
  const pairs = canonical.match(/../g) ?? [];
  if (spelling === 'cylance') return pairs.join('-');
  if (spelling === 'eset') return pairs.join(':');
  return pairs.join(':').toLowerCase();
}
