import type { ParseResult } from './device-id.ts';

/**
 * IP addresses as analysts paste them and as vendors send them (Prisma verdict `ip`, ESET
 * `primaryLocalIpAddress`, Cylance `ip_addresses`). IPv4 is normalised to plain dotted quad; IPv6 to the
 * RFC 5952 text form (lowercase, longest zero run compressed), so the same address always compares equal.
 */
export function normalizeIp(input: string): ParseResult<string> {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'IP address is empty' };
  if (trimmed.includes(':')) return normalizeIpv6(trimmed);
  return normalizeIpv4(trimmed);
}

function normalizeIpv4(text: string): ParseResult<string> {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part))) {
    return { ok: false, reason: `"${text}" is not an IPv4 address (four numbers 0–255 separated by dots)` };
  }
  // "010" is octal to some parsers and decimal to others: refuse rather than guess.
  if (parts.some((part) => part.length > 1 && part.startsWith('0'))) {
    return { ok: false, reason: `"${text}" has a leading zero, which is ambiguous` };
  }
  if (parts.some((part) => Number(part) > 255)) {
    return { ok: false, reason: `"${text}" has a part above 255` };
  }
  return { ok: true, value: parts.map(Number).join('.') };
}

function parseHextets(text: string): number[] | undefined {
  if (text === '') return [];
  const groups = text.split(':');
  const out: number[] = [];
  for (const [index, group] of groups.entries()) {
    // An embedded IPv4 tail (`::ffff:10.0.0.1`) counts as two hextets.
    if (index === groups.length - 1 && group.includes('.')) {
      const v4 = normalizeIpv4(group);
      if (!v4.ok) return undefined;
      const [a, b, c, d] = v4.value.split('.').map(Number) as [number, number, number, number];
      out.push((a << 8) | b, (c << 8) | d);
    } else if (/^[0-9a-f]{1,4}$/i.test(group)) {
      out.push(Number.parseInt(group, 16));
    } else {
      return undefined;
    }
  }
  return out;
}

function normalizeIpv6(text: string): ParseResult<string> {
  const invalid = { ok: false as const, reason: `"${text}" is not an IPv6 address` };
  const halves = text.split('::');
  if (halves.length > 2) return invalid;
  const head = parseHextets(halves[0] ?? '');
  const tail = halves.length === 2 ? parseHextets(halves[1] ?? '') : [];
  if (!head || !tail) return invalid;
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) return invalid;
  const words = [...head, ...Array<number>(Math.max(0, missing)).fill(0), ...tail];
  return { ok: true, value: formatIpv6(words) };
}

/** RFC 5952 §4: compress the longest run (≥ 2) of zero hextets, the first one on a tie. */
function formatIpv6(words: number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < words.length; start++) {
    let length = 0;
    while (words[start + length] === 0) length++;
    if (length > bestLength) {
      bestStart = start;
      bestLength = length;
    }
  }
  const hex = words.map((word) => word.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

export interface IpListResult {
  /** Normalised, de-duplicated, in the order typed. */
  ips: string[];
  errors: { input: string; reason: string }[];
}

/** Splits a pasted list on commas, semicolons and whitespace; `max` is a vendor limit (Prisma: 10 per lookup). */
export function parseIpList(text: string, max?: number): IpListResult {
  const ips: string[] = [];
  const errors: IpListResult['errors'] = [];
  for (const token of text.split(/[\s,;]+/).filter(Boolean)) {
    const result = normalizeIp(token);
    if (!result.ok) errors.push({ input: token, reason: result.reason });
    else if (!ips.includes(result.value)) ips.push(result.value);
  }
  if (max !== undefined && ips.length > max) {
    errors.push({ input: ips.slice(max).join(', '), reason: `at most ${max} IP addresses per lookup` });
  }
  return { ips, errors };
}

/** Sort key that orders IPv4 numerically (10.0.0.9 before 10.0.0.10); IPv6 sorts after IPv4, as text. */
export function ipSortKey(ip: string): string {
  const parts = ip.split('.');
  if (parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part))) {
    return `4${parts.map((part) => part.padStart(3, '0')).join('')}`;
  }
  return `6${ip}`;
}
