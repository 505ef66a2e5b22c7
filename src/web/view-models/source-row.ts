// A source as the public sees it: what it is, whether it is healthy, what it contributes.

import { urlPart } from '../../domain/canonical-url.ts';
import { healthStatus } from '../../domain/source.ts';
import type { SourceDoc } from '../../store/models/source.ts';
import { timeAgo } from '../format.ts';

const healthLabels: Record<string, string> = {
  healthy: 'Healthy',
  failing: 'Failing',
  backing_off: 'Backing off',
  disabled: 'Disabled',
  never_run: 'Not fetched yet',
};

export type SourceRow = ReturnType<typeof sourceRow>;

/** One row of /sources (and one item of /api/v1/sources). */
export function sourceRow(source: SourceDoc, count: number, now: Date) {
  const health = healthStatus(source);
  const lastSuccess = source.health.lastSuccessAt;
  return {
    id: String(source._id),
    name: source.name,
    url: source.url,
    host: urlPart(source.url, 'hostname') ?? source.url,
    type: source.type,
    kind: source.kind,
    health,
    healthLabel: healthLabels[health] ?? health,
    error:
      health === 'failing' || health === 'backing_off'
        ? (source.health.lastError?.message ?? null)
        : null,
    lastSuccessIso: lastSuccess ? lastSuccess.toISOString() : null,
    lastSuccessAgo: lastSuccess ? timeAgo(lastSuccess, now) : null,
    count,
    listHref: `/${source.type}?source=${String(source._id)}`,
    terms: source.terms,
  };
}
