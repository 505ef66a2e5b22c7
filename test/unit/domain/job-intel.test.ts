import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statedLocation } from '../../../src/domain/job-intel.ts';
import { enrichJob } from '../../../src/ingest/enrich/enrich-job.ts';
import { jobInputOf } from '../../helpers/job-input.ts';

describe('statedLocation: a location value that says nothing is none', () => {
  it('drops placeholders', () => {
    for (const value of [
      'N/A',
      'n/a',
      'NA',
      'TBD',
      'tba.',
      '-',
      '—',
      '(none)',
      'Not specified',
      '?',
      '',
    ]) {
      assert.equal(statedLocation(value), null, JSON.stringify(value));
    }
    assert.equal(statedLocation(null), null);
  });

  it('keeps places, even short or odd ones', () => {
    for (const value of ['Berlin', 'NY', 'US', 'Nairobi, Kenya', 'Remote (EU)', 'Nashville']) {
      assert.equal(statedLocation(value), value);
    }
  });

  it('lets the description\'s "Location:" line stand in for a placeholder field', () => {
    const now = new Date('2026-11-20T00:00:00Z');
    const intel = enrichJob(
      jobInputOf({
        text: 'We build APIs. Location: Lisbon, Portugal URL: https://jobs.example/1',
        location: 'N/A',
      }),
      { now },
    );
    assert.deepEqual(intel.location, { raw: 'Lisbon, Portugal', city: 'Lisbon', country: 'PT' });
    const none = enrichJob(jobInputOf({ text: 'Location: N/A URL: https://jobs.example/2' }), {
      now,
    });
    assert.equal(none.location.raw, null);
  });
});
