// Scores job enrichment against the hand-checked labels in jobs.json: per-field precision
// (of what was predicted, how much was right) and recall (of what the labels state, how much was
// found). Pure: records and an extract function in, a table out. Loading lives in run-eval.ts.
import type {
  EmploymentType,
  JobCategory,
  Salary,
  Seniority,
  Workplace,
} from '../../src/domain/job-intel.ts';

/** Pay as a listing states it: the part of a Salary the labels check. */
export type SalaryLabel = Pick<Salary, 'min' | 'max' | 'currency' | 'period'>;

/** What a listing says, field by field; predictions are reduced to the same shape. */
export type JobLabels = {
  salary: SalaryLabel | null;
  workplace: Workplace;
  /** ISO2 countries, ["*"] for anywhere; null when the listing does not say. */
  applyFrom: string[] | null;
  seniority: Seniority | null;
  employmentType: EmploymentType | null;
  tags: string[];
  relevant: boolean;
  category: JobCategory;
};

/** What enrichment predicted for one listing. */
export type Prediction = JobLabels;

/** One labelled listing of jobs.json. */
export type EvalRecord = {
  id: string;
  fixture: string;
  link: string;
  title: string;
  expected: JobLabels;
  notes: string;
};

/** How a field is compared: one value, a salary, a tag set, a yes/no, a country set. */
export type FieldKind = 'single' | 'salary' | 'tags' | 'relevance' | 'applyFrom';

type KindValue = {
  single: string | null;
  salary: SalaryLabel | null;
  tags: string[];
  relevance: boolean;
  applyFrom: string[] | null;
};

/** Counts behind a precision/recall pair; a rate is null when nothing was there to divide by. */
export type FieldScore = {
  correct: number;
  predicted: number;
  expected: number;
  precision: number | null;
  recall: number | null;
};

/** One row of the report. */
export type FieldRow = FieldScore & { field: keyof JobLabels };

type Counts = Omit<FieldScore, 'precision' | 'recall'>;

const SALARY_TOLERANCE = 0.01;

// "unknown" is the honest answer, not a prediction: it counts neither way.
const stated = (value: string | null) => value !== null && value !== 'unknown';

const counters: { [K in FieldKind]: (expected: KindValue[K], actual: KindValue[K]) => Counts } = {
  single: (expected, actual) => ({
    predicted: stated(actual) ? 1 : 0,
    expected: stated(expected) ? 1 : 0,
    correct: stated(actual) && actual === expected ? 1 : 0,
  }),
  salary: (expected, actual) => ({
    predicted: actual ? 1 : 0,
    expected: expected ? 1 : 0,
    correct: actual && expected && sameSalary(expected, actual) ? 1 : 0,
  }),
  tags: (expected, actual) => {
    const want = new Set(expected);
    const got = new Set(actual);
    return {
      predicted: got.size,
      expected: want.size,
      correct: [...got].filter((tag) => want.has(tag)).length,
    };
  },
  relevance: (expected, actual) => ({
    predicted: actual ? 1 : 0,
    expected: expected ? 1 : 0,
    correct: actual && expected ? 1 : 0,
  }),
  applyFrom: (expected, actual) => ({
    predicted: actual ? 1 : 0,
    expected: expected ? 1 : 0,
    correct: actual && expected && sameSet(expected, actual) ? 1 : 0,
  }),
};

/** Precision and recall of one field over (expected, actual) pairs; tags are micro-averaged. */
export function scoreField<K extends FieldKind>(
  pairs: ReadonlyArray<{ expected: KindValue[K]; actual: KindValue[K] }>,
  kind: K,
): FieldScore {
  const count = counters[kind];
  const total: Counts = { correct: 0, predicted: 0, expected: 0 };
  for (const { expected, actual } of pairs) {
    const one = count(expected, actual);
    total.correct += one.correct;
    total.predicted += one.predicted;
    total.expected += one.expected;
  }
  return {
    ...total,
    precision: total.predicted ? total.correct / total.predicted : null,
    recall: total.expected ? total.correct / total.expected : null,
  };
}

/** Runs extract on every record and scores each field. */
export function evaluate(
  records: readonly EvalRecord[],
  extract: (record: EvalRecord) => Prediction,
): FieldRow[] {
  const pairs = records.map((record) => ({ expected: record.expected, actual: extract(record) }));
  const pick = <F extends keyof JobLabels>(field: F) =>
    pairs.map((pair) => ({ expected: pair.expected[field], actual: pair.actual[field] }));
  return [
    { field: 'salary', ...scoreField(pick('salary'), 'salary') },
    { field: 'workplace', ...scoreField(pick('workplace'), 'single') },
    { field: 'applyFrom', ...scoreField(pick('applyFrom'), 'applyFrom') },
    { field: 'seniority', ...scoreField(pick('seniority'), 'single') },
    { field: 'employmentType', ...scoreField(pick('employmentType'), 'single') },
    { field: 'tags', ...scoreField(pick('tags'), 'tags') },
    { field: 'relevant', ...scoreField(pick('relevant'), 'relevance') },
    { field: 'category', ...scoreField(pick('category'), 'single') },
  ];
}

/** Minimum precision per field (issue 4); other fields are reported only. */
export const PRECISION_THRESHOLDS: Partial<Record<keyof JobLabels, number>> = {
  salary: 0.95,
  workplace: 0.95,
  seniority: 0.95,
  tags: 0.9,
  relevant: 0.9,
};

/** One line per field below its threshold; a field that predicts nothing at all fails too. */
export function thresholdFailures(table: readonly FieldRow[]): string[] {
  const failures: string[] = [];
  for (const row of table) {
    const min = PRECISION_THRESHOLDS[row.field];
    if (min === undefined) continue;
    if (row.precision === null) failures.push(`${row.field}: no predictions (needs ≥ ${pct(min)})`);
    else if (row.precision < min)
      failures.push(`${row.field}: precision ${pct(row.precision)} < ${pct(min)}`);
  }
  return failures;
}

/** The table as aligned text: field, precision, recall, correct, predicted, expected. */
export function formatReport(table: readonly FieldRow[]): string {
  const header = ['field', 'precision', 'recall', 'correct', 'predicted', 'expected'];
  const rows = table.map((row) => [
    row.field,
    row.precision === null ? 'n/a' : pct(row.precision),
    row.recall === null ? 'n/a' : pct(row.recall),
    String(row.correct),
    String(row.predicted),
    String(row.expected),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)));
  return [header, ...rows].map((cells) => line(cells).join('  ')).join('\n');
}

function sameSalary(expected: SalaryLabel, actual: SalaryLabel): boolean {
  return (
    expected.currency === actual.currency &&
    expected.period === actual.period &&
    close(expected.min, actual.min) &&
    close(expected.max, actual.max)
  );
}

function close(expected: number | null, actual: number | null): boolean {
  if (expected === null || actual === null) return expected === actual;
  return Math.abs(actual - expected) <= Math.abs(expected) * SALARY_TOLERANCE;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((value) => right.has(value));
}

function pct(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}
