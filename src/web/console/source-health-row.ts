// One source at a glance for operators: badge, the last error in words, streak, last success,
// next run, totals and the last run's counts.
import { effectiveIntervalMinutes, healthStatus } from '../../domain/source.ts';
import type { SourceDoc } from '../../store/models/source.ts';
import { timeAgo } from '../format.ts';

const badges: Record<string, string> = {
  healthy: 'Healthy',
  failing: 'Failing',
  backing_off: 'Backing off',
  disabled: 'Disabled',
  never_run: 'Not fetched yet',
  layout_changed: 'Layout changed',
};

/** The console's row for a source. */
export function sourceHealthRow(source: SourceDoc, now: Date) {
  const status = healthStatus(source);
  const run = source.health.lastRun;
  const layoutChanged =
    status === 'healthy' && (run?.warnings ?? []).some((w) => w.startsWith('layout changed?'));
  const badge = layoutChanged ? 'layout_changed' : status;
  const every = effectiveIntervalMinutes(source.intervalMinutes, source.health.consecutiveFailures);
  const last = source.health.lastFetchedAt;
  const next = source.enabled && last ? new Date(last.getTime() + every * 60_000) : null;
  return {
    id: String(source._id),
    name: source.name,
    url: source.url,
    kind: source.kind,
    type: source.type,
    enabled: source.enabled,
    badge,
    badgeLabel: badges[badge] ?? badge,
    sick: badge === 'failing' || badge === 'backing_off' || badge === 'layout_changed',
    error:
      source.health.consecutiveFailures > 0 ? (source.health.lastError?.message ?? null) : null,
    warnings: run?.warnings ?? [],
    failures: source.health.consecutiveFailures,
    lastSuccess: source.health.lastSuccessAt ? timeAgo(source.health.lastSuccessAt, now) : 'never',
    nextRun: next
      ? next <= now
        ? 'due now'
        : `in ${Math.max(1, Math.round((next.getTime() - now.getTime()) / 60_000))} min`
      : '—',
    totalNew: source.health.totalNew,
    lastRun: run ? `${run.new} new, ${run.updated} updated` : '—',
    durationMs: run?.durationMs ?? null,
  };
}
