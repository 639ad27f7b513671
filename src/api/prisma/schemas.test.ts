import { isLastVerdictPage, verdictPageSchema } from './schemas.ts';

const verdict = { ip: '10.0.0.1', updateTime: 1623974506, mac: '0a:d4:5f:e9:96:10', category: 'Printer' };

describe('the end of the bookmark loop (seed 002 is ambiguous: all three readings end it)', () => {
  it.each([
    ['count == 0', { nextBookmark: 'Ck1', count: 0, verdicts: [] }],
    ['count == 0 with a stray verdict', { nextBookmark: 'Ck1', count: 0, verdicts: [verdict] }],
    ['empty verdicts', { nextBookmark: 'Ck1', count: 1, verdicts: [] }],
    ['missing verdicts', { nextBookmark: 'Ck1', count: 1 }],
    ['missing nextBookmark', { count: 1, verdicts: [verdict] }],
    ['empty nextBookmark', { nextBookmark: '', count: 1, verdicts: [verdict] }],
    ['null nextBookmark', { nextBookmark: null, count: 1, verdicts: [verdict] }],
  ])('%s ends the dump', (_name, body) => {
    expect(isLastVerdictPage(verdictPageSchema.parse(body))).toBe(true);
  });

  it('a full page with a bookmark does not end it', () => {
    expect(
      isLastVerdictPage(verdictPageSchema.parse({ nextBookmark: 'Ck1', count: 1, verdicts: [verdict] })),
    ).toBe(false);
  });

  it('accepts count and updateTime as strings or numbers', () => {
    const page = verdictPageSchema.parse({
      nextBookmark: 'Ck1',
      count: '1',
      verdicts: [{ ...verdict, updateTime: '5' }],
    });
    expect(page.count).toBe(1);
    expect(page.verdicts[0]?.updateTime).toBe(5);
  });
});
