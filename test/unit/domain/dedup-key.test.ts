import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  articleDedupKey,
  jobDedupKey,
  normalizeCompany,
  normalizeRoleTitle,
} from '../../../src/domain/dedup-key.ts';

describe('normalizeRoleTitle', () => {
  const cases: Array<[string, string]> = [
    ['Senior Backend Engineer', 'senior backend engineer'],
    ['Sr. Backend Engineer (Remote)', 'senior backend engineer'],
    ['Senior Backend Engineer - Remote', 'senior backend engineer'],
    ['Senior Backend Engineer – US', 'senior backend engineer'],
    ['Senior Backend Engineer | Berlin, DE', 'senior backend engineer'],
    ['Backend Engineer (m/f/d)', 'backend engineer'],
    ['Backend-Engineer [Go]', 'backend engineer'],
    ['Staff Software Engineer, Payments', 'staff software engineer payments'],
    ['C++ Developer', 'c++ developer'],
    ['Développeur Back-end', 'developpeur back end'],
  ];
  for (const [title, expected] of cases) {
    it(`${title} → ${expected}`, () => assert.equal(normalizeRoleTitle(title), expected));
  }
});

describe('normalizeCompany', () => {
  const cases: Array<[string, string]> = [
    ['Acme, Inc.', 'acme'],
    ['ACME', 'acme'],
    ['The Acme Company', 'acme'],
    ['Zalando SE', 'zalando se'],
    ['Müller GmbH', 'muller'],
  ];
  for (const [name, expected] of cases) {
    it(`${name} → ${expected}`, () => assert.equal(normalizeCompany(name), expected));
  }
});

describe('jobDedupKey', () => {
  const job = (company: string | null, role: string | null, applyUrl: string | null = null) => ({
    company,
    role,
    applyUrl,
  });
  it('meets across sources for the same company and role', () => {
    assert.equal(
      jobDedupKey(job('Acme Inc.', 'Senior Backend Engineer (Remote)'), 'x', 'https://a.example/1'),
      jobDedupKey(job('ACME', 'Sr Backend Engineer - Remote'), 'y', 'https://b.example/2'),
    );
  });
  it('never merges two roles of one company', () => {
    assert.notEqual(
      jobDedupKey(job('Acme', 'Senior Backend Engineer'), 'x', 'https://a.example/1'),
      jobDedupKey(job('Acme', 'Backend Engineer'), 'x', 'https://a.example/2'),
    );
    assert.notEqual(
      jobDedupKey(job('Acme', 'Backend Engineer, Payments'), 'x', 'https://a.example/1'),
      jobDedupKey(job('Acme', 'Backend Engineer, Search'), 'x', 'https://a.example/2'),
    );
  });
  it('falls back to the canonical apply URL, then to the listing itself', () => {
    assert.equal(
      jobDedupKey(
        job(null, 'Engineer', 'https://jobs.example/apply/1?utm_source=x'),
        'Engineer',
        'https://a/1',
      ),
      'apply:https://jobs.example/apply/1',
    );
    assert.equal(
      jobDedupKey(job(null, null), 'Engineer', 'https://a.example/1'),
      'url:https://a.example/1',
    );
  });
});

describe('articleDedupKey', () => {
  const opening = 'We moved 10 TB of Postgres without downtime. Here is how it went.';
  it('meets on the same title and opening, case, accents and punctuation aside', () => {
    assert.equal(
      articleDedupKey('How We Scaled Postgres', opening, 'https://a/1'),
      articleDedupKey(
        'how we scaled postgres!',
        `${opening.toUpperCase()} And more…`,
        'https://b/2',
      ),
    );
  });
  it('keeps two posts apart that only share a title', () => {
    assert.notEqual(
      articleDedupKey('My year in review', 'This year I changed teams twice.', 'https://alice/1'),
      articleDedupKey('My year in review', '2025 was the year we shipped v2.', 'https://bob/2'),
    );
  });
  it('does not merge on very short titles', () => {
    assert.equal(articleDedupKey('Update', opening, 'https://a/1'), 'url:https://a/1');
  });
});
