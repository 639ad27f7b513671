import { writeFileSync } from 'node:fs';
import type { Figure } from './figure.ts';

/** The one table the bench prints (Markdown, so it pastes into the README) and bench/results.json. */
export function renderTable(figures: Figure[]): string {
  const header = '| # | figure | value | budget | reference | ratio | ok |';
  const lines = figures.map((f) => {
    const ratio = f.ratio === null ? '—' : `${f.ratio.toFixed(2)}×`;
    const ok = f.pass === null ? '—' : f.pass ? 'yes' : '**NO**';
    const name = f.note ? `${f.name} — ${f.note}` : f.name;
    return `| ${f.group} | ${name} | ${f.value} ${f.unit} | ${f.budgetText} | ${f.referenceText} | ${ratio} | ${ok} |`;
  });
  return [header, '|---|---|---|---|---|---|---|', ...lines].join('\n');
}

export function writeResults(path: string, figures: Figure[], meta: Record<string, unknown>): void {
  writeFileSync(path, `${JSON.stringify({ ...meta, figures }, null, 2)}\n`);
}
