import { describe, expect, it } from 'vitest';
import { decodePairs, encodePairs } from './focus-pair-codec.ts';
import { normalizeEventUid, parsePairs } from './focus-pairs.ts';

const uid = '59F849F29BBE4F1F889AAF50F9153618';
const device = 'E378DACB9324453AB8C65A8406952195';
const deviceHyphenated = 'e378dacb-9324-453a-b8c6-5a8406952195';
const deviceLower = 'e378dacb9324453ab8c65a8406952195';
const uid2 = 'A0000000000000000000000000000002';

describe('parsePairs', () => {
  it('reads comma, whitespace and tab separated lines', () => {
    const parsed = parsePairs(`${uid},${device}\n${uid2} ${device}\n${uid}\t${'B'.repeat(32)}\n`);
    expect(parsed.pairs).toEqual([
      { uid, device_id: device },
      { uid: uid2, device_id: device },
      { uid, device_id: 'B'.repeat(32) },
    ]);
    expect(parsed.bad).toEqual([]);
  });

  it('normalises the three device-id spellings to the Optics form and counts the duplicates they make', () => {
    const parsed = parsePairs(
      [`${uid},${device}`, `${uid},${deviceHyphenated}`, `${uid},${deviceLower}`].join('\n'),
    );
    expect(parsed.pairs).toEqual([{ uid, device_id: device }]);
    expect(parsed.duplicates).toBe(2);
  });

  it('normalises hex uids (lowercase, hyphenated, braces) and keeps other uids as written', () => {
    expect(normalizeEventUid('59f849f2-9bbe-4f1f-889a-af50f9153618')).toEqual({ ok: true, value: uid });
    expect(normalizeEventUid(`{${uid.toLowerCase()}}`)).toEqual({ ok: true, value: uid });
    expect(normalizeEventUid('evt-42')).toEqual({ ok: true, value: 'evt-42' });
    expect(normalizeEventUid('two words').ok).toBe(false);
  });

  it('skips a header line and maps columns by name, reading hostname and artifact type from CSV', () => {
    const csv = [
      'status,device_id,uid,hostname,artifact_type',
      `REQUEST,${deviceHyphenated},${uid},"WKS-HQ-0001",Process`,
      `AVAILABLE,${device},${uid2},,`,
    ].join('\r\n');
    expect(parsePairs(csv).pairs).toEqual([
      { uid, device_id: device, hostname: 'WKS-HQ-0001', artifact_type: 'Process' },
      { uid: uid2, device_id: device },
    ]);
    expect(parsePairs(`Event UID\tDevice ID\n${uid}\t${device}`).pairs).toHaveLength(1);
  });

  it('lists bad lines with their line number and reason and keeps the good ones', () => {
    const parsed = parsePairs(
      [`${uid},${device}`, '', 'just-one-field', `${uid},not-a-device`, `a,b,c`].join('\n'),
    );
    expect(parsed.pairs).toHaveLength(1);
    expect(parsed.bad).toEqual([
      { line: 3, kind: 'line', text: 'just-one-field', reason: expect.stringContaining('found 1 field') },
      {
        line: 4,
        kind: 'line',
        text: `${uid},not-a-device`,
        reason: expect.stringContaining('is not a device id'),
      },
      { line: 5, kind: 'line', text: 'a,b,c', reason: expect.stringContaining('found 3 field') },
    ]);
  });

  it('reads a JSON array of {uid, device_id}, naming bad items by number', () => {
    const parsed = parsePairs(
      JSON.stringify([
        { uid, device_id: deviceHyphenated },
        { uid, device_id: device },
        { uid: uid2 },
        'nope',
      ]),
    );
    expect(parsed.pairs).toEqual([{ uid, device_id: device }]);
    expect(parsed.duplicates).toBe(1);
    expect(parsed.bad.map((bad) => [bad.kind, bad.line, bad.reason])).toEqual([
      ['item', 3, 'device id is missing'],
      ['item', 4, 'event uid is missing'],
    ]);
    expect(parsePairs('[{"uid": ').bad[0]?.reason).toMatch(/not valid JSON/);
  });

  it('finds nothing in empty input', () => {
    expect(parsePairs('  \n\n')).toEqual({ pairs: [], bad: [], duplicates: 0 });
  });
});

describe('pair codec', () => {
  it('round-trips 200 pairs into a compact URL-safe string', () => {
    const devices = Array.from({ length: 8 }, (_, i) => `${i}`.repeat(32));
    const pairs = Array.from({ length: 200 }, (_, i) => ({
      uid: i === 7 ? 'evt-ünicode-7' : i.toString(16).toUpperCase().padStart(32, '0'),
      device_id: devices[i % 8]!,
    }));
    const encoded = encodePairs(pairs);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encoded.length).toBeLessThan(5000);
    expect(decodePairs(encoded)).toEqual(pairs);
  });

  it('rejects text it did not write', () => {
    expect(decodePairs('not base64!')).toBeNull();
    expect(decodePairs(encodePairs([{ uid, device_id: device }]).slice(0, -4))).toBeNull();
    expect(decodePairs('AQ')).toBeNull();
    expect(decodePairs('Af____8P')).toBeNull();
  });
});
