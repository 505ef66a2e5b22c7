// Stored entries' search terms built again when the tokenizer changes: exactly as a run would
// build them, written only where they differ, once per tokenizer version.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseJobQuery } from '../../src/domain/board-query.ts';
import { storedEntryTerms, TERMS_VERSION } from '../../src/domain/entry-terms.ts';
import { jobSearchFilter } from '../../src/store/board-filters.ts';
import { ensureIndexes } from '../../src/store/indexes.ts';
import { type EntryDoc, entryModel } from '../../src/store/models/entry.ts';
import { createSource } from '../../src/store/source-repository.ts';
import { readTermsVersion, recordTermsVersion } from '../../src/store/system-status-repository.ts';
import { refreshStoredTerms } from '../../src/store/terms-refresh.ts';
import { refreshSource } from '../../workers/refresh-source.ts';
import { pipelineDeps } from '../helpers/board-server.ts';
import { wwrFeed } from '../helpers/feeds.ts';
import {
  type FixtureServer,
  readSharedFixture,
  serveBody,
  startFixtureServer,
} from '../helpers/fixture-server.ts';
import { type Isolated, isolate } from '../helpers/isolation.ts';
import { sourceInput } from '../helpers/sources.ts';

describe('rebuilding stored search terms after a tokenizer change', () => {
  let db: Isolated;
  let feeds: FixtureServer;

  const found = async (q: string) => {
    const parsed = parseJobQuery({ q }, { strict: true });
    assert.ok(parsed.ok);
    const filter = jobSearchFilter(parsed.query, { now: new Date() });
    return entryModel(db.mongo, 'jobs').countDocuments(filter);
  };

  before(async () => {
    db = await isolate('terms_refresh');
    await ensureIndexes(db.mongo);
    feeds = await startFixtureServer();
    feeds.on('/wwr.rss', serveBody(await readSharedFixture('jobs-remotely/jobs.rss')));
    feeds.on('/rct.rss', serveBody(await readSharedFixture('research-computing-teams/jobs.rss')));
    feeds.on('/tc.xml', serveBody(await readSharedFixture('feedjira/TechCrunch.xml')));
    const spelled = [
      { id: 'zurich', title: 'Zürich Versicherung: Senior Backend Engineer (Go)' },
      {
        id: 'tokyo',
        title: 'メルカリ: バックエンドエンジニア (Go, 東京)',
        // A title the board cannot read: the description makes it a backend job.
        description: '<p>Go と PostgreSQL でバックエンドを開発します。</p>',
      },
    ];
    feeds.on('/spelled.rss', serveBody(wwrFeed(feeds.url(''), spelled)));
    const deps = pipelineDeps(db, feeds);
    for (const [path, type] of [
      ['/wwr.rss', 'jobs'],
      ['/rct.rss', 'jobs'],
      ['/spelled.rss', 'jobs'],
      ['/tc.xml', 'articles'],
    ] as const) {
      const source = await createSource(db.mongo, sourceInput(feeds.url(path), type));
      await refreshSource(deps, String(source._id));
    }
  });
  after(async () => {
    await feeds.close();
    await db.cleanup();
  });

  it("builds from an entry's stored fields exactly the terms a run gave it", async () => {
    for (const type of ['jobs', 'articles'] as const) {
      const docs = await entryModel(db.mongo, type).find({}).lean<EntryDoc[]>();
      assert.ok(docs.length > (type === 'jobs' ? 300 : 10), `${type}: ${docs.length} stored`);
      for (const doc of docs) assert.deepEqual(storedEntryTerms(doc), doc.terms, doc.title);
    }
  });

  it('rewrites what an older tokenizer built, once, and search finds those entries again', async () => {
    const Job = entryModel(db.mongo, 'jobs');
    // As tokenizers before version 1 and 2 stored them: no accent-free spelling, CJK runs whole.
    const legacy: Array<[RegExp, string[]]> = [
      [/^Zürich/, ['zürich', 'versicherung', 'senior', 'backend', 'engineer', 'go']],
      [/^メルカリ/, ['メルカリ', 'バックエンドエンジニア', 'go', '東京']],
    ];
    for (const [title, terms] of legacy)
      await Job.collection.updateOne({ title }, { $set: { terms } });
    await recordTermsVersion(db.mongo, 1);
    assert.equal(await found('zurich'), 0);
    assert.equal(await found('エンジニア'), 0);

    const total =
      (await Job.countDocuments()) + (await entryModel(db.mongo, 'articles').countDocuments());
    assert.deepEqual(await refreshStoredTerms(db.mongo), {
      checked: total,
      rewritten: 2,
      upToDate: false,
    });
    assert.equal(await readTermsVersion(db.mongo), TERMS_VERSION);
    assert.equal(await found('zurich'), 1);
    assert.equal(await found('zürich'), 1);
    assert.equal(await found('エンジニア'), 1);
    assert.equal(await found('メルカリ'), 1);
    // OR and "-" take a CJK word whole, on the real database.
    assert.equal(await found('エンジニア -シニア'), 1);
    assert.equal(await found('エンジニア -バックエンド'), 0);
    assert.equal(await found('シニア OR メルカリ'), 1);
    // One character finds any of a word's, its last too ("京" of 東京), on the real database.
    for (const char of ['メ', 'ン', 'ア', '東', '京']) assert.equal(await found(char), 1, char);
    assert.equal(await found('阪'), 0);
    assert.equal(await found('go -京'), (await found('go')) - 1);
    assert.deepEqual(await refreshStoredTerms(db.mongo), {
      checked: 0,
      rewritten: 0,
      upToDate: true,
    });
  });
});
