// Summaries for repeated measurements: min/median/max across repetitions, percentiles within one.

/** A figure measured `n` times. */
export type Summary = { min: number; median: number; max: number; n: number };

/** The p-th percentile (0–100) by nearest rank; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** min, median and max of the repetitions. */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('summarize: no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = Number.isInteger(mid)
    ? ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
    : (sorted[Math.floor(mid)] as number);
  return {
    min: sorted[0] as number,
    median,
    max: sorted[sorted.length - 1] as number,
    n: sorted.length,
  };
}

/** Rounds for display: 3 significant digits, integers above 100. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  if (Math.abs(value) >= 100) return Math.round(value);
  return Number(value.toPrecision(3));
}

/** The rate of stages run one after another on one core, from each stage's own rate (items/s). */
export function chainedRate(rates: readonly number[]): number {
  if (rates.length === 0 || rates.some((rate) => !(rate > 0)))
    throw new Error(`chainedRate needs positive rates, got [${rates.join(', ')}]`);
  return 1 / rates.reduce((seconds, rate) => seconds + 1 / rate, 0);
}

type TimedRun = { durationMs: number; stageMs?: { fetch: number; read: number; store: number } };

/**
 * The share of a round's run time each stage took, summed over its runs (as the workers recorded
 * them): a store share near 1 says the round waited on the database. Every run must carry its
 * stage times.
 */
export function stageShares(runs: readonly TimedRun[]): {
  fetch: number;
  read: number;
  store: number;
} {
  const total = runs.reduce((ms, run) => ms + run.durationMs, 0);
  if (runs.length === 0 || !(total > 0) || runs.some((run) => !run.stageMs))
    throw new Error(`stageShares needs runs with their stage times, got ${runs.length} runs`);
  const sum = (stage: 'fetch' | 'read' | 'store') =>
    runs.reduce((ms, run) => ms + (run.stageMs?.[stage] ?? 0), 0) / total;
  return { fetch: sum('fetch'), read: sum('read'), store: sum('store') };
}
