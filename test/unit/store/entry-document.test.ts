import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BSON } from 'mongodb';
import mongoose, { Types } from 'mongoose';
import type { EntryType } from '../../../src/domain/entry.ts';
import { decodeBody } from '../../../src/ingest/fetch/charset.ts';
import { readFeed } from '../../../src/ingest/read-feed.ts';
import { contentHash, newEntryDocument } from '../../../src/store/entry-repository.ts';
import { entryModel } from '../../../src/store/models/entry.ts';
import { readSharedFixture } from '../../helpers/fixture-server.ts';

// The store inserts a run's new entries straight through the driver, skipping mongoose's cast
// and validation (they cost more than enrichment). That is only sound while the documents it
// builds are exactly what the schema would store: this holds it to that, on real feeds.
describe('newEntryDocument', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  const policy = { maxJobAgeDays: 60, dedupWindowDays: 30 };
  const connection = mongoose.createConnection();
  // A BSON round trip: what the server would receive, key order aside.
  const stored = (doc: object) => BSON.deserialize(BSON.serialize({ ...doc, _id: null }));

  for (const [fixture, type] of [
    ['jobs-remotely/jobs.rss', 'jobs'],
    ['research-computing-teams/jobs.rss', 'jobs'],
    ['rss-parser/content-encoded.rss', 'articles'],
    ['feedjira/TechCrunch.xml', 'articles'],
  ] as Array<[string, EntryType]>) {
    it(`builds what the schema stores, unchanged, for ${fixture} as ${type}`, async () => {
      const url = 'https://feeds.example.com/feed';
      const text = decodeBody(await readSharedFixture(fixture), 'application/xml').text;
      const { entries } = await readFeed(text, url, { type, kind: 'rss' }, now);
      assert.ok(entries.length > 0, 'the fixture has entries');
      const Entry = entryModel(connection, type);
      const source = {
        _id: new Types.ObjectId(),
        name: 'Fixture',
        type,
        terms: { attribution: true, syndication: false, note: 'Credit the source' },
      };
      for (const entry of entries) {
        const document = newEntryDocument(entry, source, contentHash(entry), now, policy);
        const model = new Entry(document);
        await model.validate();
        assert.deepStrictEqual(stored(document), stored(model.toBSON()), entry.canonicalUrl);
      }
    });
  }

  it('would be told apart from a document the schema changes', async () => {
    const Entry = entryModel(connection, 'jobs');
    const document = { ...sampleDocument(), stray: 'not in the schema', syndication: 'perhaps' };
    const model = new Entry(document);
    await assert.rejects(model.validate(), /syndication/);
    assert.notDeepStrictEqual(stored(document), stored(model.toBSON()));
  });

  function sampleDocument() {
    return {
      canonicalUrl: 'https://jobs.example.com/1',
      url: 'https://jobs.example.com/1',
      sourceId: new Types.ObjectId(),
      sourceName: 'S',
      title: 'Go developer',
      publishedAt: now,
      attribution: { required: false, note: null },
      status: 'open',
      dedupKey: 'k',
      contentHash: 'h',
      firstSeenAt: now,
      lastSeenAt: now,
      changedAt: now,
    };
  }
});
