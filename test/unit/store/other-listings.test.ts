import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Types } from 'mongoose';
import { otherListings, unshareUpdate } from '../../../src/store/models/entry.ts';

const [owner, b, c] = [new Types.ObjectId(), new Types.ObjectId(), new Types.ObjectId()];
const origin = (sourceId: Types.ObjectId, sourceName: string) => ({
  sourceId,
  sourceName,
  url: `https://${sourceName}.example/job`,
});

describe('otherListings: where else a visitor finds an entry', () => {
  it('lists copies, then the sources sharing its URL', () => {
    const listed = otherListings({
      sourceId: owner,
      alsoListedOn: [origin(c, 'copy')],
      sharedWith: [origin(b, 'b')],
    });
    assert.deepEqual(
      listed.map((o) => o.sourceName),
      ['copy', 'b'],
    );
  });

  it('leaves out a sharing record of its own source, and a source recorded twice', () => {
    const listed = otherListings({
      sourceId: owner,
      alsoListedOn: [],
      sharedWith: [origin(owner, 'self'), origin(b, 'b'), origin(b, 'b again')],
    });
    assert.deepEqual(
      listed.map((o) => o.sourceName),
      ['b'],
    );
  });
});

describe('unshareUpdate: one source leaves a shared listing', () => {
  it("pulls that source's records exactly as read, and nobody else's", () => {
    const mine = origin(b, 'b');
    assert.deepEqual(unshareUpdate([origin(c, 'c'), mine], b), {
      $pullAll: { sharedWith: [mine] },
    });
  });

  it('is empty for a source with no record', () => {
    assert.deepEqual(unshareUpdate([origin(c, 'c')], b), {});
    assert.deepEqual(unshareUpdate(undefined, b), {});
  });
});
