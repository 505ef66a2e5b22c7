// The board answers a repeated request from its page cache before routing it (warm-hits.ts):
// every page, feed and API list must then be exactly what the whole app sent the first time.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import zlib from 'node:zlib';
import { load } from 'cheerio';
import { PageCache } from '../../src/web/page-cache.ts';
import { type Board, startBoard } from '../helpers/board.ts';

function headersOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (name !== 'date') out[name] = value;
  });
  return out;
}

type Raw = {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Header names as sent, in order, Date left out. */
  names: string[];
  body: Buffer;
};

/** A request as sent, the response's bytes as received (fetch would decompress them). */
function raw(url: string, headers: Record<string, string>, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .request(url, { headers, method }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            names: res.rawHeaders.filter((name, i) => i % 2 === 0 && name !== 'Date'),
            body: Buffer.concat(chunks),
          }),
        );
      })
      .on('error', reject)
      .end();
  });
}

function decoded(res: Raw): string {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(res.body).toString();
  if (encoding === 'gzip') return zlib.gunzipSync(res.body).toString();
  assert.equal(encoding, undefined);
  return res.body.toString();
}

describe('the board answers repeats from its cache, as the app would', () => {
  let board: Board;
  // No page counts as slow here (those are kept across data changes; page-cache.test.ts).
  const cache = new PageCache({ slowRenderMs: 60_000 });

  before(async () => {
    board = await startBoard('warm_hits', { pageCache: cache });
  });
  after(async () => {
    await board?.close();
  });

  it('replays pages, feeds and the API with the same status, headers and body', async () => {
    const jobs = load(await (await fetch(`${board.url}/jobs`)).text());
    const job = jobs('article.job h3 a').first().attr('href');
    assert.ok(job, 'a job on /jobs');
    const paths = [
      '/',
      '/jobs',
      '/jobs?q=go&workplace=remote',
      job,
      '/articles',
      '/sources',
      '/jobs.rss',
      '/jobs.json',
      '/api/v1/jobs',
    ];
    for (const path of paths) {
      for (const headers of [{}, { 'x-forwarded-proto': 'https' }] as Record<string, string>[]) {
        const first = await fetch(`${board.url}${path}`, { headers });
        const firstBody = await first.text();
        const hits = cache.hits;
        const again = await fetch(`${board.url}${path}`, { headers });
        assert.equal(cache.hits, hits + 1, `${path} ${JSON.stringify(headers)} was a cache hit`);
        assert.equal(again.status, first.status, path);
        assert.equal(await again.text(), firstBody, path);
        assert.deepEqual(headersOf(again), headersOf(first), path);
      }
    }
  });

  it('writes the headers of a replay as the app wrote them, names and all', async () => {
    const url = `${board.url}/jobs?q=kafka`;
    const routed = await raw(url, { 'accept-encoding': 'br' });
    const hits = cache.hits;
    const replayed = await raw(url, { 'accept-encoding': 'br' });
    assert.equal(cache.hits, hits + 1);
    assert.ok(routed.names.includes('Content-Security-Policy'), String(routed.names));
    const sorted = (names: string[]) => [...names].sort();
    assert.deepEqual(sorted(replayed.names), sorted(routed.names));
  });

  it('keeps the security and CORS headers on a replay, and HSTS only over https', async () => {
    for (const path of ['/jobs', '/api/v1/jobs']) await fetch(`${board.url}${path}`);
    const hits = cache.hits;
    const page = await fetch(`${board.url}/jobs`);
    const api = await fetch(`${board.url}/api/v1/jobs`);
    assert.equal(cache.hits, hits + 2);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(page.headers.get('strict-transport-security'), null, 'not over plain http');
    assert.equal(page.headers.get('access-control-allow-origin'), null, 'pages stay same-origin');
    assert.equal(api.headers.get('access-control-allow-origin'), '*');
    await fetch(`${board.url}/jobs`, { headers: { 'x-forwarded-proto': 'https' } });
    const secure = await fetch(`${board.url}/jobs`, { headers: { 'x-forwarded-proto': 'https' } });
    assert.match(secure.headers.get('strict-transport-security') ?? '', /max-age=/);
  });

  it('sends pages, feeds and the API compressed to clients that accept it, routed or replayed', async () => {
    const accepts = { br: 'gzip, deflate, br', gzip: 'gzip', identity: 'identity' } as const;
    for (const path of ['/jobs', '/jobs.rss', '/api/v1/jobs']) {
      // The first request for each URL renders through the app; the rest are replays.
      for (const [q, order] of [
        ['postgresql', ['br', 'gzip', 'identity']],
        ['remote', ['identity', 'br', 'gzip']],
      ] as const) {
        const url = `${board.url}${path}?q=${q}`;
        const seen = new Map<string, Raw>();
        for (const encoding of order) {
          const hits = cache.hits;
          const res = await raw(url, { 'accept-encoding': accepts[encoding] });
          assert.equal(cache.hits, encoding === order[0] ? hits : hits + 1, `${url} ${encoding}`);
          assert.equal(res.status, 200);
          assert.equal(
            res.headers['content-encoding'],
            encoding === 'identity' ? undefined : encoding,
          );
          assert.equal(Number(res.headers['content-length']), res.body.length);
          assert.match(String(res.headers.vary), /Cookie, Accept-Encoding/);
          seen.set(encoding, res);
        }
        const form = (encoding: string) => seen.get(encoding) as Raw;
        const [br, gzip, identity] = [form('br'), form('gzip'), form('identity')];
        assert.equal(decoded(br), decoded(identity), `${url}: br is the same document`);
        assert.equal(decoded(gzip), decoded(identity), `${url}: gzip is the same document`);
        assert.ok(br.body.length < identity.body.length, `${url}: br is smaller`);
        const tags = new Set([br, gzip, identity].map((r) => r.headers.etag));
        assert.equal(tags.size, 3, `${url}: each form has its own ETag`);
        const again = await raw(url, {
          'accept-encoding': accepts.br,
          'if-none-match': String(br.headers.etag),
        });
        assert.equal(again.status, 304);
        assert.equal(again.headers.etag, br.headers.etag);
        const head = await raw(url, { 'accept-encoding': accepts.br }, 'HEAD');
        assert.equal(head.status, 200);
        assert.equal(head.body.length, 0);
        assert.equal(head.headers['content-encoding'], 'br');
        assert.equal(Number(head.headers['content-length']), br.body.length);
        const other = await raw(url, {
          'accept-encoding': accepts.identity,
          'if-none-match': String(br.headers.etag),
        });
        assert.equal(other.status, 200, "the br form's ETag does not validate the plain one");
      }
    }
  });

  it('shows new data at once: a new board version is not answered from the old copy', async () => {
    await fetch(`${board.url}/jobs`);
    const before = await (await fetch(`${board.url}/jobs`)).text();
    board.freshItems.unshift({
      id: 'fresh-warm',
      title: 'Warm Co: Backend Engineer (Elixir)',
      region: 'Anywhere in the World',
      pubDate: new Date().toUTCString(),
      description: '<p>Elixir and PostgreSQL.</p>',
    });
    await board.refresh(board.sources.fresh);
    const after = await (await fetch(`${board.url}/jobs`)).text();
    assert.doesNotMatch(before, /Warm Co/);
    assert.match(after, /Backend Engineer \(Elixir\)/);
  });
});
