import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Schema } from 'mongoose';
import {
  readWorkerHeartbeat,
  recordWorkerHeartbeat,
} from '../../src/store/system-status-repository.ts';
import { type Isolated, isolate } from '../helpers/isolation.ts';

describe('mongoose against the MongoDB-compatible server', () => {
  let db: Isolated;
  before(async () => {
    db = await isolate('store');
  });
  after(() => db.cleanup());

  it('writes a document and reads it back unchanged', async () => {
    const Note = db.mongo.model(
      'Note',
      new Schema({ title: String, tags: [String], at: Date, n: Number }),
    );
    const at = new Date('2026-01-02T03:04:05.678Z');
    const created = await Note.create({
      title: 'Backend Engineer — Café',
      tags: ['go', 'postgresql'],
      at,
      n: 42,
    });
    const found = await Note.findById(created._id).lean();
    assert.ok(found);
    assert.equal(found.title, 'Backend Engineer — Café');
    assert.deepEqual(found.tags, ['go', 'postgresql']);
    assert.equal(found.at?.toISOString(), at.toISOString());
    assert.equal(found.n, 42);
    assert.equal(await Note.countDocuments({ tags: { $all: ['go'] } }), 1);
  });

  it('upserts the worker heartbeat idempotently', async () => {
    assert.equal(await readWorkerHeartbeat(db.mongo), undefined);
    await recordWorkerHeartbeat(db.mongo, 'host:1', new Date('2026-01-01T00:00:00Z'));
    await recordWorkerHeartbeat(db.mongo, 'host:2', new Date('2026-01-01T00:01:00Z'));
    const beat = await readWorkerHeartbeat(db.mongo);
    assert.equal(beat?.lastHeartbeatBy, 'host:2');
    assert.equal(beat?.lastHeartbeatAt.toISOString(), '2026-01-01T00:01:00.000Z');
    assert.equal(await db.mongo.collection('system_status').countDocuments(), 1);
  });
});
