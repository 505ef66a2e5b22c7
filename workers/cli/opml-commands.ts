// `sources import-opml <file> [--type jobs|articles]` and `sources export-opml`.
import { readFile } from 'node:fs/promises';
import { bumpBoardVersion } from '../../src/cache/board-version.ts';
import { UsageError } from '../../src/cli/args.ts';
import { renderOpml } from '../../src/domain/opml.ts';
import { decodeBody } from '../../src/ingest/fetch/charset.ts';
import { readOpml } from '../../src/ingest/parse/opml.ts';
import { createRedis } from '../../src/queue/connection.ts';
import { scheduleSource } from '../../src/queue/fetch-jobs.ts';
import { createQueues } from '../../src/queue/queues.ts';
import { importFeeds, recordImport } from '../../src/store/source-import.ts';
import { listSources } from '../../src/store/source-repository.ts';
import type { ProcessContext } from '../context.ts';
import type { CommandOutput } from './sources-commands.ts';

type Values = Record<string, string | boolean | undefined | Array<string | boolean>>;

/** Creates rss sources for the file's new feeds and reports created and skipped ones. */
export async function importOpml(
  ctx: ProcessContext,
  files: string[],
  values: Values,
): Promise<CommandOutput> {
  const [file, ...extra] = files;
  if (!file || extra.length) throw new UsageError('import-opml needs one OPML file');
  const type = values.type === undefined ? null : values.type;
  if (type !== null && type !== 'jobs' && type !== 'articles')
    throw new UsageError('--type must be jobs or articles');
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(
      `cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`,
    );
  });
  // Decoded as a feed is: BOM, then the XML declaration's encoding (ISO-8859-1 OPML exists).
  const { text } = decodeBody(bytes, null);
  const report = await importFeeds(ctx.mongo, readOpml(text), {
    type,
    allowedHosts: ctx.config.fetch.allowedHosts,
  });
  await recordImport(ctx.mongo, report.created, 'cli');
  if (report.created.length) {
    const redis = createRedis(ctx.redisUrl, 'worker');
    const queues = createQueues(redis, ctx.config.queuePrefix);
    try {
      for (const source of report.created) await scheduleSource(queues.fetch, source);
      // The public sources page lists them.
      await bumpBoardVersion(redis, ctx.config.queuePrefix);
    } finally {
      await queues.close();
      redis.disconnect();
    }
  }
  const json = {
    created: report.created.map((s) => ({
      id: String(s._id),
      name: s.name,
      url: s.url,
      type: s.type,
    })),
    skipped: report.skipped,
  };
  const lines = [
    `created ${report.created.length}, skipped ${report.skipped.length}`,
    ...report.created.map((s) => `  + ${s._id} ${s.name} (${s.type}) ${s.url}`),
    ...report.skipped.map((s) => `  - ${s.url}: ${s.reason}`),
  ].join('\n');
  return { text: values.json ? JSON.stringify(json, null, 2) : lines, code: 0 };
}

/** Every rss source as OPML on stdout (html and jsonld sources have no OPML form). */
export async function exportOpml(ctx: ProcessContext): Promise<CommandOutput> {
  const feeds = (await listSources(ctx.mongo))
    .filter((s) => s.kind === 'rss')
    .map((s) => ({ title: s.name, url: s.url, type: s.type }));
  return { text: renderOpml(feeds, new Date()).trimEnd(), code: 0 };
}
