// What a benchmark run reports: every figure with min/median/max over its repetitions and, where
// the issue sets one, its target and whether the median met it. Pure: the runner does the I/O.
import { round, type Summary, summarize } from './stats.ts';

export type Target = { min?: number; max?: number };

/** One measured figure: a value per repetition. */
export type Figure = { name: string; unit: string; values: number[]; target?: Target };

/** A scenario's figures and how it was set up. */
export type Figures = { scenario: string; setup: string; figures: Figure[] };

export type SummarizedFigure = Omit<Figure, 'values'> & {
  values: number[];
  summary: Summary;
  met: boolean | null;
};

export type BenchReport = {
  date: string;
  machine: Record<string, string | number>;
  options: Record<string, unknown>;
  scenarios: Array<{ scenario: string; setup: string; figures: SummarizedFigure[] }>;
};

/** Whether a median meets a target (null: no target). */
export function meets(value: number, target: Target | undefined): boolean | null {
  if (!target) return null;
  if (!Number.isFinite(value)) return false;
  if (target.min !== undefined && value < target.min) return false;
  if (target.max !== undefined && value > target.max) return false;
  return true;
}

export function summarizeFigures(figures: Figures): BenchReport['scenarios'][number] {
  return {
    scenario: figures.scenario,
    setup: figures.setup,
    figures: figures.figures.map((f) => {
      const summary = summarize(f.values);
      return { ...f, summary, met: meets(summary.median, f.target) };
    }),
  };
}

function targetText(target: Target | undefined): string {
  if (!target) return '';
  if (target.min !== undefined && target.max !== undefined)
    return target.min === target.max ? `= ${target.min}` : `${target.min}–${target.max}`;
  return target.min !== undefined ? `≥ ${target.min}` : `≤ ${target.max}`;
}

/** The Markdown section appended to BENCHMARKS.md for one run. */
export function markdownReport(report: BenchReport): string {
  const lines = [
    `## ${report.date}`,
    '',
    Object.entries(report.machine)
      .map(([k, v]) => `${k}: ${v}`)
      .join(' · '),
    '',
    `options: ${JSON.stringify(report.options)}`,
    '',
  ];
  for (const s of report.scenarios) {
    lines.push(`### ${s.scenario}`, '', s.setup, '');
    lines.push('| figure | unit | min | median | max | n | target | met |');
    lines.push('|---|---|---:|---:|---:|---:|---|---|');
    for (const f of s.figures)
      lines.push(
        `| ${f.name} | ${f.unit} | ${round(f.summary.min)} | ${round(f.summary.median)} | ${round(f.summary.max)} | ${f.summary.n} | ${targetText(f.target)} | ${f.met === null ? '' : f.met ? 'yes' : '**no**'} |`,
      );
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
