import { normalizeOpticsDeviceId, type ParseResult, truncate } from './device-id.ts';

/**
 * Reads the (event uid, device id) pairs an analyst brings to the focus-view lookup (issue #3): pasted lines
 * (`uid,device_id`, `uid device_id`, tab-separated, an optional header), a JSON array of `{uid, device_id}`,
 * or a CSV file (columns found by header, so the console's own export reads back with hostname and
 * artifact type). Device ids become the Optics form whatever spelling was pasted (api-contracts.md §1);
 * hex uids likewise. Unreadable lines are reported with their number and reason, duplicates dropped.
 */
export interface PairInput {
  uid: string;
  device_id: string;
  hostname?: string;
  artifact_type?: string;
}

export interface BadLine {
  /** 1-based line number, or item number for a JSON array. */
  line: number;
  kind: 'line' | 'item';
  text: string;
  reason: string;
}

export interface ParsedPairs {
  pairs: PairInput[];
  bad: BadLine[];
  duplicates: number;
}

const hexUid = /^[0-9A-F]{32}$/;

/** Hex uids (hyphens and braces optional) become 32 uppercase digits; other uids are kept as written. */
export function normalizeEventUid(input: string): ParseResult<string> {
  const trimmed = input.trim().replace(/^\{|\}$/g, '');
  if (trimmed === '') return { ok: false, reason: 'event uid is empty' };
  const compact = trimmed.replaceAll('-', '').toUpperCase();
  if (hexUid.test(compact)) return { ok: true, value: compact };
  if (/\s/.test(trimmed) || trimmed.length > 128) {
    return { ok: false, reason: `"${truncate(trimmed)}" is not an event uid` };
  }
  return { ok: true, value: trimmed };
}

export function focusPairKey(pair: { uid: string; device_id: string }): string {
  return `${pair.uid}|${pair.device_id}`;
}

/** Keeps the first of each pair; later copies are counted. */
export function dedupePairs<T extends { uid: string; device_id: string }>(list: readonly T[]) {
  const seen = new Set<string>();
  const pairs: T[] = [];
  for (const pair of list) {
    const key = focusPairKey(pair);
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push(pair);
  }
  return { pairs, duplicates: list.length - pairs.length };
}

function toPair(
  uidRaw: unknown,
  deviceRaw: unknown,
  extra: { hostname?: unknown; artifact_type?: unknown } = {},
): ParseResult<PairInput> {
  if (typeof uidRaw !== 'string' || uidRaw.trim() === '')
    return { ok: false, reason: 'event uid is missing' };
  if (typeof deviceRaw !== 'string' || deviceRaw.trim() === '')
    return { ok: false, reason: 'device id is missing' };
  const uid = normalizeEventUid(uidRaw);
  if (!uid.ok) return uid;
  const device = normalizeOpticsDeviceId(deviceRaw);
  if (!device.ok) return device;
  const pair: PairInput = { uid: uid.value, device_id: device.value };
  if (typeof extra.hostname === 'string' && extra.hostname.trim() !== '')
    pair.hostname = extra.hostname.trim();
  if (typeof extra.artifact_type === 'string' && extra.artifact_type.trim() !== '') {
    pair.artifact_type = extra.artifact_type.trim();
  }
  return { ok: true, value: pair };
}

/** One CSV/TSV/whitespace line → cells. Quoted CSV cells may contain commas and doubled quotes. */
function splitFields(line: string): string[] {
  if (line.includes('\t')) return line.split('\t').map((cell) => cell.trim());
  if (line.includes(',') || line.includes(';')) {
    const separator = line.includes(',') ? ',' : ';';
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const char = line[i];
      if (quoted && char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = !quoted;
      else if (char === separator && !quoted) {
        cells.push(cell.trim());
        cell = '';
      } else cell += char;
    }
    cells.push(cell.trim());
    return cells;
  }
  return line.trim().split(/\s+/);
}

const columnNames: Record<string, 'uid' | 'device_id' | 'hostname' | 'artifact_type'> = {
  uid: 'uid',
  value: 'uid',
  eventuid: 'uid',
  eventid: 'uid',
  deviceid: 'device_id',
  device: 'device_id',
  opticsid: 'device_id',
  hostname: 'hostname',
  host: 'hostname',
  artifacttype: 'artifact_type',
};

/** A first line naming its columns (`uid,device_id`, `Event UID<TAB>Device ID`) → where each column is. */
function readHeader(
  cells: string[],
): Partial<Record<'uid' | 'device_id' | 'hostname' | 'artifact_type', number>> | null {
  const columns: Partial<Record<'uid' | 'device_id' | 'hostname' | 'artifact_type', number>> = {};
  cells.forEach((cell, index) => {
    const name = columnNames[cell.toLowerCase().replace(/[\s_"'-]/g, '')];
    if (name && columns[name] === undefined) columns[name] = index;
  });
  return columns.uid !== undefined && columns.device_id !== undefined ? columns : null;
}

function parseJson(text: string): ParsedPairs {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = `not valid JSON (${error instanceof Error ? error.message : 'parse error'})`;
    return { pairs: [], bad: [{ line: 1, kind: 'line', text: truncate(text, 80), reason }], duplicates: 0 };
  }
  const items = Array.isArray(value) ? value : [value];
  const bad: BadLine[] = [];
  const found: PairInput[] = [];
  items.forEach((item, index) => {
    const record = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const parsed = toPair(record.uid ?? record.value, record.device_id ?? record.deviceId, record);
    if (parsed.ok) found.push(parsed.value);
    else
      bad.push({
        line: index + 1,
        kind: 'item',
        text: truncate(JSON.stringify(item) ?? '', 80),
        reason: parsed.reason,
      });
  });
  return { ...dedupePairs(found), bad };
}

export function parsePairs(text: string): ParsedPairs {
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) return parseJson(trimmed);
  const lines = text.split(/\r\n|\n|\r/);
  const bad: BadLine[] = [];
  const found: PairInput[] = [];
  let header: ReturnType<typeof readHeader> | undefined;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const cells = splitFields(line);
    if (header === undefined) {
      header = readHeader(cells);
      if (header) return;
    }
    let parsed: ParseResult<PairInput>;
    if (header) {
      parsed = toPair(cells[header.uid ?? 0], cells[header.device_id ?? 1], {
        hostname: header.hostname === undefined ? undefined : cells[header.hostname],
        artifact_type: header.artifact_type === undefined ? undefined : cells[header.artifact_type],
      });
    } else if (cells.length !== 2) {
      parsed = { ok: false, reason: `expected an event uid and a device id, found ${cells.length} field(s)` };
    } else parsed = toPair(cells[0], cells[1]);
    if (parsed.ok) found.push(parsed.value);
    else bad.push({ line: index + 1, kind: 'line', text: truncate(line, 80), reason: parsed.reason });
  });
  return { ...dedupePairs(found), bad };
}
