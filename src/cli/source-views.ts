import { healthStatus } from '../domain/source.ts';
import type { SourceDoc, SourceHealth } from '../store/models/source.ts';
import { ago, formatTable } from './args.ts';

/** A source as `sources list --json` prints it: flat, stable field names. */
export function sourceJson(s: SourceDoc) {
  return {
    id: s._id.toString(),
    name: s.name,
    url: s.url,
    kind: s.kind,
    type: s.type,
    intervalMinutes: s.intervalMinutes,
    enabled: s.enabled,
    status: healthStatus(s),
    lastFetchedAt: s.health.lastFetchedAt?.toISOString() ?? null,
    lastSuccessAt: s.health.lastSuccessAt?.toISOString() ?? null,
    lastError: s.health.lastError
      ? {
          message: s.health.lastError.message,
          code: s.health.lastError.code,
          status: s.health.lastError.status,
          at: s.health.lastError.at.toISOString(),
        }
      : null,
    consecutiveFailures: s.health.consecutiveFailures,
    totals: {
      runs: s.health.totalRuns,
      failures: s.health.totalFailures,
      new: s.health.totalNew,
      updated: s.health.totalUpdated,
    },
    lastRun: s.health.lastRun
      ? { ...s.health.lastRun, at: s.health.lastRun.at.toISOString() }
      : null,
    // The settings too, so an operator sees what `edit` would change.
    options: s.options,
    selectors: s.selectors ?? null,
    terms: s.terms,
  };
}

/** The sources as a terminal table. */
export function sourcesTable(sources: SourceDoc[]): string {
  if (sources.length === 0)
    return 'no sources yet: add one with `npm run sources -- add --url <feed> --type jobs|articles`';
  return formatTable(
    ['ID', 'NAME', 'TYPE', 'STATUS', 'LAST SUCCESS', 'LAST RUN', 'LAST ERROR OR WARNING'],
    sources.map((s) => [
      s._id.toString(),
      s.name.length > 40 ? `${s.name.slice(0, 39)}…` : s.name,
      s.type,
      healthStatus(s),
      ago(s.health.lastSuccessAt),
      s.health.lastRun ? runLine(s.health.lastRun) : '-',
      s.health.lastError && s.health.consecutiveFailures > 0
        ? s.health.lastError.message.slice(0, 80)
        : warningOf(s),
    ]),
  );
}

/** "stored: 3 new, 1 updated, 20 unchanged, 2 dropped" */
export function runLine(run: {
  outcome: string;
  new: number;
  updated: number;
  unchanged: number;
  dropped: number;
}): string {
  if (run.outcome !== 'stored') return run.outcome.replace('_', ' ');
  return `stored: ${run.new} new, ${run.updated} updated, ${run.unchanged} unchanged, ${run.dropped} dropped`;
}

// A run can succeed and still need the operator (a selector that found nothing, a layout change).
function warningOf(s: SourceDoc): string {
  const warnings = s.health.lastRun?.warnings ?? [];
  if (warnings.length === 0) return '';
  const more = warnings.length > 1 ? ` (+${warnings.length - 1} more)` : '';
  return `warning: ${(warnings[0] as string).slice(0, 80)}${more}`;
}

/** Runs recorded between two readings of a source's health, other than the last one. */
export type EarlierRuns = { runs: number; new: number; updated: number };

/** The source after the run `fetch --wait` asked for, and what runs before it did meanwhile. */
export type WaitedRun = { source: SourceDoc; earlier: EarlierRuns };

/** What the runs before the latest did between `before` and `after`, from the source's totals. */
export function runsBetween(before: SourceHealth, after: SourceHealth): EarlierRuns {
  const last = after.lastRun;
  return {
    runs: Math.max(0, after.totalRuns - before.totalRuns - 1),
    new: after.totalNew - before.totalNew - (last?.new ?? 0),
    updated: after.totalUpdated - before.totalUpdated - (last?.updated ?? 0),
  };
}

/**
 * "<id> <name>: unchanged (after 1 earlier run: 25 new, 0 updated)": the run the operator
 * asked for, and what any run that finished first stored, so a new source's automatic first
 * run never hides what happened.
 */
export function waitedRunLine({ source, earlier }: WaitedRun): string {
  const run = source.health.lastRun;
  let line = `${source._id} ${source.name}: ${run ? runLine(run) : 'not run'}`;
  if (run?.outcome === 'failed') line += ` — ${source.health.lastError?.message}`;
  if (earlier.runs > 0)
    line += ` (after ${earlier.runs} earlier run${earlier.runs > 1 ? 's' : ''}: ${earlier.new} new, ${earlier.updated} updated)`;
  return line;
}
