/**
 * One line of the table and of bench/results.json. `reference` is what the figure is compared with (the
 * framework floor, the gateway's own round trip, the request-rate floor, the one-call-per-row baseline,
 * the direct-to-simulator run); `budget` is the limit the issue sets; `pass` is null for figures reported
 * without a budget.
 */
export interface Figure {
  group: string;
  name: string;
  value: number;
  unit: string;
  budget: number | null;
  /** How the budget reads, e.g. "≤ 180" or "≥ 0.7× direct". */
  budgetText: string;
  reference: number | null;
  referenceText: string;
  ratio: number | null;
  pass: boolean | null;
  note?: string;
}

type FigureInput = Omit<Figure, 'ratio' | 'pass' | 'budgetText' | 'referenceText'> & {
  /** `max`: value must be ≤ budget; `min`: ≥ budget. */
  direction?: 'max' | 'min';
  budgetText?: string;
  referenceText?: string;
};

export function figure(input: FigureInput): Figure {
  const direction = input.direction ?? 'max';
  const ratio =
    input.reference !== null && input.reference !== 0 && Number.isFinite(input.value)
      ? input.value / input.reference
      : null;
  const pass =
    input.budget === null
      ? null
      : Number.isFinite(input.value) &&
        (direction === 'max' ? input.value <= input.budget : input.value >= input.budget);
  return {
    group: input.group,
    name: input.name,
    value: input.value,
    unit: input.unit,
    budget: input.budget,
    budgetText:
      input.budgetText ??
      (input.budget === null ? '—' : `${direction === 'max' ? '≤' : '≥'} ${input.budget}`),
    reference: input.reference,
    referenceText: input.referenceText ?? (input.reference === null ? '—' : String(input.reference)),
    ratio,
    pass,
    note: input.note,
  };
}
