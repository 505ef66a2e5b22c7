import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type EvalRecord,
  evaluate,
  type FieldScore,
  formatReport,
  type JobLabels,
  type SalaryLabel,
  scoreField,
  thresholdFailures,
} from '../../eval/evaluate.ts';

const score = (correct: number, predicted: number, expected: number): FieldScore => ({
  correct,
  predicted,
  expected,
  precision: predicted ? correct / predicted : null,
  recall: expected ? correct / expected : null,
});

const usd = (min: number | null, max: number | null): SalaryLabel => ({
  min,
  max,
  currency: 'USD',
  period: 'year',
});

describe('scoreField', () => {
  it('single values: unknown and null are not predictions, and do not count as expected', () => {
    const pairs = [
      { expected: 'remote', actual: 'remote' }, // right
      { expected: 'remote', actual: 'unknown' }, // missed
      { expected: 'unknown', actual: 'onsite' }, // claimed what the text does not say
      { expected: 'hybrid', actual: 'remote' }, // wrong
      { expected: 'unknown', actual: 'unknown' }, // honestly unknown: counts nowhere
      { expected: null, actual: null },
    ];
    assert.deepEqual(scoreField(pairs, 'single'), score(1, 3, 3));
  });

  it('salary: currency and period must match, min and max within 1%, null only with null', () => {
    const table: Array<[SalaryLabel | null, SalaryLabel | null, FieldScore]> = [
      [usd(100_000, 120_000), usd(100_000, 120_000), score(1, 1, 1)],
      [usd(100_000, 120_000), usd(100_900, 119_000), score(1, 1, 1)],
      [usd(100_000, 120_000), usd(102_000, 120_000), score(0, 1, 1)],
      [usd(100_000, 120_000), { ...usd(100_000, 120_000), currency: 'CAD' }, score(0, 1, 1)],
      [usd(100_000, 120_000), { ...usd(100_000, 120_000), period: 'month' }, score(0, 1, 1)],
      [usd(110_000, null), usd(110_000, null), score(1, 1, 1)],
      [usd(110_000, null), usd(110_000, 110_000), score(0, 1, 1)],
      [usd(100_000, 120_000), null, score(0, 0, 1)],
      [null, usd(100_000, 120_000), score(0, 1, 0)],
      [null, null, score(0, 0, 0)],
    ];
    for (const [expected, actual, want] of table) {
      assert.deepEqual(scoreField([{ expected, actual }], 'salary'), want, JSON.stringify(actual));
    }
  });

  it('tags: micro-averaged over all listings, duplicates counted once', () => {
    const pairs = [
      { expected: ['go', 'postgresql', 'kafka'], actual: ['go', 'postgresql', 'postgresql'] },
      { expected: ['python'], actual: ['python', 'django', 'aws'] },
      { expected: [], actual: [] },
    ];
    // 3 right of 5 predicted; 3 found of 4 stated.
    assert.deepEqual(scoreField(pairs, 'tags'), score(3, 5, 4));
  });

  it('relevance: precision and recall of the relevant class', () => {
    const pairs = [
      { expected: true, actual: true },
      { expected: true, actual: false },
      { expected: false, actual: true },
      { expected: false, actual: false },
      { expected: true, actual: true },
    ];
    assert.deepEqual(scoreField(pairs, 'relevance'), score(2, 3, 3));
  });

  it('applyFrom: the same set of countries, in any order', () => {
    const pairs = [
      { expected: ['US', 'CA'], actual: ['CA', 'US'] },
      { expected: ['US'], actual: ['US', 'CA'] },
      { expected: ['*'], actual: ['*'] },
      { expected: null, actual: ['GB'] },
      { expected: ['GB'], actual: null },
      { expected: null, actual: null },
    ];
    assert.deepEqual(scoreField(pairs, 'applyFrom'), score(2, 4, 4));
  });

  it('nothing predicted and nothing expected leaves both rates null', () => {
    assert.deepEqual(scoreField([], 'tags'), score(0, 0, 0));
  });
});

const labels = (overrides: Partial<JobLabels> = {}): JobLabels => ({
  salary: null,
  workplace: 'unknown',
  applyFrom: null,
  seniority: null,
  employmentType: null,
  tags: [],
  relevant: false,
  category: 'other',
  ...overrides,
});

const record = (id: string, expected: JobLabels): EvalRecord => ({
  id,
  fixture: 'f.rss',
  link: `https://example.test/${id}`,
  title: id,
  expected,
  notes: '',
});

describe('evaluate', () => {
  const records = [
    record('a', labels({ seniority: 'senior', tags: ['go'], relevant: true, category: 'backend' })),
    record('b', labels({ workplace: 'remote', salary: usd(90_000, 100_000) })),
  ];
  const predictions: Record<string, JobLabels> = {
    a: labels({ seniority: 'senior', tags: ['go', 'rust'], relevant: true, category: 'backend' }),
    b: labels({ workplace: 'remote', seniority: 'lead', relevant: true, category: 'platform' }),
  };
  const table = evaluate(records, (r) => predictions[r.id] as JobLabels);
  const row = (field: keyof JobLabels) => table.find((r) => r.field === field);

  it('scores every labelled field', () => {
    assert.deepEqual(
      table.map((r) => r.field),
      [
        'salary',
        'workplace',
        'applyFrom',
        'seniority',
        'employmentType',
        'tags',
        'relevant',
        'category',
      ],
    );
    assert.equal(row('seniority')?.precision, 0.5);
    assert.equal(row('seniority')?.recall, 1);
    assert.equal(row('tags')?.precision, 0.5);
    assert.equal(row('relevant')?.precision, 0.5);
    assert.equal(row('salary')?.recall, 0);
    assert.equal(row('salary')?.precision, null);
    assert.equal(row('workplace')?.precision, 1);
    // "other" is a category like any other.
    assert.equal(row('category')?.precision, 0.5);
  });

  it('reports fields under their threshold, and thresholded fields that predict nothing', () => {
    assert.deepEqual(thresholdFailures(table), [
      'salary: no predictions (needs ≥ 95.0%)',
      'seniority: precision 50.0% < 95.0%',
      'tags: precision 50.0% < 90.0%',
      'relevant: precision 50.0% < 90.0%',
    ]);
  });

  it('formats one aligned row per field', () => {
    const lines = formatReport(table).split('\n');
    assert.equal(lines.length, 9);
    assert.match(lines[0] ?? '', /^field\s+precision\s+recall\s+correct\s+predicted\s+expected$/);
    assert.match(lines[1] ?? '', /^salary\s+n\/a\s+0\.0%\s+0\s+0\s+1$/);
    assert.match(lines[4] ?? '', /^seniority\s+50\.0%\s+100\.0%\s+1\s+2\s+1$/);
    assert.equal(new Set(lines.map((l) => l.length)).size, 1);
  });
});
