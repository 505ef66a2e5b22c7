import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { enrichJob } from '../../../../src/ingest/enrich/enrich-job.ts';
import { proseLocation } from '../../../../src/ingest/enrich/location-prose.ts';
import { htmlToText } from '../../../../src/ingest/normalize/text.ts';
import { jobInputOf } from '../../../helpers/job-input.ts';

const NOW = { now: new Date('2026-07-01T00:00:00Z') };

describe('proseLocation: an office-work sentence that names the place', () => {
  const cases: Array<[string, string | null]> = [
    ['We are hiring. Hybrid in München, Germany.', 'München, Germany'],
    ['This is a hybrid role in London, UK. You will own…', 'London, UK'],
    ['Hybrid - in San Francisco, CA or remote', 'San Francisco, CA'],
    ['The job is in-office at the New York office.', 'New York'],
    ['ONSITE in Toronto, ON', 'Toronto, ON'],
    // A sentence running on in capitals: the longest reading that is a place.
    ['On-site in Austin, TX We are a team of 12.', 'Austin, TX'],
    // Not a place, or not where the job is.
    ['We run a hybrid cloud in AWS.', null],
    ['Our approach is hybrid in nature.', null],
    ['Hybrid in Europe.', 'Europe'],
    // Alternatives stay together; a city is not cut down to another place's name.
    ['Hybrid in Phoenix or Denver.', 'Phoenix or Denver'],
    ['Hybrid in Jersey City, 3 days a week.', null],
    ['On-site at Victoria Station.', null],
    // Occasional visits are not where the job is.
    ['US-based candidates only. Quarterly on-site in Vancouver, BC.', null],
    ['On-site in Berlin once a quarter.', null],
    ['Our company is based in Berlin, Germany.', null],
    ['Remote in Canada.', null],
    ['We build non-hybrid setups in Ohio.', null],
  ];
  for (const [text, expected] of cases)
    it(`${JSON.stringify(text)} → ${expected ?? '-'}`, () =>
      assert.equal(proseLocation(text), expected));
});

describe('enrichJob: a location only in a sentence', () => {
  it('gives the job its city and country', () => {
    const text = htmlToText('<p>Go services for payments.</p><p>Hybrid in München, Germany.</p>');
    const intel = enrichJob(jobInputOf({ text }), NOW);
    assert.deepEqual(intel.location, { raw: 'München, Germany', city: 'Munich', country: 'DE' });
    assert.equal(intel.workplace, 'hybrid');
  });

  it("is not read on a remote job: a team's meetup is no place", () => {
    const text =
      'Remote (US only). Salary: $150,000 - $180,000. We meet in person in Toronto, Canada.';
    const intel = enrichJob(jobInputOf({ text }), NOW);
    assert.equal(intel.workplace, 'remote');
    assert.deepEqual(intel.location, { raw: null, city: null, country: null });
    assert.equal(intel.salary?.currency, 'USD');
  });

  it('comes after a location line and a feed country', () => {
    const labeled = htmlToText('<p>Location: Berlin, Germany</p><p>Hybrid in London, UK.</p>');
    assert.equal(enrichJob(jobInputOf({ text: labeled }), NOW).location.city, 'Berlin');
    const fielded = enrichJob(
      jobInputOf({ text: 'Hybrid in London, UK.', country: 'Ireland' }),
      NOW,
    );
    assert.deepEqual(fielded.location, { raw: 'Ireland', city: null, country: 'IE' });
  });
});
