import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { load } from 'cheerio';
import type { Redis } from 'ioredis';
import type { Types } from 'mongoose';
import { buildApp } from '../../src/app.ts';
import { readOpml } from '../../src/ingest/parse/opml.ts';
import { hashPassword } from '../../src/lib/password.ts';
import { createRedis } from '../../src/queue/connection.ts';
import { createQueues, type Queues } from '../../src/queue/queues.ts';
import { upsertEntries } from '../../src/store/entry-repository.ts';
import { ensureIndexes } from '../../src/store/indexes.ts';
import { entryModel } from '../../src/store/models/entry.ts';
import { sourceModel } from '../../src/store/models/source.ts';
import { sourceHistory } from '../../src/store/source-change-repository.ts';
import { createSource, findSource, listSources } from '../../src/store/source-repository.ts';
import { type ConsoleDeps, consoleRoutes } from '../../src/web/console/console-routes.ts';
import { opmlRoutes } from '../../src/web/console/opml-routes.ts';
import { jobItems, wwrFeed } from '../helpers/feeds.ts';
import {
  type FixtureServer,
  readSharedFixture,
  serveBody,
  startFixtureServer,
  testFetcher,
} from '../helpers/fixture-server.ts';
import { type Isolated, isolate } from '../helpers/isolation.ts';
import { enrichedJob } from '../helpers/job-fields.ts';
import { sourceInput } from '../helpers/sources.ts';

const PASSWORD = 'correct horse battery staple';
const TOKEN = 'tok_0123456789abcdef0123456789';

/** A stored job of a source, as the store writes one. */
function storedJob(sourceId: Types.ObjectId, name: string) {
  return {
    canonicalUrl: `https://del.example/${name}/1`,
    url: `https://del.example/${name}/1`,
    sourceId,
    sourceName: name,
    title: `${name} job`,
    publishedAt: new Date(),
    attribution: { required: true, note: null },
    syndication: false,
    status: 'open' as const,
    dedupKey: `url:${name}`,
    contentHash: 'h',
    firstSeenAt: new Date(),
    lastSeenAt: new Date(),
    changedAt: new Date(),
  };
}

type RouteLayer = {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: RouteLayer[] };
};

/** The console's routes (method, path under /console), from its router and the OPML router. */
function consoleRouteList(redis: Redis): Array<{ method: string; path: string }> {
  const deps = {
    redis,
    prefix: 'route-list',
    renderer: { page: () => '' },
    credentials: { user: 'admin', passwordHash: 'x', token: undefined },
    fetchQueue: null,
  } as unknown as ConsoleDeps;
  const list = (router: { stack: RouteLayer[] }, prefix: string) =>
    router.stack.flatMap((layer) =>
      layer.route
        ? Object.keys(layer.route.methods).map((method) => ({
            method: method.toUpperCase(),
            path: prefix + (layer.route?.path === '/' && prefix ? '' : layer.route?.path),
          }))
        : [],
    );
  return [
    ...list(consoleRoutes(deps) as unknown as { stack: RouteLayer[] }, ''),
    ...list(opmlRoutes(deps) as unknown as { stack: RouteLayer[] }, '/opml'),
  ];
}

describe('operator console access', () => {
  let db: Isolated;
  let redis: Redis;
  let queues: Queues;
  let servers: Server[] = [];
  let url: string;
  let closedUrl: string;
  let sourceId: string;
  let web: FixtureServer;

  async function listen(
    credentials: { passwordHash?: string; token?: string },
    publicUrl: string | null = null,
  ): Promise<string> {
    const app = buildApp({
      logger: db.logger,
      readiness: {},
      mongo: db.mongo,
      redis,
      queuePrefix: db.config.queuePrefix,
      publicUrl,
      console: {
        credentials: {
          user: 'admin',
          passwordHash: credentials.passwordHash,
          token: credentials.token,
        },
        fetchQueue: queues.fetch,
        boardQueues: [queues.fetch, queues.maintenance],
        fetcher: testFetcher([web.host]),
        allowedHosts: [web.host],
      },
    });
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  const post = (base: string, path: string, form: Record<string, string>, cookie = '') =>
    fetch(`${base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams(form),
    });
  async function signIn(password = PASSWORD): Promise<{ cookie: string; csrf: string }> {
    const res = await post(url, '/console/login', { user: 'admin', password, next: '/console' });
    assert.equal(res.status, 303);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const page = load(await (await fetch(`${url}/console`, { headers: { cookie } })).text());
    return { cookie, csrf: page('input[name=_csrf]').first().attr('value') as string };
  }

  before(async () => {
    web = await startFixtureServer();
    web.on('/jobs.rss', serveBody(wwrFeed(web.url(''), jobItems(3, 'Console'))));
    web.on(
      '/careers',
      serveBody(
        '<!doctype html><html lang="en"><head><link rel="alternate" type="application/rss+xml" href="/jobs.rss"></head><body></body></html>',
        { contentType: 'text/html' },
      ),
    );
    web.on(
      '/openings',
      serveBody(
        `<!doctype html><html lang="en"><body><ul>
          <li class="opening"><h3><a href="/openings/1">Platform Engineer</a></h3></li>
          <li class="opening"><h3><a href="/openings/2">Backend Engineer (Go)</a></h3></li>
        </ul></body></html>`,
        { contentType: 'text/html' },
      ),
    );
    db = await isolate('console');
    await ensureIndexes(db.mongo);
    redis = createRedis(db.redisUrl, 'worker');
    queues = createQueues(redis, db.config.queuePrefix);
    sourceId = String(
      (
        await createSource(db.mongo, {
          ...sourceInput('https://feeds.example/jobs.rss'),
          name: 'Example Jobs',
        })
      )._id,
    );
    url = await listen({ passwordHash: await hashPassword(PASSWORD), token: TOKEN });
    closedUrl = await listen({});
  });
  after(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
    servers = [];
    await queues.close();
    redis.disconnect();
    await web.close();
    await db.cleanup();
  });

  it('stays closed without configured credentials', async () => {
    for (const path of ['/console', '/console/login'])
      assert.equal((await fetch(`${closedUrl}${path}`)).status, 503, path);
  });

  it('answers nothing without a session: pages redirect to the login, actions get 401', async () => {
    const page = await fetch(`${url}/console?show=sick`, { redirect: 'manual' });
    assert.equal(page.status, 303);
    assert.equal(page.headers.get('location'), '/console/login?next=%2Fconsole%3Fshow%3Dsick');
    // Every route the console defines, read from its routers so a new one cannot be missed.
    const routes = consoleRouteList(redis);
    assert.ok(routes.length >= 15, `found ${routes.length} routes`);
    for (const { method, path } of routes) {
      if (path === '/login') continue;
      const target = `${url}/console${path.replace(':id', sourceId)}`;
      const res = await fetch(target, { method, redirect: 'manual' });
      if (method === 'GET') {
        assert.equal(res.status, 303, `GET ${path}`);
        assert.match(res.headers.get('location') ?? '', /^\/console\/login\?next=/, path);
      } else assert.equal(res.status, 401, `${method} ${path}`);
    }
    // Bull Board's own routes sit behind the same guard.
    for (const path of ['/queues', '/queues/api/queues'])
      assert.equal((await fetch(`${url}/console${path}`, { redirect: 'manual' })).status, 303);
    // A forged cookie is no session either.
    assert.equal(
      (
        await fetch(`${url}/console`, {
          redirect: 'manual',
          headers: { cookie: 'bb_console=forged' },
        })
      ).status,
      303,
    );
  });

  it('signs in with the password, sets a strict HTTP-only cookie and shows sources at a glance', async () => {
    const res = await post(url, '/console/login', {
      user: 'Admin',
      password: PASSWORD,
      next: '/console?show=sick',
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/console?show=sick');
    const setCookie = res.headers.get('set-cookie') ?? '';
    assert.match(setCookie, /HttpOnly/i);
    assert.match(setCookie, /SameSite=Strict/i);
    assert.match(setCookie, /Path=\/console/i);
    const cookie = setCookie.split(';')[0] as string;
    const page = await fetch(`${url}/console`, { headers: { cookie } });
    assert.equal(page.headers.get('cache-control'), 'private, no-store');
    const $ = load(await page.text());
    assert.match($('table.sources tbody tr').first().text(), /Example Jobs[\s\S]*Not fetched yet/);
  });

  it('marks the session cookie Secure when the public URL is https, even behind a plain-HTTP proxy', async () => {
    assert.doesNotMatch(
      (await post(url, '/console/login', { user: 'admin', password: TOKEN })).headers.get(
        'set-cookie',
      ) ?? '',
      /;\s*Secure/i,
      'plain http on localhost: a Secure cookie would never come back',
    );
    const behindProxy = await listen({ token: TOKEN }, 'https://board.example');
    const res = await post(behindProxy, '/console/login', { user: 'admin', password: TOKEN });
    assert.equal(res.status, 303);
    assert.match(res.headers.get('set-cookie') ?? '', /;\s*Secure/i);
  });

  it('signs in with the token too, and never sends operators elsewhere after login', async () => {
    const res = await post(url, '/console/login', {
      user: 'admin',
      password: TOKEN,
      next: 'https://evil.example/',
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/console');
  });

  it('refuses state changes without the CSRF token, and carries them out with it', async () => {
    const { cookie, csrf } = await signIn();
    assert.ok(csrf);
    assert.equal((await post(url, `/console/sources/${sourceId}/fetch`, {}, cookie)).status, 403);
    assert.equal(
      (await post(url, `/console/sources/${sourceId}/fetch`, { _csrf: 'wrong' }, cookie)).status,
      403,
    );
    const fetched = await post(url, `/console/sources/${sourceId}/fetch`, { _csrf: csrf }, cookie);
    assert.equal(fetched.status, 303);
    assert.equal(fetched.headers.get('location'), `/console/sources/${sourceId}`);
    assert.ok(await queues.fetch.getJob(`source-${sourceId}`), 'a fetch-now job is queued');
    // No worker runs in this test: the page says the run is queued and reloads itself meanwhile.
    const progress = load(
      await (await fetch(`${url}/console/sources/${sourceId}`, { headers: { cookie } })).text(),
    );
    assert.match(progress('.banner').text(), /Queued to fetch…/);
    assert.equal(progress('meta[http-equiv=refresh]').attr('content'), '3');
    await queues.fetch.remove(`source-${sourceId}`);
    const idle = load(
      await (await fetch(`${url}/console/sources/${sourceId}`, { headers: { cookie } })).text(),
    );
    assert.equal(idle('meta[http-equiv=refresh]').length, 0);
    const version = async () => Number(await redis.get(`${db.config.queuePrefix}:board:version`));
    const before = await version();
    // One open job of its own: disabling takes it off the board, enabling puts it back.
    const owner = (await findSource(db.mongo, sourceId)) as NonNullable<
      Awaited<ReturnType<typeof findSource>>
    >;
    const listing = enrichedJob(
      'https://console-pause.example/1',
      'Pauseco',
      'Go Engineer',
      new Date(),
    );
    await upsertEntries(db.mongo, owner, [listing], new Date(), {
      maxJobAgeDays: 45,
      dedupWindowDays: 14,
    });
    const listingStatus = async () =>
      (await entryModel(db.mongo, 'jobs').findOne({ canonicalUrl: listing.canonicalUrl }).lean())
        ?.status;
    const disabled = await post(
      url,
      `/console/sources/${sourceId}/disable`,
      { _csrf: csrf },
      cookie,
    );
    assert.equal(disabled.status, 303);
    assert.match(
      decodeURIComponent(disabled.headers.get('location') ?? ''),
      /disabled: its open job is off the board until it is enabled again\./,
    );
    assert.equal(await listingStatus(), 'closed');
    assert.equal((await findSource(db.mongo, sourceId))?.enabled, false);
    assert.equal(await version(), before + 1);
    // A disabled source is not "fetched now" (its run would only be skipped): the page says so,
    // and nothing is queued or recorded. Disabling it again changes and records nothing.
    const refused = await post(url, `/console/sources/${sourceId}/fetch`, { _csrf: csrf }, cookie);
    assert.equal(refused.status, 303);
    const refusedAt = refused.headers.get('location') ?? '';
    assert.match(refusedAt, new RegExp(`^/console/sources/${sourceId}\\?notice=`));
    const shown = load(await (await fetch(`${url}${refusedAt}`, { headers: { cookie } })).text());
    assert.match(shown('.banner').text(), /is disabled: enable it to fetch it/);
    assert.equal(shown('button[disabled]').text(), 'Fetch now');
    const again = await post(url, `/console/sources/${sourceId}/disable`, { _csrf: csrf }, cookie);
    assert.match(decodeURIComponent(again.headers.get('location') ?? ''), /was already disabled/);
    // Enabled from the source's own page, back on that page.
    const enabled = await post(
      url,
      `/console/sources/${sourceId}/enable`,
      { _csrf: csrf, back: 'source' },
      cookie,
    );
    assert.match(
      enabled.headers.get('location') ?? '',
      new RegExp(`^/console/sources/${sourceId}\\?`),
    );
    assert.match(
      decodeURIComponent(enabled.headers.get('location') ?? ''),
      /1 job back on the board\./,
    );
    assert.equal(await listingStatus(), 'open');
    assert.ok(await queues.fetch.getJob(`source-${sourceId}`), 'enabled: a run is queued at once');
    await queues.fetch.remove(`source-${sourceId}`);
    assert.equal((await findSource(db.mongo, sourceId))?.enabled, true);
    // Every change is on the source's page: who, when, what.
    const $ = load(
      await (await fetch(`${url}/console/sources/${sourceId}`, { headers: { cookie } })).text(),
    );
    const history = $('ol.history li')
      .map((_i, el) => $(el).text().replace(/\s+/g, ' ').trim())
      .get();
    assert.equal(history.length, 3);
    assert.match(history[0] as string, /just now — enable by console:admin: enabled false → true/);
    assert.match(history[1] as string, /disable by console:admin: enabled true → false/);
    assert.match(history[2] as string, /fetch by console:admin/);
  });

  it('mounts Bull Board behind the same login', async () => {
    assert.equal((await fetch(`${url}/console/queues`, { redirect: 'manual' })).status, 303);
    assert.equal(
      (await fetch(`${url}/console/queues/api/queues`, { redirect: 'manual' })).status,
      303,
    );
    const { cookie } = await signIn();
    const ui = await fetch(`${url}/console/queues`, { headers: { cookie } });
    assert.equal(ui.status, 200);
    assert.match(await ui.text(), /<html/i);
    const api = await fetch(`${url}/console/queues/api/queues`, { headers: { cookie } });
    const names = ((await api.json()) as { queues: Array<{ name: string }> }).queues.map(
      (q) => q.name,
    );
    assert.deepEqual(names.sort(), ['fetch', 'maintenance']);
    const crossSite = await fetch(`${url}/console/queues/api/queues/fetch/retry/failed`, {
      method: 'PUT',
      headers: { cookie, origin: 'https://evil.example' },
    });
    assert.equal(crossSite.status, 403);
  });

  it('preview suggests the title format of "Role - Company" titles, and reads them with it', async () => {
    const { cookie, csrf } = await signIn();
    web.on('/rct.rss', serveBody(await readSharedFixture('research-computing-teams/jobs.rss')));
    const preview = async (titleFormat: string) =>
      load(
        await (
          await post(
            url,
            '/console/sources/new',
            {
              _csrf: csrf,
              url: web.url('/rct.rss'),
              type: 'jobs',
              kind: 'rss',
              intervalMinutes: '30',
              titleFormat,
              intent: 'preview',
            },
            cookie,
          )
        ).text(),
      );
    const plain = await preview('');
    assert.match(
      plain('.preview .warning-text').text(),
      /most job titles read "Role - Company": set the title format to role-company/,
    );
    assert.match(plain('.preview').text(), /company \d\/350/, 'a few "Role at Company" only');
    const read = await preview('role-company');
    assert.doesNotMatch(read('.preview').text(), /set the title format/);
    assert.match(read('.preview').text(), /company 34\d\/350/);
    assert.equal(read('#titleFormat option[selected]').attr('value'), 'role-company');
  });

  it('adds a source: discovery fills the form, preview shows items without saving, save schedules it', async () => {
    const { cookie, csrf } = await signIn();
    assert.equal((await fetch(`${url}/console/sources/new`, { redirect: 'manual' })).status, 303);
    assert.equal(
      (
        await post(
          url,
          '/console/sources/new',
          { url: web.url('/careers'), intent: 'save' },
          cookie,
        )
      ).status,
      403,
      'CSRF',
    );
    const form = (fields: Record<string, string>) =>
      post(
        url,
        '/console/sources/new',
        {
          _csrf: csrf,
          type: 'jobs',
          kind: 'rss',
          intervalMinutes: '30',
          enabled: 'on',
          attribution: 'on',
          ...fields,
        },
        cookie,
      );

    const discovered = load(
      await (await form({ url: web.url('/careers'), intent: 'discover' })).text(),
    );
    assert.match(discovered('.banner').text(), /Looks like rss: the page links to its feed/);
    assert.equal(discovered('#url').attr('value'), web.url('/jobs.rss'));

    const invalid = await form({ url: 'ftp://nope', intervalMinutes: '1', intent: 'preview' });
    assert.equal(invalid.status, 400);
    const errors = load(await invalid.text());
    assert.match(errors('#url-error').text(), /absolute http\(s\) URL/);
    assert.match(errors('#intervalMinutes-error').text(), /5 to 10080/);
    // A URL without a host is refused for itself; the name (default: the host) is not blamed.
    const hostless = load(
      await (await form({ url: 'javascript:alert(1)', intent: 'preview' })).text(),
    );
    assert.match(hostless('#url-error').text(), /absolute http\(s\) URL/);
    assert.equal(hostless('#name-error').length, 0, hostless('#name-error').text());
    // A private address is refused at save, not at the first run (unless allowed).
    const privateUrl = await form({ url: 'http://10.0.0.5/feed.rss', intent: 'save' });
    assert.equal(privateUrl.status, 400);
    assert.match(
      load(await privateUrl.text())('#url-error').text(),
      /10\.0\.0\.5 is a private or reserved address.*FETCH_ALLOWED_HOSTS/,
    );

    const preview = load(
      await (await form({ url: web.url('/jobs.rss'), intent: 'preview' })).text(),
    );
    assert.match(preview('#preview-title').text(), /3 item\(s\), nothing saved/);
    assert.equal(preview('.preview-items li').length, 3);
    assert.match(preview('.preview').text(), /company 3\/3/);
    assert.equal(
      (await listSources(db.mongo)).some((s) => s.url === web.url('/jobs.rss')),
      false,
      'preview saves nothing',
    );

    const saved = await form({ url: web.url('/jobs.rss'), name: 'Console Jobs', intent: 'save' });
    assert.equal(saved.status, 303);
    const created = (await listSources(db.mongo)).find((s) => s.url === web.url('/jobs.rss'));
    assert.equal(created?.name, 'Console Jobs');
    assert.equal(saved.headers.get('location'), `/console/sources/${String(created?._id)}`);
    assert.ok(
      (await queues.fetch.getJobSchedulers()).some((s) => s.key.includes(String(created?._id))),
      'scheduled',
    );
    const again = await form({ url: web.url('/jobs.rss'), intent: 'save' });
    assert.equal(again.status, 409);
    assert.match(load(await again.text())('#url-error').text(), /already exists/);
  });

  it('deletes a source, keeping or removing its items as chosen', async () => {
    const { cookie, csrf } = await signIn();
    const Job = entryModel(db.mongo, 'jobs');
    const make = async (name: string) => {
      const source = await createSource(db.mongo, {
        ...sourceInput(`https://del.example/${name}.rss`),
        name,
      });
      await Job.create(storedJob(source._id, name));
      return String(source._id);
    };
    const keep = await make('keep');
    const remove = await make('remove');
    const del = (id: string, fields: Record<string, string> = {}) =>
      post(url, `/console/sources/${id}/delete`, { _csrf: csrf, ...fields }, cookie);
    assert.equal((await del(keep)).status, 400, 'must choose');
    const unconfirmed = await del(keep, { items: 'keep' });
    assert.equal(unconfirmed.status, 400, 'must confirm');
    assert.match(await unconfirmed.text(), /nothing was deleted/);
    assert.ok(await findSource(db.mongo, keep), 'still there');
    assert.equal((await del(keep, { items: 'keep', confirm: 'yes' })).status, 303);
    assert.equal((await del(remove, { items: 'remove', confirm: 'yes' })).status, 303);
    assert.equal(await findSource(db.mongo, keep), undefined);
    assert.equal(await findSource(db.mongo, remove), undefined);
    assert.equal(await Job.countDocuments({ sourceName: 'keep' }), 1, 'kept');
    assert.equal(await Job.countDocuments({ sourceName: 'remove' }), 0, 'removed');
    assert.equal((await del(keep, { items: 'keep', confirm: 'yes' })).status, 404);
  });

  it('takes as many keep rules as a source may hold, and names the limit a longer list passes', async () => {
    const { cookie, csrf } = await signIn();
    const form = (keep: string[], extra: Record<string, string> = {}) =>
      post(
        url,
        '/console/sources/new',
        {
          _csrf: csrf,
          url: web.url('/many-rules.rss'),
          kind: 'rss',
          type: 'jobs',
          intervalMinutes: '60',
          enabled: 'on',
          keep: keep.join('\n'),
          intent: 'save',
          ...extra,
        },
        cookie,
      );
    // 101 rules of 450 characters: a 45 KB field, past the form's old 32 KB limit.
    const rules = Array.from({ length: 101 }, (_, i) => `rule ${i} ${'x'.repeat(440)}`);
    const tooMany = await form(rules);
    assert.equal(tooMany.status, 400);
    const $tooMany = load(await tooMany.text());
    assert.match($tooMany('#keep-error').text(), /at most 100 rules/);
    assert.match($tooMany('#keep').text(), /rule 100 x+/, 'what was typed stays');

    const long = await form(['go'], { url: `${web.url('/many-rules.rss')}?q=${'a'.repeat(2100)}` });
    assert.equal(long.status, 400);
    assert.match(load(await long.text())('#url-error').text(), /at most 2,000 characters/);

    assert.equal((await form(rules.slice(0, 100))).status, 303);
    const saved = (await listSources(db.mongo)).find((s) => s.url === web.url('/many-rules.rss'));
    assert.equal(saved?.options.keep.length, 100);
  });

  it('adds an html source from separate selector fields, with each mistake next to its field', async () => {
    const { cookie, csrf } = await signIn();
    const form = (fields: Record<string, string>) =>
      post(
        url,
        '/console/sources/new',
        {
          _csrf: csrf,
          url: web.url('/openings'),
          kind: 'html',
          type: 'jobs',
          intervalMinutes: '60',
          enabled: 'on',
          sel_item: 'li.opening',
          sel_title: 'h3',
          sel_link: 'h3 a@href',
          sel_company: '=Console Corp',
          ...fields,
        },
        cookie,
      );
    const wrong = await form({ sel_title: 'h3[', detail_salary: '=', intent: 'preview' });
    assert.equal(wrong.status, 400);
    const $wrong = load(await wrong.text());
    assert.match($wrong('#sel_title-error').text(), /invalid CSS selector "h3\["/);
    assert.equal($wrong('#sel_title').attr('aria-invalid'), 'true');
    assert.match($wrong('#detail_salary-error').text(), /fixed value after "=" is empty/);
    assert.ok(
      $wrong('details.detail-fields').is('[open]'),
      'the detail section opens on its error',
    );
    assert.ok($wrong('details.selectors').is('[open]'));
    assert.equal($wrong('#sel_title').attr('value'), 'h3[', 'what was typed stays');

    const preview = load(await (await form({ intent: 'preview' })).text());
    assert.match(preview('#preview-title').text(), /2 item\(s\), nothing saved/);
    assert.match(preview('.preview-items').text(), /Platform Engineer · Console Corp/);
    assert.equal((await form({ intent: 'save' })).status, 303);
    const saved = (await listSources(db.mongo)).find((s) => s.url === web.url('/openings'));
    assert.equal(saved?.kind, 'html');
    assert.deepEqual(saved?.selectors?.fields, {
      title: 'h3',
      link: 'h3 a@href',
      company: '=Console Corp',
    });
  });

  it('edits a source: the form shows every setting, saving records what changed and runs it again', async () => {
    const { cookie, csrf } = await signIn();
    const source = await createSource(db.mongo, {
      ...sourceInput(web.url('/edit.rss')),
      name: 'Editable',
      options: { ...sourceInput('').options, keep: ['golang'] },
    });
    const id = String(source._id);
    const Source = sourceModel(db.mongo);
    await Source.updateOne(
      { _id: source._id },
      { $set: { 'fetchState.etag': '"v1"', 'fetchState.bodyHash': 'abc' } },
    );
    const page = load(
      await (await fetch(`${url}/console/sources/${id}/edit`, { headers: { cookie } })).text(),
    );
    assert.equal(page('h1').text(), 'Edit Editable');
    assert.equal(page('form.source-form').attr('action'), `/console/sources/${id}/edit`);
    assert.equal(page('#url').attr('value'), web.url('/edit.rss'));
    assert.equal(page('#keep').text(), 'golang');
    assert.equal(page('input[name=enabled]').attr('checked'), 'checked');
    const fields = Object.fromEntries(
      page('form.source-form')
        .serializeArray()
        .map(({ name, value }) => [name, value]),
    );

    const edit = (changes: Record<string, string>) =>
      post(url, `/console/sources/${id}/edit`, { ...fields, ...changes, intent: 'save' }, cookie);
    assert.equal(fields._csrf, csrf, 'the form carries its CSRF token');
    const { _csrf, ...withoutToken } = fields;
    assert.equal(
      (await post(url, `/console/sources/${id}/edit`, withoutToken, cookie)).status,
      403,
    );
    const bad = await edit({ intervalMinutes: 'often' });
    assert.equal(bad.status, 400);
    assert.match(load(await bad.text())('#intervalMinutes-error').text(), /5 to 10080/);
    const clash = await edit({ url: web.url('/jobs.rss') });
    assert.equal(clash.status, 409, 'another source has that URL');
    assert.match(load(await clash.text())('#url-error').text(), /already exists/);

    await queues.fetch.remove(`source-${id}`);
    const saved = await edit({ url: web.url('/edit-moved.rss'), intervalMinutes: '90', keep: '' });
    assert.equal(saved.status, 303);
    assert.equal(saved.headers.get('location'), `/console/sources/${id}`);
    const after = await findSource(db.mongo, id);
    assert.equal(after?.url, web.url('/edit-moved.rss'));
    assert.equal(after?.intervalMinutes, 90);
    assert.deepEqual(after?.options.keep, []);
    assert.equal(after?.fetchState.etag, null, 'the new URL is not sent the old validators');
    assert.equal(after?.fetchState.bodyHash, null);
    assert.ok(await queues.fetch.getJob(`source-${id}`), 'the new settings run at once');
    const scheduler = (await queues.fetch.getJobSchedulers()).find((s) => s.key.includes(id));
    assert.equal(Number(scheduler?.every), 90 * 60_000, 'rescheduled at the new interval');
    const shown = load(
      await (await fetch(`${url}/console/sources/${id}`, { headers: { cookie } })).text(),
    );
    const latest = shown('ol.history li').first().text().replace(/\s+/g, ' ');
    assert.match(latest, /update by console:admin/);
    assert.match(latest, /url "[^"]*\/edit\.rss" → "[^"]*\/edit-moved\.rss"/);
    assert.match(latest, /intervalMinutes 30 → 90/);
    assert.match(latest, /options\.keep \["golang"\] → \[\]/);
    assert.doesNotMatch(latest, /name|terms/, 'only what changed');

    // Switching jobs to articles would strand the stored jobs: refused, next to the type.
    await entryModel(db.mongo, 'jobs').create(storedJob(source._id, 'edit'));
    const switched = await edit({ url: web.url('/edit-moved.rss'), type: 'articles' });
    assert.equal(switched.status, 409);
    assert.match(load(await switched.text())('#type-error').text(), /1 jobs from this source/);
    assert.equal((await findSource(db.mongo, id))?.type, 'jobs');
    // A setting of job sources only, on an articles source: refused next to its box.
    const jobOnly = await edit({
      url: web.url('/edit-moved.rss'),
      type: 'articles',
      listsAllOpenJobs: 'on',
    });
    assert.equal(jobOnly.status, 400);
    const form = load(await jobOnly.text());
    assert.match(form('#listsAllOpenJobs-error').text(), /^a setting of job sources only/);
    assert.equal(form('input[name=listsAllOpenJobs]').attr('aria-invalid'), 'true');
  });

  it('imports OPML from an upload or a paste, and exports the rss sources', async () => {
    const { cookie, csrf } = await signIn();
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>
      <outline text="Backend"><outline text="Imported jobs" xmlUrl="${web.url('/imported.rss')}" category="jobs"/>
      <outline text="Imported blog" xmlUrl="${web.url('/blog.xml')}"/></outline>
      <outline text="Already here" xmlUrl="${web.url('/jobs.rss')}" category="jobs"/>
      <outline text="Bad" xmlUrl="javascript:alert(1)" category="jobs"/></body></opml>`;
    const upload = (fields: Record<string, string>, file?: string) => {
      const body = new FormData();
      for (const [name, value] of Object.entries(fields)) body.append(name, value);
      if (file !== undefined)
        body.append('opml', new Blob([file], { type: 'text/x-opml' }), 'feeds.opml');
      return fetch(`${url}/console/opml/import`, {
        method: 'POST',
        headers: { cookie },
        body,
        redirect: 'manual',
      });
    };
    assert.equal((await upload({}, opml)).status, 403, 'CSRF');
    const notOpml = await upload({ _csrf: csrf }, '<html lang="en"></html>');
    assert.equal(notOpml.status, 400);
    assert.match(load(await notOpml.text())('.banner').text(), /not an OPML document/);
    const nothing = await upload({ _csrf: csrf });
    assert.equal(nothing.status, 400);
    assert.match(load(await nothing.text())('.banner').text(), /Choose an OPML file/);

    const imported = await upload({ _csrf: csrf, type: 'articles' }, opml);
    assert.equal(imported.status, 200);
    const report = load(await imported.text());
    assert.match(report('#report-title').text(), /Created 2, skipped 2/);
    assert.match(
      report('ul.created').text(),
      /Imported jobs \(jobs\)[\s\S]*Imported blog \(articles\)/,
    );
    assert.match(report('ul.skipped').text(), /jobs\.rss: already present/);
    assert.match(report('ul.skipped').text(), /javascript:alert\(1\): an absolute http\(s\) URL/);
    assert.equal(report('ul.skipped a[href^="javascript"]').length, 0);
    const created = (await listSources(db.mongo)).find((s) => s.url === web.url('/imported.rss'));
    assert.equal(created?.kind, 'rss');
    assert.ok(
      (await queues.fetch.getJobSchedulers()).some((s) => s.key.includes(String(created?._id))),
      'imported sources are scheduled',
    );
    const history = await sourceHistory(db.mongo, created?._id as Types.ObjectId);
    assert.equal(history[0]?.by, 'console:admin');

    const pasted = new FormData();
    pasted.append('_csrf', csrf);
    pasted.append('opmlText', opml);
    const again = await fetch(`${url}/console/opml/import`, {
      method: 'POST',
      headers: { cookie },
      body: pasted,
    });
    assert.match(load(await again.text())('#report-title').text(), /Created 0, skipped 4/);

    const tooBig = await upload({ _csrf: csrf }, 'x'.repeat(2 * 1024 * 1024 + 1));
    assert.equal(tooBig.status, 400);
    assert.match(load(await tooBig.text())('.banner').text(), /larger than 2 MB/);

    const exported = await fetch(`${url}/console/opml/export`, { headers: { cookie } });
    assert.equal(exported.status, 200);
    assert.match(exported.headers.get('content-disposition') ?? '', /backboard-sources\.opml/);
    const feeds = readOpml(await exported.text());
    assert.ok(feeds.some((f) => f.url === web.url('/imported.rss') && f.type === 'jobs'));
    assert.ok(feeds.some((f) => f.url === web.url('/blog.xml') && f.type === 'articles'));
    assert.ok(
      feeds.every((f) => !f.url.endsWith('/openings')),
      'html sources have no OPML form',
    );
  });

  it('counts a failure streak in words: one failure, then failures', async () => {
    const { cookie } = await signIn();
    const failing = await createSource(db.mongo, {
      ...sourceInput(web.url('/gone-for-good.rss')),
      name: 'Streaky',
    });
    const streak = async (failures: number) => {
      await sourceModel(db.mongo).updateOne(
        { _id: failing._id },
        {
          $set: {
            'health.consecutiveFailures': failures,
            'health.lastFetchedAt': new Date(),
            'health.lastError': {
              message: 'HTTP 500',
              code: 'fetch_http',
              status: 500,
              at: new Date(),
            },
          },
        },
      );
      const page = await fetch(`${url}/console/sources/${failing._id}`, { headers: { cookie } });
      return load(await page.text())('main').text();
    };
    assert.match(await streak(1), /\(1 failure in a row\)/);
    assert.match(await streak(3), /\(3 failures in a row\)/);
  });

  it('signs out: the old cookie no longer opens anything', async () => {
    const { cookie, csrf } = await signIn();
    assert.equal((await post(url, '/console/logout', { _csrf: csrf }, cookie)).status, 303);
    assert.equal(
      (await fetch(`${url}/console`, { redirect: 'manual', headers: { cookie } })).status,
      303,
    );
  });

  // From an address of its own (the app trusts X-Forwarded-For from loopback), so the test
  // after it still signs in from 127.0.0.1.
  const loginFrom = (address: string, password: string) =>
    fetch(`${url}/console/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': address,
      },
      body: new URLSearchParams({ user: 'admin', password, next: '/console' }),
    });

  it('checks at most five passwords per address, however many arrive at once', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => loginFrom('203.0.113.5', `wrong ${i}`)),
    );
    const count = (status: number) => statuses.filter((r) => r.status === status).length;
    assert.equal(count(401), 5);
    assert.equal(count(429), 35);
  });

  it('does not lock the operator out because another address failed', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await loginFrom('203.0.113.6', `x${i}`)).status, 401);
    assert.equal((await loginFrom('203.0.113.6', PASSWORD)).status, 429);
    assert.equal((await loginFrom('198.51.100.7', PASSWORD)).status, 303);
  });

  it('locks a user out after five failed logins', async () => {
    for (let i = 0; i < 5; i++)
      assert.equal(
        (await post(url, '/console/login', { user: 'admin', password: `wrong ${i}` })).status,
        401,
      );
    const locked = await post(url, '/console/login', { user: 'admin', password: PASSWORD });
    assert.equal(locked.status, 429);
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
    assert.match(await locked.text(), /Too many failed attempts/);
  });
});
