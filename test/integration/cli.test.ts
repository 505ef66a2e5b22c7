import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Types } from 'mongoose';
import { loadConfig } from '../../config/env.ts';
import { starterSources } from '../../config/starter-sources.ts';
import { upsertEntries } from '../../src/store/entry-repository.ts';
import { sourceChangeModel } from '../../src/store/models/source-change.ts';
import { createSource, findSource } from '../../src/store/source-repository.ts';
import { recordWorkerHeartbeat } from '../../src/store/system-status-repository.ts';
import { startWorkers } from '../../workers/run-workers.ts';
import { cleanEnv, runCli } from '../helpers/child-process.ts';
import { jobItems, wwrFeed } from '../helpers/feeds.ts';
import {
  type FixtureServer,
  readSharedFixture,
  serveBody,
  sharedFixtures,
  startFixtureServer,
} from '../helpers/fixture-server.ts';
import { type Isolated, isolate } from '../helpers/isolation.ts';
import { enrichedJob } from '../helpers/job-fields.ts';
import { sourceInput } from '../helpers/sources.ts';

const cli = runCli;

describe('npm run sources', () => {
  let db: Isolated;
  let web: FixtureServer;
  let env: NodeJS.ProcessEnv;
  const sources = (...args: string[]) => cli('workers/cli/sources.ts', args, env);

  before(async () => {
    db = await isolate('cli');
    web = await startFixtureServer();
    web.on('/jobs.rss', serveBody(await readSharedFixture('jobs-remotely/jobs.rss')));
    env = cleanEnv({
      MONGODB_URI: process.env.MONGODB_URI as string,
      REDIS_URL: db.redisUrl,
      MONGODB_DB: db.config.mongodbDb as string,
      QUEUE_PREFIX: db.config.queuePrefix,
      FETCH_ALLOWED_HOSTS: web.host,
      LOG_LEVEL: 'warn',
    });
  });
  after(async () => {
    await web.close();
    await db.cleanup();
  });

  let id = '';
  it('add stores a source and prints its id', async () => {
    const out = await sources(
      'add',
      '--url',
      web.url('/jobs.rss'),
      '--type',
      'jobs',
      '--name',
      'Fixture WWR',
    );
    assert.equal(out.code, 0, out.stderr);
    const match = out.stdout.match(
      /^added ([0-9a-f]{24}) Fixture WWR \(http:\/\/127\.0\.0\.1:\d+\/jobs\.rss\)$/m,
    );
    assert.ok(match, out.stdout);
    id = match[1] as string;
  });

  it('add refuses bad input with one clear line and a non-zero status', async () => {
    const cases: Array<[string[], number, RegExp]> = [
      [
        ['add', '--url', 'ftp://example.com/feed', '--type', 'jobs'],
        2,
        /^backboard sources: --url must be an absolute http\(s\) URL\n$/,
      ],
      [
        ['add', '--url', web.url('/x.rss'), '--type', 'gigs'],
        2,
        /^backboard sources: --type must be jobs or articles\n$/,
      ],
      [
        ['add', '--url', web.url('/x.rss'), '--type', 'jobs', '--interval', '1'],
        2,
        /^backboard sources: --interval must be minutes, an integer from 5 to 10080\n$/,
      ],
      [['add', '--type', 'jobs'], 2, /^backboard sources: --url is required\n$/],
      // A URL without a host is refused for itself, not as a missing name.
      [
        ['add', '--url', 'javascript:alert(1)', '--type', 'jobs'],
        2,
        /^backboard sources: --url must be an absolute http\(s\) URL\n$/,
      ],
      // A URL the fetcher would refuse is refused now, not at the source's first run.
      [
        ['add', '--url', 'http://192.168.1.5/feed.rss', '--type', 'jobs'],
        2,
        /^backboard sources: --url: 192\.168\.1\.5 is a private or reserved address/,
      ],
      [
        ['add', '--url', 'http://localhost:9/feed.rss', '--type', 'jobs'],
        2,
        /^backboard sources: --url: localhost:9 is a private or reserved address/,
      ],
      // A rule's error names its flag (it said "--0").
      [
        ['add', '--url', web.url('/rules.rss'), '--type', 'jobs', '--block', '/(a+)+$/'],
        2,
        /^backboard sources: --block: .*\(a\+\)\+/,
      ],
      [
        ['add', '--url', web.url('/jobs.rss'), '--type', 'jobs'],
        1,
        /^backboard sources: a source for .* already exists: [0-9a-f]{24} \(Fixture WWR\)\n$/,
      ],
      [
        ['add', '--url', web.url('/other.rss'), '--type', 'jobs', '--title-format', 'dash'],
        2,
        /^backboard sources: --title-format must be role-company or company-role\n$/,
      ],
      // A tracking parameter does not make the same feed a second source.
      [
        ['add', '--url', `${web.url('/jobs.rss')}?utm_source=newsletter#top`, '--type', 'jobs'],
        1,
        /^backboard sources: a source for .* already exists: [0-9a-f]{24} \(Fixture WWR\)\n$/,
      ],
      [
        ['add', '--url', web.url('/careers'), '--type', 'jobs', '--kind', 'html'],
        2,
        /^backboard sources: an html source needs selectors \(at least item, title and link\): use --selectors or --selectors-file\n$/,
      ],
      [
        [
          'add',
          '--url',
          web.url('/careers'),
          '--type',
          'jobs',
          '--kind',
          'html',
          '--selectors',
          '{"item":"li","fields":{"title":"h2[","link":"a"}}',
        ],
        2,
        /^backboard sources: invalid selectors: fields\.title: invalid CSS selector "h2\["/,
      ],
      [['frobnicate'], 2, /^backboard sources: unknown command "frobnicate"/],
      [['fetch'], 2, /^backboard sources: fetch needs source ids or --all\n$/],
      [['fetch', 'nope', '--wait'], 1, /^backboard sources: no source with id "nope"/],
    ];
    for (const [args, code, stderr] of cases) {
      const out = await sources(...args);
      assert.equal(out.code, code, `${args.join(' ')}: ${out.stderr}`);
      assert.match(out.stderr, stderr, args.join(' '));
    }
  });

  it('list --json shows the source and the starter list, loaded once', async () => {
    const first = JSON.parse((await sources('list', '--json')).stdout) as Array<{
      id: string;
      name: string;
      status: string;
      type: string;
    }>;
    const again = JSON.parse((await sources('list', '--json')).stdout) as unknown[];
    assert.equal(first.length, starterSources.length + 1);
    assert.equal(again.length, first.length, 'the starter list is never loaded twice');
    const mine = first.find((s) => s.id === id);
    assert.deepEqual([mine?.name, mine?.status, mine?.type], ['Fixture WWR', 'never_run', 'jobs']);
    const table = await sources('list');
    assert.match(table.stdout, /^ID\s+NAME\s+TYPE\s+STATUS/m);
    assert.match(table.stdout, /Fixture WWR\s+jobs\s+never_run/);
  });

  it('takes a /regex/ rule with commas in it as one rule', async () => {
    const out = await sources(
      'add',
      '--url',
      web.url('/dev-rules.rss'),
      '--type',
      'jobs',
      '--keep',
      '/dev{1,3}ops/i',
      '--block',
      'intern, unpaid',
      '--json',
    );
    assert.equal(out.code, 0, out.stderr);
    const { id } = JSON.parse(out.stdout) as { id: string };
    const stored = await db.mongo.collection('sources').findOne({ _id: new Types.ObjectId(id) });
    assert.deepEqual(stored?.options.keep, ['/dev{1,3}ops/i']);
    assert.deepEqual(stored?.options.block, ['intern', 'unpaid']);
  });

  it('keeps log lines off stdout, so --json and an OPML export stay parseable', async () => {
    // A database of its own: its first command logs, at info, that it loaded the starter list.
    const name = `${db.config.mongodbDb}_logs`;
    const chatty = { ...env, LOG_LEVEL: 'info', MONGODB_DB: name };
    try {
      const listed = await cli('workers/cli/sources.ts', ['list', '--json'], chatty);
      assert.equal(listed.code, 0, listed.stderr);
      assert.match(listed.stderr, /loaded \d+ starter sources/);
      assert.equal((JSON.parse(listed.stdout) as unknown[]).length, starterSources.length);
      const exported = await cli('workers/cli/sources.ts', ['export-opml'], chatty);
      assert.match(exported.stdout, /^<\?xml /);
    } finally {
      await db.mongo.useDb(name).dropDatabase();
    }
  });

  it('fetch --wait runs the real queue and workers and prints the run it asked for', async () => {
    const out = await sources('fetch', id, '--wait');
    assert.equal(out.code, 0, out.stderr);
    // The source's automatic first run is queued since `add` and races the operator's run:
    // whichever takes the source first stores the 25 items, and the line accounts for both.
    assert.match(
      out.stdout,
      new RegExp(
        `^${id} Fixture WWR: (stored: 25 new, 0 updated, 0 unchanged, 0 dropped|(unchanged|not modified) \\(after 1 earlier run: 25 new, 0 updated\\))$`,
        'm',
      ),
    );
    const again = JSON.parse((await sources('fetch', id, '--wait', '--json')).stdout) as Array<{
      lastRun: { outcome: string; trigger: string };
      totals: { new: number };
      earlierRuns: { runs: number };
    }>;
    assert.deepEqual(
      [again[0]?.lastRun.outcome, again[0]?.lastRun.trigger, again[0]?.totals.new],
      ['unchanged', 'manual', 25],
    );
    assert.equal(again[0]?.earlierRuns.runs, 0, 'no scheduled run is due again so soon');
  });

  it('imports OPML once, skipping feeds already present, and exports it back', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bb-opml-'));
    const file = path.join(dir, 'feeds.opml');
    await writeFile(
      file,
      `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
        <outline text="Folder"><outline text="Go Jobs" xmlUrl="https://opml.example/go.rss" category="jobs"/></outline>
        <outline text="Eng Blog" xmlUrl="https://opml.example/blog.rss" category="articles"/>
        <outline text="No type" xmlUrl="https://opml.example/untyped.rss"/>
        <outline text="Bad" xmlUrl="ftp://opml.example/x" category="jobs"/>
      </body></opml>`,
    );
    const first = await sources('import-opml', file, '--json');
    assert.equal(first.code, 0, first.stderr);
    const report = JSON.parse(first.stdout) as {
      created: Array<{ name: string; type: string }>;
      skipped: Array<{ url: string; reason: string }>;
    };
    assert.deepEqual(
      report.created.map((c) => [c.name, c.type]),
      [
        ['Go Jobs', 'jobs'],
        ['Eng Blog', 'articles'],
      ],
    );
    assert.deepEqual(
      report.skipped.map((s) => s.url),
      ['https://opml.example/untyped.rss', 'ftp://opml.example/x'],
    );
    const again = await sources('import-opml', file, '--type', 'jobs');
    assert.match(again.stdout, /^created 1, skipped 3/);
    assert.match(again.stdout, /- https:\/\/opml\.example\/go\.rss: already present/);
    const exported = await sources('export-opml');
    assert.equal(exported.code, 0);
    assert.match(
      exported.stdout,
      /<outline type="rss" text="Go Jobs" title="Go Jobs" xmlUrl="https:\/\/opml\.example\/go\.rss" category="jobs"\/>/,
    );
    // An ISO-8859-1 file is read by its declaration, not as UTF-8.
    const latin1 = path.join(dir, 'latin1.opml');
    await writeFile(
      latin1,
      Buffer.from(
        `<?xml version="1.0" encoding="ISO-8859-1"?><opml version="2.0"><head><title>x</title></head><body>
          <outline text="Café Jobs München" xmlUrl="https://opml.example/muenchen.rss" category="jobs"/>
        </body></opml>`,
        'latin1',
      ),
    );
    const accented = await sources('import-opml', latin1, '--json');
    assert.equal(accented.code, 0, accented.stderr);
    assert.deepEqual(
      (JSON.parse(accented.stdout) as { created: Array<{ name: string }> }).created.map(
        (c) => c.name,
      ),
      ['Café Jobs München'],
    );
    // Every skipped outline says what is wrong with it, in the order an operator fixes it.
    const odd = path.join(dir, 'odd.opml');
    await writeFile(
      odd,
      `<?xml version="1.0"?><opml version="2.0"><body>
        <outline text="Just a bookmark" htmlUrl="https://opml.example/"/>
        <outline text="${'Long '.repeat(60)}" xmlUrl="https://opml.example/long.rss"/>
        <outline text="Bad" xmlUrl="not a url"/>
        <outline text="Again" xmlUrl="https://opml.example/go.rss"/>
        <outline text="Internal" xmlUrl="http://10.1.2.3/feed.rss"/>
      </body></opml>`,
    );
    const oddRun = await sources('import-opml', odd, '--type', 'articles', '--json');
    const oddReport = JSON.parse(oddRun.stdout) as {
      created: Array<{ name: string }>;
      skipped: Array<{ url: string; reason: string }>;
    };
    assert.equal(oddReport.created.length, 1);
    assert.equal(oddReport.created[0]?.name.length, 200, 'a long title is shortened, not refused');
    assert.match(oddReport.created[0]?.name ?? '', /…$/);
    assert.deepEqual(
      oddReport.skipped.map((s) => [s.url, s.reason]),
      [
        ['“Just a bookmark”', 'no feed URL (xmlUrl) in this outline'],
        ['not a url', 'an absolute http(s) URL'],
        ['https://opml.example/go.rss', 'already present'],
        [
          'http://10.1.2.3/feed.rss',
          '10.1.2.3 is a private or reserved address, which the fetcher refuses (allow it with FETCH_ALLOWED_HOSTS)',
        ],
      ],
    );
    const untyped = await sources('import-opml', odd, '--json');
    assert.deepEqual(
      (JSON.parse(untyped.stdout) as { skipped: Array<{ reason: string }> }).skipped.map(
        (s) => s.reason,
      ),
      [
        'no feed URL (xmlUrl) in this outline',
        'already present',
        'an absolute http(s) URL',
        'already present',
        '10.1.2.3 is a private or reserved address, which the fetcher refuses (allow it with FETCH_ALLOWED_HOSTS)',
      ],
    );
    const missing = await sources('import-opml', path.join(dir, 'nope.opml'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*nope\.opml: no such file/);
    await writeFile(path.join(dir, 'page.html'), '<html><body>hi</body></html>');
    const notOpml = await sources('import-opml', path.join(dir, 'page.html'));
    assert.equal(notOpml.code, 1);
    assert.match(notOpml.stderr, /not an OPML document/);
    // The console refuses these in the same words.
    for (const [file, text, said] of [
      ['empty.opml', '<opml version="2.0"><body></body></opml>', /lists no feeds/],
      ['cut.opml', '<opml version="2.0"><body><outline text="A" xmlUrl="https://a.ex', /cut off/],
    ] as const) {
      await writeFile(path.join(dir, file), text);
      const out = await sources('import-opml', path.join(dir, file));
      assert.equal(out.code, 1, file);
      assert.match(out.stderr, said);
    }
  });

  it('test runs a stored source once without storing, and remove asks what to do with its items', async () => {
    const tested = await sources('test', id);
    assert.equal(tested.code, 0, tested.stderr);
    assert.match(tested.stdout, /^Fixture WWR: 25 item\(s\); filled: title 25\/25, link 25\/25/);
    const json = JSON.parse((await sources('test', id, '--json')).stdout) as {
      total: number;
      items: unknown[];
    };
    assert.equal(json.total, 25);
    assert.equal(json.items.length, 20, 'the first 20 shown');

    const added = await sources('add', '--url', web.url('/gone.rss'), '--type', 'jobs', '--json');
    const goneId = (JSON.parse(added.stdout) as { id: string }).id;
    const ambiguous = await sources('remove', goneId);
    assert.equal(ambiguous.code, 2);
    assert.match(ambiguous.stderr, /exactly one of --keep-items or --remove-items/);
    const removed = await sources('remove', goneId, '--remove-items', '--json');
    assert.equal(removed.code, 0, removed.stderr);
    assert.deepEqual(JSON.parse(removed.stdout), {
      id: goneId,
      name: web.host,
      removedItems: 0,
      keptItems: false,
    });
    const listed = JSON.parse((await sources('list', '--json')).stdout) as Array<{ id: string }>;
    assert.ok(!listed.some((s) => s.id === goneId));
    assert.match((await sources('remove', goneId, '--keep-items')).stderr, /no source with id/);
  });

  it('disable and enable flip the flag', async () => {
    const redis = new Redis(db.redisUrl);
    const version = async () => Number(await redis.get(`${db.config.queuePrefix}:board:version`));
    const before = await version();
    const owner = (await findSource(db.mongo, id)) as NonNullable<
      Awaited<ReturnType<typeof findSource>>
    >;
    const listing = enrichedJob(
      'https://cli-pause.example/1',
      'Pauseco',
      'Go Engineer',
      new Date(),
    );
    await upsertEntries(db.mongo, owner, [listing], new Date(), {
      maxJobAgeDays: 45,
      dedupWindowDays: 14,
    });
    assert.match(
      (await sources('disable', id)).stdout,
      new RegExp(
        `^disabled ${id} Fixture WWR: its open job is off the board until it is enabled again$`,
        'm',
      ),
    );
    assert.equal(await version(), before + 1, 'web processes learn the sources changed');
    redis.disconnect();
    const listed = JSON.parse((await sources('list', '--json')).stdout) as Array<{
      id: string;
      status: string;
    }>;
    assert.equal(listed.find((s) => s.id === id)?.status, 'disabled');
    const queueRedis = new Redis(db.redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue('fetch', { connection: queueRedis, prefix: db.config.queuePrefix });
    await queue.obliterate({ force: true });
    assert.match(
      (await sources('enable', id)).stdout,
      new RegExp(`^enabled ${id} Fixture WWR: 1 job back on the board$`, 'm'),
    );
    assert.ok(await queue.getJob(`source-${id}`), 'enabled: a run is queued at once');
    await queue.close();
    queueRedis.disconnect();
    // Enabling an enabled source changes nothing and records nothing.
    const history = () => sourceChangeModel(db.mongo).countDocuments({ sourceId: id });
    const recorded = await history();
    assert.match(
      (await sources('enable', id)).stdout,
      new RegExp(`^${id} Fixture WWR was already enabled$`, 'm'),
    );
    assert.equal(await history(), recorded);
  });

  it('edit changes the settings it names, records them, and reads the source again', async () => {
    const redis = new Redis(db.redisUrl);
    const queue = new Queue('fetch', { connection: redis, prefix: db.config.queuePrefix });
    const version = async () => Number(await redis.get(`${db.config.queuePrefix}:board:version`));
    const history = () =>
      sourceChangeModel(db.mongo)
        .find({ sourceId: id, action: 'update', by: 'cli' })
        .lean()
        .then((rows) => rows.map((r) => r.changes.map((c) => c.field)));
    const listed = async () =>
      (JSON.parse((await sources('list', '--json')).stdout) as SourceJson[]).find(
        (s) => s.id === id,
      ) as SourceJson;
    type SourceJson = { id: string; intervalMinutes: number; options: { keep: string[] } };
    try {
      await queue.obliterate({ force: true });
      const before = await version();
      const out = await sources('edit', id, '--interval', '60', '--keep', 'backend, go');
      assert.equal(out.code, 0, out.stderr);
      assert.match(out.stdout, new RegExp(`^edited ${id} Fixture WWR$`, 'm'));
      assert.match(out.stdout, /^ {2}intervalMinutes: 30 → 60$/m);
      assert.match(out.stdout, /^ {2}options\.keep: \[\] → \["backend","go"\]$/m);
      const source = await listed();
      assert.equal(source.intervalMinutes, 60);
      assert.deepEqual(source.options.keep, ['backend', 'go']);
      assert.deepEqual(await history(), [['intervalMinutes', 'options.keep']]);
      assert.equal(await version(), before + 1, 'web processes learn the sources changed');
      assert.equal(
        (await queue.getJobs(['waiting', 'prioritized'])).length,
        1,
        'read again at once',
      );

      // The same values again: nothing changes and nothing is recorded.
      const same = await sources('edit', id, '--interval', '60');
      assert.equal(same.code, 0, same.stderr);
      assert.match(same.stdout, new RegExp(`^${id} Fixture WWR: nothing changed\n$`));
      assert.equal((await history()).length, 1);

      // An empty value clears a list.
      assert.equal((await sources('edit', id, '--keep', '')).code, 0);
      assert.deepEqual((await listed()).options.keep, []);

      const refused: Array<[string[], RegExp]> = [
        [['edit', id], /^backboard sources: edit needs at least one setting to change/],
        [['edit'], /^backboard sources: edit needs one source id\n$/],
        [
          ['edit', id, '--interval', '2'],
          /^backboard sources: --interval must be minutes, an integer from 5 to 10080\n$/,
        ],
        [['edit', id, '--name', ' '], /^backboard sources: --name: a name is required\n$/],
        [
          ['edit', id, '--kind', 'html'],
          /^backboard sources: an html source needs selectors .*: use --selectors or --selectors-file\n$/,
        ],
        [
          ['edit', id, '--syndication', '--no-syndication'],
          /^backboard sources: give --syndication or --no-syndication, not both\n$/,
        ],
        [
          ['edit', id, '--user-agent', 'Bot/1.0\u0001evil'],
          /^backboard sources: --user-agent must be printable Latin-1 text \(no control characters\), as HTTP headers carry\n$/,
        ],
        [
          ['edit', id, '--date-order', 'ymd'],
          /^backboard sources: --date-order must be dmy or mdy\n$/,
        ],
        [
          ['edit', id, '--selectors', '{"item":"li","fields":{"title":"h2","link":"a"}}'],
          /^backboard sources: selectors apply to html sources only, not rss: add --kind html, or leave the selectors out\n$/,
        ],
        [
          ['edit', id, '--url', 'http://10.0.0.1/feed.rss'],
          /^backboard sources: --url: 10\.0\.0\.1 is a private or reserved address/,
        ],
      ];
      for (const [args, stderr] of refused) {
        const res = await sources(...args);
        assert.equal(res.code, 2, `${args.join(' ')}: ${res.stderr}`);
        assert.match(res.stderr, stderr, args.join(' '));
      }
      const missing = await sources('edit', new Types.ObjectId().toString(), '--interval', '45');
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /no source with id/);
      // Nothing refused was stored.
      assert.equal((await listed()).intervalMinutes, 60);
      assert.equal((await history()).length, 2);
    } finally {
      await sources('edit', id, '--interval', '30');
      await queue.close();
      redis.disconnect();
    }
  });

  it('fetch records who asked, and refuses a disabled source with or without --wait', async () => {
    const changes = () =>
      sourceChangeModel(db.mongo).countDocuments({ sourceId: id, action: 'fetch', by: 'cli' });
    const before = await changes();
    assert.equal((await sources('fetch', id)).code, 0);
    assert.equal(await changes(), before + 1);
    await sources('disable', id);
    try {
      for (const args of [[], ['--wait']]) {
        const out = await sources('fetch', id, ...args);
        assert.equal(out.code, 1, args.join(' '));
        assert.match(out.stderr, /is disabled: enable it first/);
      }
    } finally {
      await sources('enable', id);
    }
  });

  it("fetch --wait leaves the runs to the product's workers when they are up", async () => {
    web.on('/only-allowed.rss', serveBody(wwrFeed(web.origin, jobItems(2, 'Allowed'))));
    const source = await createSource(db.mongo, sourceInput(web.url('/only-allowed.rss')));
    // The product's worker, allowed to fetch the fixture host; it beats as workers do.
    const workers = startWorkers({
      config: loadConfig({
        ...process.env,
        REDIS_URL: db.redisUrl,
        MONGODB_DB: db.config.mongodbDb,
        QUEUE_PREFIX: db.config.queuePrefix,
        FETCH_ALLOWED_HOSTS: web.host,
      }),
      logger: db.logger,
      mongo: db.mongo,
      redisUrl: db.redisUrl,
    });
    await recordWorkerHeartbeat(db.mongo, 'the product');
    // The product's worker takes jobs only after the CLI had every chance to take this one.
    const [fetchWorker] = workers.workers;
    await fetchWorker?.pause();
    const resume = setTimeout(() => fetchWorker?.resume(), 4000);
    try {
      // This shell does not allow the fixture host: a run in the CLI itself would fail.
      const { FETCH_ALLOWED_HOSTS: _allowed, ...shell } = env;
      const out = await cli(
        'workers/cli/sources.ts',
        ['fetch', String(source._id), '--wait'],
        shell,
      );
      assert.equal(out.code, 0, out.stdout + out.stderr);
      assert.match(out.stdout, /stored: 2 new/);
    } finally {
      clearTimeout(resume);
      await workers.close();
    }
  });
});

describe('npm run preview', () => {
  let web: FixtureServer;
  let env: NodeJS.ProcessEnv;
  const preview = (...args: string[]) => cli('workers/cli/preview.ts', args, env);

  before(async () => {
    web = await startFixtureServer();
    web.on(
      '/jobs.rss',
      serveBody(wwrFeed('https://weworkremotely.example', jobItems(4, 'Preview'))),
    );
    web.on(
      '/page',
      serveBody('<!doctype html><html><body><h1>Hello</h1></body></html>', {
        contentType: 'text/html',
      }),
    );
    web.on('/big.rss', serveBody(wwrFeed('https://weworkremotely.example', jobItems(200, 'Big'))));
    env = cleanEnv({
      FETCH_ALLOWED_HOSTS: `${web.host},127.0.0.1:9`,
      FETCH_MAX_BYTES: '20000',
      LOG_LEVEL: 'warn',
    });
  });
  after(() => web.close());

  it('prints the normalized entries of a URL as a JSON array without storing anything', async () => {
    const out = await preview(web.url('/jobs.rss'), '--type', 'jobs', '--json');
    assert.equal(out.code, 0, out.stderr);
    const entries = JSON.parse(out.stdout) as Array<{
      title: string;
      url: string;
      canonicalUrl: string;
      publishedAt: string | null;
      job: { company: string | null };
    }>;
    assert.equal(entries.length, 4);
    assert.equal(entries[0]?.title, 'Preview 0: Backend Engineer 0');
    assert.equal(entries[0]?.canonicalUrl, 'https://weworkremotely.example/remote-jobs/preview-0');
    assert.equal(entries[0]?.publishedAt, '2026-11-02T10:00:00.000Z');
    assert.equal(entries[0]?.job.company, 'Preview 0');
  });

  it('reads a local file too, and prints a table without --json', async () => {
    const out = await preview(
      path.join(sharedFixtures, 'jobs-remotely/jobs.rss'),
      '--type',
      'jobs',
    );
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /^PUBLISHED\s+TITLE\s+COMPANY\s+URL/m);
    assert.match(out.stdout, /25 entries \(rss\)/);
  });

  const failures: Array<[string, () => string[], RegExp]> = [
    [
      'not a feed',
      () => [web.url('/page'), '--type', 'articles'],
      /^backboard preview: not a feed/,
    ],
    [
      'malformed XML',
      () => [
        path.join(sharedFixtures, 'feedparser/illformed/rss_empty_document.xml'),
        '--type',
        'articles',
      ],
      /^backboard preview: /,
    ],
    [
      'too big',
      () => [web.url('/big.rss'), '--type', 'jobs'],
      /^backboard preview: .*(limit|too large|exceeds)/i,
    ],
    [
      'unreachable',
      () => ['http://127.0.0.1:9/feed.rss', '--type', 'jobs'],
      /^backboard preview: /,
    ],
    [
      'a missing file',
      () => ['/no/such/feed.xml', '--type', 'jobs'],
      /^backboard preview: cannot read \/no\/such\/feed\.xml: no such file\n$/,
    ],
    [
      'no --type',
      () => [web.url('/jobs.rss')],
      /^backboard preview: --type must be jobs or articles\n$/,
    ],
  ];
  for (const [name, args, message] of failures) {
    it(`fails with one clear line and a non-zero status: ${name}`, async () => {
      const out = await preview(...args());
      assert.notEqual(out.code, 0);
      assert.match(out.stderr, message);
      assert.equal(out.stderr.trim().split('\n').length, 1, out.stderr);
      assert.doesNotMatch(out.stderr, /\n\s+at /, 'no stack trace');
    });
  }
});
