// `sources test <id>` (a stored source run once without storing, like the console's preview)
// and `sources remove <id> --keep-items|--remove-items`.

import { bumpBoardVersion } from '../../src/cache/board-version.ts';
import { UsageError } from '../../src/cli/args.ts';
import { previewSource } from '../../src/ingest/preview-source.ts';
import { createRedis } from '../../src/queue/connection.ts';
import { scheduleSource } from '../../src/queue/fetch-jobs.ts';
import { createQueues } from '../../src/queue/queues.ts';
import { recordSourceChange } from '../../src/store/source-change-repository.ts';
import { deleteSource, findSource } from '../../src/store/source-repository.ts';
import type { ProcessContext } from '../context.ts';
import { createProductFetcher } from '../fetcher-factory.ts';
import type { CommandOutput } from './sources-commands.ts';

type Values = Record<string, string | boolean | undefined | Array<string | boolean>>;

async function oneSource(ctx: ProcessContext, ids: string[], command: string) {
  const [id, ...extra] = ids;
  if (!id || extra.length) throw new UsageError(`${command} needs one source id`);
  const source = await findSource(ctx.mongo, id);
  if (!source) throw new UsageError(`no source with id "${id}" (see \`npm run sources -- list\`)`);
  return source;
}

/** Runs a stored source once through fetch → parse → normalize → enrich; stores nothing. */
export async function testSource(
  ctx: ProcessContext,
  ids: string[],
  values: Values,
): Promise<CommandOutput> {
  const source = await oneSource(ctx, ids, 'test');
  const result = await previewSource(createProductFetcher(ctx.config), source);
  if (values.json) return { text: JSON.stringify(result, null, 2), code: result.error ? 1 : 0 };
  if (result.error) return { text: `${source.name}: ${result.error}`, code: 1 };
  const lines = [
    `${source.name}: ${result.total} item(s); filled: ${result.fields.map((f) => `${f.field} ${f.filled}/${result.total}`).join(', ')}`,
    ...result.warnings.map((w) => `warning: ${w}`),
    ...result.items.map(
      (i) =>
        `  ${i.published?.slice(0, 10) ?? '(no date) '} ${i.title}${i.company ? ` — ${i.company}` : ''}`,
    ),
  ];
  return { text: lines.join('\n'), code: 0 };
}

/** Deletes a source; the operator must say whether its items stay. */
export async function removeSource(
  ctx: ProcessContext,
  ids: string[],
  values: Values,
): Promise<CommandOutput> {
  const keep = values['keep-items'] === true;
  const remove = values['remove-items'] === true;
  if (keep === remove)
    throw new UsageError('remove needs exactly one of --keep-items or --remove-items');
  const source = await oneSource(ctx, ids, 'remove');
  const redis = createRedis(ctx.redisUrl, 'worker');
  const queues = createQueues(redis, ctx.config.queuePrefix);
  try {
    await scheduleSource(queues.fetch, { ...source, enabled: false });
    const { removedItems } = await deleteSource(ctx.mongo, source, remove, {
      dedupWindowDays: ctx.config.dedupWindowDays,
      maxJobAgeDays: ctx.config.jobMaxAgeDays,
    });
    await recordSourceChange(ctx.mongo, {
      sourceId: source._id,
      by: 'cli',
      action: 'delete',
      changes: [
        { field: 'items', from: 'stored', to: remove ? `${removedItems} removed` : 'kept' },
      ],
    });
    await bumpBoardVersion(redis, ctx.config.queuePrefix);
    const result = { id: String(source._id), name: source.name, removedItems, keptItems: keep };
    return {
      text: values.json
        ? JSON.stringify(result, null, 2)
        : `removed ${source._id} ${source.name}${remove ? ` and ${removedItems} item(s)` : ' (its items stay on the board)'}`,
      code: 0,
    };
  } finally {
    await queues.close();
    redis.disconnect();
  }
}
