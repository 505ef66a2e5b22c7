import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { load } from 'cheerio';
import type { Redis } from 'ioredis';
import { buildApp } from '../../src/app.ts';
import { hashPassword } from '../../src/lib/password.ts';
import { createRedis } from '../../src/queue/connection.ts';
import { createQueues, type Queues } from '../../src/queue/queues.ts';
import { ensureIndexes } from '../../src/store/indexes.ts';
import { entryModel } from '../../src/store/models/entry.ts';
import { createSource, findSource, listSources } from '../../src/store/source-repository.ts';
import { jobItems, wwrFeed } from '../helpers/feeds.ts';
import {
  type FixtureServer,
  serveBody,
  startFixtureServer,
  testFetcher,
} from '../helpers/fixture-server.ts';
import { type Isolated, isolate } from '../helpers/isolation.ts';
import { sourceInput } from '../helpers/sources.ts';

const PASSWORD = 'correct horse battery staple';
const TOKEN = 'tok_0123456789abcdef0123456789';

describe('operator console access', () => {
  let db: Isolated;
  let redis: Redis;
  let queues: Queues;
  let servers: Server[] = [];
  let url: string;
  let closedUrl: string;
  let sourceId: string;
  let web: FixtureServer;

  async function listen(credentials: { passwordHash?: string; token?: string }): Promise<string> {
    const app = buildApp({
      logger: db.logger,
      readiness: {},
      mongo: db.mongo,
      redis,
      queuePrefix: db.config.queuePrefix,
      publicUrl: null,
      console: {
        credentials: {
          user: 'admin',
          passwordHash: credentials.passwordHash,
          token: credentials.token,
        },
        fetchQueue: queues.fetch,
        boardQueues: [queues.fetch, queues.maintenance],
        fetcher: testFetcher([web.host]),
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
    for (const path of [
      `/sources/${sourceId}/fetch`,
      `/sources/${sourceId}/enable`,
      `/sources/${sourceId}/disable`,
      '/logout',
    ])
      assert.equal((await post(url, `/console${path}`, {})).status, 401, path);
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
    assert.equal(
      (await post(url, `/console/sources/${sourceId}/disable`, { _csrf: csrf }, cookie)).status,
      303,
    );
    assert.equal((await findSource(db.mongo, sourceId))?.enabled, false);
    assert.equal(await version(), before + 1);
    await post(url, `/console/sources/${sourceId}/enable`, { _csrf: csrf }, cookie);
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
      await Job.create({
        canonicalUrl: `https://del.example/${name}/1`,
        url: `https://del.example/${name}/1`,
        sourceId: source._id,
        sourceName: name,
        title: `${name} job`,
        publishedAt: new Date(),
        attribution: { required: true, note: null },
        syndication: false,
        status: 'open',
        dedupKey: `url:${name}`,
        contentHash: 'h',
        firstSeenAt: new Date(),
        lastSeenAt: new Date(),
        changedAt: new Date(),
      });
      return String(source._id);
    };
    const keep = await make('keep');
    const remove = await make('remove');
    assert.equal(
      (await post(url, `/console/sources/${keep}/delete`, { _csrf: csrf }, cookie)).status,
      400,
      'must choose',
    );
    assert.equal(
      (await post(url, `/console/sources/${keep}/delete`, { _csrf: csrf, items: 'keep' }, cookie))
        .status,
      303,
    );
    assert.equal(
      (
        await post(
          url,
          `/console/sources/${remove}/delete`,
          { _csrf: csrf, items: 'remove' },
          cookie,
        )
      ).status,
      303,
    );
    assert.equal(await findSource(db.mongo, keep), undefined);
    assert.equal(await findSource(db.mongo, remove), undefined);
    assert.equal(await Job.countDocuments({ sourceName: 'keep' }), 1, 'kept');
    assert.equal(await Job.countDocuments({ sourceName: 'remove' }), 0, 'removed');
    assert.equal(
      (await post(url, `/console/sources/${keep}/delete`, { _csrf: csrf, items: 'keep' }, cookie))
        .status,
      404,
    );
  });

  it('signs out: the old cookie no longer opens anything', async () => {
    const { cookie, csrf } = await signIn();
    assert.equal((await post(url, '/console/logout', { _csrf: csrf }, cookie)).status, 303);
    assert.equal(
      (await fetch(`${url}/console`, { redirect: 'manual', headers: { cookie } })).status,
      303,
    );
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
