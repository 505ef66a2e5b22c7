import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { UnrecoverableError } from 'bullmq';
import { Types } from 'mongoose';
import { jobSearchFilter } from '../../src/store/board-filters.ts';
import { ensureIndexes } from '../../src/store/indexes.ts';
import { entryModel } from '../../src/store/models/entry.ts';
import { type SourceDoc, sourceModel } from '../../src/store/models/source.ts';
import { followEnabled } from '../../src/store/source-pause.ts';
import {
  createSource,
  deleteSource,
  findSource,
  replaceSourceSettings,
  updateSource,
} from '../../src/store/source-repository.ts';
import { sourceHealthRow } from '../../src/web/console/source-health-row.ts';
import { refreshSource } from '../../workers/refresh-source.ts';
import { jobItems, wwrFeed } from '../helpers/feeds.ts';
import {
  type FixtureServer,
  readSharedFixture,
  serveBody,
  startFixtureServer,
  testFetcher,
} from '../helpers/fixture-server.ts';
import { type Isolated, isolate } from '../helpers/isolation.ts';
import { sourceInput } from '../helpers/sources.ts';

describe('refreshing a source end to end (fixture server → real database)', () => {
  let db: Isolated;
  let web: FixtureServer;
  let deps: Parameters<typeof refreshSource>[0];
  let clock = new Date('2026-11-20T12:00:00Z');

  before(async () => {
    db = await isolate('refresh');
    await ensureIndexes(db.mongo);
    web = await startFixtureServer();
    const fetcher = testFetcher([web.host], 2);
    deps = {
      mongo: db.mongo,
      fetcher,
      logger: db.logger,
      policy: { maxJobAgeDays: 36500, dedupWindowDays: 14 },
      now: () => clock,
    };
  });
  after(async () => {
    await web.close();
    await db.cleanup();
  });
  beforeEach(() => {
    clock = new Date(clock.getTime() + 60_000);
  });

  it('stores every usable item of a real job feed once, with its job fields', async () => {
    web.on(
      '/wwr.rss',
      serveBody(await readSharedFixture('jobs-remotely/jobs.rss'), { etag: '"v1"' }),
    );
    const source = await createSource(db.mongo, sourceInput(web.url('/wwr.rss')));
    const run = await refreshSource(deps, source._id.toString());
    assert.equal(run.outcome, 'stored');
    assert.equal(run.new, 25);
    const Job = entryModel(db.mongo, 'jobs');
    assert.equal(await Job.countDocuments({ sourceId: source._id }), 25);
    const kaleo = await Job.findOne({ title: /Kaleo Software/ }).lean();
    assert.equal(kaleo?.job?.company, 'Kaleo Software');
    assert.match(kaleo?.html ?? '', /Senior Software Engineer|Kaleo/);
    assert.doesNotMatch(kaleo?.html ?? '', /<script/i);
    assert.ok((kaleo?.summary.length ?? 0) <= 300);
    const stored = await findSource(db.mongo, source._id.toString());
    assert.equal(stored?.fetchState.etag, '"v1"');
    assert.equal(stored?.health.lastRun?.new, 25);
    assert.equal(stored?.health.consecutiveFailures, 0);
    // Where the run's time went, kept with the run for the console.
    const stages = stored?.health.lastRun?.stageMs;
    assert.ok(stages, 'the run records its stage times');
    assert.ok(stages.read > 0 && stages.store > 0, JSON.stringify(stages));
    assert.ok(
      stages.fetch + stages.read + stages.store <= run.durationMs + 2,
      `${JSON.stringify(stages)} within ${run.durationMs} ms`,
    );
  });

  it('stores what enrichment learned: stack tags, relevance, seniority, terms of the source', async () => {
    const Job = entryModel(db.mongo, 'jobs');
    const kaleo = await Job.findOne({ title: /Kaleo Software/ }).lean();
    assert.ok(
      kaleo?.intel?.stackTags.includes('rails') && kaleo.intel.stackTags.includes('postgresql'),
    );
    assert.equal(kaleo?.intel?.seniority, 'senior');
    assert.equal(kaleo?.intel?.relevance.relevant, true);
    assert.ok(kaleo?.terms.includes('postgresql'), 'stack tags are searchable');
    assert.deepEqual(kaleo?.attribution, { required: true, note: null });
    assert.equal(kaleo?.syndication, false);
    assert.equal(kaleo?.status, 'open');
  });

  it('reads the company from "Role - Company" titles where the source says its titles read so', async () => {
    web.on('/rct.rss', serveBody(await readSharedFixture('research-computing-teams/jobs.rss')));
    const source = await createSource(db.mongo, {
      ...sourceInput(web.url('/rct.rss')),
      options: { ...sourceInput('').options, titleFormat: 'role-company' },
    });
    await refreshSource(deps, source._id.toString());
    const Job = entryModel(db.mongo, 'jobs');
    const argonne = await Job.findOne({
      sourceId: source._id,
      title: 'HPC Storage Systems Team Lead - Argonne National Laboratory',
    }).lean();
    assert.deepEqual(
      [argonne?.job?.company, argonne?.job?.role],
      ['Argonne National Laboratory', 'HPC Storage Systems Team Lead'],
    );
    const named = await Job.countDocuments({ sourceId: source._id, 'job.company': { $ne: null } });
    const all = await Job.countDocuments({ sourceId: source._id });
    assert.ok(named / all > 0.9, `${named} of ${all} with a company`);
  });

  it('names a source added without a name after its feed, once', async () => {
    web.on('/untitled.rss', serveBody(wwrFeed(web.origin, jobItems(2, 'Named'))));
    const url = web.url('/untitled.rss');
    // What `sources add` and the console give a source without a name: its host.
    const source = await createSource(db.mongo, { ...sourceInput(url), name: web.host });
    await refreshSource(deps, source._id.toString());
    const named = await findSource(db.mongo, source._id.toString());
    assert.equal(named?.name, 'We Work Remotely: Back-End Programming Jobs');
    const Job = entryModel(db.mongo, 'jobs');
    assert.deepEqual(
      (await Job.find({ sourceId: source._id }, { sourceName: 1 }).lean()).map((j) => j.sourceName),
      [
        'We Work Remotely: Back-End Programming Jobs',
        'We Work Remotely: Back-End Programming Jobs',
      ],
    );
    // An operator's own name is kept, and so is a renamed one on later runs.
    await updateSource(db.mongo, source._id.toString(), { name: web.host });
    await refreshSource(deps, source._id.toString());
    assert.equal((await findSource(db.mongo, source._id.toString()))?.name, web.host);
  });

  it('the same feed added twice under another URL leaves the first source its jobs, and says so', async () => {
    const first = await sourceModel(db.mongo)
      .findOne({ url: web.url('/wwr.rss') })
      .lean();
    const Job = entryModel(db.mongo, 'jobs');
    const before = await Job.find({ sourceId: first?._id }, { sourceName: 1, intel: 1 }).lean();
    // Its own name and a block rule that would hide Kaleo's job, were it applied to the first's.
    const twin = await createSource(db.mongo, {
      ...sourceInput(web.url('/wwr.rss?edition=twin')),
      name: 'Twin',
      options: { ...sourceInput('').options, block: ['Kaleo'] },
    });
    const run = await refreshSource(deps, twin._id.toString());
    assert.deepEqual([run.outcome, run.new, run.updated], ['stored', 0, 0]);
    assert.ok(
      run.warnings.some((w) => /^25 items are already listed by another source \(/.test(w)),
      JSON.stringify(run.warnings),
    );
    assert.equal(await Job.countDocuments({ sourceId: twin._id }), 0);
    const after = await Job.find({ sourceId: first?._id }, { sourceName: 1, intel: 1 }).lean();
    assert.deepEqual(after, before);
  });

  it('removing a source has only the sources listing its URLs read their whole feed again, to take those items over', async () => {
    const origin = web.origin;
    const shared = jobItems(2, 'Shared');
    web.on('/owner.rss', serveBody(wwrFeed(origin, shared), { etag: '"o1"' }));
    web.on(
      '/partner.rss',
      serveBody(wwrFeed(origin, [...shared, ...jobItems(1, 'Partner')]), { etag: '"p1"' }),
    );
    web.on(
      '/bystander.rss',
      serveBody(wwrFeed(origin, jobItems(1, 'Bystander')), { etag: '"b1"' }),
    );
    const [owner, partner, bystander] = [
      await createSource(db.mongo, { ...sourceInput(web.url('/owner.rss')), name: 'Owner' }),
      await createSource(db.mongo, { ...sourceInput(web.url('/partner.rss')), name: 'Partner' }),
      await createSource(db.mongo, {
        ...sourceInput(web.url('/bystander.rss')),
        name: 'Bystander',
      }),
    ];
    for (const s of [owner, partner, bystander]) await refreshSource(deps, String(s._id));
    const Job = entryModel(db.mongo, 'jobs');
    assert.equal(await Job.countDocuments({ sourceId: partner._id }), 1, 'Owner keeps its two');

    await deleteSource(db.mongo, owner, true, deps.policy);

    const again = await refreshSource(deps, String(partner._id));
    assert.deepEqual([again.outcome, again.new], ['stored', 2]);
    assert.equal(await Job.countDocuments({ sourceId: partner._id }), 3);
    const untouched = await refreshSource(deps, String(bystander._id));
    assert.equal(
      untouched.outcome,
      'not_modified',
      'a source sharing nothing keeps its validators',
    );
  });

  it('a run in flight while an edit clears the validators does not write them back', async () => {
    const origin = web.origin;
    // The new address answers the old one's ETag with 304: sent the old validators, the edited
    // source would never read its new feed.
    web.on('/moved-old.rss', serveBody(wwrFeed(origin, jobItems(1, 'Moved')), { etag: '"m1"' }));
    web.on('/moved-new.rss', serveBody(wwrFeed(origin, jobItems(2, 'Moved')), { etag: '"m1"' }));
    const input = sourceInput(web.url('/moved-old.rss'));
    const source = await createSource(db.mongo, input);
    const id = String(source._id);
    const editDuringFetch = {
      ...deps,
      fetcher: {
        fetch: async (url: string, options?: Parameters<typeof deps.fetcher.fetch>[1]) => {
          const page = await deps.fetcher.fetch(url, options);
          await replaceSourceSettings(db.mongo, id, { ...input, url: web.url('/moved-new.rss') });
          return page;
        },
      },
    };
    assert.equal((await refreshSource(editDuringFetch, id)).new, 1);
    assert.equal((await findSource(db.mongo, id))?.fetchState.etag, null);
    const run = await refreshSource(deps, id);
    assert.deepEqual([run.outcome, run.new], ['stored', 1]);
    assert.equal((await findSource(db.mongo, id))?.fetchState.etag, '"m1"', 'then kept as usual');
  });

  it('a run in flight while its source is disabled leaves its jobs off the board', async () => {
    web.on('/paused-mid-run.rss', serveBody(wwrFeed(web.origin, jobItems(3, 'Paused'))));
    const source = await createSource(db.mongo, sourceInput(web.url('/paused-mid-run.rss')));
    const id = String(source._id);
    // Disabled (and its stored jobs paused) while the run fetches: the run read it enabled.
    const disableDuringFetch = {
      ...deps,
      fetcher: {
        fetch: async (url: string, options?: Parameters<typeof deps.fetcher.fetch>[1]) => {
          const page = await deps.fetcher.fetch(url, options);
          await updateSource(db.mongo, id, { enabled: false });
          return page;
        },
      },
    };
    assert.equal((await refreshSource(disableDuringFetch, id)).new, 3);
    const Job = entryModel(db.mongo, 'jobs');
    const jobs = await Job.find({ sourceId: source._id }).lean();
    assert.deepEqual(
      jobs.map((j) => [j.status, j.closedReason]),
      [
        ['closed', 'source_paused'],
        ['closed', 'source_paused'],
        ['closed', 'source_paused'],
      ],
    );
  });

  it("an edit of a source's name or terms reaches the jobs it stored, at once", async () => {
    web.on(
      '/relabel.rss',
      serveBody(wwrFeed(web.origin, jobItems(2, 'Relabel')), { etag: '"r1"' }),
    );
    const input = { ...sourceInput(web.url('/relabel.rss')), name: 'Before' };
    input.terms = { attribution: true, syndication: true, note: null };
    const source = await createSource(db.mongo, input);
    const id = String(source._id);
    assert.equal((await refreshSource(deps, id)).new, 2);
    const Job = entryModel(db.mongo, 'jobs');
    const labels = async () =>
      (await Job.find({ sourceId: source._id }).lean()).map((j) => [
        j.sourceName,
        j.syndication,
        j.attribution.required,
        j.attribution.note,
      ]);
    assert.deepEqual(await labels(), [
      ['Before', true, true, null],
      ['Before', true, true, null],
    ]);
    // The publisher withdraws permission to republish; the operator also renames the source.
    await replaceSourceSettings(db.mongo, id, {
      ...input,
      name: 'After',
      terms: { attribution: false, syndication: false, note: 'by email' },
    });
    assert.deepEqual(await labels(), [
      ['After', false, false, 'by email'],
      ['After', false, false, 'by email'],
    ]);
    // Its next run finds the feed unchanged (304) and writes nothing: the labels stay.
    assert.equal((await refreshSource(deps, id)).outcome, 'not_modified');
    assert.deepEqual((await labels())[0], ['After', false, false, 'by email']);
  });

  it('a job at one address stays on the board while any source listing it is enabled', async () => {
    const policy = { ...deps.policy, maxJobAgeDays: 36500 };
    const shared = jobItems(1, 'Both');
    for (const [path, own] of [
      ['/both-a.rss', 'OnlyA'],
      ['/both-b.rss', 'OnlyB'],
      ['/both-c.rss', 'OnlyC'],
    ] as const)
      web.on(
        path,
        serveBody(wwrFeed(web.origin, [...shared, ...jobItems(1, own)]), { etag: '"e1"' }),
      );
    const add = (path: string, name: string) =>
      createSource(db.mongo, { ...sourceInput(web.url(path)), name });
    const [a, b] = [await add('/both-a.rss', 'Both A'), await add('/both-b.rss', 'Both B')];
    await refreshSource(deps, String(a._id));
    await refreshSource(deps, String(b._id));
    const Job = entryModel(db.mongo, 'jobs');
    const both = async () => {
      const job = await Job.findOne({ title: /^Both 0/ }).lean();
      return [job?.sourceName, job?.status, (job?.sharedWith ?? []).map((o) => o.sourceName)];
    };
    assert.deepEqual(await both(), ['Both A', 'open', ['Both B']]);
    const toggle = async (source: typeof a, enabled: boolean) =>
      followEnabled(
        db.mongo,
        (await updateSource(db.mongo, String(source._id), { enabled })) as typeof a,
        clock,
        policy,
      );

    // A disabled: B, which lists it too, takes it over.
    await toggle(a, false);
    assert.deepEqual(await both(), ['Both B', 'open', []]);
    // A enabled again: its next run reads its whole feed (not a 304) and lists it again.
    await toggle(a, true);
    const again = await refreshSource(deps, String(a._id));
    assert.equal(again.outcome, 'stored', 'read in full, not answered 304');
    assert.deepEqual(await both(), ['Both B', 'open', ['Both A']]);
    // A disabled while only sharing it: not "also listed on" B's job, nor counted, meanwhile.
    await toggle(a, false);
    assert.deepEqual(await both(), ['Both B', 'open', []]);
    await toggle(a, true);
    await refreshSource(deps, String(a._id));
    assert.deepEqual(await both(), ['Both B', 'open', ['Both A']]);
    // B disabled now: back to A, which still lists it.
    await toggle(b, false);
    assert.deepEqual(await both(), ['Both A', 'open', []]);

    // Both disabled: paused. B enabled again: its first run, queued at once, takes it back.
    await toggle(a, false);
    assert.deepEqual(await both(), ['Both A', 'closed', []]);
    await toggle(b, true);
    await refreshSource(deps, String(b._id));
    assert.deepEqual(await both(), ['Both B', 'open', []]);
    // Both disabled again: a source added now that lists it takes it onto the board.
    await toggle(b, false);
    assert.deepEqual(await both(), ['Both B', 'closed', []]);
    const c = await add('/both-c.rss', 'Both C');
    await refreshSource(deps, String(c._id));
    assert.deepEqual(await both(), ['Both C', 'open', []]);

    // A disabled source removed with its items kept: its paused jobs are back on the board.
    await deleteSource(db.mongo, a, false, policy);
    const onlyA = await Job.findOne({ title: /^OnlyA 0/ }).lean();
    assert.deepEqual([onlyA?.status, onlyA?.closedReason], ['open', null]);
  });

  it('a job two sources list at one address shows on both, and stays when its first source drops it', async () => {
    const origin = web.origin;
    const twin = jobItems(1, 'Twin');
    let alphaItems = [...twin, ...jobItems(1, 'Alpha')];
    let gammaItems = [...twin, ...jobItems(1, 'Gamma')];
    web.on(
      '/alpha.rss',
      serveBody(() => wwrFeed(origin, alphaItems)),
    );
    web.on(
      '/beta.rss',
      serveBody(wwrFeed(origin, [...twin, ...jobItems(1, 'Beta')]), { etag: '"b1"' }),
    );
    web.on(
      '/gamma.rss',
      serveBody(() => wwrFeed(origin, gammaItems)),
    );
    const add = (path: string, name: string, listsAllOpenJobs = false) =>
      createSource(db.mongo, {
        ...sourceInput(web.url(path)),
        name,
        options: { ...sourceInput('').options, listsAllOpenJobs },
      });
    const alpha = await add('/alpha.rss', 'Alpha', true);
    const beta = await add('/beta.rss', 'Beta');
    const gamma = await add('/gamma.rss', 'Gamma');
    for (const s of [alpha, beta, gamma]) await refreshSource(deps, String(s._id));
    const Job = entryModel(db.mongo, 'jobs');
    const stored = async () => {
      const doc = await Job.findOne({ canonicalUrl: /\/remote-jobs\/twin-0$/ }).lean();
      return {
        source: doc?.sourceName,
        status: doc?.status,
        sharedWith: (doc?.sharedWith ?? []).map((o) => o.sourceName).sort(),
      };
    };
    assert.deepEqual(await stored(), {
      source: 'Alpha',
      status: 'open',
      sharedWith: ['Beta', 'Gamma'],
    });
    const listedByBeta = await Job.find(
      jobSearchFilter({ source: String(beta._id) }, { now: clock }),
    ).lean();
    assert.ok(
      listedByBeta.some((j) => j.title.startsWith('Twin 0')),
      "Beta's filter shows the job it lists",
    );

    // Gamma stops listing it: no longer named on it.
    gammaItems = jobItems(1, 'Gamma');
    await refreshSource(deps, String(gamma._id));
    assert.deepEqual((await stored()).sharedWith, ['Beta']);

    // Alpha lists all its open jobs, and drops it: Beta still lists it, so it stays, as Beta's.
    alphaItems = jobItems(1, 'Alpha');
    const dropped = await refreshSource(deps, String(alpha._id));
    assert.equal(dropped.closed, 0);
    assert.ok(
      dropped.warnings.some((w) => /^1 job\(s\) no longer listed stay on the board/.test(w)),
      JSON.stringify(dropped.warnings),
    );
    assert.deepEqual(await stored(), { source: 'Beta', status: 'open', sharedWith: [] });
    // Beta reads its whole feed again (its ETag would have said "not modified").
    const taken = await refreshSource(deps, String(beta._id));
    assert.equal(taken.outcome, 'stored');
    assert.deepEqual(await stored(), { source: 'Beta', status: 'open', sharedWith: [] });
  });

  it('one job on two sources becomes one listing that links to both origins', async () => {
    const origin = web.origin;
    web.on(
      '/board-a.rss',
      serveBody(
        wwrFeed(`${origin}/a`, [{ id: 'x1', title: 'Globex: Senior Go Engineer (Remote)' }]),
      ),
    );
    web.on(
      '/board-b.rss',
      serveBody(wwrFeed(`${origin}/b`, [{ id: 'y7', title: 'Globex Inc.: Sr. Go Engineer' }])),
    );
    const a = await createSource(db.mongo, {
      ...sourceInput(web.url('/board-a.rss')),
      name: 'Board A',
    });
    const b = await createSource(db.mongo, {
      ...sourceInput(web.url('/board-b.rss')),
      name: 'Board B',
    });
    await refreshSource(deps, a._id.toString());
    await refreshSource(deps, b._id.toString());
    await refreshSource(deps, b._id.toString());
    const Job = entryModel(db.mongo, 'jobs');
    const listings = await Job.find({ dedupKey: 'job:globex|senior go engineer' }).lean();
    assert.equal(listings.length, 2);
    const primary = listings.find((l) => l.duplicateOf === null);
    assert.equal(primary?.sourceName, 'Board A');
    assert.deepEqual(
      primary?.alsoListedOn.map((o) => [o.sourceName, o.url]),
      // The link a visitor follows, without the feed's tracking params.
      [['Board B', `${origin}/b/remote-jobs/y7`]],
    );
  });

  it('a 304 costs no parsing and no writes', async () => {
    const source = await sourceModel(db.mongo)
      .findOne({ url: web.url('/wwr.rss') })
      .lean();
    const before = await entryModel(db.mongo, 'jobs')
      .find({}, { changedAt: 1, lastSeenAt: 1 })
      .lean();
    const run = await refreshSource(deps, String(source?._id));
    assert.equal(run.outcome, 'not_modified');
    assert.deepEqual({ read: run.stageMs?.read, store: run.stageMs?.store }, { read: 0, store: 0 });
    assert.equal(web.requests.at(-1)?.headers['if-none-match'], '"v1"');
    const after = await entryModel(db.mongo, 'jobs')
      .find({}, { changedAt: 1, lastSeenAt: 1 })
      .lean();
    assert.deepEqual(after, before);
  });

  it('a byte-identical body without validators is skipped by its hash', async () => {
    const origin = web.origin;
    web.on('/same.rss', serveBody(wwrFeed(origin, jobItems(3, 'Same'))));
    const source = await createSource(db.mongo, sourceInput(web.url('/same.rss')));
    assert.equal((await refreshSource(deps, source._id.toString())).new, 3);
    const run = await refreshSource(deps, source._id.toString());
    assert.equal(run.outcome, 'unchanged');
  });

  it('a feed that changes between runs updates changed items, adds new ones, never duplicates', async () => {
    const origin = web.origin;
    let items = jobItems(5, 'Change');
    web.on(
      '/change.rss',
      serveBody(() => wwrFeed(origin, items)),
    );
    const source = await createSource(db.mongo, sourceInput(web.url('/change.rss')));
    const first = await refreshSource(deps, source._id.toString());
    assert.deepEqual([first.new, first.updated, first.unchanged], [5, 0, 0]);

    clock = new Date(clock.getTime() + 60_000);
    items = [
      ...items.slice(0, 4),
      { ...items[4], title: 'Change 4: Staff Backend Engineer' } as (typeof items)[0],
      { id: 'change-new', title: 'Change: Platform Engineer' },
    ];
    const second = await refreshSource(deps, source._id.toString());
    assert.deepEqual([second.new, second.updated, second.unchanged], [1, 1, 4]);

    const Job = entryModel(db.mongo, 'jobs');
    assert.equal(await Job.countDocuments({ sourceId: source._id }), 6);
    const changed = await Job.findOne({ canonicalUrl: `${origin}/remote-jobs/change-4` }).lean();
    assert.equal(changed?.title, 'Change 4: Staff Backend Engineer');
    assert.ok(
      changed && changed.firstSeenAt < changed.changedAt,
      'first-seen kept, change recorded',
    );
    // Tracking parameters are not part of the dedup key.
    assert.equal(await Job.countDocuments({ sourceId: source._id, canonicalUrl: /utm_/ }), 0);
  });

  it('records a permanent failure (404) without retry, and a transient one (500) for retry', async () => {
    const gone = await createSource(db.mongo, sourceInput(web.url('/missing.rss')));
    await assert.rejects(
      refreshSource(deps, gone._id.toString()),
      (error) => error instanceof UnrecoverableError && /404/.test(error.message),
    );
    const after404 = await findSource(db.mongo, gone._id.toString());
    assert.equal(after404?.health.lastError?.status, 404);
    assert.equal(after404?.health.consecutiveFailures, 1);
    assert.equal(after404?.health.lastRun?.outcome, 'failed');
    // A failed run keeps the time of the stages it got through: here only the fetch.
    assert.deepEqual(
      {
        read: after404?.health.lastRun?.stageMs?.read,
        store: after404?.health.lastRun?.stageMs?.store,
      },
      { read: 0, store: 0 },
    );
    assert.equal(typeof after404?.health.lastRun?.stageMs?.fetch, 'number');

    web.on('/broken.rss', serveBody('oops', { status: 500, contentType: 'text/plain' }));
    const broken = await createSource(db.mongo, sourceInput(web.url('/broken.rss')));
    await assert.rejects(
      refreshSource(deps, broken._id.toString()),
      (error) => !(error instanceof UnrecoverableError) && /500/.test((error as Error).message),
    );
    assert.equal(
      (await findSource(db.mongo, broken._id.toString()))?.health.lastError?.status,
      500,
    );
    // The queue's retry of that run records its error again but is no second failed run.
    web.on('/broken.rss', serveBody('worse', { status: 502, contentType: 'text/plain' }));
    await assert.rejects(refreshSource(deps, broken._id.toString(), 'scheduled', { retry: true }));
    const retried = (await findSource(db.mongo, broken._id.toString()))?.health;
    assert.deepEqual(
      [retried?.lastError?.status, retried?.consecutiveFailures, retried?.totalRuns],
      [502, 1, 1],
    );
    // A retry failing after a success in between ("fetch now") leaves the source failing.
    await sourceModel(db.mongo).updateOne(
      { _id: broken._id },
      { $set: { 'health.consecutiveFailures': 0 } },
    );
    await assert.rejects(refreshSource(deps, broken._id.toString(), 'scheduled', { retry: true }));
    assert.equal(
      (await findSource(db.mongo, broken._id.toString()))?.health.consecutiveFailures,
      1,
    );
  });

  it('a host that asked us to wait defers its other sources without a failure; another port is another host', async () => {
    const other = await startFixtureServer();
    try {
      // One fetcher, so one host gate, for both servers (127.0.0.1 on two ports).
      const gatedDeps = { ...deps, fetcher: testFetcher([web.host, other.host], 2) };
      web.on('/limited.rss', (_req, res) => {
        res.writeHead(429, { 'retry-after': '120' }).end();
      });
      const feed = serveBody(wwrFeed(web.origin, jobItems(2, 'Calm')));
      web.on('/calm.rss', feed);
      other.on('/calm.rss', feed);
      const limited = await createSource(db.mongo, sourceInput(web.url('/limited.rss')));
      const calm = await createSource(db.mongo, sourceInput(web.url('/calm.rss')));
      const elsewhere = await createSource(db.mongo, sourceInput(other.url('/calm.rss')));

      await assert.rejects(refreshSource(gatedDeps, limited._id.toString()), /429/);
      const afterLimit = await findSource(db.mongo, limited._id.toString());
      assert.equal(afterLimit?.health.lastError?.status, 429, 'its own server answered 429');

      const deferred = await refreshSource(gatedDeps, calm._id.toString(), 'manual');
      assert.equal(deferred.outcome, 'skipped');
      assert.match(deferred.warnings[0] ?? '', /asked us to wait until .*: this run is deferred/);
      const wait = (deferred.retryAt?.getTime() ?? 0) - Date.now();
      assert.ok(wait > 110_000 && wait <= 120_000, `retry in ${wait} ms`);
      assert.equal(web.hits('/calm.rss'), 0, 'nothing was asked of the waiting host');
      const untouched = await findSource(db.mongo, calm._id.toString());
      assert.deepEqual(
        [
          untouched?.health.consecutiveFailures,
          untouched?.health.lastError,
          untouched?.health.lastRun,
        ],
        [0, null, null],
        'a deferred run is no failure and replaces no run',
      );
      // The operator sees what it waits for, and until when.
      assert.match(untouched?.health.waiting?.reason ?? '', /asked us to wait until/);
      assert.equal(untouched?.health.waiting?.until.getTime(), deferred.retryAt?.getTime());
      const row = sourceHealthRow(untouched as SourceDoc, new Date());
      assert.match(row.nextRun, /^in 2 min, when its host allows$/);
      assert.match(row.waiting ?? '', /asked us to wait until .*deferred/);

      const there = await refreshSource(gatedDeps, elsewhere._id.toString());
      assert.equal(there.outcome, 'stored', 'the same address on another port is another server');
      assert.equal(there.new, 2);
    } finally {
      await other.close();
    }
  });

  it('a feed that gives nothing still needs attention when it comes back unchanged', async () => {
    const empty = serveBody(wwrFeed(web.origin, []));
    web.on('/empty.rss', empty);
    const source = await createSource(db.mongo, sourceInput(web.url('/empty.rss')));
    const first = await refreshSource(deps, source._id.toString());
    assert.deepEqual(first.warnings, ['the feed has no usable items']);
    // A failed run in between replaces the last run, not what the last read found.
    web.on('/empty.rss', serveBody('down', { status: 500, contentType: 'text/plain' }));
    await assert.rejects(refreshSource(deps, source._id.toString()));
    web.on('/empty.rss', empty);
    const again = await refreshSource(deps, source._id.toString());
    assert.equal(again.outcome, 'unchanged');
    assert.deepEqual(
      (await findSource(db.mongo, source._id.toString()))?.health.lastRun?.warnings,
      ['the feed has no usable items'],
      'what the last read of the same body found still stands',
    );
  });

  it('a body that is not a feed fails permanently with a clear reason', async () => {
    web.on(
      '/page.html',
      serveBody(
        '<!doctype html><html><head><title>Moved</title></head><body><p>Document moved</p></body></html>',
        { contentType: 'text/html' },
      ),
    );
    const page = await createSource(db.mongo, sourceInput(web.url('/page.html')));
    await assert.rejects(
      refreshSource(deps, page._id.toString()),
      (error) => error instanceof UnrecoverableError && /not a feed/i.test(error.message),
    );
    assert.match(
      (await findSource(db.mongo, page._id.toString()))?.health.lastError?.message ?? '',
      /not a feed/i,
    );
  });

  it('a body of binary garbage is quoted without its control bytes', async () => {
    web.on(
      '/garbage.rss',
      serveBody(Buffer.from('\x00\x01\x02\x1b[31m binary garbage', 'latin1'), {
        contentType: 'application/octet-stream',
      }),
    );
    const garbage = await createSource(db.mongo, sourceInput(web.url('/garbage.rss')));
    await assert.rejects(refreshSource(deps, garbage._id.toString()));
    const message =
      (await findSource(db.mongo, garbage._id.toString()))?.health.lastError?.message ?? '';
    assert.doesNotMatch(
      message,
      /\p{Cc}/u,
      'no control character reaches the console or a terminal',
    );
    assert.match(message, /\\x00\\x01\\x02\\x1b\[31m binary garb/);
  });

  it('says how many of the jobs it stored the board does not show, and why', async () => {
    web.on(
      '/stale.rss',
      serveBody(
        wwrFeed(web.origin, [
          {
            id: 'old-1',
            title: 'Oldco: Backend Engineer',
            pubDate: 'Mon, 02 Nov 2015 10:00:00 +0000',
          },
          { id: 'old-2', title: 'Oldco: Go Developer', pubDate: 'Tue, 03 Nov 2015 10:00:00 +0000' },
          { id: 'sales', title: 'Oldco: Sales Manager' },
        ]),
      ),
    );
    const stale = await createSource(db.mongo, sourceInput(web.url('/stale.rss')));
    const run = await refreshSource(
      { ...deps, policy: { ...deps.policy, maxJobAgeDays: 45 } },
      String(stale._id),
    );
    assert.equal(run.new, 3);
    assert.deepEqual(
      run.warnings.filter((w) => /not on the board|reach the board/.test(w)),
      [
        "2 of the feed's 3 job(s) are past their deadline or older than 45 days: stored closed, not on the board",
        "1 of the feed's 3 job(s) are not backend roles by their titles: stored, not on the board",
        'none of its jobs reach the board',
      ],
    );
    const row = sourceHealthRow(
      (await findSource(db.mongo, String(stale._id))) as SourceDoc,
      clock,
    );
    assert.equal(row.badge, 'attention', 'healthy in name only: it needs a look');
  });

  it('a source that no longer exists fails without retry', async () => {
    await assert.rejects(refreshSource(deps, new Types.ObjectId().toString()), UnrecoverableError);
  });
});
