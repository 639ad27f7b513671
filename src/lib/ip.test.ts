import { ipSortKey, normalizeIp, parseIpList } from './ip.ts';

describe('normalizeIp', () => {
  it.each([
    ['10.16.0.1', '10.16.0.1'],
    [' 192.168.1.20 ', '192.168.1.20'],
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:db8::0:1', '2001:db8::1'],
    ['::1', '::1'],
    ['fe80:0:0:1:0:0:0:1', 'fe80:0:0:1::1'],
    ['::ffff:10.0.0.1', '::ffff:a00:1'],
    ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normalizeIp(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'empty'],
    ['10.0.0', 'not an IPv4'],
    ['10.0.0.256', 'above 255'],
    ['010.0.0.1', 'leading zero'],
    ['10.0.0.1/24', 'not an IPv4'],
    ['host.example', 'not an IPv4'],
    ['1::2::3', 'not an IPv6'],
    ['1:2:3:4:5:6:7:8:9', 'not an IPv6'],
    ['12345::1', 'not an IPv6'],
  ])('rejects %j', (input, reason) => {
    const result = normalizeIp(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });
});

describe('parseIpList', () => {
  it('splits on commas and whitespace, de-duplicates and reports bad entries', () => {
    expect(parseIpList('10.0.0.1, 10.0.0.2\n10.0.0.1;bad')).toEqual({
      ips: ['10.0.0.1', '10.0.0.2'],
      errors: [{ input: 'bad', reason: expect.stringContaining('not an IPv4') }],
    });
  });

  it('enforces a maximum count', () => {
    const text = Array.from({ length: 11 }, (_, index) => `10.0.0.${index + 1}`).join(' ');
    const result = parseIpList(text, 10);
    expect(result.ips).toHaveLength(11);
    expect(result.errors).toEqual([{ input: '10.0.0.11', reason: 'at most 10 IP addresses per lookup' }]);
  });
});

it('sorts IPv4 numerically', () => {
  const sorted = ['10.0.0.10', '10.0.0.9', '9.1.1.1', '::1'].sort((a, b) =>
    ipSortKey(a).localeCompare(ipSortKey(b)),
  );
  expect(sorted).toEqual(['9.1.1.1', '10.0.0.9', '10.0.0.10', '::1']);
});
