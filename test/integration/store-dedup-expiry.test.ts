import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Types } from 'mongoose';
import type { EnrichedEntry, JobFields } from '../../src/domain/entry.ts';
import { connectMongo } from '../../src/store/connection.ts';
import { resolveDuplicates } from '../../src/store/duplicate-resolver.ts';
import {
  contentHash,
  newEntryDocument,
  type StoreSource,
  upsertEntries,
} from '../../src/store/entry-repository.ts';
import { closeExpiredJobs, closeMissingJobs } from '../../src/store/expiry-repository.ts';
import { ensureIndexes } from '../../src/store/indexes.ts';
import { entryModel } from '../../src/store/models/entry.ts';
import { sourceModel } from '../../src/store/models/source.ts';
import { enabledChangeNote, followEnabled } from '../../src/store/source-pause.ts';
import { createSource, deleteSource, updateSource } from '../../src/store/source-repository.ts';
import { type Isolated, isolate } from '../helpers/isolation.ts';
import { enrichedJob } from '../helpers/job-fields.ts';
import { sourceInput } from '../helpers/sources.ts';

const policy = { maxJobAgeDays: 45, dedupWindowDays: 14 };
const day = 86_400_000;
const t0 = new Date('2026-11-01T00:00:00Z');

const source = (name: string, syndication = false): StoreSource => ({
  _id: new Types.ObjectId(),
  name,
  type: 'jobs',
  terms: { attribution: true, syndication, note: `${name} terms` },
});

const job = (
  url: string,
  company: string,
  role: string,
  publishedAt = t0,
  change: Partial<JobFields> = {},
): EnrichedEntry => enrichedJob(url, company, role, publishedAt, change);

describe('cross-source dedup and expiry in the store', () => {
  let db: Isolated;
  before(async () => {
    db = await isolate('dedup');
    await ensureIndexes(db.mongo);
  });
  after(() => db.cleanup());

  it('merges one job listed on three sources into the earliest seen, linking every origin', async () => {
    const [a, b, c] = [source('Board A'), source('Board B', true), source('Board C')];
    const Job = entryModel(db.mongo, 'jobs');
    await upsertEntries(
      db.mongo,
      a,
      [job('https://a.example/1', 'Acme Inc.', 'Senior Backend Engineer (Remote)')],
      t0,
      policy,
    );
    await upsertEntries(
      db.mongo,
      b,
      [job('https://b.example/9', 'ACME', 'Sr. Backend Engineer')],
      new Date(t0.getTime() + day),
      policy,
    );
    await upsertEntries(
      db.mongo,
      c,
      [
        job(
          'https://c.example/x',
          'Acme',
          'Senior Backend Engineer - US',
          new Date(t0.getTime() + 3 * day),
        ),
      ],
      new Date(t0.getTime() + 2 * day),
      policy,
    );
    // A different role of the same company never merges.
    await upsertEntries(
      db.mongo,
      b,
      [
        job('https://b.example/9', 'ACME', 'Sr. Backend Engineer'),
        job('https://b.example/10', 'ACME', 'Backend Engineer'),
      ],
      new Date(t0.getTime() + 2 * day),
      policy,
    );

    const primary = await Job.findOne({ canonicalUrl: 'https://a.example/1' }).lean();
    assert.equal(primary?.duplicateOf, null);
    assert.deepEqual(
      primary?.alsoListedOn.map((o) => [o.sourceName, o.url]),
      [
        ['Board B', 'https://b.example/9'],
        ['Board C', 'https://c.example/x'],
      ],
    );
    for (const url of ['https://b.example/9', 'https://c.example/x']) {
      assert.equal(
        String((await Job.findOne({ canonicalUrl: url }).lean())?.duplicateOf),
        String(primary?._id),
      );
    }
    const other = await Job.findOne({ canonicalUrl: 'https://b.example/10' }).lean();
    assert.equal(other?.duplicateOf, null);
    assert.deepEqual(other?.alsoListedOn, []);
    assert.equal(
      (await Job.findOne({ canonicalUrl: 'https://b.example/9' }).lean())?.syndication,
      true,
      'terms are stored per listing',
    );
    assert.deepEqual(primary?.attribution, { required: true, note: 'Board A terms' });
    assert.equal(await Job.countDocuments({ duplicateOf: null }), 2, 'default views see two jobs');
  });

  it('removing a source with its items makes its copies on other sources listings again, and has those that list its URLs re-read their feeds', async () => {
    const Source = sourceModel(db.mongo);
    const stored = async (name: string, listedBy?: string[]) => {
      const created = await createSource(db.mongo, {
        ...sourceInput(`https://${name.toLowerCase()}.example/jobs.rss`),
        name,
      });
      await Source.updateOne(
        { _id: created._id },
        {
          $set: {
            fetchState: { etag: '"v1"', lastModified: 'x', bodyHash: 'h', finalUrl: null },
            ...(listedBy
              ? { 'health.lastRead': { at: t0, warnings: [], shape: null, listedBy } }
              : {}),
          },
        },
      );
      return { _id: created._id, name, type: 'jobs' as const, terms: created.terms };
    };
    const first = await stored('First');
    // Second's last read found nothing of First's under the same URL; Third's did (a URL First
    // stored first); Fourth was last read before reads kept that, so it may have.
    const [second, third, fourth] = [
      await stored('Second', []),
      await stored('Third', [String(first._id)]),
      await stored('Fourth'),
    ];
    const Job = entryModel(db.mongo, 'jobs');
    await upsertEntries(
      db.mongo,
      first,
      [job('https://first.example/1', 'Kaleo', 'Staff Engineer')],
      t0,
      policy,
    );
    for (const [board, url] of [
      [second, 'https://second.example/7'],
      [third, 'https://third.example/3'],
    ] as const) {
      await upsertEntries(
        db.mongo,
        board,
        [job(url, 'Kaleo', 'Staff Engineer')],
        new Date(t0.getTime() + day),
        policy,
      );
    }
    assert.equal(await Job.countDocuments({ dedupKey: /kaleo/, duplicateOf: null }), 1);

    const { removedItems } = await deleteSource(db.mongo, first, true, policy);

    assert.equal(removedItems, 1);
    const listed = await Job.find({ dedupKey: /kaleo/, duplicateOf: null }).lean();
    assert.deepEqual(
      listed.map((l) => [l.sourceName, l.alsoListedOn.map((o) => o.sourceName)]),
      [['Second', ['Third']]],
      'the job stays on the board, listed by the next source that has it',
    );
    assert.equal(await Source.countDocuments({ _id: first._id }), 0);
    const validators = Object.fromEntries(
      (await Source.find({ _id: { $in: [second._id, third._id, fourth._id] } }).lean()).map((s) => [
        s.name,
        [s.fetchState.etag, s.fetchState.lastModified, s.fetchState.bodyHash],
      ]),
    );
    assert.deepEqual(
      validators,
      {
        Second: ['"v1"', 'x', 'h'],
        Third: [null, null, null],
        Fourth: [null, null, null],
      },
      'only sources that may list its URLs read their whole feed at their next run',
    );
  });

  it('removing a source takes its name off the listings it shared with their first source', async () => {
    const owner = await createSource(db.mongo, {
      ...sourceInput('https://owner-shared.example/jobs.rss'),
      name: 'Owner',
    });
    const sharer = await createSource(db.mongo, {
      ...sourceInput('https://sharer.example/jobs.rss'),
      name: 'Sharer',
    });
    const as = (s: typeof owner) => ({
      _id: s._id,
      name: s.name,
      type: 'jobs' as const,
      terms: s.terms,
    });
    const listing = job('https://ats.example/jobs/77', 'Vandelay', 'Importer Engineer');
    await upsertEntries(db.mongo, as(owner), [listing], t0, policy);
    const counts = await upsertEntries(db.mongo, as(sharer), [listing], t0, policy);
    assert.equal(counts.elsewhere?.count, 1);
    const Job = entryModel(db.mongo, 'jobs');
    const names = async () =>
      (
        (await Job.findOne({ canonicalUrl: 'https://ats.example/jobs/77' }).lean())?.sharedWith ??
        []
      ).map((o) => o.sourceName);
    assert.deepEqual(await names(), ['Sharer']);
    await deleteSource(db.mongo, sharer, false, policy);
    assert.deepEqual(await names(), []);
  });

  it("a source's run records and drops only its own sharing record, whatever another run wrote since it read", async () => {
    const stored = await createSource(db.mongo, {
      ...sourceInput('https://race-owner.example/jobs.rss'),
      name: 'Race owner',
    });
    const owner = {
      _id: stored._id,
      name: stored.name,
      type: 'jobs' as const,
      terms: stored.terms,
    };
    const [b, c] = [source('Race B'), source('Race C')];
    const listings = [0, 1, 2].map((i) =>
      job(`https://ats.example/race/${i}`, `Race Co ${i}`, 'Backend Engineer'),
    );
    await upsertEntries(db.mongo, owner, listings, t0, policy);
    const Job = entryModel(db.mongo, 'jobs');
    const recorded = async () =>
      (await Job.find({ canonicalUrl: /^https:\/\/ats\.example\/race\// }).lean()).map((doc) =>
        (doc.sharedWith ?? []).map((o) => o.sourceName).sort(),
      );
    // B's run works on a connection of its own; between its reads and its first write, C's whole
    // run happens: the interleaving two workers produce. A rewrite of the whole list from what B
    // read dropped C's record (this interleaving, not a timing, so it holds on every server).
    const other = await connectMongo(process.env.MONGODB_URI as string, db.config.mongodbDb);
    try {
      const collection = entryModel(other, 'jobs').collection;
      const bulkWrite = collection.bulkWrite.bind(collection);
      const bThenC = async (bRun: StoreSource, bEntries: EnrichedEntry[], cRun: StoreSource) => {
        let cRan = false;
        collection.bulkWrite = (async (...args: Parameters<typeof bulkWrite>) => {
          if (!cRan) {
            cRan = true;
            await upsertEntries(db.mongo, cRun, listings, t0, policy);
          }
          return bulkWrite(...args);
        }) as typeof collection.bulkWrite;
        await upsertEntries(other, bRun, bEntries, t0, policy);
        assert.ok(cRan, "C's run came between B's read and its write");
      };
      await bThenC(b, listings, c);
      for (const names of await recorded()) assert.deepEqual(names, ['Race B', 'Race C']);
      // Both renamed: each replaces its own record only.
      await bThenC({ ...b, name: 'Race B2' }, listings, { ...c, name: 'Race C2' });
      for (const names of await recorded()) assert.deepEqual(names, ['Race B2', 'Race C2']);
      // B stops listing them while C renames again: only B's record goes.
      await bThenC({ ...b, name: 'Race B2' }, [], { ...c, name: 'Race C3' });
      for (const names of await recorded()) assert.deepEqual(names, ['Race C3']);
    } finally {
      await other.close();
    }
  });

  it('resolves the groups of entries a failed attempt stored, when its retry finds them unchanged', async () => {
    const [a, b] = [source('Retry A'), source('Retry B')];
    const Job = entryModel(db.mongo, 'jobs');
    await upsertEntries(
      db.mongo,
      a,
      [job('https://a.example/r1', 'Globex', 'Platform Engineer')],
      t0,
      policy,
    );
    // B's first attempt stored its entry, then failed before resolving its group (as a
    // "database is locked" from the server does): the state that attempt leaves behind.
    const copy = job('https://b.example/r1', 'Globex', 'Platform Engineer');
    const failedAt = new Date(t0.getTime() + day);
    await Job.collection.insertOne(newEntryDocument(copy, b, contentHash(copy), failedAt, policy));
    const stranded = await Job.findOne({ canonicalUrl: 'https://b.example/r1' }).lean();
    assert.equal(stranded?.duplicateOf, null, 'the failed attempt left the group unresolved');

    // The queue's retry: B has never succeeded, and the same feed comes back unchanged.
    const counts = await upsertEntries(
      db.mongo,
      { ...b, health: { lastSuccessAt: null } },
      [copy],
      new Date(failedAt.getTime() + 60_000),
      policy,
    );
    assert.deepEqual(counts, { new: 0, updated: 0, unchanged: 1 });
    const primary = await Job.findOne({ canonicalUrl: 'https://a.example/r1' }).lean();
    assert.equal(
      String((await Job.findOne({ canonicalUrl: 'https://b.example/r1' }).lean())?.duplicateOf),
      String(primary?._id),
    );
    assert.deepEqual(
      primary?.alsoListedOn.map((o) => o.url),
      ['https://b.example/r1'],
    );
  });

  it('marks the same article on two sources as a near-duplicate of the first seen', async () => {
    const article = (url: string, title: string): EnrichedEntry => ({
      ...job(url, 'x', 'y'),
      type: 'articles',
      title,
      job: null,
    });
    const blog = { ...source('Engineering Blog'), type: 'articles' as const };
    const aggregator = { ...source('Aggregator'), type: 'articles' as const };
    const Article = entryModel(db.mongo, 'articles');
    await upsertEntries(
      db.mongo,
      blog,
      [article('https://blog.example/scaling-postgres', 'How We Scaled Postgres to 10 TB')],
      t0,
      policy,
    );
    await upsertEntries(
      db.mongo,
      aggregator,
      [article('https://agg.example/p/123', 'How we scaled Postgres to 10 TB!')],
      new Date(t0.getTime() + day),
      policy,
    );
    const original = await Article.findOne({
      canonicalUrl: 'https://blog.example/scaling-postgres',
    }).lean();
    const copy = await Article.findOne({ canonicalUrl: 'https://agg.example/p/123' }).lean();
    assert.equal(String(copy?.duplicateOf), String(original?._id));
    assert.deepEqual(
      original?.alsoListedOn.map((o) => o.sourceName),
      ['Aggregator'],
    );
  });

  it('keeps two articles apart that share only a title', async () => {
    const post = (url: string, summary: string): EnrichedEntry => ({
      ...job(url, 'x', 'y'),
      type: 'articles',
      title: 'My year in review',
      summary,
      job: null,
    });
    const Article = entryModel(db.mongo, 'articles');
    await upsertEntries(
      db.mongo,
      { ...source('Alice'), type: 'articles' as const },
      [post('https://alice.example/2025', 'This year I changed teams twice and learned Rust.')],
      t0,
      policy,
    );
    await upsertEntries(
      db.mongo,
      { ...source('Bob'), type: 'articles' as const },
      [post('https://bob.example/review', 'We shipped version two and hired four engineers.')],
      new Date(t0.getTime() + 3_600_000),
      policy,
    );
    const both = await Article.find({ title: 'My year in review' }).lean();
    assert.equal(both.length, 2);
    assert.deepEqual(
      both.map((a) => a.duplicateOf),
      [null, null],
    );
  });

  it('regroups a stored entry whose key was made the old way at its next run', async () => {
    const post = (url: string, summary: string): EnrichedEntry => ({
      ...job(url, 'x', 'y'),
      type: 'articles',
      title: 'Notes from a year of on-call',
      summary,
      job: null,
    });
    const carol: StoreSource = { ...source('Carol'), type: 'articles' };
    const dave: StoreSource = { ...source('Dave'), type: 'articles' };
    const carols = [
      post('https://carol.example/oncall', 'Pager fatigue is real, and so is the fix.'),
    ];
    const daves = [
      post('https://dave.example/oncall', 'Our rotation had six people and no runbooks.'),
    ];
    await upsertEntries(db.mongo, carol, carols, t0, policy);
    await upsertEntries(db.mongo, dave, daves, t0, policy);
    const Article = entryModel(db.mongo, 'articles');
    // As the title-only key left them: one group, Dave's hidden as a copy of Carol's.
    const [first, second] = await Article.find({ title: 'Notes from a year of on-call' })
      .sort({ canonicalUrl: 1 })
      .lean();
    await Article.updateMany(
      { title: 'Notes from a year of on-call' },
      { $set: { dedupKey: 'title:notes from a year of on call' } },
    );
    await Article.updateOne({ _id: second?._id }, { $set: { duplicateOf: first?._id } });
    const counts = await upsertEntries(db.mongo, dave, daves, t0, policy);
    assert.equal(counts.updated, 1);
    const after = await Article.findOne({ _id: second?._id }).lean();
    assert.equal(after?.duplicateOf, null);
    assert.match(after?.dedupKey ?? '', /^title:notes from a year of on call\|our rotation/);
  });

  it('does not merge listings published further apart than the window (a re-post months later)', async () => {
    const [a, b] = [source('Early'), source('Late')];
    const Job = entryModel(db.mongo, 'jobs');
    await upsertEntries(
      db.mongo,
      a,
      [job('https://early.example/1', 'Globex', 'Platform Engineer')],
      t0,
      policy,
    );
    await upsertEntries(
      db.mongo,
      b,
      [
        job(
          'https://late.example/1',
          'Globex',
          'Platform Engineer',
          new Date(t0.getTime() + 60 * day),
        ),
      ],
      new Date(t0.getTime() + 60 * day),
      policy,
    );
    assert.equal(
      await Job.countDocuments({ dedupKey: 'job:globex|platform engineer', duplicateOf: null }),
      2,
    );
  });

  it('keeps a job on the board while another source still lists it, and gives it back when the first lists it again', async () => {
    const [early, later] = [source('Early'), source('Later')];
    const Job = entryModel(db.mongo, 'jobs');
    const listing = (url: string) => job(url, 'Hooli', 'Platform Engineer', t0);
    await upsertEntries(db.mongo, early, [listing('https://early.example/1')], t0, policy);
    const day1 = new Date(t0.getTime() + day);
    await upsertEntries(db.mongo, later, [listing('https://later.example/1')], day1, policy);
    const board = async () =>
      (await Job.find({ dedupKey: /hooli/ }).lean())
        .map((j) => ({
          source: j.sourceName,
          status: j.status,
          primary: j.duplicateOf === null,
          also: j.alsoListedOn.map((o) => o.sourceName),
        }))
        .sort((a, b) => a.source.localeCompare(b.source));
    assert.deepEqual(await board(), [
      { source: 'Early', status: 'open', primary: true, also: ['Later'] },
      { source: 'Later', status: 'open', primary: false, also: [] },
    ]);

    // Early's full listing drops it; Later still lists it.
    const day2 = new Date(t0.getTime() + 2 * day);
    await closeMissingJobs(db.mongo, early._id, new Set(), day2, policy.dedupWindowDays);
    assert.deepEqual(
      await board(),
      [
        { source: 'Early', status: 'closed', primary: false, also: [] },
        { source: 'Later', status: 'open', primary: true, also: [] },
      ],
      'the open listing is the job now, and a closed one is not offered as "also listed on"',
    );

    await upsertEntries(db.mongo, early, [listing('https://early.example/1')], day2, policy);
    assert.deepEqual(await board(), [
      { source: 'Early', status: 'open', primary: true, also: ['Later'] },
      { source: 'Later', status: 'open', primary: false, also: [] },
    ]);
  });

  it("a job one source's rule blocks stays on the board as another source lists it", async () => {
    const [blocking, other] = [source('Blocking'), source('Other lister')];
    const Job = entryModel(db.mongo, 'jobs');
    await upsertEntries(
      db.mongo,
      blocking,
      [job('https://blocking.example/1', 'Hooli', 'Go Engineer', t0)],
      t0,
      policy,
    );
    const day1 = new Date(t0.getTime() + day);
    await upsertEntries(
      db.mongo,
      other,
      [job('https://other.example/1', 'Hooli', 'Go Engineer', day1)],
      day1,
      policy,
    );
    const primaryOf = async () =>
      (
        await Job.find({
          dedupKey: /hooli/,
          sourceName: { $in: ['Blocking', 'Other lister'] },
        }).lean()
      )
        .filter((j) => j.duplicateOf === null)
        .map((j) => j.sourceName);
    assert.deepEqual(await primaryOf(), ['Blocking']);
    // Blocking's operator blocks Hooli: its listing is no board job now.
    const blocked = await Job.findOne({ canonicalUrl: 'https://blocking.example/1' }).lean();
    await Job.updateOne(
      { _id: blocked?._id },
      {
        $set: { intel: { relevance: { relevant: false, category: 'backend', reason: 'blocked' } } },
      },
    );
    await resolveDuplicates(Job, [blocked?.dedupKey as string], policy.dedupWindowDays);
    assert.deepEqual(await primaryOf(), ['Other lister'], 'the listing the board shows is the job');
  });

  it('rewrites an unchanged entry whose search terms are now read differently', async () => {
    const s = source('Terms');
    const Job = entryModel(db.mongo, 'jobs');
    const listing = {
      ...job('https://terms.example/1', 'Müller', 'Go Engineer', t0),
      terms: ['müller', 'muller', 'go'],
    };
    await upsertEntries(db.mongo, s, [listing], t0, policy);
    // Stored before accent-free spellings were added to terms.
    await Job.updateOne(
      { canonicalUrl: listing.canonicalUrl },
      { $set: { terms: ['müller', 'go'] } },
    );
    const later = new Date(t0.getTime() + day);
    assert.deepEqual(await upsertEntries(db.mongo, s, [listing], later, policy), {
      new: 0,
      updated: 1,
      unchanged: 0,
    });
    assert.deepEqual((await Job.findOne({ canonicalUrl: listing.canonicalUrl }).lean())?.terms, [
      'müller',
      'muller',
      'go',
    ]);
    // Then unchanged again: no further writes.
    assert.deepEqual(await upsertEntries(db.mongo, s, [listing], later, policy), {
      new: 0,
      updated: 0,
      unchanged: 1,
    });
  });

  it('closes expired and too-old jobs, and jobs a full-listing source no longer lists; reopens a returning one', async () => {
    const s = source('Closer');
    const Job = entryModel(db.mongo, 'jobs');
    const now = new Date(t0.getTime() + 10 * day);
    await upsertEntries(
      db.mongo,
      s,
      [
        job('https://closer.example/expired', 'Initech', 'Go Engineer', t0, {
          expiresAt: new Date(t0.getTime() + 5 * day),
        }),
        job('https://closer.example/open', 'Initech', 'Rust Engineer', t0, {
          expiresAt: new Date(t0.getTime() + 30 * day),
        }),
        job(
          'https://closer.example/old',
          'Initech',
          'Java Engineer',
          new Date(t0.getTime() - 50 * day),
        ),
        job('https://closer.example/stays', 'Initech', 'SRE', now),
      ],
      now,
      policy,
    );
    const status = async (path: string) => {
      const doc = await Job.findOne({ canonicalUrl: `https://closer.example/${path}` }).lean();
      return [doc?.status, doc?.closedReason];
    };
    assert.deepEqual(await status('expired'), ['closed', 'expired'], 'already expired at ingest');
    assert.deepEqual(await status('old'), ['closed', 'too_old']);
    assert.deepEqual(await status('open'), ['open', null]);

    assert.deepEqual(
      await closeExpiredJobs(
        db.mongo,
        new Date(t0.getTime() + 31 * day),
        45,
        policy.dedupWindowDays,
      ),
      {
        expired: 1,
        tooOld: 0,
      },
    );
    assert.deepEqual(await status('open'), ['closed', 'expired']);
    assert.equal(
      await Job.countDocuments({ canonicalUrl: /closer\.example/ }),
      4,
      'closed jobs are kept',
    );

    assert.deepEqual(
      await closeMissingJobs(
        db.mongo,
        s._id,
        new Set(['https://closer.example/open']),
        now,
        policy.dedupWindowDays,
      ),
      { closed: 1, handedOver: 0 },
    );
    assert.deepEqual(await status('stays'), ['closed', 'no_longer_listed']);
    await upsertEntries(
      db.mongo,
      s,
      [job('https://closer.example/stays', 'Initech', 'SRE', now)],
      new Date(now.getTime() + day),
      policy,
    );
    assert.deepEqual(await status('stays'), ['open', null], 'listed again: open again');
  });

  it('disabling a source takes its open jobs off the board, kept, and enabling it puts them back', async () => {
    const created = async (name: string) => {
      const doc = await createSource(db.mongo, {
        ...sourceInput(`https://${name.toLowerCase()}-pause.example/jobs.rss`),
        name,
      });
      return { _id: doc._id, name: doc.name, type: 'jobs' as const, terms: doc.terms };
    };
    const [paused, sharer, copier] = [
      await created('Paused'),
      await created('Sharer'),
      await created('Copier'),
    ];
    const Job = entryModel(db.mongo, 'jobs');
    const policy45 = { maxJobAgeDays: 45, dedupWindowDays: policy.dedupWindowDays };
    const own = job('https://paused.example/own', 'Pausely', 'Go Engineer', t0);
    const old = job(
      'https://paused.example/old',
      'Pausely',
      'SRE',
      new Date(t0.getTime() - 40 * day),
    );
    const shared = job('https://ats.example/paused-shared', 'Sharely', 'Platform Engineer', t0);
    const copied = job('https://paused.example/copied', 'Copyco', 'API Engineer', t0);
    await upsertEntries(db.mongo, paused, [own, old, shared, copied], t0, policy45);
    await upsertEntries(db.mongo, sharer, [shared], t0, policy45);
    const day1 = new Date(t0.getTime() + day);
    const copy = job('https://copier.example/copied', 'Copyco', 'API Engineer', day1);
    await upsertEntries(db.mongo, copier, [copy], day1, policy45);
    const state = async (url: string) => {
      const doc = await Job.findOne({ canonicalUrl: url }).lean();
      return [doc?.sourceName, doc?.status, doc?.closedReason, doc?.duplicateOf === null];
    };
    assert.deepEqual(await state(copy.canonicalUrl), ['Copier', 'open', null, false]);

    const day2 = new Date(t0.getTime() + 2 * day);
    await updateSource(db.mongo, String(paused._id), { enabled: false });
    const off = await followEnabled(db.mongo, { ...paused, enabled: false }, day2, policy45);
    assert.deepEqual(off, { enabled: false, paused: 3, copies: 0, handedOver: 1 });
    assert.equal(
      enabledChangeNote(off),
      'its 3 open jobs are off the board until it is enabled again; 1 job another source lists at the same address stays, listed by that source',
    );
    assert.deepEqual(await state(own.canonicalUrl), ['Paused', 'closed', 'source_paused', true]);
    assert.deepEqual(
      await state(shared.canonicalUrl),
      ['Sharer', 'open', null, true],
      'handed over',
    );
    assert.deepEqual(
      await state(copy.canonicalUrl),
      ['Copier', 'open', null, true],
      'the copy another source lists is the job on the board now',
    );
    assert.equal(await Job.countDocuments({ sourceId: paused._id }), 3, 'kept, not deleted');

    // Ten days on, old is 52 days old: past the 45-day limit, it stays closed, for that reason.
    const day12 = new Date(t0.getTime() + 12 * day);
    await updateSource(db.mongo, String(paused._id), { enabled: true });
    const on = await followEnabled(db.mongo, { ...paused, enabled: true }, day12, policy45);
    assert.deepEqual(on, { enabled: true, resumed: 2, aged: 1 });
    assert.equal(
      enabledChangeNote(on),
      '2 jobs back on the board; 1 job expired or grew too old while it was disabled, and stays closed',
    );
    assert.deepEqual(await state(own.canonicalUrl), ['Paused', 'open', null, true]);
    assert.deepEqual(await state(old.canonicalUrl), ['Paused', 'closed', 'too_old', true]);
    assert.deepEqual(await state(copied.canonicalUrl), ['Paused', 'open', null, true]);
    assert.deepEqual(
      await state(copy.canonicalUrl),
      ['Copier', 'open', null, false],
      'the first listing is the job again',
    );
    // A source whose only job is a copy of another's listing: that listing stays the job.
    const copierOff = await followEnabled(db.mongo, { ...copier, enabled: false }, day12, policy45);
    assert.deepEqual(copierOff, { enabled: false, paused: 1, copies: 1, handedOver: 0 });
    assert.equal(
      enabledChangeNote(copierOff),
      "1 job it listed as copies of other sources' listings stays on the board as theirs",
    );
    assert.deepEqual(await state(copied.canonicalUrl), ['Paused', 'open', null, true]);
    // Articles are not followed for closing: nothing to pause.
    assert.equal(
      await followEnabled(
        db.mongo,
        { ...paused, type: 'articles', enabled: false },
        day12,
        policy45,
      ),
      null,
    );
  });
});
