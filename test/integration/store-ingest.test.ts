import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Types } from 'mongoose';
import type { EnrichedEntry } from '../../src/domain/entry.ts';
import { lastSeenRefreshMs, upsertEntries } from '../../src/store/entry-repository.ts';
import { ensureIndexes } from '../../src/store/indexes.ts';
import { entryModel } from '../../src/store/models/entry.ts';
import { sourceModel } from '../../src/store/models/source.ts';
import {
  createSource,
  insertMissingSources,
  recordRunFailure,
} from '../../src/store/source-repository.ts';
import { loadStarterSourcesOnce } from '../../src/store/starter-sources.ts';
import { type Isolated, isolate } from '../helpers/isolation.ts';
import { sourceInput } from '../helpers/sources.ts';

const entry = (n: number, change: Partial<EnrichedEntry> = {}): EnrichedEntry => ({
  type: 'articles',
  canonicalUrl: `https://blog.example/post-${n}`,
  url: `https://blog.example/post-${n}`,
  guid: null,
  title: `Post ${n}`,
  summary: `Summary ${n}`,
  html: `<p>Body ${n}</p>`,
  author: null,
  tags: ['career'],
  publishedAt: new Date('2026-11-01T00:00:00Z'),
  updatedAt: null,
  dateFlag: null,
  imageUrl: null,
  enclosure: null,
  terms: ['post'],
  job: null,
  intel: null,
  articleIntel: null,
  ...change,
});

const policy = { maxJobAgeDays: 45, dedupWindowDays: 14 };

describe('sources and entries in the store', () => {
  let db: Isolated;
  before(async () => {
    db = await isolate('storeingest');
    await ensureIndexes(db.mongo);
  });
  after(() => db.cleanup());

  it('never stores the same feed URL twice', async () => {
    await createSource(db.mongo, sourceInput('https://feeds.example/a.xml#top', 'articles'));
    await assert.rejects(
      createSource(db.mongo, sourceInput('https://feeds.example/a.xml', 'articles')),
      /already exists/,
    );
    assert.equal(
      await insertMissingSources(db.mongo, [
        sourceInput('https://feeds.example/a.xml', 'articles'),
        sourceInput('https://feeds.example/b.xml', 'articles'),
      ]),
      1,
    );
    assert.equal(
      await insertMissingSources(db.mongo, [
        sourceInput('https://feeds.example/b.xml', 'articles'),
      ]),
      0,
    );
  });

  it('loads the starter list once: a removed starter source stays removed', async () => {
    const starters = [
      sourceInput('https://starter.example/1', 'articles'),
      sourceInput('https://starter.example/2', 'articles'),
    ];
    assert.equal(await loadStarterSourcesOnce(db.mongo, starters), 2);
    await sourceModel(db.mongo).deleteOne({ url: 'https://starter.example/1' });
    assert.equal(await loadStarterSourcesOnce(db.mongo, starters), 0);
    assert.equal(await sourceModel(db.mongo).countDocuments({ url: /starter\.example/ }), 1);
  });

  it('counts consecutive failures', async () => {
    const source = await createSource(
      db.mongo,
      sourceInput('https://feeds.example/failing.xml', 'articles'),
    );
    const run = {
      at: new Date(),
      outcome: 'failed' as const,
      new: 0,
      updated: 0,
      unchanged: 0,
      closed: 0,
      dropped: 0,
      durationMs: 1,
      repairs: [],
      warnings: [],
    };
    const error = {
      message: 'HTTP 500 Internal Server Error',
      code: 'fetch_http_status',
      status: 500,
    };
    assert.equal(await recordRunFailure(db.mongo, source._id, run, error), 1);
    assert.equal(await recordRunFailure(db.mongo, source._id, run, error), 2);
  });

  it('writes only what changed; a missing date becomes the first-seen time, set once', async () => {
    const sourceId = new Types.ObjectId();
    const store = {
      _id: sourceId,
      name: 'Blog',
      type: 'articles' as const,
      terms: { attribution: true, syndication: false, note: null },
    };
    const Article = entryModel(db.mongo, 'articles');
    const t0 = new Date('2026-11-10T00:00:00Z');
    const undated = entry(3, { publishedAt: null, dateFlag: 'missing' });
    assert.deepEqual(
      await upsertEntries(db.mongo, store, [entry(1), entry(2), undated], t0, policy),
      { new: 3, updated: 0, unchanged: 0 },
    );

    const t1 = new Date(t0.getTime() + 60_000);
    const snapshot = await Article.find({ sourceId }).sort({ canonicalUrl: 1 }).lean();
    assert.deepEqual(
      await upsertEntries(db.mongo, store, [entry(1), entry(2), undated], t1, policy),
      { new: 0, updated: 0, unchanged: 3 },
    );
    assert.deepEqual(
      await Article.find({ sourceId }).sort({ canonicalUrl: 1 }).lean(),
      snapshot,
      'an unchanged re-run writes nothing',
    );
    assert.equal(snapshot[2]?.publishedAt.toISOString(), t0.toISOString());

    const t2 = new Date(t1.getTime() + 60_000);
    const counts = await upsertEntries(
      db.mongo,
      store,
      [entry(1, { title: 'Post 1, revised' }), entry(2), { ...undated, summary: 'new words' }],
      t2,
      policy,
    );
    assert.deepEqual(counts, { new: 0, updated: 2, unchanged: 1 });
    const revisedUndated = await Article.findOne({ canonicalUrl: undated.canonicalUrl }).lean();
    assert.equal(
      revisedUndated?.publishedAt.toISOString(),
      t0.toISOString(),
      'first-seen date kept',
    );
    assert.equal(revisedUndated?.changedAt.toISOString(), t2.toISOString());

    const t3 = new Date(t2.getTime() + lastSeenRefreshMs + 1);
    await upsertEntries(db.mongo, store, [entry(2)], t3, policy);
    const seen = await Article.findOne({ canonicalUrl: entry(2).canonicalUrl }).lean();
    assert.equal(
      seen?.lastSeenAt.toISOString(),
      t3.toISOString(),
      'lastSeenAt refreshed once it is stale',
    );
    assert.equal(seen?.changedAt.toISOString(), t0.toISOString());
    assert.equal(await Article.countDocuments({ sourceId }), 3);
  });

  it('writes a large run in slices; a URL another source stored first stays with it', async () => {
    const Article = entryModel(db.mongo, 'articles');
    const terms = { attribution: false, syndication: true, note: null };
    const owner = await createSource(
      db.mongo,
      sourceInput('https://first.example/feed', 'articles'),
    );
    const first = { _id: owner._id, name: 'First', type: 'articles' as const, terms };
    const big = { _id: new Types.ObjectId(), name: 'Big', type: 'articles' as const, terms };
    const at = new Date('2026-11-12T00:00:00Z');
    // Two of the big run's URLs, in its second and third slice of writes, are already stored.
    await upsertEntries(db.mongo, first, [entry(1300), entry(1550)], at, policy);
    const run = Array.from({ length: 600 }, (_, i) => entry(1000 + i, { title: `Big ${i}` }));
    assert.deepEqual(await upsertEntries(db.mongo, big, run, at, policy), {
      new: 598,
      updated: 0,
      unchanged: 0,
      elsewhere: { count: 2, sources: ['First'], sourceIds: [String(owner._id)] },
    });
    assert.equal(await Article.countDocuments({ title: /^Big / }), 598);
    // The listing keeps its source's name, terms and text: another source's run never
    // rewrites it (its rules, say, could hide it).
    const kept = await Article.findOne({ canonicalUrl: entry(1550).canonicalUrl }).lean();
    assert.equal(String(kept?.sourceId), String(owner._id));
    assert.equal(kept?.sourceName, 'First');
    assert.notEqual(kept?.title, 'Big 550');
  });

  it('adopts the entries of a removed source when another lists them', async () => {
    const Article = entryModel(db.mongo, 'articles');
    const terms = { attribution: false, syndication: true, note: null };
    // A source removed with its items kept: its entries stay, its record is gone.
    const gone = { _id: new Types.ObjectId(), name: 'Gone', type: 'articles' as const, terms };
    const again = { _id: new Types.ObjectId(), name: 'Again', type: 'articles' as const, terms };
    const at = new Date('2026-11-12T00:00:00Z');
    await upsertEntries(db.mongo, gone, [entry(2001), entry(2002)], at, policy);
    const firstSeen = (await Article.findOne({ canonicalUrl: entry(2001).canonicalUrl }).lean())
      ?.firstSeenAt;
    const later = new Date(at.getTime() + 3_600_000);
    const run = [entry(2001, { title: 'Adopted' }), entry(2002), entry(2003)];
    assert.deepEqual(await upsertEntries(db.mongo, again, run, later, policy), {
      new: 1,
      updated: 2,
      unchanged: 0,
    });
    const adopted = await Article.findOne({ canonicalUrl: entry(2001).canonicalUrl }).lean();
    assert.equal(String(adopted?.sourceId), String(again._id));
    assert.equal(adopted?.sourceName, 'Again');
    assert.equal(adopted?.title, 'Adopted');
    assert.equal(adopted?.firstSeenAt.toISOString(), firstSeen?.toISOString());
    // From now on the adopting source knows them: an unchanged re-run writes nothing.
    assert.deepEqual(await upsertEntries(db.mongo, again, run, later, policy), {
      new: 0,
      updated: 0,
      unchanged: 3,
    });
  });

  // FerretDB 1.24 holds a pooled connection per statement of an update command until the
  // command ends: one command refreshing 150 entries took all 100 of its SQLite pool and the
  // server stopped answering. The store sends updates a few per command (bulk-updates.ts).
  it('refreshes lastSeenAt on 150 unchanged entries in one run without wedging the server', {
    timeout: 120_000,
  }, async () => {
    const Article = entryModel(db.mongo, 'articles');
    const terms = { attribution: false, syndication: true, note: null };
    const store = { _id: new Types.ObjectId(), name: 'Stale', type: 'articles' as const, terms };
    const at = new Date('2026-11-12T00:00:00Z');
    const run = Array.from({ length: 150 }, (_, i) => entry(8000 + i));
    await upsertEntries(db.mongo, store, run, at, policy);
    const later = new Date(at.getTime() + lastSeenRefreshMs + 1);
    assert.deepEqual(await upsertEntries(db.mongo, store, run, later, policy), {
      new: 0,
      updated: 0,
      unchanged: 150,
    });
    assert.equal(await Article.countDocuments({ sourceId: store._id, lastSeenAt: later }), 150);
  });

  it('updates edited entries of a large run by their _id, and only those', async () => {
    const Article = entryModel(db.mongo, 'articles');
    const terms = { attribution: false, syndication: true, note: null };
    const store = { _id: new Types.ObjectId(), name: 'Edits', type: 'articles' as const, terms };
    const at = new Date('2026-11-12T00:00:00Z');
    const run = Array.from({ length: 600 }, (_, i) => entry(5000 + i));
    await upsertEntries(db.mongo, store, run, at, policy);
    const before = await Article.find({ sourceId: store._id }).sort({ canonicalUrl: 1 }).lean();
    const edited = run.map((e, i) => (i % 100 === 7 ? { ...e, summary: 'edited' } : e));
    const later = new Date(at.getTime() + 60_000);
    assert.deepEqual(await upsertEntries(db.mongo, store, edited, later, policy), {
      new: 0,
      updated: 6,
      unchanged: 594,
    });
    const after = await Article.find({ sourceId: store._id }).sort({ canonicalUrl: 1 }).lean();
    assert.equal(after.length, 600);
    const changed = after.filter(
      (doc, i) => doc.changedAt.getTime() !== before[i]?.changedAt.getTime(),
    );
    assert.deepEqual(
      changed.map((doc) => [doc.summary, String(doc._id)]),
      before
        .filter(
          (_, i) =>
            String(after[i]?._id) === String(before[i]?._id) && after[i]?.summary === 'edited',
        )
        .map((doc) => ['edited', String(doc._id)]),
    );
    assert.equal(await Article.countDocuments({ sourceId: store._id, summary: 'edited' }), 6);
  });
});
