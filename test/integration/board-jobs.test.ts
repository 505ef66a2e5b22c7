import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { load } from 'cheerio';
import { bumpBoardVersion } from '../../src/cache/board-version.ts';
import { closeMissingJobs } from '../../src/store/expiry-repository.ts';
import { entryModel } from '../../src/store/models/entry.ts';
import { sourceModel } from '../../src/store/models/source.ts';
import { createSource } from '../../src/store/source-repository.ts';
import { type Board, startBoard } from '../helpers/board.ts';
import { sourceInput } from '../helpers/sources.ts';

type ApiJob = {
  id: string;
  title: string;
  company: string | null;
  url: string;
  source: { id: string; name: string };
};
type ApiList = {
  data: ApiJob[];
  total: number;
  cursors: { older: string | null; newer: string | null };
  links: { next: string | null; prev: string | null };
};

describe('the job board over ingested fixture feeds', () => {
  let board: Board;
  const api = async (query: string): Promise<ApiList> => {
    const res = await fetch(`${board.url}/api/v1/jobs${query}`);
    assert.equal(res.status, 200, `${query}: ${res.status}`);
    return (await res.json()) as ApiList;
  };
  const titles = async (query: string) =>
    (await api(`${query}${query ? '&' : '?'}limit=100`)).data.map((j) => j.title).sort();
  const html = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${board.url}${path}`, init);
    return { res, $: load(await res.text()) };
  };

  before(async () => {
    board = await startBoard('board_jobs');
  });
  after(async () => {
    await board?.close();
  });

  // Fresh Board's four jobs have known fields; the fixture feeds (2015) add realistic noise.
  const cases: Array<[string, string, string[], string[]]> = [
    ['keywords', '?q=go', ['Senior Backend Engineer (Go)'], ['Python Backend Developer']],
    // The search box's own example: "postgres" finds jobs that write PostgreSQL.
    [
      'keywords, a technology by another name',
      '?q=go%20postgres',
      ['Senior Backend Engineer (Go)'],
      ['Python Backend Developer', 'Staff Rust Engineer'],
    ],
    [
      'keywords, golang',
      '?q=golang',
      ['Senior Backend Engineer (Go)'],
      ['Python Backend Developer'],
    ],
    [
      'keywords, a technology named in two words',
      '?q=spring%20boot',
      ['Junior Java Developer'],
      ['Senior Backend Engineer (Go)'],
    ],
    [
      'keywords, -word leaves out',
      '?q=engineer%20-go',
      ['Staff Rust Engineer'],
      ['Senior Backend Engineer (Go)'],
    ],
    [
      'keywords, either side of OR',
      '?q=python%20OR%20rust',
      ['Python Backend Developer', 'Staff Rust Engineer'],
      ['Senior Backend Engineer (Go)'],
    ],
    [
      'keywords, every word',
      '?q=python%20django',
      ['Python Backend Developer'],
      ['Staff Rust Engineer'],
    ],
    [
      'can apply from US',
      '?from=US',
      ['Python Backend Developer', 'Senior Backend Engineer (Go)'],
      ['Staff Rust Engineer'],
    ],
    [
      'can apply from US: an office job there too',
      '?from=US',
      ['HPC Storage Systems Team Lead - Argonne National Laboratory'],
      ['Staff Rust Engineer'],
    ],
    [
      'can apply from Germany',
      '?from=de',
      ['Staff Rust Engineer', 'Junior Java Developer'],
      ['Python Backend Developer'],
    ],
    [
      'salary ≥ 100k USD',
      '?salaryMin=100000',
      ['Python Backend Developer', 'Senior Backend Engineer (Go)', 'Staff Rust Engineer'],
      ['Junior Java Developer'],
    ],
    [
      'salary ≥ 120k USD',
      '?salaryMin=120000',
      ['Senior Backend Engineer (Go)', 'Staff Rust Engineer'],
      ['Python Backend Developer'],
    ],
    [
      'salary ≥ 130k EUR (≈151k USD)',
      '?salaryMin=130000&currency=EUR',
      ['Senior Backend Engineer (Go)'],
      ['Staff Rust Engineer'],
    ],
    ['has salary', '?hasSalary=1', ['Staff Rust Engineer'], ['Junior Java Developer']],
    [
      'seniority',
      '?seniority=staff,junior',
      ['Staff Rust Engineer', 'Junior Java Developer'],
      ['Senior Backend Engineer (Go)'],
    ],
    ['employment type', '?type=contract', ['Junior Java Developer'], ['Staff Rust Engineer']],
    [
      'several tags',
      '?tags=go&tags=postgresql',
      ['Senior Backend Engineer (Go)'],
      ['Python Backend Developer'],
    ],
    [
      'posted within 24 h',
      '?posted=24h',
      ['Senior Backend Engineer (Go)'],
      ['Python Backend Developer'],
    ],
    [
      'posted within 7 days',
      '?posted=7d',
      ['Python Backend Developer', 'Staff Rust Engineer'],
      ['Junior Java Developer'],
    ],
    ['workplace', '?workplace=remote', ['Junior Java Developer'], []],
  ];
  for (const [name, query, included, excluded] of cases) {
    it(`filters by ${name} (${query})`, async () => {
      const found = await titles(query);
      for (const title of included)
        assert.ok(found.includes(title), `${title} missing from ${found}`);
      for (const title of excluded) assert.ok(!found.includes(title), `${title} should not match`);
      // The page shows the same result count as the API.
      const { $ } = await html(`/jobs${query}`);
      assert.match($('.count').text(), new RegExp(`^${(await api(query)).total} jobs?`));
    });
  }

  it('offers in the source filter only sources with jobs on the board', async () => {
    // A job source that has stored nothing yet (new, failing or paused).
    const empty = await createSource(board.db.mongo, {
      ...sourceInput(board.feeds.url('/not-read-yet.rss')),
      name: 'Empty Board',
    });
    try {
      await bumpBoardVersion(board.redis, board.db.config.queuePrefix);
      await new Promise((r) => setTimeout(r, 1100));
      const { $ } = await html('/jobs');
      const offered = $('#source option')
        .map((_, o) => $(o).text())
        .get();
      assert.deepEqual(offered, [
        'All sources',
        'Fresh Board',
        'Mirror Board',
        'Research Computing Teams',
        'We Work Remotely',
      ]);
      // Asked for by URL, it is still the one shown as chosen.
      const chosen = await html(`/jobs?source=${empty._id}`);
      assert.equal(chosen.$('#source option[selected]').text(), 'Empty Board');
    } finally {
      await sourceModel(board.db.mongo).deleteOne({ _id: empty._id });
      await bumpBoardVersion(board.redis, board.db.config.queuePrefix);
      await new Promise((r) => setTimeout(r, 1100));
    }
  });

  it('filters by source and by location', async () => {
    const fresh = String(board.sources.fresh._id);
    assert.equal((await api(`?source=${fresh}`)).total, 4);
    // Research Computing Teams titles read "Role - Company": the company is Argonne.
    const onsite = (await api('?location=argonne&limit=100')).data.map(
      (j) => `${j.title} - ${j.company}`,
    );
    assert.ok(onsite.length > 0 && onsite.every((t) => /argonne/i.test(t)), String(onsite));
    const inUs = await api('?location=USA&limit=100');
    assert.ok(inUs.total > 0);
  });

  it('shows workplace filters only matching jobs', async () => {
    const remote = await api('?workplace=remote&limit=100');
    const detail = await Promise.all(
      remote.data.map(
        async (j) =>
          (await (await fetch(`${board.url}/api/v1/jobs/${j.id}`)).json()) as {
            data: { workplace: string };
          },
      ),
    );
    assert.ok(detail.length > 0 && detail.every((d) => d.data.workplace === 'remote'));
  });

  it('suggests which filter to loosen when nothing matches', async () => {
    const { res, $ } = await html('/jobs?tags=go&seniority=junior');
    assert.equal(res.status, 200);
    assert.match($('.empty').text(), /No jobs match/);
    const suggestions = $('.empty li')
      .map((_i, el) => $(el).text().replace(/\s+/g, ' ').trim())
      .get();
    assert.ok(
      suggestions.some((s) => /^Remove Junior \(1 job\)$/.test(s)),
      String(suggestions),
    );
    assert.ok(
      suggestions.some((s) => /^Remove Go \(\d+ jobs?\)$/.test(s)),
      String(suggestions),
    );
    // Keywords read as the chip shows them: quoted once.
    const keyword = await html('/jobs?q=zzzzqqq');
    assert.deepEqual(
      keyword
        .$('.empty li')
        .map((_i, el) => keyword.$(el).text().replace(/\s+/g, ' ').trim())
        .get()
        .map((s) => s.replace(/ \(\d+ jobs?\)$/, '')),
      ['Remove “zzzzqqq”'],
    );
  });

  it('offers only seniorities the board can show (manager roles are off-topic, hidden)', async () => {
    const { $ } = await html('/jobs');
    const offered = $('input[name=seniority]')
      .map((_i, el) => $(el).attr('value'))
      .get();
    assert.ok(offered.includes('senior') && offered.includes('lead'), String(offered));
    assert.ok(!offered.includes('manager'), String(offered));
  });

  it('says when keywords are too common to narrow the search', async () => {
    const { $ } = await html('/jobs?q=the');
    assert.match($('.chips').text(), /“the” \(too common to search for\)/);
    assert.equal($('h1').text().trim(), 'Backend jobs');
    const words = await html('/jobs?q=go');
    assert.match(words.$('.chips').text(), /“go”/);
    assert.doesNotMatch(words.$('.chips').text(), /too common/);
    assert.match(words.$('h1').text(), /Jobs matching “go”/);
  });

  it('keeps every filter in the URL, with removable chips', async () => {
    const { $ } = await html('/jobs?q=engineer&workplace=remote&tags=go');
    const chips = $('.chips a')
      .map((_i, el) => [[$(el).text().replace(/\s+/g, ' ').trim(), $(el).attr('href')]])
      .get() as unknown as Array<[string, string]>;
    assert.deepEqual(
      chips.map(([label]) => label),
      ['“engineer” ×', 'Remote ×', 'Go ×'],
    );
    assert.equal(chips[1]?.[1], '/jobs?q=engineer&tags=go');
    assert.equal($('#q').attr('value'), 'engineer');
    assert.equal($('input[name=tags][value=go]').attr('checked'), 'checked');
    assert.equal(
      $('link[rel=alternate][type="application/rss+xml"]').attr('href'),
      '/jobs.rss?q=engineer&workplace=remote&tags=go',
    );
  });

  it('refuses invalid parameters with a clear 400 page', async () => {
    const { res, $ } = await html(
      '/jobs?q=go&salaryMin=lots&posted=1y&tags=cobolx&workplace=remote',
    );
    assert.equal(res.status, 400);
    // A way back that keeps the rest of the search.
    const retry = $('.error a').first();
    assert.match(retry.text(), /^Search again without salaryMin, tags, posted$/);
    assert.equal(retry.attr('href'), '/jobs?q=go&workplace=remote');
    const problems = $('.problems li')
      .map((_i, el) => $(el).text())
      .get()
      .join('\n');
    assert.match(problems, /salaryMin: must be a whole number/);
    assert.match(problems, /posted: must be 24h, 7d or 30d/);
    assert.match(problems, /tags: unknown stack tag "cobolx"/);
    // Each problem once: the list, not also the one-line message the API gives.
    assert.equal($('.error').text().split('must be a whole number').length, 2);
    assert.match($('header.site').text(), /backboard/, 'same layout');
  });

  it('pages through every job by cursor, newest first, with no gaps or repeats', async () => {
    const seen: string[] = [];
    let page = await api('?limit=7');
    // The first page links to newer items: none yet, and the empty answer links to itself, so
    // a client can poll it.
    assert.ok(page.links.prev, 'the first page can be polled for newer items');
    const none = (await (await fetch(page.links.prev)).json()) as ApiList;
    assert.deepEqual(none.data, []);
    assert.equal(none.links.prev, page.links.prev);
    assert.equal(none.links.next, null);
    const total = page.total;
    for (;;) {
      seen.push(...page.data.map((j) => j.id));
      if (!page.links.next) break;
      page = (await (await fetch(page.links.next)).json()) as ApiList;
      assert.ok(page.links.prev, 'later pages link back');
    }
    assert.equal(seen.length, total);
    assert.equal(new Set(seen).size, total);
    // Following prev from the last page returns the page before it.
    const back = (await (await fetch(page.links.prev ?? '')).json()) as ApiList;
    assert.deepEqual(
      back.data.map((j) => j.id),
      seen.slice(-page.data.length - 7, -page.data.length),
    );
  });

  it('pages the HTML list with Older/Newer links and a page number', async () => {
    const first = await html('/jobs?limit=5');
    assert.equal(first.$('.pager a[rel=prev]').length, 0);
    const older = first.$('.pager a[rel=next]').attr('href');
    assert.ok(older?.includes('after=') && older.includes('page=2'));
    const second = await html(older as string);
    assert.match(second.$('.pager .page').text(), /Page 2/);
    assert.equal(second.$('.pager a[rel=prev]').attr('href'), '/jobs?limit=5');
    // The number in the URL only labels the page: never past the last one.
    const total = Number(/([\d,]+) jobs/.exec(first.$('.count').text())?.[1]?.replace(/,/g, ''));
    const tampered = await html((older as string).replace('page=2', 'page=99999'));
    const shown = Number(/Page (\d+)/.exec(tampered.$('.pager .page').text())?.[1]);
    assert.ok(shown >= 2 && shown <= Math.ceil(total / 5), `Page ${shown} of ${total} jobs`);
    // By link: two companies may list the same role title.
    const firstIds = first
      .$('article.job h3 a')
      .map((_i, el) => first.$(el).attr('href'))
      .get();
    const secondIds = second
      .$('article.job h3 a')
      .map((_i, el) => second.$(el).attr('href'))
      .get();
    assert.equal(secondIds.length, 5);
    assert.equal(
      firstIds.filter(
        (t) => secondIds.includes(t) && firstIds.indexOf(t) === firstIds.lastIndexOf(t),
      ).length,
      0,
    );
  });

  it('keeps a cursor working after the item it came from is deleted', async () => {
    const first = await api(`?limit=3&source=${String(board.sources.rct._id)}`);
    const next = first.links.next as string;
    const before = (await (await fetch(next)).json()) as ApiList;
    const last = first.data.at(-1) as ApiJob;
    await entryModel(board.db.mongo, 'jobs').deleteOne({ _id: last.id });
    await board.refresh(board.sources.rct);
    const after = (await (await fetch(next)).json()) as ApiList;
    assert.deepEqual(
      after.data.map((j) => j.id),
      before.data.map((j) => j.id),
    );
  });

  it('renders a job page with facts, apply link, attribution, duplicates and JSON-LD', async () => {
    const [gopher] = (await api('?q=gopher')).data as [ApiJob];
    const { res, $ } = await html(new URL(gopher.url).pathname);
    assert.equal(res.status, 200);
    assert.equal($('h1').text(), 'Senior Backend Engineer (Go)');
    assert.match($('.facts').text(), /\$150K–\$180K a year/);
    assert.match($('.facts').text(), /Anywhere/);
    assert.match($('.apply a').attr('href') ?? '', /\/remote-jobs\/fresh-go/);
    assert.match($('.origin').text(), /Listed by Fresh Board/);
    // The site the feed names as its own (its channel link), not the feed's host alone.
    assert.match(
      $('.origin a').first().attr('href') ?? '',
      /^http:\/\/127\.0\.0\.1:\d+\/categories\/back-end$/,
    );
    assert.deepEqual(
      $('.also a')
        .map((_i, el) => $(el).text())
        .get(),
      ['Mirror Board'],
    );
    // Remote anywhere: a JobPosting must name a country applicants may be in, so none is given
    // (its fields are checked in test/unit/web/job-posting-jsonld.test.ts).
    assert.equal($('script[type="application/ld+json"]').length, 0);
    // An old or missing slug moves permanently to the job's one URL.
    for (const ref of [`${gopher.id}-old-title`, gopher.id]) {
      const moved = await fetch(`${board.url}/jobs/${ref}?ref=x`, { redirect: 'manual' });
      assert.equal(moved.status, 301);
      assert.equal(moved.headers.get('location'), `${new URL(gopher.url).pathname}?ref=x`);
    }
  });

  it("points a copy's own page to the listing as first listed", async () => {
    const [gopher] = (await api('?q=gopher')).data as [ApiJob];
    const copy = await entryModel(board.db.mongo, 'jobs')
      .findOne({ duplicateOf: { $ne: null }, sourceName: 'Mirror Board' })
      .lean();
    assert.ok(copy, 'the mirror board holds a copy');
    const { res, $ } = await html(`/jobs/${String(copy._id)}`, { redirect: 'follow' });
    assert.equal(res.status, 200);
    const primaryPath = new URL(gopher.url).pathname;
    assert.equal($('.banner a').attr('href'), primaryPath);
    assert.match($('.banner').text(), /on Fresh Board/);
    assert.equal($('link[rel=canonical]').attr('href'), `${board.url}${primaryPath}`);
    assert.equal($('meta[name=robots]').attr('content'), 'noindex');
    // The primary's own page has no such banner.
    const primary = await html(primaryPath);
    assert.equal(primary.$('.banner').length, 0);
  });

  it("a source's filter and count include the jobs it lists that were first listed elsewhere", async () => {
    const mirror = String(board.sources.mirror._id);
    const listed = await api(`?source=${mirror}`);
    assert.deepEqual(
      listed.data.map((j) => [j.title, j.source.name]),
      [['Senior Backend Engineer (Go)', 'Fresh Board']],
      'the mirror board carries the Gopher Labs job, shown as first listed',
    );
    const { $ } = await html('/sources');
    const row = $('tbody tr').filter((_i, el) => $(el).find('th').text().includes('Mirror Board'));
    assert.equal(row.find('td').last().text().trim(), '1', 'On the board');
  });

  it('leaves JSON-LD out for sources that do not allow republishing', async () => {
    const [job] = (await api(`?source=${String(board.sources.wwr._id)}&limit=1`)).data as [ApiJob];
    const { res, $ } = await html(new URL(job.url).pathname);
    assert.equal(res.status, 200);
    assert.equal($('script[type="application/ld+json"]').length, 0);
  });

  it("keeps a job its source's rules block out of search engines, as it is out of the lists", async () => {
    const [py] = (await api('?q=snake')).data as [ApiJob];
    const Job = entryModel(board.db.mongo, 'jobs');
    const page = async () => (await html(new URL(py.url).pathname)).$;
    assert.equal((await page())('script[type="application/ld+json"]').length, 1);
    await Job.updateOne({ _id: py.id }, { $set: { 'intel.relevance.relevant': false } });
    await board.refresh(board.sources.fresh);
    try {
      const $ = await page();
      assert.match($('meta[name=robots]').attr('content') ?? '', /noindex/);
      assert.equal($('script[type="application/ld+json"]').length, 0);
    } finally {
      await Job.updateOne({ _id: py.id }, { $set: { 'intel.relevance.relevant': true } });
      await board.refresh(board.sources.fresh);
    }
  });

  it('answers 410 with a banner for a closed job, and 404 for an unknown one', async () => {
    const [job] = (await api('?q=python')).data as [ApiJob];
    await entryModel(board.db.mongo, 'jobs').updateOne(
      { _id: job.id },
      { $set: { status: 'closed', closedReason: 'expired', closedAt: new Date() } },
    );
    await board.refresh(board.sources.wwr);
    const { res, $ } = await html(new URL(job.url).pathname);
    assert.equal(res.status, 410);
    assert.match(
      $('.banner.closed').text(),
      /This job is closed\. Its application deadline has passed\./,
    );
    assert.equal($('.apply').length, 0);
    assert.equal($('.banner.closed a').attr('href'), '/jobs?tags=python', 'similar: its main tag');
    assert.ok(!(await titles('?q=python')).includes('Python Backend Developer'));
    assert.equal((await fetch(`${board.url}/jobs/0123456789abcdef01234567-nope`)).status, 404);
    assert.equal((await fetch(`${board.url}/jobs/not-an-id`)).status, 404);
  });

  it("says a paused source's job may still be open, and links its original listing", async () => {
    const [job] = (await api('?q=rust')).data as [ApiJob];
    const stored = await entryModel(board.db.mongo, 'jobs').findOneAndUpdate(
      { _id: job.id },
      { $set: { status: 'closed', closedReason: 'source_paused', closedAt: new Date() } },
    );
    await board.refresh(board.sources.wwr);
    const { res, $ } = await html(new URL(job.url).pathname);
    assert.equal(res.status, 410);
    const banner = $('.banner.closed');
    assert.match(
      banner.text(),
      /^This board no longer follows this listing\. Its source is paused/,
    );
    assert.doesNotMatch(banner.text(), /This job is closed/);
    assert.equal(banner.find('a').first().text(), 'See the original listing');
    assert.equal(banner.find('a').first().attr('href'), stored?.url);
    assert.equal($('.apply').length, 0);
  });

  it('finds accented names typed without accents, and "AT&T" as a name', async () => {
    board.freshItems.push(
      {
        id: 'zurich',
        title: 'Müller Systems: Backend Engineer (Zürich)',
        pubDate: new Date().toUTCString(),
        description: '<p>Go services.</p>',
      },
      {
        id: 'att',
        title: 'AT&amp;T: Platform Engineer',
        pubDate: new Date().toUTCString(),
        description: '<p>Java services.</p>',
      },
    );
    await board.refresh(board.sources.fresh);
    for (const q of ['zurich', 'Zürich', 'muller', 'Müller'])
      assert.deepEqual(
        await titles(`?q=${encodeURIComponent(q)}`),
        ['Backend Engineer (Zürich)'],
        q,
      );
    assert.deepEqual(await titles(`?q=${encodeURIComponent('AT&T')}`), ['Platform Engineer']);
  });

  it('hides blocked companies and keywords via a cookie, and refuses cross-site changes', async () => {
    const post = (form: Record<string, string>, headers: Record<string, string> = {}) =>
      fetch(`${board.url}/preferences/block`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: board.url,
          ...headers,
        },
        body: new URLSearchParams(form),
      });
    const added = await post({ kind: 'companies', value: 'gopher labs', back: '/jobs?q=engineer' });
    assert.equal(added.status, 303);
    assert.equal(added.headers.get('location'), '/jobs?q=engineer');
    const cookie = (added.headers.get('set-cookie') ?? '').split(';')[0] as string;
    assert.match(added.headers.get('set-cookie') ?? '', /HttpOnly/i);
    const withCookie = { headers: { cookie } };
    const list = await (await fetch(`${board.url}/jobs?q=engineer&limit=100`, withCookie)).text();
    assert.ok(!list.includes('Gopher Labs'), 'blocked company hidden');
    assert.ok(
      (await (await fetch(`${board.url}/jobs?q=engineer&limit=100`)).text()).includes(
        'Gopher Labs',
      ),
    );
    const prefs = load(await (await fetch(`${board.url}/preferences`, withCookie)).text());
    assert.match(prefs('.blocked').text(), /gopher labs/);

    const keyword = await post({ kind: 'keywords', value: 'Rust' }, { cookie });
    const both = (keyword.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const page = await (
      await fetch(`${board.url}/jobs?limit=100`, { headers: { cookie: both } })
    ).text();
    assert.ok(!page.includes('Staff Rust Engineer') && !page.includes('Gopher Labs'));
    // The home page counts what the visitor's board shows.
    const openJobs = async (init?: RequestInit) => {
      const text = load(await (await fetch(`${board.url}/`, init)).text())('.freshness').text();
      return Number(/([\d,]+) open jobs/.exec(text)?.[1]?.replace(/,/g, ''));
    };
    const jobsCount = async (init?: RequestInit) => {
      const text = load(await (await fetch(`${board.url}/jobs`, init)).text())('.count').text();
      return Number(/([\d,]+) jobs?/.exec(text)?.[1]?.replace(/,/g, ''));
    };
    const blocked = { headers: { cookie: both } };
    assert.equal(await openJobs(blocked), await jobsCount(blocked));
    // It says the block list applies, and its size: not a count of jobs it hid.
    const countLine = load(await (await fetch(`${board.url}/jobs`, blocked)).text())(
      '.count',
    ).text();
    assert.match(countLine, /your block list applies \(2 entries\)/);
    assert.ok((await openJobs(blocked)) < (await openJobs()), 'blocking lowers the count');
    // So are its popular stacks: a blocked keyword's tag would lead to an empty list.
    const stacks = async (init?: RequestInit) => {
      const $ = load(await (await fetch(`${board.url}/`, init)).text());
      return $('ul.popular a')
        .map((_i, el) => $(el).attr('href'))
        .get();
    };
    const hpc = await post({ kind: 'keywords', value: 'HPC' }, { cookie: both });
    const noHpc = {
      headers: { cookie: (hpc.headers.get('set-cookie') ?? '').split(';')[0] as string },
    };
    assert.ok((await stacks()).includes('/jobs?tags=hpc'), String(await stacks()));
    assert.ok(!(await stacks(noHpc)).includes('/jobs?tags=hpc'), 'but not for whom blocks it');
    // Nor among the list's stack boxes.
    const boxes = async (init?: RequestInit) => {
      const $ = load(await (await fetch(`${board.url}/jobs`, init)).text());
      return $('input[name=tags]')
        .map((_i, el) => $(el).attr('value'))
        .get();
    };
    assert.ok((await boxes()).includes('hpc'), String(await boxes()));
    assert.ok(!(await boxes(noHpc)).includes('hpc'), "no box for a blocked keyword's tag");

    assert.equal(
      (await post({ kind: 'companies', value: 'x' }, { 'sec-fetch-site': 'cross-site' })).status,
      403,
    );
    assert.equal(
      (await post({ kind: 'companies', value: 'x' }, { origin: 'https://evil.example' })).status,
      403,
    );
    assert.equal((await post({ kind: 'nope', value: 'x' })).status, 400);

    // Thirty long non-Latin names fit the cookie a browser keeps (it drops one over 4 KB
    // silently); a 31st is refused with a message, and nothing already blocked is dropped.
    let jar = '';
    for (let i = 0; i < 30; i++) {
      const res = await post(
        { kind: 'companies', value: `Общество с ограниченной ответственностью ${i}` },
        { cookie: jar },
      );
      const set = res.headers.get('set-cookie') ?? '';
      assert.ok(set.length < 4096, `cookie of ${set.length} bytes after ${i + 1}`);
      jar = set.split(';')[0] as string;
    }
    const full = await post({ kind: 'companies', value: 'One More Inc' }, { cookie: jar });
    assert.equal(full.headers.get('set-cookie'), null, 'the list is left as it was');
    const refusedAt = full.headers.get('location') ?? '';
    const shown = load(
      await (await fetch(`${board.url}${refusedAt}`, { headers: { cookie: jar } })).text(),
    );
    assert.match(shown('[role=alert]').text(), /holds 30 companies already/);
    assert.equal(shown('.blocked li').length, 30);
    assert.equal(
      (await post({ kind: 'companies', value: 'x', back: '//evil.example/' })).headers.get(
        'location',
      ),
      '/jobs',
    );
  });
  // Last: it closes the Gopher Labs job on Fresh Board.
  it('keeps a job another source still lists on the board when its first source closes it', async () => {
    const [gopher] = (await api('?q=gopher')).data as [ApiJob];
    assert.equal(gopher.source.name, 'Fresh Board');
    const Job = entryModel(board.db.mongo, 'jobs');
    const fresh = await Job.find({ sourceId: board.sources.fresh._id }, { canonicalUrl: 1 }).lean();
    // Fresh Board's full listing no longer has it: what a run of a listsAllOpenJobs source does.
    const gopherUrl = (await Job.findById(gopher.id).lean())?.canonicalUrl;
    await closeMissingJobs(
      board.db.mongo,
      board.sources.fresh._id,
      new Set(fresh.map((j) => j.canonicalUrl).filter((u) => u !== gopherUrl)),
      new Date(),
      14,
    );
    await board.refresh(board.sources.mirror);
    const now = (await api('?q=gopher')).data as ApiJob[];
    assert.deepEqual(
      now.map((j) => [j.title, j.source.name]),
      [['Senior Backend Engineer (Go)', 'Mirror Board']],
    );
    const { res, $ } = await html(new URL(gopher.url).pathname);
    assert.equal(res.status, 410);
    assert.match($('.banner').text(), /This listing is closed, but the job is still open\./);
    assert.equal($('.banner a').attr('href'), new URL((now[0] as ApiJob).url).pathname);
    assert.equal($('.banner.closed').length, 0, 'not sent to "similar jobs"');
    // Paused with its source instead: not called closed, and not in the same breath "open".
    await Job.updateOne({ _id: gopher.id }, { $set: { closedReason: 'source_paused' } });
    await board.refresh(board.sources.mirror);
    const paused = (await html(new URL(gopher.url).pathname)).$('.banner').text();
    assert.match(paused, /^This board no longer follows this listing, but the job is on the board/);
    assert.doesNotMatch(paused, /closed|whether the job is still open/);
  });
});
