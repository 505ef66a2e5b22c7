// The board in headless Chromium: what fetch + cheerio cannot see (layout, focus, board.js,
// CSP in practice). Screenshots land in test-artifacts/screenshots/ for a human to look at.
import assert from 'node:assert/strict';
import { after, before, describe, it, type TestContext } from 'node:test';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { DEFAULT_PAGE_SIZE } from '../../src/domain/board-query.ts';
import { type Board, startBoard } from '../helpers/board.ts';
import { LAN_HOST, launchBrowser, screenshot } from '../helpers/browser.ts';

const WIDE = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 800 };
const PY_JOB = 'Python Backend Developer';
const GO_JOB = 'Senior Backend Engineer (Go)';

type Tab = { page: Page; problems: string[] };
type Box = { x: number; y: number; width: number; height: number };

describe('the job board in a browser', () => {
  let board: Board;
  let browser: Browser;

  before(async () => {
    // The browser first: a missing Chromium fails at once, before the slower ingest.
    browser = await launchBrowser();
    board = await startBoard('board_browser');
  });
  after(async () => {
    await browser?.close();
    await board?.close();
  });

  /** A page in a fresh context (own cookies, cache) that records everything that went wrong. */
  async function openTab(t: TestContext, options: BrowserContextOptions = {}): Promise<Tab> {
    const context = await browser.newContext({ baseURL: board.url, viewport: WIDE, ...options });
    t.after(() => context.close());
    const page = await context.newPage();
    const problems: string[] = [];
    // Chromium reports CSP violations as console errors ("Refused to ... Content Security Policy").
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text()))
        problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
    page.on('requestfailed', (r) =>
      problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`),
    );
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    return { page, problems };
  }

  /** Waits for the navigation a click started and returns the new URL's query. */
  async function landOn(page: Page, pathname: string, click: () => Promise<void>) {
    const before = page.url();
    await click();
    await page.waitForURL((u) => u.pathname === pathname && u.href !== before);
    return new URL(page.url()).searchParams;
  }

  const cardTitles = (page: Page) => page.locator('article.job h3 a').allTextContents();
  const cardLinks = (page: Page) =>
    page.locator('article.job h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const chips = async (page: Page) =>
    (await page.locator('.chips a').allTextContents()).map((c) => c.replace(/\s+/g, ' ').trim());

  /** The "36 jobs" count above the results, as a number. */
  async function jobCount(page: Page): Promise<number> {
    const text = (await page.locator('.count').textContent()) ?? '';
    const match = /^\s*([\d,]+) jobs?\b/.exec(text);
    assert.ok(match, `no job count in "${text}"`);
    return Number(match[1]?.replace(/,/g, ''));
  }

  async function box(locator: Locator): Promise<Box> {
    const found = await locator.boundingBox();
    assert.ok(found, `${locator} is not rendered`);
    return found;
  }

  /** Loads a page until it lists the job with the long company name (at most 20 s). */
  async function showsLongName(page: Page, path: string) {
    const card = page.locator('article.job h3 a', { hasText: 'Go Engineer' });
    for (let tries = 0; tries < 40; tries++) {
      await page.goto(path);
      if ((await card.count()) > 0) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    assert.fail(`${path} never listed the new job`);
  }

  /** The document's full width: wider than the viewport means sideways scrolling. */
  const scrollWidth = (page: Page) =>
    page.locator('html').evaluate((html) => html.scrollWidth as number);
  /** The element keyboard focus is on (tsconfig has no DOM types, so no document.activeElement). */
  const focused = (page: Page) => page.locator(':focus');

  const jobsColumn = (page: Page) => page.locator('section[aria-labelledby="newest-jobs"]');
  const articlesColumn = (page: Page) => page.locator('section[aria-labelledby="newest-articles"]');

  it('works over plain http from another machine: styles, script and search', async (t) => {
    // Seen from the network (not localhost), a page asking the browser to upgrade its requests
    // to https would lose its stylesheet and script, and its forms would not submit.
    const lan = new URL(board.url);
    lan.hostname = LAN_HOST;
    const { page, problems } = await openTab(t, { baseURL: lan.origin });
    const stylesheet = page.waitForResponse((r) => /\.css(?:\?|$)/.test(r.url()));
    await page.goto('/jobs');
    assert.equal(new URL(page.url()).protocol, 'http:');
    const css = await stylesheet;
    assert.equal(new URL(css.url()).origin, lan.origin);
    assert.equal(css.status(), 200);
    await page.getByLabel('Keywords').fill('go');
    const query = await landOn(page, '/jobs', () =>
      page.getByRole('button', { name: 'Show jobs' }).click(),
    );
    assert.equal(query.get('q'), 'go');
    assert.equal(new URL(page.url()).host, lan.host);
    assert.deepEqual(problems, []);
  });

  it('loads the home page with jobs and articles side by side, without errors', async (t) => {
    const { page, problems } = await openTab(t);
    const response = await page.goto('/'); // resolves on "load": board.js has run by then
    assert.equal(response?.status(), 200);
    // The "no CSP violation" check below means something only while the policy is strict.
    assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'/);

    assert.equal(
      await page.locator('h1').textContent(),
      'Backend jobs and career reading, in one place',
    );
    const jobs = jobsColumn(page);
    const articles = articlesColumn(page);
    assert.ok(await jobs.isVisible());
    assert.ok(await articles.isVisible());
    assert.ok((await jobs.locator('article.job').count()) > 0, 'jobs column has cards');
    assert.equal(await articles.locator('article.article').count(), 3);
    const left = await box(jobs);
    const right = await box(articles);
    assert.ok(right.x >= left.x + left.width, `articles (x=${right.x}) right of jobs`);
    assert.ok(Math.abs(right.y - left.y) < 1, 'both columns start on the same line');

    await screenshot(page, 'home-1280');
    assert.deepEqual(problems, []);
  });

  it('searches from the home page box', async (t) => {
    const { page, problems } = await openTab(t);
    await page.goto('/');
    await page.locator('#home-q').fill('go');
    const query = await landOn(page, '/jobs', () =>
      page.getByRole('button', { name: 'Search', exact: true }).click(),
    );
    assert.equal(query.toString(), 'q=go', 'only the search words in the URL');

    const titles = await cardTitles(page);
    assert.ok(titles.includes(GO_JOB), `${GO_JOB} missing from ${titles}`);
    assert.ok(!titles.includes('Python Backend Developer'));
    const count = await jobCount(page);
    assert.equal(titles.length, Math.min(count, DEFAULT_PAGE_SIZE), 'count matches the cards');
    assert.equal(await page.locator('#q').inputValue(), 'go', 'the filter form keeps the words');
    assert.deepEqual(problems, []);
  });

  it('applies filters by clicking, removes one by its chip, and clears them all', async (t) => {
    const { page, problems } = await openTab(t);
    await page.goto('/jobs');
    const total = await jobCount(page);

    // board.js submits the form as soon as a checkbox changes.
    let query = await landOn(page, '/jobs', () =>
      page.locator('input[name=workplace][value=remote]').check(),
    );
    assert.deepEqual(query.getAll('workplace'), ['remote']);
    assert.ok(!query.has('q') && !query.has('salaryMin'), `empty fields left out: ${query}`);
    assert.ok(!query.has('currency'), `no currency without a salary: ${query}`);
    assert.deepEqual(await chips(page), ['Remote ×']);
    assert.equal(await focused(page).getAttribute('value'), 'remote', 'focus back on the box');
    const remote = await jobCount(page);
    assert.ok(remote > 0 && remote < total, `${remote} remote of ${total}`);
    const badges = await page.locator('article.job .badge').allTextContents();
    assert.equal(badges.length, await page.locator('article.job').count(), 'every card a badge');
    assert.ok(
      badges.every((b) => b === 'Remote'),
      String(badges),
    );

    query = await landOn(page, '/jobs', () =>
      page.locator('input[name=tags][value=postgresql]').check(),
    );
    assert.deepEqual(query.getAll('workplace'), ['remote']);
    assert.deepEqual(query.getAll('tags'), ['postgresql']);
    assert.deepEqual(await chips(page), ['Remote ×', 'PostgreSQL ×']);
    assert.ok(await page.locator('input[name=workplace][value=remote]').isChecked());
    assert.ok(await page.locator('input[name=tags][value=postgresql]').isChecked());
    assert.ok((await cardTitles(page)).includes(GO_JOB));
    assert.ok((await jobCount(page)) <= remote);

    query = await landOn(page, '/jobs', () =>
      page.getByRole('link', { name: 'Remove filter Remote' }).click(),
    );
    assert.ok(!query.has('workplace'), `workplace removed: ${query}`);
    assert.deepEqual(query.getAll('tags'), ['postgresql']);
    assert.deepEqual(await chips(page), ['PostgreSQL ×']);

    // A minimum salary takes its currency with it, also one chosen before the amount.
    const before = page.url();
    await page.locator('#currency').selectOption('EUR');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(page.url(), before, 'a currency alone does not reload the page');
    await page.locator('#salaryMin').fill('100000');
    query = await landOn(page, '/jobs', () =>
      page.getByRole('button', { name: 'Show jobs' }).click(),
    );
    assert.deepEqual([query.get('salaryMin'), query.get('currency')], ['100000', 'EUR']);

    await landOn(page, '/jobs', () =>
      page.locator('#filters').getByRole('link', { name: 'Clear all' }).click(),
    );
    assert.equal(new URL(page.url()).search, '');
    assert.equal(await jobCount(page), total);
    assert.equal(await page.locator('.chips').count(), 0);
    assert.deepEqual(problems, []);
  });

  // Without JavaScript the form sends every field, empty ones included (source=, q=, ...).
  it('filters with JavaScript turned off too', async (t) => {
    const { page, problems } = await openTab(t, { javaScriptEnabled: false });
    await page.goto('/jobs');
    await page.locator('#salaryMin').fill('120000');
    const query = await landOn(page, '/jobs', () =>
      page.getByRole('button', { name: 'Show jobs' }).click(),
    );
    assert.equal(query.get('salaryMin'), '120000');
    // Without board.js the browser sends empty fields as well (q=&from=...): still a search.
    assert.deepEqual(await chips(page), ['≥ 120,000 USD a year ×']);
    assert.deepEqual((await cardTitles(page)).sort(), [GO_JOB, 'Staff Rust Engineer']);
    assert.equal(await jobCount(page), 2);
    assert.deepEqual(problems, []);
  });

  it('pages through results with Older and Newer', async (t) => {
    const { page, problems } = await openTab(t);
    await page.goto('/jobs?limit=5');
    const first = await cardLinks(page);
    assert.equal(first.length, 5);
    assert.equal(await page.locator('.pager a[rel=prev]').count(), 0, 'no newer page than 1');

    await landOn(page, '/jobs', () => page.locator('.pager a[rel=next]').click());
    assert.equal((await page.locator('.pager .page').textContent())?.trim(), 'Page 2');
    const second = await cardLinks(page);
    assert.equal(second.length, 5);
    assert.deepEqual(
      second.filter((href) => first.includes(href)),
      [],
      'page 2 shows other jobs',
    );

    await landOn(page, '/jobs', () => page.locator('.pager a[rel=prev]').click());
    assert.equal(new URL(page.url()).search, '?limit=5');
    assert.equal((await page.locator('.pager .page').textContent())?.trim(), 'Page 1');
    assert.deepEqual(await cardLinks(page), first);
    assert.deepEqual(problems, []);
  });

  it('opens a job from the list, with an apply link and JSON-LD', async (t) => {
    const { page, problems } = await openTab(t);
    await page.goto('/jobs');
    // Remote for US applicants: a JobPosting can name where applicants may be (Gopher Labs'
    // "anywhere" cannot, so its page has none).
    await page.locator('article.job h3 a', { hasText: PY_JOB }).click();
    await page.waitForURL(/\/jobs\/[0-9a-f]{24}-[a-z0-9-]+$/);

    assert.equal(await page.locator('h1').textContent(), PY_JOB);
    const apply = page.locator('.apply a');
    assert.ok(await apply.isVisible());
    assert.match((await apply.getAttribute('href')) ?? '', /^https?:\/\/.+fresh-py/);
    const jsonLd = await page.locator('script[type="application/ld+json"]').textContent();
    const posting = JSON.parse(jsonLd ?? '') as {
      '@type': string;
      title: string;
      hiringOrganization: { name: string };
      applicantLocationRequirements: Array<{ name: string }>;
    };
    assert.equal(posting['@type'], 'JobPosting');
    assert.equal(posting.title, PY_JOB);
    assert.equal(posting.hiringOrganization.name, 'Snake Corp');
    assert.deepEqual(
      posting.applicantLocationRequirements.map((c) => c.name),
      ['US'],
    );

    await screenshot(page, 'job-1280');
    assert.deepEqual(problems, []);
  });

  it('hiding a company from its job page returns to the list searched', async (t) => {
    const { page, problems } = await openTab(t);
    await page.goto('/jobs?q=go&workplace=remote');
    await page.locator('article.job h3 a', { hasText: GO_JOB }).click();
    await page.waitForURL(/\/jobs\/[0-9a-f]{24}-/);
    await page.getByRole('button', { name: /Hide all jobs from Gopher Labs/ }).click();
    await page.waitForURL(/\/jobs\?/);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('q'), 'go');
    assert.equal(url.searchParams.get('workplace'), 'remote');
    assert.equal(await page.locator('article.job h3 a', { hasText: GO_JOB }).count(), 0);
    assert.deepEqual(problems, []);
  });

  it('fits a phone: no sideways scrolling, stacked columns, results before filters', async (t) => {
    const { page, problems } = await openTab(t);
    await page.goto('/jobs');
    const wideFilters = await box(page.locator('#filters'));
    const wideResults = await box(page.locator('section.results'));
    assert.ok(wideFilters.x + wideFilters.width <= wideResults.x, 'filters left on wide screens');
    await screenshot(page, 'jobs-1280');

    // A name longer than a phone's line breaks instead of widening every page it is on.
    board.freshItems.push({
      id: 'long-name',
      title: 'Supercalifragilisticexpialidociousdistributedsystemsplatformcompanyinc: Go Engineer',
      pubDate: new Date().toUTCString(),
      description: '<p>Go services.</p>',
    });
    await board.refresh(board.sources.fresh);
    await page.setViewportSize(PHONE);
    // A page slow to build after new data is served from its cached copy while it is rebuilt
    // (a loaded machine runs the whole suite at once): wait until the new job is shown.
    await showsLongName(page, '/');
    assert.ok((await scrollWidth(page)) <= PHONE.width, `home ${await scrollWidth(page)} px wide`);
    const jobs = await box(jobsColumn(page));
    const articles = await box(articlesColumn(page));
    assert.ok(articles.y >= jobs.y + jobs.height, 'articles stacked below jobs');
    await screenshot(page, 'home-375');

    await showsLongName(page, '/jobs');
    assert.ok((await scrollWidth(page)) <= PHONE.width, `/jobs ${await scrollWidth(page)} px wide`);
    const heading = await box(page.locator('#results-title'));
    const filters = await box(page.locator('#filters'));
    assert.ok(heading.y < filters.y, 'results come before the filter form');
    assert.ok(await page.getByRole('link', { name: 'Filter results ↓' }).isVisible());
    await screenshot(page, 'jobs-375');
    await page.locator('article.job h3 a', { hasText: 'Go Engineer' }).first().click();
    await page.waitForURL((u) => u.pathname.startsWith('/jobs/'));
    assert.ok(
      (await scrollWidth(page)) <= PHONE.width,
      `job page ${await scrollWidth(page)} px wide`,
    );
    await page.setViewportSize(WIDE);
    await page.goto('/');
    const [jobsHalf, articlesHalf] = [await box(jobsColumn(page)), await box(articlesColumn(page))];
    assert.ok(
      Math.abs(jobsHalf.width - articlesHalf.width) < 2,
      `home columns share the width: ${jobsHalf.width} and ${articlesHalf.width} px`,
    );
    assert.deepEqual(problems, []);
  });

  it('lets a keyboard reach the filters on a wide screen without tabbing through the results', async (t) => {
    const { page, problems } = await openTab(t);
    await page.goto('/jobs');
    const jump = page.getByRole('link', { name: 'Filter results ↓' });
    const hidden = await box(jump);
    assert.ok(hidden.x + hidden.width <= 0, 'off screen until focused');
    let tabs = 0;
    const focusedText = () => page.evaluate<string>('document.activeElement?.textContent ?? ""');
    while ((await focusedText()) !== 'Filter results ↓' && tabs < 20) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    assert.ok(tabs < 20, 'among the first stops, before any result');
    const shown = await box(jump);
    assert.ok(shown.x >= 0 && shown.y >= 0, `shown while focused: ${JSON.stringify(shown)}`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page).getAttribute('id'), 'q', 'the next stop is the keyword box');
    assert.deepEqual(problems, []);
  });

  it('keeps the words of the sources table whole, on a desktop and on a phone', async (t) => {
    const { page, problems } = await openTab(t);
    // Short single words ("articles", "Kind") in a cell: one line box each unless torn apart.
    // A string, as the tsconfig has no DOM types.
    const tornWords = () =>
      page.evaluate<string[]>(`(() => {
        const torn = [];
        const table = document.querySelector('table.sources');
        const texts = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
        for (let node = texts.nextNode(); node; node = texts.nextNode()) {
          const text = (node.textContent ?? '').trim();
          if (!/^[A-Za-z]{1,12}$/.test(text)) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          if (range.getClientRects().length > 1) torn.push(text);
        }
        return torn;
      })()`);
    await page.goto('/sources');
    assert.deepEqual(await tornWords(), [], 'at 1280 px');
    await page.setViewportSize(PHONE);
    await page.reload();
    assert.deepEqual(await tornWords(), [], 'at 375 px');
    await screenshot(page, 'sources-375');
    assert.deepEqual(problems, []);
  });

  it('lets a keyboard walk a select and a radio group without reloading, and apply with Enter', async (t) => {
    const { page, problems } = await openTab(t);
    await page.goto('/jobs');
    const settle = () => new Promise((r) => setTimeout(r, 400));
    await page.locator('#from').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await settle();
    assert.equal(new URL(page.url()).search, '', 'arrow keys only move through the options');
    const chosen = await page.locator('#from').inputValue();
    assert.ok(chosen, 'a country is chosen');
    let query = await landOn(page, '/jobs', () => page.keyboard.press('Enter'));
    assert.equal(query.get('from'), chosen);
    assert.equal(await focused(page).getAttribute('id'), 'from', 'focus back on the select');

    const posted = page.locator('input[name=posted]');
    await posted.first().focus();
    await page.keyboard.press('ArrowDown');
    await settle();
    assert.equal(new URL(page.url()).searchParams.get('posted'), null, 'the radio group waits');
    query = await landOn(page, '/jobs', () => page.keyboard.press('Enter'));
    const picked = query.get('posted');
    assert.ok(picked, `a posted window applied: ${query}`);
    assert.equal(query.get('from'), chosen, 'the earlier filter stays');
    assert.equal(await focused(page).getAttribute('value'), picked);
    assert.deepEqual(problems, []);
  });

  it('shows the skip link on the first Tab', async (t) => {
    const { page, problems } = await openTab(t);
    await page.goto('/');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    const hidden = await box(skip);
    assert.ok(hidden.x + hidden.width <= 0, 'off screen until focused');

    await page.keyboard.press('Tab');
    assert.equal(await focused(page).textContent(), 'Skip to content', 'first Tab stop');
    const shown = await box(skip);
    assert.ok(
      shown.x >= 0 &&
        shown.y >= 0 &&
        shown.x + shown.width <= WIDE.width &&
        shown.y + shown.height <= WIDE.height,
      `inside the viewport: ${JSON.stringify(shown)}`,
    );

    // Following it moves focus to the main content, past the header links.
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.hash === '#main');
    assert.equal(await focused(page).getAttribute('id'), 'main');
    assert.deepEqual(problems, []);
  });
});
