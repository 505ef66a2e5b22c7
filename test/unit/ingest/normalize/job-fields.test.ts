import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { JobFields } from '../../../../src/domain/entry.ts';
import { enrichJob } from '../../../../src/ingest/enrich/enrich-job.ts';
import { extractJobFields } from '../../../../src/ingest/normalize/job-fields.ts';
import { cleanTitle } from '../../../../src/ingest/normalize/text.ts';
import {
  splitCompanyTitle,
  splitDashedTitle,
  splitRoleAtCompany,
  titleConvention,
} from '../../../../src/ingest/normalize/title-company.ts';
import { sharedFixtures } from '../../../helpers/fixture-server.ts';
import { jobFields } from '../../../helpers/job-fields.ts';
import { jobInputOf } from '../../../helpers/job-input.ts';
import { kaleoItem, rawItem, wwrItem } from './raw-items.ts';

const EMPTY: JobFields = jobFields();

describe('splitCompanyTitle', () => {
  const cases: Array<[string, { company: string; role: string } | null]> = [
    [
      'Kaleo Software: Senior Software Engineer',
      { company: 'Kaleo Software', role: 'Senior Software Engineer' },
    ],
    [
      'Inside.com: Ruby & Front-End Web Developer',
      { company: 'Inside.com', role: 'Ruby & Front-End Web Developer' },
    ],
    ['112 TECH: Team Webmaster', { company: '112 TECH', role: 'Team Webmaster' }],
    [
      'Leadformance: Ruby on Rails Developer - Remote Contractors Welcome',
      { company: 'Leadformance', role: 'Ruby on Rails Developer - Remote Contractors Welcome' },
    ],
    ['Acme: Lead: Platform', { company: 'Acme', role: 'Lead: Platform' }],
    ['Senior Software Engineer', null],
    ['Re: Senior Engineer', null],
    ['Hiring: Backend Developer', null],
    ['Ask HN: Who is hiring?', null],
    ['Standup at 10:30 daily', null],
    ['https://example.com/job', null],
    [': no company', null],
    ['Acme:', null],
    ['We are a fast growing company with many offices: apply now', null],
    [`${'Very Long Company Name '.repeat(3)}: Engineer`, null],
  ];
  for (const [title, expected] of cases) {
    it(`${JSON.stringify(title)} → ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(splitCompanyTitle(title), expected);
    });
  }
});

describe('splitCompanyTitle on jobs-remotely/jobs.rss', () => {
  it('splits all 25 item titles into company and role', () => {
    const xml = readFileSync(path.join(sharedFixtures, 'jobs-remotely/jobs.rss'), 'utf8');
    const titles = [...xml.matchAll(/<item>\s*<title>([^<]*)<\/title>/g)].map((m) =>
      cleanTitle(m[1] ?? ''),
    );
    const companies = titles.map((title) => splitCompanyTitle(title)?.company ?? null);
    assert.deepEqual(companies, [
      ...['Kaleo Software', 'DataStax', 'DataStax', 'DataStax', 'Clevertech', 'Golden Frog'],
      ...[
        'Tealeaf Academy',
        'Open mHealth',
        'General Assembly',
        'Klixplus Pty Ltd',
        'Hack Reactor',
      ],
      ...[
        'Taproot Foundation',
        'Bombich Software',
        'Help Scout',
        '112 TECH',
        'Tradewave',
        'Isotope11',
      ],
      ...[
        'Gotham Tech Labs',
        'Inside.com',
        'SumOfUs',
        'SumOfUs',
        'Leadformance',
        'Startup Foundry',
      ],
      ...['Startup Foundry', 'Monetate'],
    ]);
    assert.equal(splitCompanyTitle(titles[18] ?? '')?.role, 'Ruby & Front-End Web Developer');
  });
});

describe('splitRoleAtCompany', () => {
  const cases: Array<[string, { company: string; role: string } | null]> = [
    [
      'Senior Software Engineer at Kaleo Software',
      { company: 'Kaleo Software', role: 'Senior Software Engineer' },
    ],
    ['Staff Engineer at Stripe', { company: 'Stripe', role: 'Staff Engineer' }],
    // not a company: lower case, a place, a workplace, no role before it
    ['Backend Engineer at a fast-growing startup', null],
    ['Software Engineer at scale', null],
    ['Backend Engineer at Berlin, Germany', null],
    ['Platform Engineer at Remote', null],
    ['Come work at Acme', null],
    ['Senior Software Engineer', null],
    // a place after the name is not part of it
    ['DevOps Engineer at Acme (London)', { company: 'Acme', role: 'DevOps Engineer' }],
    ['Engineer at Acme, Berlin', { company: 'Acme', role: 'Engineer' }],
    [
      'Software Engineer at Google in Mountain View, CA',
      { company: 'Google', role: 'Software Engineer' },
    ],
    // brackets the split would tear, generic nouns, numbers
    ['Support Engineer (Remote, Work at Home)', null],
    ['Backend Engineer at Series B Startup', null],
    ['Engineer at Our Berlin Office', null],
    ['Engineer at 100k', null],
  ];
  for (const [title, expected] of cases) {
    it(`${JSON.stringify(title)} → ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(splitRoleAtCompany(title), expected);
    });
  }
});

describe('dashed titles: "Role - Company" read only where the source says its titles read so', () => {
  const rct = () => {
    const xml = readFileSync(
      path.join(sharedFixtures, 'research-computing-teams/jobs.rss'),
      'utf8',
    );
    return [...xml.matchAll(/<item>\s*<title>([^<]*)<\/title>/g)].map((m) =>
      cleanTitle(m[1] ?? ''),
    );
  };

  it('reads the company of nearly every research-computing-teams/jobs.rss title, and suggests the format', () => {
    const titles = rct();
    assert.equal(titleConvention(titles), 'role-company');
    const split = titles.map((t) => splitDashedTitle(t, 'role-company'));
    assert.ok(split.filter(Boolean).length / titles.length > 0.9, 'most titles name a company');
    assert.deepEqual(split[0], {
      company: 'Empire AI',
      role: 'Manager, Computational Scientific Programming, Research Computing',
    });
    assert.deepEqual(
      splitDashedTitle(
        'Head of AI Core Unit / Data Scientist - BioSysteM - Technical University of Munich',
        'role-company',
      ),
      {
        company: 'Technical University of Munich',
        role: 'Head of AI Core Unit / Data Scientist - BioSysteM',
      },
    );
  });

  it("extractJobFields reads a dashed title only with the source's title format", () => {
    const item = rawItem({});
    const title = 'HPC Storage Systems Team Lead - Argonne National Laboratory';
    const read = extractJobFields(item, title, { titleFormat: 'role-company' }).fields;
    assert.deepEqual(
      [read.company, read.role],
      ['Argonne National Laboratory', 'HPC Storage Systems Team Lead'],
    );
    assert.equal(extractJobFields(item, title).fields.company, null);
  });

  it('takes no level, gender note or place for a company, even with the format set', () => {
    for (const title of [
      'Software Engineer - Senior',
      'Backend Engineer - II',
      'Softwareentwickler - m/w/d',
      'Backend Engineer - Remote',
      'SRE - London, UK',
    ])
      assert.equal(splitDashedTitle(title, 'role-company'), null, title);
  });

  it('suggests nothing for titles with no dash, places, levels, teams of one company, or too few names', () => {
    const wwr = ['Kaleo Software: Senior Software Engineer', 'DataStax: Backend Engineer - Remote'];
    assert.equal(titleConvention([...wwr, ...wwr]), null);
    assert.equal(
      titleConvention(['Backend Engineer - Remote', 'SRE - Berlin', 'Go Developer - London, UK']),
      null,
    );
    assert.equal(
      titleConvention(['Software Engineer - Senior', 'Engineer - Staff', 'Developer - II']),
      null,
    );
    assert.equal(
      titleConvention([
        'Senior Software Engineer - Payments',
        'Product Designer - Growth',
        'Data Scientist - Ads',
      ]),
      null,
      'three teams are not five companies',
    );
    const companies = ['Acme', 'Initech', 'Globex', 'Hooli', 'Umbrella'];
    assert.equal(titleConvention(companies.map((c) => `${c} - Backend Engineer`)), 'company-role');
    assert.equal(splitDashedTitle('Software Engineer - Payments', null), null);
  });
});

describe('extractJobFields', () => {
  const cases: Array<
    [name: string, item: Parameters<typeof extractJobFields>[0], title: string, expected: JobFields]
  > = [
    [
      'jobs-remotely/jobs.rss (2015): company and role from the title only',
      kaleoItem,
      'Kaleo Software: Senior Software Engineer',
      { ...EMPTY, company: 'Kaleo Software', role: 'Senior Software Engineer' },
    ],
    [
      "today's We Work Remotely item: extra elements and media:content logo",
      wwrItem,
      'Acme Corp: Senior Backend Engineer (Go)',
      {
        ...EMPTY,
        company: 'Acme Corp',
        role: 'Senior Backend Engineer (Go)',
        region: 'Anywhere in the World',
        country: 'Germany',
        employmentType: 'Full-Time',
        category: 'Back-End Programming',
        skills: ['Go', 'PostgreSQL', 'Kubernetes'],
        expiresAt: new Date('2024-07-03T14:05:11Z'),
        logoUrl: 'https://we-work-remotely.imgix.net/logos/0099/1234/logo.png',
      },
    ],
    [
      '"Role at Company": the company and role from the title',
      rawItem({}),
      'Senior Software Engineer at Kaleo Software',
      { ...EMPTY, company: 'Kaleo Software', role: 'Senior Software Engineer' },
    ],
    [
      'a structured company the title also names: the role without it',
      rawItem({ extra: { company: 'Initech' } }),
      'Backend Engineer (Node.js) at Initech',
      { ...EMPTY, company: 'Initech', role: 'Backend Engineer (Node.js)' },
    ],
    [
      'structured company, location, salary and apply URL',
      rawItem({
        base: 'https://jobs.example.com/feed.xml',
        extra: {
          company: 'Globex',
          location: 'Lisbon, Portugal',
          salary: '$120k – $150k',
          salary_min: '120,000',
          salary_max: '150000.00',
          salary_currency: 'usd',
          apply_url: '/apply/42',
          company_logo: '/logos/globex.png',
        },
      }),
      'Platform Engineer',
      {
        ...EMPTY,
        company: 'Globex',
        location: 'Lisbon, Portugal',
        salaryText: '$120k – $150k',
        salaryMin: 120000,
        salaryMax: 150000,
        salaryCurrency: 'USD',
        applyUrl: 'https://jobs.example.com/apply/42',
        logoUrl: 'https://jobs.example.com/logos/globex.png',
      },
    ],
    [
      'the title prefix is the role only when it names the stated company',
      rawItem({ extra: { company: 'Initech' } }),
      'Berlin Office: Backend Engineer',
      { ...EMPTY, company: 'Initech' },
    ],
    [
      'stated company matching the title prefix, case aside',
      rawItem({ extra: { company: 'ACME corp' } }),
      'Acme Corp: SRE',
      { ...EMPTY, company: 'ACME corp', role: 'SRE' },
    ],
    [
      'zero, prose and symbols are not numbers or codes; nothing is guessed',
      rawItem({
        extra: {
          salary_min: '0',
          salary_max: '85k',
          salary_currency: '$',
          expires_at: 'soon',
          salary: '',
        },
      }),
      'Backend Engineer',
      EMPTY,
    ],
    [
      'city and state make the location; entities decoded in extras',
      rawItem({ extra: { city: 'Austin', state: 'TX', category: 'Dev &amp; Ops', skills: ' ; ' } }),
      'Engineer',
      { ...EMPTY, location: 'Austin, TX', category: 'Dev & Ops' },
    ],
    [
      'extra names spelled with dashes or namespaces',
      rawItem({
        extra: { 'Expires-At': '2024-08-01', 'media:content': 'https://cdn.example/l.png' },
      }),
      'Engineer',
      {
        ...EMPTY,
        expiresAt: new Date('2024-08-01T00:00:00Z'),
        logoUrl: 'https://cdn.example/l.png',
      },
    ],
  ];
  for (const [name, item, title, expected] of cases) {
    it(name, () => {
      const result = extractJobFields(item, title);
      assert.deepEqual(result, { fields: expected, title });
    });
  }

  it('salary numbers: thousands commas, decimals, a leading symbol; never a dotted thousands guess', () => {
    const read = (salary_min: string) =>
      extractJobFields(rawItem({ extra: { salary_min } }), 'E').fields.salaryMin;
    assert.deepEqual(
      ['85000', '85,000', '$ 85,000.50', '€90000', '85.000', '1.5', '-5', 'DOE'].map(read),
      [85000, 85000, 85000.5, 90000, null, 1.5, null, null],
    );
  });

  it('reads an ambiguous expiry date with the source hint', () => {
    const item = rawItem({ extra: { expires_at: '03/04/2025' } });
    const dmy = extractJobFields(item, 'Engineer', { dateHint: { order: 'dmy' } });
    const none = extractJobFields(item, 'Engineer');
    assert.deepEqual(dmy.fields.expiresAt, new Date('2025-04-03T00:00:00Z'));
    assert.equal(none.fields.expiresAt, null);
  });
});

describe('extractJobFields: a job stated remote by a field of its own', () => {
  const location = (extra: Record<string, string>) =>
    extractJobFields(rawItem({ extra }), 'Backend Engineer').fields.location;

  it('says so in its location line (JSON-LD jobLocationType TELECOMMUTE)', () => {
    assert.equal(location({ remote: 'true', region: 'US' }), 'Remote');
    assert.equal(location({ remote: 'true', location: 'Oslo, Norway' }), 'Remote or Oslo, Norway');
    assert.equal(location({ remote: 'true', location: 'Remote (EU)' }), 'Remote (EU)');
    assert.equal(location({ remote: 'false', location: 'Oslo, Norway' }), 'Oslo, Norway');
  });

  it('is then remote for enrichment, open to the countries the posting names', () => {
    const { fields } = extractJobFields(
      rawItem({ extra: { remote: 'true', region: 'US' } }),
      'Backend Engineer',
    );
    const intel = enrichJob(
      jobInputOf({ title: 'Backend Engineer', location: fields.location, region: fields.region }),
      { now: new Date('2026-07-01T00:00:00Z') },
    );
    assert.equal(intel.workplace, 'remote');
    assert.deepEqual(intel.eligibility.applyFrom, ['US']);
  });
});
