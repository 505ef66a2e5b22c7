import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Types } from 'mongoose';
import type { EntryDoc } from '../../../src/store/models/entry.ts';
import { jobPostingJsonLd, scriptJson } from '../../../src/web/view-models/job-posting-jsonld.ts';
import { jobFields } from '../../helpers/job-fields.ts';

function job(overrides: Partial<EntryDoc> = {}): EntryDoc {
  return {
    _id: new Types.ObjectId(),
    canonicalUrl: 'https://x.test/j',
    url: 'https://x.test/j',
    guid: 'g1',
    sourceId: new Types.ObjectId(),
    sourceName: 'Board',
    title: 'Acme: Backend Engineer',
    summary: 's',
    html: '<p>Build APIs.</p>',
    author: null,
    tags: [],
    publishedAt: new Date('2026-11-01T00:00:00Z'),
    updatedAt: null,
    dateFlag: null,
    imageUrl: null,
    enclosure: null,
    terms: [],
    job: jobFields({ company: 'Acme', role: 'Backend Engineer' }),
    intel: {
      salary: null,
      workplace: 'onsite',
      eligibility: {
        known: false,
        worldwide: false,
        countries: [],
        regions: [],
        timezones: null,
        applyFrom: [],
        raw: null,
      },
      location: { raw: 'Berlin, Germany', city: 'Berlin', country: 'DE' },
      seniority: null,
      employmentType: 'full-time',
      stackTags: [],
      relevance: { relevant: true, category: 'backend', reason: '' },
    },
    articleIntel: null,
    attribution: { required: true, note: null },
    syndication: true,
    status: 'open',
    closedAt: null,
    closedReason: null,
    dedupKey: 'k',
    duplicateOf: null,
    alsoListedOn: [],
    contentHash: 'h',
    firstSeenAt: new Date(),
    lastSeenAt: new Date(),
    changedAt: new Date(),
    ...overrides,
  };
}

describe('JobPosting JSON-LD', () => {
  it("carries Google's required and recommended fields", () => {
    const ld = jobPostingJsonLd(job(), 'https://board.test/jobs/1-x') as Record<string, unknown>;
    assert.equal(ld['@type'], 'JobPosting');
    assert.equal(ld.title, 'Backend Engineer');
    assert.equal(ld.description, '<p>Build APIs.</p>');
    assert.equal(ld.datePosted, '2026-11-01T00:00:00.000Z');
    assert.deepEqual(ld.hiringOrganization, { '@type': 'Organization', name: 'Acme' });
    assert.deepEqual(ld.jobLocation, {
      '@type': 'Place',
      address: { '@type': 'PostalAddress', addressCountry: 'DE', addressLocality: 'Berlin' },
    });
    assert.equal(ld.employmentType, 'FULL_TIME');
    assert.deepEqual(ld.identifier, { '@type': 'PropertyValue', name: 'Board', value: 'g1' });
  });

  it('states a salary range with its period', () => {
    const doc = job();
    if (doc.intel)
      doc.intel.salary = {
        min: 150000,
        max: 180000,
        currency: 'USD',
        period: 'year',
      } as NonNullable<EntryDoc['intel']>['salary'];
    assert.deepEqual(jobPostingJsonLd(doc, 'u')?.baseSalary, {
      '@type': 'MonetaryAmount',
      currency: 'USD',
      value: { '@type': 'QuantitativeValue', unitText: 'YEAR', minValue: 150000, maxValue: 180000 },
    });
  });

  it('is left out when the source forbids it or a required field is unknown', () => {
    assert.equal(jobPostingJsonLd(job({ syndication: false }), 'u'), null);
    assert.equal(jobPostingJsonLd(job({ job: jobFields({ company: null }) }), 'u'), null);
    const nowhere = job();
    if (nowhere.intel) nowhere.intel.location = { raw: null, city: null, country: null };
    assert.equal(jobPostingJsonLd(nowhere, 'u'), null, 'neither a place nor remote');
  });

  it('says where a remote job takes applicants from, and is left out when that is not known', () => {
    const remote = (eligibility: Partial<NonNullable<EntryDoc['intel']>['eligibility']>) => {
      const doc = job();
      if (doc.intel) {
        doc.intel.workplace = 'remote';
        doc.intel.location = { raw: null, city: null, country: null };
        doc.intel.eligibility = { ...doc.intel.eligibility, ...eligibility };
      }
      return jobPostingJsonLd(doc, 'u');
    };
    const us = remote({ known: true, countries: ['US'], applyFrom: ['US'] });
    assert.equal(us?.jobLocationType, 'TELECOMMUTE');
    assert.equal(us?.jobLocation, undefined);
    assert.deepEqual(us?.applicantLocationRequirements, [{ '@type': 'Country', name: 'US' }]);
    // Google requires at least one country for a remote posting: "anywhere" or unknown has none.
    assert.equal(remote({ known: true, worldwide: true, applyFrom: ['*'] }), null);
    assert.equal(remote({}), null);
  });

  it('never lets a description end its script element', () => {
    const text = scriptJson({ description: '</script><script>alert(1)</script>\u2028' });
    assert.ok(!text.includes('</script>') && !text.includes('\u2028'));
    assert.deepEqual(JSON.parse(text), { description: '</script><script>alert(1)</script>\u2028' });
  });
});
