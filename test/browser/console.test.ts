// The operator's whole round in headless Chromium, against a real worker: sign in, add a feed
// served by the local fixture server, preview, save, fetch now, find its jobs on the public
// board, break its URL and read the failure on the sources list, sign out.
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Redis } from 'ioredis';
import type { Browser, Page } from 'playwright-core';
import { buildApp } from '../../src/app.ts';
import { hashPassword } from '../../src/lib/password.ts';
import { createRedis } from '../../src/queue/connection.ts';
import { createQueues, type Queues } from '../../src/queue/queues.ts';
import { ensureIndexes } from '../../src/store/indexes.ts';
import { type RunningWorkers, startWorkers } from '../../workers/run-workers.ts';
import { launchBrowser, screenshot } from '../helpers/browser.ts';
import { jobItems, wwrFeed } from '../helpers/feeds.ts';
import {
  type FixtureServer,
  serveBody,
  startFixtureServer,
  testFetcher,
} from '../helpers/fixture-server.ts';
import { type Isolated, isolate } from '../helpers/isolation.ts';

const PASSWORD = 'operator round trip passphrase';
// A worker run can take a few seconds on a busy machine; the page polls every 3 s.
const RUN_TIMEOUT_MS = 45_000;

describe('the operator console in a browser', () => {
  let browser: Browser;
  let web: FixtureServer;
  let db: Isolated;
  let redis: Redis;
  let queues: Queues;
  let workers: RunningWorkers;
  let server: Server;
  let base: string;

  before(async () => {
    browser = await launchBrowser();
    web = await startFixtureServer();
    const items = jobItems(3, 'Operator').map((item, i) => ({
      ...item,
      pubDate: new Date(Date.now() - (i + 1) * 3_600_000).toUTCString(),
    }));
    web.on('/operator-jobs.rss', serveBody(wwrFeed(web.origin, items)));
    db = await isolate('console_browser', {
      FETCH_ALLOWED_HOSTS: web.host,
      // Every worker of a queue must share one stalled-check interval.
      WORKER_LOCK_MS: '2000',
    });
    await ensureIndexes(db.mongo);
    redis = createRedis(db.redisUrl, 'worker');
    queues = createQueues(redis, db.config.queuePrefix);
    workers = startWorkers({
      config: db.config,
      logger: db.logger,
      mongo: db.mongo,
      redisUrl: db.redisUrl,
    });
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
          passwordHash: await hashPassword(PASSWORD),
          token: undefined,
        },
        fetchQueue: queues.fetch,
        boardQueues: [queues.fetch, queues.maintenance],
        fetcher: testFetcher([web.host]),
        allowedHosts: [web.host],
      },
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    server?.close();
    await workers?.close();
    await queues?.close();
    redis?.disconnect();
    await web?.close();
    await db?.cleanup();
  });

  /** The page's visible text with whitespace collapsed. */
  const textOf = async (page: Page, selector: string) =>
    ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

  it('signs in, adds and previews a feed, fetches it onto the board, sees it break, signs out', async () => {
    const context = await browser.newContext({
      baseURL: base,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
    try {
      // Any console page first asks for the login, then comes back to it.
      await page.goto('/console/sources/new');
      assert.equal(new URL(page.url()).pathname, '/console/login');
      await page.getByLabel('User name').fill('admin');
      await page.getByLabel('Password or token').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((u) => u.pathname === '/console/sources/new');

      const feedUrl = web.url('/operator-jobs.rss');
      await page.getByLabel('Page or feed URL').fill(feedUrl);
      await page.getByLabel('Name', { exact: true }).fill('Operator Jobs');
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.locator('#preview-title').waitFor();
      // The page opens at the preview, not at the top of the form above it.
      assert.equal(new URL(page.url()).hash, '#preview-title');
      assert.ok(await page.locator('#preview-title').isVisible());
      const top = await page
        .locator('#preview-title')
        .evaluate(
          (el) =>
            (el as unknown as { getBoundingClientRect(): { top: number } }).getBoundingClientRect()
              .top,
        );
      assert.ok(top < 900, `the preview heading is in view (${top} px from the top)`);
      assert.match(await textOf(page, '#preview-title'), /3 item\(s\), nothing saved/);
      assert.deepEqual(await page.locator('.preview-items li a').allTextContents(), [
        'Operator 0: Backend Engineer 0',
        'Operator 1: Backend Engineer 1',
        'Operator 2: Backend Engineer 2',
      ]);
      await screenshot(page, 'console-preview-1280');
      // The form kept what was typed: saving needs no retyping.
      assert.equal(await page.getByLabel('Page or feed URL').inputValue(), feedUrl);
      await page.getByRole('button', { name: 'Save source' }).click();
      await page.waitForURL((u) => /^\/console\/sources\/[0-9a-f]{24}$/.test(u.pathname));
      const sourcePath = new URL(page.url()).pathname;
      const boardOfSource = `/jobs?source=${sourcePath.split('/').pop()}`;
      assert.equal(await textOf(page, 'h1'), 'Operator Jobs');

      // A new source is scheduled to run at once. Its first run is awaited before "Fetch now":
      // otherwise which of the two runs records last (3 new, or 3 unchanged) is a race.
      const deadline = Date.now() + RUN_TIMEOUT_MS;
      while (!/stored: 3 new, 0 updated/.test(await textOf(page, 'main'))) {
        assert.ok(Date.now() < deadline, 'the first run of a new source was not recorded in time');
        await page.waitForTimeout(300);
        await page.reload();
      }
      assert.match(await textOf(page, '.health'), /Healthy/);
      // The run says where its time went.
      assert.match(
        await textOf(page, 'main'),
        /in \d+ ms \(fetch \d+ ms · read \d+ ms · store \d+ ms\)/,
      );
      await screenshot(page, 'console-source-1280');

      await page.getByRole('button', { name: 'Fetch now' }).click();
      await page.waitForURL((u) => u.pathname === sourcePath);
      // Queued or running pages reload themselves until the worker is done; nothing changed.
      await page
        .getByText(/^(?:unchanged: the same bytes|not modified: the server answered 304)/)
        .waitFor({ timeout: RUN_TIMEOUT_MS });

      // The public board shows the new jobs.
      await page.goto(boardOfSource);
      const titles = await page.locator('article.job h3 a').allTextContents();
      assert.deepEqual(titles.map((t) => t.trim()).sort(), [
        'Backend Engineer 0',
        'Backend Engineer 1',
        'Backend Engineer 2',
      ]);

      // Edit it into a URL that answers 404: the new settings run at once and fail.
      await page.goto(sourcePath);
      await page.getByRole('link', { name: 'Edit settings' }).click();
      await page.waitForURL((u) => u.pathname === `${sourcePath}/edit`);
      assert.equal(await page.getByLabel('Page or feed URL').inputValue(), feedUrl);
      await page.getByLabel('Page or feed URL').fill(web.url('/moved-away.rss'));
      // Enter in a field saves, as the form's main action: it does not run Discover.
      await page.getByLabel('Page or feed URL').press('Enter');
      await page.waitForURL((u) => u.pathname === sourcePath);
      assert.match(
        await textOf(page, 'ol.history li'),
        /update by console:admin: url .*moved-away\.rss/,
      );
      await page.locator('.error-text').waitFor({ timeout: RUN_TIMEOUT_MS });

      await page.goto('/console');
      const row = page.locator('table.sources tbody tr', { hasText: 'Operator Jobs' });
      assert.match(await textOf(page, 'table.sources tbody tr .health'), /Failing/);
      const explained = ((await row.locator('.error-text').textContent()) ?? '').trim();
      assert.match(explained, /404/);
      assert.match(explained, /moved-away\.rss|not found/i);
      // On a phone the list scrolls in its own box; the page does not pan sideways.
      await page.setViewportSize({ width: 375, height: 800 });
      const wide = await page.locator('html').evaluate((html) => html.scrollWidth as number);
      assert.ok(wide <= 375, `/console is ${wide} px wide on a 375 px phone`);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByRole('link', { name: /Show only sick sources \(1\)/ }).click();
      assert.equal(await page.locator('table.sources tbody tr').count(), 1);
      await screenshot(page, 'console-sick-1280');
      // What was stored before the URL broke stays on the board.
      await page.goto(boardOfSource);
      assert.equal(await page.locator('article.job').count(), 3);

      await page.goto('/console');
      await page.getByRole('button', { name: /Sign out admin/ }).click();
      await page.waitForURL((u) => u.pathname === '/console/login');
      await page.goto('/console');
      assert.equal(new URL(page.url()).pathname, '/console/login', 'signed out for good');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
