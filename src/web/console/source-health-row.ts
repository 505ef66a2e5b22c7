// One source at a glance for operators: badge, the last error in words, streak, last success,
// next run, totals and the last run's counts.
import { effectiveIntervalMinutes, healthStatus } from '../../domain/source.ts';
import { nextSlot, phaseMs } from '../../queue/fetch-jobs.ts';
import type { SourceDoc } from '../../store/models/source.ts';
import { timeAgo } from '../format.ts';

const badges: Record<string, string> = {
  healthy: 'Healthy',
  failing: 'Failing',
  backing_off: 'Backing off',
  disabled: 'Disabled',
  never_run: 'Not fetched yet',
  layout_changed: 'Layout changed',
  attention: 'Needs attention',
};

// Warnings of a run that stored nothing usable or hid items without an error: the source looks
// healthy (it answered) but the board gets nothing from it, or less than it should.
const NEEDS_ATTENTION =
  /has no usable items|selector ".*" matches nothing|could not run|^held back:|^none of its jobs reach the board$/;

const inMinutes = (at: Date, now: Date) =>
  `in ${Math.max(1, Math.round((at.getTime() - now.getTime()) / 60_000))} min`;

/**
 * The console's row for a source. `scheduledAt`: when its job scheduler next fires, as the
 * queue says; without it, the slot the scheduler would pick (its phase grid, see scheduleSource).
 */
export function sourceHealthRow(source: SourceDoc, now: Date, scheduledAt?: Date) {
  const status = healthStatus(source);
  const run = source.health.lastRun;
  const layoutChanged =
    status === 'healthy' && (run?.warnings ?? []).some((w) => w.startsWith('layout changed?'));
  const attention =
    status === 'healthy' && (run?.warnings ?? []).some((w) => NEEDS_ATTENTION.test(w));
  const badge = layoutChanged ? 'layout_changed' : attention ? 'attention' : status;
  const every = effectiveIntervalMinutes(source.intervalMinutes, source.health.consecutiveFailures);
  const last = source.health.lastFetchedAt;
  const next = !source.enabled
    ? null
    : (scheduledAt ??
      (last ? new Date(gridSlot(String(source._id), last.getTime(), every, now)) : null));
  const waiting =
    source.health.waiting && source.health.waiting.until > now ? source.health.waiting : null;
  return {
    id: String(source._id),
    name: source.name,
    url: source.url,
    kind: source.kind,
    type: source.type,
    enabled: source.enabled,
    badge,
    badgeLabel: badges[badge] ?? badge,
    sick: ['failing', 'backing_off', 'layout_changed', 'attention'].includes(badge),
    error:
      source.health.consecutiveFailures > 0 ? (source.health.lastError?.message ?? null) : null,
    warnings: run?.warnings ?? [],
    failures: source.health.consecutiveFailures,
    lastSuccess: source.health.lastSuccessAt ? timeAgo(source.health.lastSuccessAt, now) : 'never',
    nextRun: waiting
      ? `${inMinutes(next && next > waiting.until ? next : waiting.until, now)}, when its host allows`
      : next
        ? next <= now
          ? 'due now'
          : inMinutes(next, now)
        : '—',
    /** Why the last run was held back (the host asked us to wait, or was busy), while it lasts. */
    waiting: waiting?.reason ?? null,
    totalNew: source.health.totalNew,
    lastRun: !run
      ? '—'
      : run.outcome === 'stored'
        ? `${run.new} new, ${run.updated} updated`
        : run.outcome.replace('_', ' '),
    durationMs: run?.durationMs ?? null,
  };
}

/** The slot after `last` + interval (and not before now) on the source's phase grid. */
function gridSlot(id: string, last: number, everyMinutes: number, now: Date): number {
  const everyMs = everyMinutes * 60_000;
  return nextSlot(Math.max(now.getTime(), last + everyMs), everyMs, phaseMs(id, everyMs));
}
