import { bumpBoardVersion } from '../../src/cache/board-version.ts';
import { UsageError } from '../../src/cli/args.ts';
import {
  runsBetween,
  sourceJson,
  sourcesTable,
  type WaitedRun,
  waitedRunLine,
} from '../../src/cli/source-views.ts';
import { settingsForHistory } from '../../src/domain/source-history.ts';
import { unreachableSourceUrl } from '../../src/ingest/fetch/guarded-lookup.ts';
import { AppError } from '../../src/lib/errors.ts';
import { createRedis } from '../../src/queue/connection.ts';
import { enqueueRefresh, scheduleSource } from '../../src/queue/fetch-jobs.ts';
import { createQueues } from '../../src/queue/queues.ts';
import type { SourceDoc } from '../../src/store/models/source.ts';
import { diffFields, recordSourceChange } from '../../src/store/source-change-repository.ts';
import {
  type EnabledChange,
  enabledChangeNote,
  followEnabled,
} from '../../src/store/source-pause.ts';
import {
  createSource,
  findSource,
  listSources,
  replaceSourceSettings,
  updateSource,
} from '../../src/store/source-repository.ts';
import { readWorkerHeartbeat } from '../../src/store/system-status-repository.ts';
import type { ProcessContext } from '../context.ts';
import { heartbeatEveryMs } from '../run-scheduler.ts';
import { startWorkers } from '../run-workers.ts';
import { editedSourceFromFlags, newSourceFromFlags, type Values } from './source-flags.ts';

export type CommandOutput = { text: string; code: number };

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** Opens producer queues on the context's Redis, closed with the context. */
function queuesFor(ctx: ProcessContext) {
  const redis = createRedis(ctx.redisUrl, 'worker');
  const queues = createQueues(redis, ctx.config.queuePrefix);
  ctx.lifecycle.add('cli queues', async () => {
    await queues.close();
    redis.disconnect();
  });
  return queues;
}

/** Tells web processes the sources changed, so /sources and the source filters show it at once. */
async function boardChanged(ctx: ProcessContext): Promise<void> {
  // Like the queues above: wait for the connection rather than fail before it is up.
  const redis = createRedis(ctx.redisUrl, 'worker');
  try {
    await bumpBoardVersion(redis, ctx.config.queuePrefix);
  } finally {
    redis.disconnect();
  }
}

/** `add`: validates, stores and schedules a source. */
export async function addSource(ctx: ProcessContext, values: Values): Promise<CommandOutput> {
  const input = await newSourceFromFlags(values);
  const unreachable = unreachableSourceUrl(input.url, ctx.config.fetch.allowedHosts);
  if (unreachable) throw new UsageError(`--url: ${unreachable}`);
  const source = await createSource(ctx.mongo, input);
  await scheduleSource(queuesFor(ctx).fetch, source);
  await recordSourceChange(ctx.mongo, {
    sourceId: source._id,
    by: 'cli',
    action: 'create',
    changes: diffFields({}, settingsForHistory(source)),
  });
  await boardChanged(ctx);
  return {
    text: values.json
      ? json(sourceJson(source))
      : `added ${source._id} ${source.name} (${source.url})`,
    code: 0,
  };
}

/**
 * `edit`: changes the settings its flags name, as the console's edit form does: recorded in the
 * history, rescheduled, and tried at once when anything changed.
 */
export async function editSource(
  ctx: ProcessContext,
  ids: string[],
  values: Values,
): Promise<CommandOutput> {
  if (ids.length !== 1) throw new UsageError('edit needs one source id');
  const [stored] = await sourcesByIds(ctx, ids);
  if (!stored) throw new UsageError('edit needs one source id');
  const { input, named } = await editedSourceFromFlags(stored, values);
  if (!named) throw new UsageError('edit needs at least one setting to change (see --help)');
  const unreachable = unreachableSourceUrl(input.url, ctx.config.fetch.allowedHosts);
  if (unreachable) throw new UsageError(`--url: ${unreachable}`);
  const saved = await replaceSourceSettings(ctx.mongo, String(stored._id), input);
  if (!saved) throw new AppError('not_found', `no source with id "${ids[0]}"`);
  const changes = diffFields(settingsForHistory(saved.before), settingsForHistory(saved.after));
  if (changes.length) {
    await recordSourceChange(ctx.mongo, {
      sourceId: stored._id,
      by: 'cli',
      action: 'update',
      changes,
    });
    const queues = queuesFor(ctx);
    await scheduleSource(queues.fetch, saved.after);
    // New settings are tried at once, as the console does, so the next list shows their effect.
    if (saved.after.enabled) await enqueueRefresh(queues.fetch, String(stored._id));
    await boardChanged(ctx);
  }
  const source = saved.after;
  if (values.json) return { text: json({ ...sourceJson(source), changes }), code: 0 };
  const heading = changes.length
    ? `edited ${source._id} ${source.name}`
    : `${source._id} ${source.name}: nothing changed`;
  const lines = changes.map((c) => `  ${c.field}: ${c.from} → ${c.to}`);
  return { text: [heading, ...lines].join('\n'), code: 0 };
}

/** `list`: every source with its health. */
export async function listSourcesCommand(
  ctx: ProcessContext,
  values: Values,
): Promise<CommandOutput> {
  const sources = await listSources(ctx.mongo);
  return { text: values.json ? json(sources.map(sourceJson)) : sourcesTable(sources), code: 0 };
}

async function sourcesByIds(ctx: ProcessContext, ids: string[]): Promise<SourceDoc[]> {
  const found: SourceDoc[] = [];
  for (const id of ids) {
    const source = await findSource(ctx.mongo, id);
    if (!source)
      throw new AppError(
        'not_found',
        `no source with id "${id}" (see \`npm run sources -- list\`)`,
      );
    found.push(source);
  }
  return found;
}

/** `enable` / `disable`: flips the flag and adds or removes the source's schedule. */
export async function enableSource(
  ctx: ProcessContext,
  ids: string[],
  enabled: boolean,
  values: Values,
): Promise<CommandOutput> {
  if (ids.length === 0) throw new UsageError(`${enabled ? 'enable' : 'disable'} needs a source id`);
  const queues = queuesFor(ctx);
  const changed: Array<{ source: SourceDoc; jobs: EnabledChange | null }> = [];
  const verb = enabled ? 'enabled' : 'disabled';
  const already: string[] = [];
  // An id given twice is one source: changed and recorded once.
  for (const source of await sourcesByIds(ctx, [...new Set(ids)])) {
    // Nothing to change, nothing to record: the history lists changes only.
    if (source.enabled === enabled) {
      already.push(`${source._id} ${source.name} was already ${verb}`);
      continue;
    }
    const updated = (await updateSource(ctx.mongo, source._id.toString(), {
      enabled,
    })) as SourceDoc;
    await scheduleSource(queues.fetch, updated);
    await recordSourceChange(ctx.mongo, {
      sourceId: updated._id,
      by: 'cli',
      action: enabled ? 'enable' : 'disable',
      changes: [{ field: 'enabled', from: String(source.enabled), to: String(enabled) }],
    });
    const jobs = await followEnabled(ctx.mongo, updated, new Date(), {
      maxJobAgeDays: ctx.config.jobMaxAgeDays,
      dedupWindowDays: ctx.config.dedupWindowDays,
    });
    // Enabled: read at once, as the console does, so what it lists is back on the board now.
    if (enabled) await enqueueRefresh(queues.fetch, String(updated._id));
    changed.push({ source: updated, jobs });
  }
  if (changed.length) await boardChanged(ctx);
  const line = ({ source, jobs }: (typeof changed)[number]) => {
    const note = enabledChangeNote(jobs);
    return `${verb} ${source._id} ${source.name}${note ? `: ${note}` : ''}`;
  };
  return {
    text: values.json
      ? json(changed.map(({ source, jobs }) => ({ ...sourceJson(source), jobs })))
      : [...changed.map(line), ...already].join('\n'),
    code: 0,
  };
}

/** A worker heartbeat this recent means the product's workers are up (they beat every minute). */
const WORKERS_UP_WITHIN_MS = 2.5 * heartbeatEveryMs;

/** `fetch`: queues runs now; with --wait, waits until they are done (see runAndWait). */
export async function fetchSources(
  ctx: ProcessContext,
  ids: string[],
  values: Values,
): Promise<CommandOutput> {
  if (values.all && ids.length) throw new UsageError('give source ids or --all, not both');
  if (!values.all && ids.length === 0) throw new UsageError('fetch needs source ids or --all');
  const sources = values.all
    ? await listSources(ctx.mongo, { enabled: true })
    : await sourcesByIds(ctx, ids);
  const disabled = sources.find((s) => !s.enabled);
  if (disabled)
    throw new AppError(
      'invalid_input',
      `source ${disabled._id} (${disabled.name}) is disabled: enable it first`,
    );
  const queues = queuesFor(ctx);
  // Recorded like the console's "fetch now": who asked for a run, and when.
  for (const source of sources)
    await recordSourceChange(ctx.mongo, {
      sourceId: source._id,
      by: 'cli',
      action: 'fetch',
      changes: [],
    });
  if (!values.wait) {
    for (const source of sources) await enqueueRefresh(queues.fetch, source._id.toString());
    return {
      text: values.json
        ? json(sources.map((s) => ({ id: s._id.toString(), queued: true })))
        : `queued ${sources.length} source(s)`,
      code: 0,
    };
  }
  const results = await runAndWait(ctx, queues.fetch, sources);
  const failed = results.filter((r) => r.source.health.lastRun?.outcome === 'failed').length;
  const text = values.json
    ? json(results.map((r) => ({ ...sourceJson(r.source), earlierRuns: r.earlier })))
    : results.map(waitedRunLine).join('\n');
  return { text, code: failed ? 1 : 0 };
}

/**
 * Queues the runs and waits until each source has recorded the run this command asked for (a
 * failure is recorded before any retry, so a failing source reports at once). The product's
 * workers run them when they are up (a heartbeat in the last few minutes): with their
 * configuration, not this shell's. Otherwise an in-process worker works the queue. A scheduled
 * run may finish first, such as a new source's first run: the operator's run then waits for it,
 * and the line says what the runs before it stored.
 */
async function runAndWait(
  ctx: ProcessContext,
  queue: ReturnType<typeof createQueues>['fetch'],
  sources: SourceDoc[],
): Promise<WaitedRun[]> {
  const beat = await readWorkerHeartbeat(ctx.mongo);
  const workersUp =
    beat !== undefined && Date.now() - beat.lastHeartbeatAt.getTime() < WORKERS_UP_WITHIN_MS;
  if (!workersUp) {
    const workers = startWorkers(ctx);
    ctx.lifecycle.add('cli workers', workers.close);
  }
  const before = new Map(sources.map((s) => [s._id.toString(), s.health]));
  for (const id of before.keys()) await enqueueRefresh(queue, id);
  const deadline = Date.now() + 10 * 60_000;
  const done = new Map<string, WaitedRun>();
  while (done.size < before.size && Date.now() < deadline) {
    for (const [id, health] of before) {
      if (done.has(id)) continue;
      const source = await findSource(ctx.mongo, id);
      const run = source?.health.lastRun;
      const previousAt = health.lastRun?.at.getTime();
      if (source && run?.trigger === 'manual' && run.at.getTime() !== previousAt)
        done.set(id, { source, earlier: runsBetween(health, source.health) });
    }
    if (done.size < before.size) await new Promise((r) => setTimeout(r, 200));
  }
  if (done.size < before.size)
    throw new AppError('timeout', `timed out waiting for ${before.size - done.size} source run(s)`);
  return [...before.keys()].map((id) => done.get(id) as WaitedRun);
}
