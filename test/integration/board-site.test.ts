import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { load } from 'cheerio';
import Parser from 'rss-parser';
import { articleQuerySchema, jobQuerySchema } from '../../src/domain/board-query.ts';
import { entryModel } from '../../src/store/models/entry.ts';
import { articleParameters, jobParameters } from '../../src/web/api/openapi.ts';
import { type Board, startBoard } from '../helpers/board.ts';
import { validateJsonFeed } from '../helpers/json-feed-validator.ts';

describe('the board site: home, articles, sources, feeds, API, caching, headers', () => {
  let board: Board;
  const get = (path: string, init?: RequestInit) => fetch(`${board.url}${path}`, init);
  const page = async (path: string) => {
    const res = await get(path);
    return { res, $: load(await res.text()) };
  };

  before(async () => {
    board = await startBoard('board_site');
  });
  after(async () => {
    await board?.close();
  });

  it('shows newest jobs and articles, popular stacks, sources count and freshness on /', async () => {
    const { res, $ } = await page('/');
    assert.equal(res.status, 200);
    const jobs = $('#newest-jobs')
      .parent()
      .find('article.job h3')
      .map((_i, el) => $(el).text())
      .get();
    assert.equal(jobs[0], 'Senior Backend Engineer (Go)', 'newest first');
    assert.ok(
      !jobs.includes('Senior Backend Engineer (Go)', 1),
      'the mirror copy is not shown twice',
    );
    const articles = $('#newest-articles')
      .parent()
      .find('article.article h3')
      .map((_i, el) => $(el).text())
      .get();
    assert.deepEqual(articles, [
      'How to negotiate your salary as a backend engineer',
      'System design interview: a practical guide',
      'What I learned running PostgreSQL at scale',
    ]);
    assert.match(
      $('.freshness').text(),
      /\d+ open jobs · 3 articles · 5 sources · updated (just now|\d+ minutes? ago)/,
    );
    const tags = $('.popular a')
      .map((_i, el) => $(el).attr('href'))
      .get();
    assert.ok(tags.includes('/jobs?tags=postgresql'), String(tags));
    assert.equal($('a.skip[href="#main"]').length, 1);
    assert.equal($('main#main').length, 1);
    assert.equal($('nav[aria-label=Main]').length, 1);
  });

  it('never skips a heading level: one h1, then each heading at most one level deeper', async () => {
    const { data } = (await (await get('/api/v1/jobs?limit=1')).json()) as {
      data: Array<{ url: string }>;
    };
    const [job] = data;
    for (const path of ['/', '/jobs', '/articles', '/sources', new URL(job?.url ?? '').pathname]) {
      const { $ } = await page(path);
      const levels = $('h1, h2, h3, h4, h5, h6')
        .map((_i, el) => Number(el.tagName.slice(1)))
        .get();
      assert.equal(levels.filter((l) => l === 1).length, 1, `${path}: one h1`);
      const skips = levels.filter((l, i) => i > 0 && l > (levels[i - 1] as number) + 1);
      assert.deepEqual(skips, [], `${path}: ${levels.join(' ')}`);
    }
  });

  it('sends security headers and a CSP without inline script', async () => {
    const res = await get('/jobs');
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.match(res.headers.get('x-frame-options') ?? '', /SAMEORIGIN|DENY/);
    // Over plain http nothing asks the browser for https, or its assets and forms would fail.
    assert.doesNotMatch(csp, /upgrade-insecure-requests/);
    assert.equal(res.headers.get('strict-transport-security'), null);
    assert.equal(res.headers.get('cross-origin-opener-policy'), null);
    // Behind a TLS proxy on this host, https gets both.
    const secure = await get('/jobs', { headers: { 'x-forwarded-proto': 'https' } });
    assert.match(secure.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
    assert.equal(secure.headers.get('cross-origin-opener-policy'), 'same-origin');
    // Cached pages are sent as bytes: the charset is stated, not left to the browser's guess.
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    const $ = load(await res.text());
    // Every script is a file or data (JSON-LD); there is no inline code for the CSP to allow.
    $('script').each((_i, el) => {
      assert.ok($(el).attr('src') || $(el).attr('type') === 'application/ld+json');
    });
  });

  it('escapes feed-derived text: markup in a title is shown, never run', async () => {
    board.freshItems.push({
      id: 'xss',
      title: 'Evil Inc: Backend <img src=x onerror=alert(1)> Engineer "quoted"',
      pubDate: new Date().toUTCString(),
      description: '<p>Go backend.</p><script>alert(2)</script><a href="javascript:alert(3)">x</a>',
    });
    await board.refresh(board.sources.fresh);
    const html = await (await get('/jobs?q=evil')).text();
    assert.ok(!html.includes('<img src=x'), 'title markup escaped');
    const $ = load(html);
    const link = $('article.job h3 a').first();
    assert.match(link.text(), /Backend .*Engineer/);
    // Feed text may be Urdu or Hebrew: the browser picks each title's direction from its text.
    assert.equal($('article.job h3').first().attr('dir'), 'auto');
    const job = await (await get(link.attr('href') as string)).text();
    assert.ok(
      !/<script>alert/.test(job) && !job.includes('javascript:alert'),
      'description sanitized',
    );
  });

  it('answers a repeated request with 304 from its ETag, and sets cache policies', async () => {
    for (const [path, policy] of [
      ['/jobs', 'public, no-cache'],
      ['/jobs.rss', 'public, max-age=300'],
      ['/api/v1/jobs', 'public, max-age=60'],
    ] as const) {
      const first = await get(path);
      await first.arrayBuffer();
      const etag = first.headers.get('etag');
      assert.ok(etag, `${path} has an ETag`);
      assert.equal(first.headers.get('cache-control'), policy);
      // fetch() adds "Cache-Control: no-cache" to conditional requests unless one is given,
      // and that asks the server for a full answer; browsers revalidate with max-age=0.
      const again = await get(path, {
        headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' },
      });
      assert.equal(again.status, 304, path);
    }
  });

  it('serves hot pages from the cache until an ingest run changes data', async () => {
    const Job = entryModel(board.db.mongo, 'jobs');
    const title = 'Junior Java Developer';
    assert.ok((await (await get('/jobs?limit=100')).text()).includes(title));
    // A change made behind the board's back is not seen while the cached page is valid...
    await Job.updateOne(
      { title: { $regex: title } },
      { $set: { 'intel.relevance.relevant': false } },
    );
    assert.ok((await (await get('/jobs?limit=100')).text()).includes(title), 'served from cache');
    // ...and a run that changes data retires every cached page at once.
    board.freshItems.push({
      id: 'new-one',
      title: 'Newco: Platform Engineer',
      pubDate: new Date().toUTCString(),
    });
    await board.refresh(board.sources.fresh);
    // A page slower than a second to build is served once more from its copy while it is
    // rebuilt (the whole suite at once on two cores can take that long): a few tries at most.
    let fresh = '';
    for (let tries = 0; tries < 20; tries++) {
      fresh = await (await get('/jobs?limit=100')).text();
      if (!fresh.includes(title)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.ok(!fresh.includes(title), 'cache invalidated');
    assert.ok(fresh.includes('Platform Engineer'), 'new job shown');
    await Job.updateOne(
      { title: { $regex: title } },
      { $set: { 'intel.relevance.relevant': true } },
    );
  });

  it('lists articles with topic and source filters, linking out to the origin', async () => {
    const all = await page('/articles');
    assert.match(all.$('.count').text(), /^3 articles/);
    const first = all.$('article.article h3 a').first();
    assert.match(first.attr('href') ?? '', /^http:\/\/127\.0\.0\.1:\d+\/posts\/negotiate$/);
    assert.match(all.$('article.article .when').first().text(), /2 min read · Career Blog/);
    // A teaser's length is not the article's: no reading time.
    assert.doesNotMatch(all.$('article.article .when').last().text(), /min read/);
    const topic = await page('/articles?topic=system-design');
    assert.deepEqual(
      topic
        .$('article.article h3')
        .map((_i, el) => topic.$(el).text())
        .get(),
      ['System design interview: a practical guide'],
    );
    assert.equal(topic.$('#topic option[selected]').attr('value'), 'system-design');
    // A technology topic (a card's tag link) stays chosen in the select, so the next change
    // of another field keeps it.
    const tech = await page('/articles?topic=postgresql');
    assert.match(tech.$('.count').text(), /^1 article/);
    assert.equal(tech.$('#topic option[selected]').attr('value'), 'postgresql');
    assert.equal(tech.$('#topic option[selected]').text(), 'PostgreSQL');
    const q = await page('/articles?q=postgresql');
    assert.match(q.$('.count').text(), /^1 article/);
    // A plural finds the singular in a title ("How to negotiate your salary …").
    const plural = await page('/articles?q=salaries');
    assert.match(plural.$('.count').text(), /^1 article/);
    const bySource = await page(`/articles?source=${String(board.sources.articles._id)}`);
    assert.match(bySource.$('.count').text(), /^3 articles/);
    const none = await page(`/articles?source=${String(board.sources.wwr._id)}`);
    assert.match(none.$('.empty').text(), /No articles match/);
    assert.equal((await get('/articles?topic=nonsense')).status, 400);

    // An article also published elsewhere names those copies, on its card and in the API.
    await entryModel(board.db.mongo, 'articles').updateOne(
      { canonicalUrl: { $regex: '/posts/negotiate$' } },
      {
        $set: {
          alsoListedOn: [
            {
              sourceId: board.sources.wwr._id,
              sourceName: 'Dev Digest',
              url: 'https://digest.example/p/1',
            },
          ],
        },
      },
    );
    const copies = await page('/articles?q=negotiate');
    const also = copies.$('article.article .when a[href="https://digest.example/p/1"]');
    assert.equal(also.text(), 'Dev Digest');
    assert.match(copies.$('article.article .when').first().text(), /also on Dev Digest/);
    const api = (await (await get('/api/v1/articles?q=negotiate')).json()) as {
      data: Array<{ alsoListedOn: Array<{ sourceName: string; url: string }> }>;
    };
    assert.deepEqual(
      api.data[0]?.alsoListedOn.map((o) => [o.sourceName, o.url]),
      [['Dev Digest', 'https://digest.example/p/1']],
    );
  });

  it('lists every source with type, kind, health, last success and counts', async () => {
    const { $ } = await page('/sources');
    const rows = $('table.sources tbody tr')
      .map((_i, el) => [
        [
          $(el).find('th a').text(),
          $(el)
            .find('td')
            .map((_j, td) => $(td).text().replace(/\s+/g, ' ').trim())
            .get(),
        ],
      ])
      .get() as unknown as Array<[string, string[]]>;
    assert.equal(rows.length, 5);
    const fresh = rows.find(([name]) => name === 'Fresh Board');
    assert.ok(fresh);
    assert.equal(fresh[1][0], 'jobs');
    assert.equal(fresh[1][1], 'rss');
    assert.equal(fresh[1][2], 'Healthy');
    assert.match(fresh[1][3] as string, /just now|minutes? ago/);
    assert.ok(Number(fresh[1][4]) >= 4);
    assert.equal(rows.find(([name]) => name === 'Career Blog')?.[1][4], '3');
  });

  it('publishes RSS, Atom and JSON Feed for a filtered list, matching the page', async () => {
    const api = (await (await get('/api/v1/jobs?tags=postgresql&limit=40')).json()) as {
      data: Array<{ url: string }>;
    };
    const urls = api.data.map((j) => j.url);
    const rss = await new Parser().parseString(
      await (await get('/jobs.rss?tags=postgresql')).text(),
    );
    assert.deepEqual(
      rss.items.map((i) => i.link),
      urls,
    );
    assert.match(rss.feedUrl ?? rss.link ?? '', /jobs/);
    // The guid has no title slug (a retitled job stays one item) and leads to the job's page.
    for (const [i, item] of rss.items.entries()) {
      assert.match(item.guid ?? '', /\/jobs\/[0-9a-f]{24}$/);
      assert.ok(urls[i]?.startsWith(`${item.guid}-`), `${item.guid} for ${urls[i]}`);
    }
    const moved = await fetch(rss.items[0]?.guid ?? '', { redirect: 'manual' });
    assert.equal(moved.status, 301);
    assert.equal(new URL(moved.headers.get('location') ?? '', urls[0]).href, urls[0]);
    const atomText = await (await get('/jobs.atom?tags=postgresql')).text();
    const atom = await new Parser().parseString(atomText);
    // The feed's date is no earlier than any entry's.
    const [feedUpdated, ...entryUpdated] = [...atomText.matchAll(/<updated>([^<]+)</g)].map((m) =>
      Date.parse(m[1] as string),
    );
    assert.ok(entryUpdated.length > 0 && entryUpdated.every((t) => t <= (feedUpdated ?? 0)));
    assert.deepEqual(
      atom.items.map((i) => i.link),
      urls,
    );
    const jsonRes = await get('/jobs.json?tags=postgresql');
    assert.equal(jsonRes.headers.get('content-type'), 'application/feed+json; charset=utf-8');
    const json = (await jsonRes.json()) as { items: Array<{ url: string }>; home_page_url: string };
    assert.deepEqual(validateJsonFeed(json), []);
    assert.deepEqual(
      json.items.map((i) => i.url),
      urls,
    );
    assert.match(json.home_page_url, /\/jobs\?tags=postgresql$/);
    for (const format of ['rss', 'atom', 'json']) {
      const res = await get(`/articles.${format}?topic=salary-negotiation`);
      assert.equal(res.status, 200, format);
    }
    // Categories are the names the board shows; a filtered feed's title names its filters.
    assert.ok(json.items.every((i) => (i as { tags?: string[] }).tags?.includes('PostgreSQL')));
    const named = await new Parser().parseString(
      await (
        await get(
          `/articles.rss?topic=salary-negotiation&q=offer&source=${String(board.sources.articles._id)}`,
        )
      ).text(),
    );
    assert.equal(
      named.title,
      'backboard: Salary negotiation articles matching “offer” from Career Blog',
    );
    const articles = (await (await get('/articles.json')).json()) as unknown;
    assert.deepEqual(validateJsonFeed(articles), []);

    // Full text only from sources whose terms allow republishing (Fresh Board); the others
    // give feed readers their summary and the link.
    const all = (await (await get('/api/v1/jobs?limit=100')).json()) as {
      data: Array<{ url: string; source: { name: string } }>;
    };
    const sourceOf = new Map(all.data.map((j) => [j.url, j.source.name]));
    const feed = (await (await get('/jobs.json?limit=100')).json()) as {
      items: Array<{ url: string; content_html?: string; content_text?: string; summary: string }>;
    };
    const full = feed.items.filter((i) => i.content_html !== undefined);
    const partial = feed.items.filter((i) => i.content_html === undefined);
    assert.ok(full.length > 0 && partial.length > 0, `${full.length} full, ${partial.length} not`);
    assert.deepEqual([...new Set(full.map((i) => sourceOf.get(i.url)))], ['Fresh Board']);
    assert.ok(!partial.some((i) => sourceOf.get(i.url) === 'Fresh Board'));
    for (const item of partial) assert.equal(item.content_text, item.summary);
    // Career Blog's terms ask for its name: every article names it, beside any author.
    const reading = articles as { items: Array<{ authors?: Array<{ name: string }> }> };
    assert.ok(reading.items.length > 0);
    for (const item of reading.items)
      assert.match(item.authors?.[0]?.name ?? '', /Career Blog/, JSON.stringify(item.authors));
    // A feed reader gets its error as text (RSS, Atom) or JSON (JSON Feed), not as a page.
    const badRss = await get('/jobs.rss?posted=forever');
    assert.equal(badRss.status, 400);
    assert.match(badRss.headers.get('content-type') ?? '', /^text\/plain/);
    assert.match(await badRss.text(), /^400 .*\nposted: /);
    const badJson = await get('/articles.json?topic=nope');
    assert.equal(badJson.status, 400);
    assert.ok(((await badJson.json()) as { error?: string }).error);
  });

  it('offers a sitemap of open job pages and a robots.txt pointing at it', async () => {
    const xml = await (await get('/sitemap.xml')).text();
    const $ = load(xml, { xml: true });
    const locs = $('loc')
      .map((_i, el) => $(el).text())
      .get();
    const api = (await (await get('/api/v1/jobs?limit=100')).json()) as {
      data: Array<{ url: string }>;
    };
    // The same URLs as the pages' canonical ones, newest first.
    assert.deepEqual(
      locs.filter((l) => /\/jobs\/[0-9a-f]{24}-/.test(l)),
      api.data.map((j) => j.url),
    );
    assert.match(
      await (await get('/robots.txt')).text(),
      /Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml/,
    );
  });

  it('answers the API with 400 { error, details } for bad or unknown parameters', async () => {
    const res = await get('/api/v1/jobs?limit=1000&workplace=moon&colour=blue');
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error: string; details: Array<{ parameter: string }> };
    assert.deepEqual(body.details.map((d) => d.parameter).sort(), ['colour', 'limit', 'workplace']);
    assert.match(body.error, /limit must be at most 100/);
    assert.equal((await get('/api/v1/jobs?after=bm90LWEtY3Vyc29y')).status, 400);
    assert.equal((await get('/api/v1/jobs/0123456789abcdef01234567')).status, 404);
  });

  it('lists sources and articles in the API', async () => {
    const sources = (await (await get('/api/v1/sources')).json()) as {
      data: Array<{ name: string; health: string }>;
    };
    assert.equal(sources.data.length, 5);
    assert.ok(sources.data.every((s) => s.health === 'healthy'));
    const articles = (await (await get('/api/v1/articles?limit=2')).json()) as {
      data: unknown[];
      links: { next: string };
    };
    assert.equal(articles.data.length, 2);
    const next = (await (await fetch(articles.links.next)).json()) as {
      data: unknown[];
      links: { next: null };
    };
    assert.equal(next.data.length, 1);
    assert.equal(next.links.next, null);
  });

  it('lets pages on other origins read the API and the feeds, but not the board', async () => {
    const elsewhere = { headers: { Origin: 'https://dashboard.example' } };
    for (const path of ['/api/v1/jobs?limit=1', '/api/v1/openapi.json', '/articles.json']) {
      const res = await get(path, elsewhere);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('access-control-allow-origin'), '*', path);
      assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin', path);
      assert.match(res.headers.get('access-control-expose-headers') ?? '', /ETag/, path);
    }
    // A conditional request from a browser is preflighted.
    const preflight = await get('/jobs.rss', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://dashboard.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'if-none-match',
      },
    });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /If-None-Match/);
    for (const path of ['/jobs', '/console/login']) {
      const res = await get(path, elsewhere);
      assert.equal(res.headers.get('access-control-allow-origin'), null, path);
      assert.equal(res.headers.get('cross-origin-resource-policy'), 'same-origin', path);
    }
  });

  it('answers each scheme with its own absolute URLs, whichever was asked first', async () => {
    const urls = async (headers: Record<string, string>) =>
      (
        (await (await get('/api/v1/jobs?limit=1', { headers })).json()) as {
          data: [{ url: string }];
        }
      ).data[0].url;
    assert.match(await urls({ 'x-forwarded-proto': 'https' }), /^https:\/\//);
    assert.match(await urls({}), /^http:\/\//, 'not the https copy cached first');
  });

  it('lets other origins read the API at any letter case, as it answers', async () => {
    const res = await get('/API/V1/JOBS?limit=1', { headers: { Origin: 'https://d.example' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
  });

  it('dates an empty feed the same every time, so its ETag holds', async () => {
    const body = await (await get('/jobs.atom?q=zzzznomatchzzzz')).text();
    assert.match(body, /<updated>1970-01-01T00:00:00.000Z<\/updated>/);
  });

  it('documents every API parameter in the OpenAPI file', async () => {
    const doc = (await (await get('/api/v1/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, { get: { parameters?: Array<{ name: string }> } }>;
    };
    assert.equal(doc.openapi, '3.1.0');
    const names = (path: string) =>
      (doc.paths[path]?.get.parameters ?? []).map((p) => p.name).sort();
    assert.deepEqual(names('/api/v1/jobs'), Object.keys(jobQuerySchema.shape).sort());
    assert.deepEqual(names('/api/v1/articles'), Object.keys(articleQuerySchema.shape).sort());
    assert.deepEqual(
      jobParameters.map((p) => p.name).sort(),
      Object.keys(jobQuerySchema.shape).sort(),
    );
    assert.deepEqual(
      articleParameters.map((p) => p.name).sort(),
      Object.keys(articleQuerySchema.shape).sort(),
    );
    assert.ok(doc.paths['/api/v1/sources'] && doc.paths['/api/v1/jobs/{id}']);
    // Every status a path answers is documented: an unknown parameter is a 400 everywhere.
    const documented = doc as unknown as {
      paths: Record<string, { get: { responses: Record<string, unknown> } }>;
    };
    for (const path of ['/api/v1/jobs', '/api/v1/articles', '/api/v1/jobs/{id}']) {
      assert.ok(documented.paths[path]?.get.responses['400'], `${path} documents its 400`);
    }
    const [job] = ((await (await get('/api/v1/jobs?limit=1')).json()) as { data: [{ id: string }] })
      .data;
    assert.equal((await get(`/api/v1/jobs/${job.id}?x=1`)).status, 400);
    assert.ok(documented.paths['/api/v1/sources']?.get.responses['400']);
    assert.equal((await get('/api/v1/sources?x=1')).status, 400);
  });

  it('answers with exactly the fields the OpenAPI file documents', async () => {
    const doc = (await (await get('/api/v1/openapi.json')).json()) as {
      components: { schemas: Record<string, { properties: object; required?: string[] }> };
    };
    const fits = (value: Record<string, unknown>, schema: string) => {
      const { properties, required = [] } = doc.components.schemas[schema] ?? { properties: {} };
      const undocumented = Object.keys(value).filter((k) => !(k in properties));
      assert.deepEqual(undocumented, [], `${schema} leaves out ${undocumented.join(', ')}`);
      for (const key of required) assert.ok(key in value, `${schema} requires ${key}`);
    };
    const list = async (path: string) =>
      (await (await fetch(new URL(path, board.url))).json()) as {
        data: Array<Record<string, unknown>>;
        links: { next: string | null };
      };
    const jobs = await list('/api/v1/jobs?limit=3');
    const articles = await list('/api/v1/articles?limit=1');
    const sources = await list('/api/v1/sources');
    assert.ok(jobs.data.length && articles.data.length && sources.data.length);
    for (const job of jobs.data) fits(job, 'Job');
    for (const article of articles.data) fits(article, 'Article');
    for (const source of sources.data) fits(source, 'Source');
    const one = (await (await get(`/api/v1/jobs/${jobs.data[0]?.id}`)).json()) as {
      data: Record<string, unknown>;
    };
    fits(one.data, 'Job');
    assert.equal(typeof one.data.html, 'string');
    // Links are absolute, like every other URL the API gives, and lead to the next page.
    assert.match(
      jobs.links.next ?? '',
      /^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/jobs\?limit=3&after=/,
    );
    const next = await list(jobs.links.next ?? '');
    assert.notEqual(next.data[0]?.id, jobs.data[0]?.id);
    assert.equal((await get('/api/v1/jobs?limit=1&after=')).status, 200);
  });
});
