import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensureIndexes } from '../../src/store/indexes.ts';
import { entryModel } from '../../src/store/models/entry.ts';
import { createSource, findSource } from '../../src/store/source-repository.ts';
import { refreshSource } from '../../workers/refresh-source.ts';
import { cleanEnv, runCli } from '../helpers/child-process.ts';
import {
  type FixtureServer,
  serveBody,
  startFixtureServer,
  testFetcher,
} from '../helpers/fixture-server.ts';
import { type Isolated, isolate } from '../helpers/isolation.ts';
import { sourceInput } from '../helpers/sources.ts';

const html = { contentType: 'text/html; charset=utf-8' };

// A careers listing of `n` jobs starting at `from`, in one of two layouts.
function listing(from: number, n: number, next: string | null, layout: 'v1' | 'v2' = 'v1'): string {
  const cls = layout === 'v1' ? 'job' : 'opening';
  const items = Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return `<li class="${cls}"><h2><a href="/careers/job-${i}">Backend Engineer ${i}</a></h2><span class="company">Acme ${i}</span><time datetime="2026-11-${String(10 + (i % 10)).padStart(2, '0')}T09:00:00Z">Nov</time></li>`;
  }).join('\n');
  const nav = next ? `<a class="next" href="${next}">Next</a>` : '';
  return `<!doctype html><html lang="en"><head><title>Careers</title></head><body><ul>${items}</ul>${nav}</body></html>`;
}
const detail = (i: number) =>
  `<!doctype html><html lang="en"><body><article><div class="description"><p>Job ${i}: build Go services on PostgreSQL.</p></div><p class="where">Berlin, Germany</p></article></body></html>`;

const selectors = {
  item: 'li.job',
  fields: { title: 'h2', link: 'h2 a', date: 'time@datetime', company: '.company' },
  nextPage: 'a.next',
  maxPages: 3,
  detail: { fields: { description: '.description', location: '.where' }, maxPerRun: 20 },
};

describe('html and jsonld sources', () => {
  let web: FixtureServer;
  let db: Isolated;
  let layout: 'v1' | 'v2' = 'v1';
  // The refresh worker's dependencies, with a fetcher allowed to reach the fixture server.
  const deps = () => ({
    mongo: db.mongo,
    fetcher: testFetcher([web.host], 2),
    logger: db.logger,
    policy: { maxJobAgeDays: 36500, dedupWindowDays: 14 },
  });

  before(async () => {
    web = await startFixtureServer();
    web.on(
      '/careers',
      serveBody(() => listing(1, 4, '/careers?page=2', layout), html),
    );
    web.on(
      '/careers?page=2',
      serveBody(() => listing(5, 4, null, layout), html),
    );
    for (let i = 1; i <= 8; i++) web.on(`/careers/job-${i}`, serveBody(detail(i), html));
    const jsonld = await readFile(new URL('../fixtures/html/jsonld/graph.html', import.meta.url));
    web.on('/jsonld', serveBody(jsonld, html));
    web.on(
      '/blog',
      serveBody(
        '<!doctype html><html lang="en"><head><link rel="alternate" type="application/rss+xml" href="/feed.rss"></head><body></body></html>',
        html,
      ),
    );
    web.on(
      '/feed.rss',
      serveBody(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title><item><title>Hello</title><link>${web.url('/p/1')}</link></item></channel></rss>`,
      ),
    );
    db = await isolate('html_sources');
    await ensureIndexes(db.mongo);
  });
  after(async () => {
    await web.close();
    await db.cleanup();
  });

  const preview = async (...args: string[]) => {
    const env = cleanEnv({ FETCH_ALLOWED_HOSTS: web.host, LOG_LEVEL: 'warn' });
    return runCli('workers/cli/preview.ts', args, env);
  };

  it('previews an html source across pages and detail pages, with field counts', async () => {
    const out = await preview(
      web.url('/careers'),
      '--type',
      'jobs',
      '--kind',
      'html',
      '--selectors',
      JSON.stringify(selectors),
      '--json',
    );
    assert.equal(out.code, 0, out.stderr);
    const entries = JSON.parse(out.stdout) as Array<{
      title: string;
      url: string;
      html: string;
      job: { company: string; location: string };
    }>;
    assert.equal(entries.length, 8, 'both pages read');
    assert.equal(entries[0]?.url, web.url('/careers/job-1'));
    assert.equal(entries[7]?.job.company, 'Acme 8');
    assert.match(entries[0]?.html ?? '', /Job 1: build Go services/);
    assert.equal(entries[0]?.job.location, 'Berlin, Germany');
    assert.match(out.stderr, /fields filled: title 8\/8, link 8\/8, date 8\/8, company 8\/8/);
    assert.match(out.stderr, /read 2 pages/);
  });

  it('reads selectors from a file too', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'bb-selectors-')), 'careers.json');
    await writeFile(file, JSON.stringify({ ...selectors, maxPages: 1, detail: null }));
    const out = await preview(
      web.url('/careers'),
      '--type',
      'jobs',
      '--kind',
      'html',
      '--selectors-file',
      file,
      '--json',
    );
    assert.equal(out.code, 0, out.stderr);
    assert.equal((JSON.parse(out.stdout) as unknown[]).length, 4, 'first page only');
    const missing = await preview(
      web.url('/careers'),
      '--type',
      'jobs',
      '--kind',
      'html',
      '--selectors-file',
      `${file}.nope`,
    );
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read --selectors-file .*: no such file/);
  });

  it('refuses bad selectors with one clear line', async () => {
    const bad = { ...selectors, fields: { ...selectors.fields, title: 'h2[' } };
    const out = await preview(
      web.url('/careers'),
      '--type',
      'jobs',
      '--kind',
      'html',
      '--selectors',
      JSON.stringify(bad),
    );
    assert.equal(out.code, 2);
    assert.match(out.stderr, /invalid selectors: fields\.title: invalid CSS selector "h2\["/);
    const none = await preview(web.url('/careers'), '--type', 'jobs', '--kind', 'html');
    assert.match(none.stderr, /--kind html needs --selectors/);
  });

  it('discovers the kind of a pasted URL and says why', async () => {
    const jsonld = await preview(web.url('/jsonld'), '--type', 'jobs', '--kind', 'auto', '--json');
    assert.equal(jsonld.code, 0, jsonld.stderr);
    assert.match(jsonld.stderr, /kind: jsonld — the page carries 1 schema\.org JobPosting/);
    assert.ok((JSON.parse(jsonld.stdout) as unknown[]).length === 1);
    const feed = await preview(web.url('/blog'), '--type', 'articles', '--kind', 'auto', '--json');
    assert.match(feed.stderr, /kind: rss — the page links to its feed/);
    assert.equal((JSON.parse(feed.stdout) as Array<{ title: string }>)[0]?.title, 'Hello');
    const plain = await preview(web.url('/careers'), '--type', 'jobs', '--kind', 'auto');
    assert.equal(plain.code, 3);
    assert.match(plain.stderr, /kind: html — .*selectors/);
  });

  it('stores an html source through the real pipeline and warns when its layout changes', async () => {
    const source = await createSource(db.mongo, {
      ...sourceInput(web.url('/careers')),
      // Added without a name (named after its host): its first read names it after the page.
      name: web.host,
      kind: 'html',
      selectors: { ...selectors, dateFormat: null, timeZone: null },
    });
    const opened = () => web.hits('/careers/job-3');
    const before = opened();
    const first = await refreshSource(deps(), String(source._id));
    assert.equal(first.new, 8);
    const stored = await entryModel(db.mongo, 'jobs')
      .findOne({ url: web.url('/careers/job-3') })
      .lean();
    assert.match(stored?.html ?? '', /Job 3: build Go services/);
    assert.equal(opened(), before + 1);
    assert.equal((await findSource(db.mongo, String(source._id)))?.name, 'Careers');

    // A second run opens no detail page again: only new items get one.
    await refreshSource(deps(), String(source._id));
    assert.equal(opened(), before + 1);

    layout = 'v2';
    const changed = await refreshSource(deps(), String(source._id));
    const warnings =
      (await findSource(db.mongo, String(source._id)))?.health.lastRun?.warnings ?? [];
    assert.equal(changed.new, 0);
    assert.ok(
      warnings.some((w) => /the item selector "li\.job" matches nothing/.test(w)),
      String(warnings),
    );
    assert.ok(
      warnings.some((w) => /layout changed\? the page gave 0 item\(s\), down from 8/.test(w)),
      String(warnings),
    );
    assert.equal(
      await entryModel(db.mongo, 'jobs').countDocuments({ sourceId: source._id }),
      8,
      'nothing stored is lost',
    );
  });

  it('stores a jsonld source with its structured job fields', async () => {
    const source = await createSource(db.mongo, {
      ...sourceInput(web.url('/jsonld')),
      kind: 'jsonld',
    });
    const run = await refreshSource(deps(), String(source._id));
    assert.equal(run.new, 1);
    const job = await entryModel(db.mongo, 'jobs').findOne({ sourceId: source._id }).lean();
    assert.ok(job?.job?.company, 'company from hiringOrganization');
  });
});
