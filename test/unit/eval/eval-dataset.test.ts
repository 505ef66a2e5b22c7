import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { canonicalUrl } from '../../../src/domain/canonical-url.ts';
import { employmentTypes, jobCategories, seniorities } from '../../../src/domain/job-intel.ts';
import type { EvalRecord } from '../../eval/evaluate.ts';
import { type EvalCase, JOBS_FILE, loadCases, loadRecords } from '../../eval/run-eval.ts';

// The labelled set of issue 4: at least 200 real listings, all 25 We Work Remotely items and
// at least 180 Research Computing Teams items, each one found in its fixture by our own parser.
const WWR = 'jobs-remotely/jobs.rss';
const RCT = 'research-computing-teams/jobs.rss';

/** The slugs LABELING.md allows, from its ```slugs block. */
async function documentedSlugs(): Promise<Set<string>> {
  const doc = await readFile(path.join(path.dirname(JOBS_FILE), 'LABELING.md'), 'utf8');
  const block = /```slugs\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
  return new Set(block.split(/\s+/).filter(Boolean));
}

describe('eval dataset (test/eval/jobs.json)', () => {
  let records: EvalRecord[] = [];
  let cases: EvalCase[] = [];
  before(async () => {
    records = await loadRecords();
    cases = await loadCases(records);
  });

  it('has at least 200 listings: every WWR item and at least 180 RCT items', () => {
    assert.ok(records.length >= 200, `${records.length} records`);
    assert.equal(records.filter((r) => r.fixture === WWR).length, 25);
    assert.ok(records.filter((r) => r.fixture === RCT).length >= 180);
  });

  it('gives every listing a unique id made of its fixture and guid or link', () => {
    assert.equal(new Set(records.map((r) => r.id)).size, records.length);
    for (const record of records) assert.ok(record.id.startsWith(`${record.fixture}#`), record.id);
  });

  it('finds every record in its fixture, with the same link and title', () => {
    assert.equal(cases.length, records.length);
    for (const { record, entry } of cases) {
      assert.equal(entry.canonicalUrl, canonicalUrl(record.link), record.id);
      assert.equal(entry.title, record.title, record.id);
      assert.ok(entry.job, `${record.id} was normalized as a job`);
      const key = record.id.slice(record.fixture.length + 1);
      assert.ok(key === entry.guid || key === record.link, record.id);
    }
    assert.equal(new Set(cases.map((c) => c.entry.canonicalUrl)).size, cases.length);
  });

  it('uses only valid values', () => {
    const workplaces = ['remote', 'hybrid', 'onsite', 'unknown'];
    for (const { id, expected } of records) {
      assert.ok(workplaces.includes(expected.workplace), id);
      assert.ok(expected.seniority === null || seniorities.includes(expected.seniority), id);
      assert.ok(
        expected.employmentType === null || employmentTypes.includes(expected.employmentType),
        id,
      );
      assert.ok(jobCategories.includes(expected.category), id);
      // Relevance and category say the same thing twice: keep them in step.
      assert.equal(expected.relevant, expected.category !== 'other', id);
    }
  });

  it('states salaries as amounts with min ≤ max, and countries as ISO codes or "*"', () => {
    for (const { id, expected } of records) {
      const { salary, applyFrom } = expected;
      if (salary) {
        assert.ok(salary.min !== null || salary.max !== null, id);
        if (salary.min !== null && salary.max !== null) assert.ok(salary.min <= salary.max, id);
      }
      if (applyFrom) {
        assert.ok(applyFrom.length > 0, id);
        assert.equal(new Set(applyFrom).size, applyFrom.length, id);
        assert.ok(!applyFrom.includes('*') || applyFrom.length === 1, id);
      }
    }
  });

  it('tags with the documented slugs only, each once', async () => {
    const slugs = await documentedSlugs();
    assert.ok(slugs.size > 70, 'slug block found in LABELING.md');
    for (const { id, expected } of records) {
      assert.equal(new Set(expected.tags).size, expected.tags.length, id);
      for (const tag of expected.tags) assert.ok(slugs.has(tag), `${id}: ${tag}`);
    }
  });

  it('labels every We Work Remotely listing remote (the board lists only remote jobs)', () => {
    for (const { id, fixture, expected } of records) {
      if (fixture === WWR) assert.equal(expected.workplace, 'remote', id);
    }
  });
});
