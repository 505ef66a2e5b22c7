import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countries } from '../../../../config/countries.ts';
import { regions } from '../../../../config/regions.ts';
import type { Eligibility } from '../../../../src/domain/job-intel.ts';
import {
  canApplyFrom,
  type EligibilityInput,
  parseEligibility,
} from '../../../../src/ingest/enrich/eligibility.ts';
import { readUtcWindow } from '../../../../src/ingest/enrich/utc-window.ts';

const BLANK: EligibilityInput = {
  region: null,
  country: null,
  location: null,
  title: '',
  text: '',
  workplace: 'unknown',
};
const UNKNOWN: Eligibility = {
  known: false,
  worldwide: false,
  countries: [],
  regions: [],
  timezones: null,
  applyFrom: [],
  raw: null,
};
const membersOf = (code: string) => [...(regions.find((r) => r.code === code)?.members ?? [])];
const tz = (minUtcOffset: number, maxUtcOffset: number) => ({ minUtcOffset, maxUtcOffset });

type Case = [name: string, input: Partial<EligibilityInput>, expected: Partial<Eligibility>];

describe('parseEligibility', () => {
  const cases: Case[] = [
    // Feed fields: We Work Remotely's <region> and <country>.
    [
      'region Anywhere in the World',
      { region: 'Anywhere in the World' },
      { known: true, worldwide: true, applyFrom: ['*'], raw: 'Anywhere in the World' },
    ],
    [
      'region USA Only + country',
      { region: 'USA Only', country: '🇺🇸 United States' },
      { known: true, countries: ['US'], applyFrom: ['US'], raw: 'USA Only; 🇺🇸 United States' },
    ],
    [
      'region anywhere: <country> is the company’s',
      { region: 'Anywhere in the World', country: 'Germany' },
      { known: true, worldwide: true, applyFrom: ['*'], raw: 'Anywhere in the World' },
    ],
    [
      'region Americas Only',
      { region: 'Americas Only' },
      {
        known: true,
        regions: ['AMERICAS'],
        applyFrom: membersOf('AMERICAS'),
        raw: 'Americas Only',
      },
    ],
    [
      'country list with flags',
      { country: '🇧🇧 Barbados, 🇺🇸 United States of America', workplace: 'remote' },
      { known: true, countries: ['BB', 'US'], applyFrom: ['BB', 'US'] },
    ],
    // Titles and text.
    [
      'Remote (US only)',
      { title: 'Backend Engineer - Remote (US only)' },
      { known: true, countries: ['US'], applyFrom: ['US'], raw: 'Remote (US only)' },
    ],
    ['USA Only', { text: 'USA Only.' }, { known: true, countries: ['US'], applyFrom: ['US'] }],
    [
      'US or Canada',
      { text: 'This role is open to candidates in the US or Canada.' },
      { known: true, countries: ['US', 'CA'], applyFrom: ['US', 'CA'] },
    ],
    [
      'UK/EU',
      { title: 'Platform Engineer (Remote, UK/EU)' },
      { known: true, countries: ['GB'], regions: ['EU'], applyFrom: ['GB', ...membersOf('EU')] },
    ],
    [
      'Remote, Europe',
      { location: 'Remote, Europe' },
      { known: true, regions: ['EUROPE'], applyFrom: membersOf('EUROPE'), raw: 'Remote, Europe' },
    ],
    [
      'Remote EMEA',
      { title: 'SRE - Remote EMEA' },
      { known: true, regions: ['EMEA'], applyFrom: membersOf('EMEA') },
    ],
    [
      'LATAM',
      { text: 'We hire in LATAM only.' },
      { known: true, regions: ['LATAM'], applyFrom: membersOf('LATAM') },
    ],
    [
      'must be based in Germany',
      { text: 'You must be based in Germany.' },
      { known: true, countries: ['DE'], applyFrom: ['DE'], raw: 'must be based in Germany' },
    ],
    [
      'authorized to work, on a remote job',
      { text: 'Candidates must be authorized to work in the United States.', workplace: 'remote' },
      { known: true, countries: ['US'], applyFrom: ['US'] },
    ],
    [
      'US citizens, on a remote job',
      { text: 'Applicants must be US citizens.', workplace: 'remote' },
      { known: true, countries: ['US'], applyFrom: ['US'], raw: 'must be US citizens' },
    ],
    [
      'Worldwide',
      { location: 'Worldwide', workplace: 'remote' },
      { known: true, worldwide: true, applyFrom: ['*'], raw: 'Worldwide' },
    ],
    [
      'work from anywhere in Europe',
      { text: 'You can work from anywhere in Europe.' },
      { known: true, regions: ['EUROPE'], applyFrom: membersOf('EUROPE') },
    ],
    // A restriction named anywhere beats "anywhere" said elsewhere.
    [
      'anywhere, but US only',
      { region: 'Anywhere in the World', text: 'US only, sorry.' },
      { known: true, countries: ['US'], applyFrom: ['US'] },
    ],
    // Time zones: a window, no applicant list of its own.
    [
      'Remote – EU timezones',
      { location: 'Remote – EU timezones' },
      { known: true, timezones: tz(0, 2), applyFrom: [], raw: 'EU timezones' },
    ],
    [
      'UTC-3 to UTC+3',
      { text: 'Remote, UTC-3 to UTC+3.' },
      { known: true, timezones: tz(-3, 3), applyFrom: [] },
    ],
    ['GMT+1 ±2 hours', { text: 'GMT+1 ±2 hours' }, { known: true, timezones: tz(-1, 3) }],
    ['CET ± 3', { text: 'Core hours CET ± 3' }, { known: true, timezones: tz(-2, 4) }],
    [
      'US time zones',
      { text: 'Remote within US time zones.' },
      { known: true, timezones: tz(-8, -5) },
    ],
    [
      'PST/EST overlap',
      { text: 'PST/EST overlap required.' },
      { known: true, timezones: tz(-8, -5) },
    ],
    [
      'US only with EST hours keeps the US',
      { title: 'Remote (US only)', text: 'Must overlap with EST.' },
      { known: true, countries: ['US'], timezones: tz(-5, -5), applyFrom: ['US'] },
    ],
    // Real phrasing from jobs-remotely/jobs.rss.
    [
      'DataStax: located anywhere in the US',
      {
        text: 'This position will be located anywhere in the US. Candidates can be located anywhere',
      },
      { known: true, countries: ['US'], applyFrom: ['US'] },
    ],
    [
      'Inside.com: US based individuals only',
      { text: 'Remote position is open to US based individuals only and will require travel.' },
      { known: true, countries: ['US'], applyFrom: ['US'] },
    ],
    [
      '112 TECH: US or European timezones',
      { text: 'Please also only apply if you are based in US or European timezones.' },
      { known: true, countries: [], timezones: tz(-8, 3), raw: 'US or European timezones' },
    ],
    [
      'Help Scout: Work anywhere',
      { text: 'Benefits Work anywhere - work from our office in Boston or anywhere else' },
      { known: true, worldwide: true, applyFrom: ['*'], raw: 'Work anywhere' },
    ],
    // Real phrasing from research-computing-teams/jobs.rss locations.
    [
      'Remote USA',
      { location: 'Remote USA' },
      { known: true, countries: ['US'], applyFrom: ['US'] },
    ],
    [
      'Remote CA or BR or US',
      { location: 'Remote CA or BR or US' },
      { known: true, countries: ['CA', 'BR', 'US'], applyFrom: ['CA', 'BR', 'US'] },
    ],
    [
      'Sydney NSW or remote AU',
      { location: 'Sydney NSW or remote AU' },
      { known: true, countries: ['AU'], applyFrom: ['AU'] },
    ],
    [
      'Canada or US remote',
      { location: 'Canada or US remote' },
      { known: true, countries: ['CA', 'US'], applyFrom: ['CA', 'US'] },
    ],
    // The same board prints its location inside the description text.
    [
      'RCT: Location line in the text',
      { text: 'Manager, HPC Support Engineering. Location: Remote USA Categories: HPC, Industry' },
      { known: true, countries: ['US'], applyFrom: ['US'], raw: 'Remote USA' },
    ],
    [
      'RCT: Canada or US remote in the text',
      { text: 'Location: Canada or US remote Categories: Data Science/ML/AI', workplace: 'remote' },
      { known: true, countries: ['CA', 'US'], applyFrom: ['CA', 'US'] },
    ],
    // Real phrasing from jobs-remotely/jobs.rss, remote jobs.
    [
      'Bombich: non-US applicants need not apply',
      {
        text: 'Outsourcing development companies and non-US work eligible applicants need not apply.',
        workplace: 'remote',
      },
      { known: true, countries: ['US'], applyFrom: ['US'] },
    ],
    [
      'Bombich: can legally work in the United States',
      {
        text: 'between 9am and 5pm EST and can legally work in the United States.',
        workplace: 'remote',
      },
      { known: true, countries: ['US'], applyFrom: ['US'] },
    ],
    [
      'wherever you are in the world',
      { text: 'We want great people wherever you are in the world.' },
      { known: true, worldwide: true, applyFrom: ['*'] },
    ],
    [
      'a French location line: Télétravail (France uniquement)',
      { text: 'Nous recrutons.\nLieu : Télétravail (France uniquement)\nContrat : CDI' },
      { known: true, countries: ['FR'], applyFrom: ['FR'] },
    ],
    [
      'a Spanish location field: Remoto (solo España)',
      { location: 'Remoto (solo España)' },
      { known: true, countries: ['ES'], applyFrom: ['ES'] },
    ],
    [
      'no mater where he or she may live',
      { text: 'We hire the best engineers, no mater where he or she may live.' },
      { known: true, worldwide: true, applyFrom: ['*'] },
    ],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      const got = parseEligibility({ ...BLANK, ...input });
      const picked = Object.fromEntries(
        Object.keys(expected).map((k) => [k, got[k as keyof Eligibility]]),
      );
      assert.deepEqual(picked, expected);
    });
  }
});

describe('parseEligibility: nothing stated stays unknown', () => {
  const cases: Array<[string, Partial<EligibilityInput>]> = [
    ['empty', {}],
    ['office city', { location: 'Berlin, Germany', workplace: 'onsite' }],
    ['remote job, city line', { location: 'Los Angeles, CA', workplace: 'remote' }],
    ['bare Remote', { location: 'Remote', workplace: 'remote' }],
    ['Remote CA: Canada or California', { location: 'Remote CA', workplace: 'remote' }],
    ['NYC but love remote', { location: 'NYC but love remote', workplace: 'remote' }],
    ['a US-based company', { text: 'We are a US-based company serving customers worldwide.' }],
    ['remote global team', { text: 'Join our remote global team.' }],
    ['non-US citizens', { text: 'We welcome non-US citizens.' }],
    [
      'a note for US residents',
      { text: 'Note for US residents: this is corp-2-corp (1099, not W2).' },
    ],
    ['join us only', { text: 'Please join us only if you love Go.' }],
    ['sponsored right to work', { text: 'We can sponsor your right to work in the UK.' }],
    ['US preferred', { text: 'Remote (US preferred)' }],
    ['English only', { text: 'English only, no German required.' }],
    ['a time in an interview note', { text: 'Interviews at 10am-2pm EST.' }],
    [
      'work authorization on an office job',
      {
        location: 'Austin TX USA',
        text: 'Must be eligible to work in the US full-time for any employer.',
      },
    ],
    [
      'citizenship on an office job',
      { text: 'Applicants must be US citizens.', workplace: 'onsite' },
    ],
    [
      'a URL as the Location line',
      { text: 'Location: https://uchicago.wd5.myworkdayjobs.com/x Categories: HPC' },
    ],
  ];
  for (const [name, input] of cases) {
    it(name, () => assert.deepEqual(parseEligibility({ ...BLANK, ...input }), UNKNOWN));
  }
});

describe('parseEligibility: anywhere within a window lists the countries inside it', () => {
  const got = parseEligibility({
    ...BLANK,
    region: 'Anywhere in the World',
    text: 'Anywhere between UTC-3 and UTC+3',
  });
  it('is no longer worldwide', () => assert.equal(got.worldwide, false));
  it('lists countries entirely inside', () => {
    for (const code of ['DE', 'GB', 'AR', 'KE', 'TR'])
      assert.ok(got.applyFrom.includes(code), code);
  });
  it('leaves out countries straddling or outside', () => {
    for (const code of ['BR', 'RU', 'US', 'IN']) assert.ok(!got.applyFrom.includes(code), code);
  });
});

describe('parseEligibility: hostile text stays fast', () => {
  it('reads 20 kB of place names without a requirement in well under two seconds', () => {
    const text = 'US, '.repeat(5000);
    const started = performance.now();
    const got = parseEligibility({ ...BLANK, title: text, text, location: text });
    assert.ok(performance.now() - started < 2000);
    assert.deepEqual(got, UNKNOWN);
  });
});

describe('canApplyFrom', () => {
  const e = (input: Partial<EligibilityInput>) => parseEligibility({ ...BLANK, ...input });
  const cases: Array<[string, Eligibility, string, boolean | null]> = [
    ['worldwide', e({ region: 'Anywhere in the World' }), 'DE', true],
    ['US only, from Germany', e({ text: 'US only' }), 'DE', false],
    ['US only, from the US', e({ text: 'US only' }), 'us', true],
    ['EU, from Germany', e({ title: 'Remote (EU)' }), 'DE', true],
    ['EU, from Switzerland', e({ title: 'Remote (EU)' }), 'CH', false],
    ['EU, from Réunion (outermost region)', e({ title: 'Remote (EU)' }), 'RE', null],
    ['Europe, from Russia (borderline)', e({ title: 'Remote (Europe)' }), 'RU', null],
    ['North America, from Mexico', e({ region: 'North America Only' }), 'MX', null],
    ['North America, from Canada', e({ region: 'North America Only' }), 'CA', true],
    ['EU timezones, from Germany', e({ text: 'Remote – EU timezones' }), 'DE', null],
    ['EU timezones, from Japan', e({ text: 'Remote – EU timezones' }), 'JP', false],
    ['US time zones, from Germany', e({ text: 'US time zones only' }), 'DE', false],
    ['UTC-3..+3, from Brazil (straddles)', e({ text: 'UTC-3 to UTC+3' }), 'BR', null],
    [
      'anywhere in UTC-3..+3, from Germany',
      e({ text: 'Work from anywhere, UTC-3 to UTC+3' }),
      'DE',
      true,
    ],
    [
      'anywhere in UTC-3..+3, from India',
      e({ text: 'Work from anywhere, UTC-3 to UTC+3' }),
      'IN',
      false,
    ],
    ['unknown', e({}), 'DE', null],
    ['not a country code', e({ text: 'US only' }), 'XX', null],
  ];
  for (const [name, eligibility, code, expected] of cases) {
    it(name, () => assert.equal(canApplyFrom(eligibility, code), expected));
  }
});

describe('readUtcWindow', () => {
  const cases: Array<[string, [number, number] | null]> = [
    ['UTC-3 to UTC+3', [-3, 3]],
    ['between UTC−3 and UTC+3', [-3, 3]],
    ['UTC-3 to +3', [-3, 3]],
    ['GMT+1 ±2 hours', [-1, 3]],
    ['CET ± 3', [-2, 4]],
    ['CET +/- 3 hours', [-2, 4]],
    ['within 3 hours of CET', [-2, 4]],
    ['PST/EST overlap', [-8, -5]],
    ['Timezone: UTC+5:30', [5.5, 5.5]],
    ['Pacific Time zone', [-8, -8]],
    ['European time zones', [0, 3]],
    ['US/EU timezones', [-8, 2]],
    // A place before each ending a place window may have, in any case (a text without one of
    // these endings skips the place scan, so each must still be read).
    ['India TZ', [5.5, 5.5]],
    ['india tz', [5.5, 5.5]],
    ['Must overlap UK business hours', [0, 0]],
    ['UK BUSINESS HOURS', [0, 0]],
    ['Brazil working hours', [-5, -3]],
    ['Japan timezone', [9, 9]],
    ['Germany Timezones', [1, 1]],
    ['Australia - time zones', [8, 10]],
    ['Brazil work hours', null],
    ['Germany-based team', null],
    ['Remote (EST)', [-5, -5]],
    ['10am-2pm EST meeting', null],
    ['est. 2010', null],
    ['We are a PT company', null],
  ];
  for (const [text, window] of cases) {
    it(text, () => {
      const got = readUtcWindow(text)?.window ?? null;
      assert.deepEqual(got, window && tz(window[0], window[1]));
    });
  }
});

describe('config: countries and regions', () => {
  const codes = new Set(countries.map((c) => c.code));
  it('has every ISO 3166-1 alpha-2 code once', () => {
    assert.equal(countries.length, 249);
    assert.equal(codes.size, 249);
  });
  it('has region members and borderline countries that exist, never both', () => {
    const bad = regions.flatMap((r) =>
      [...r.members, ...r.borderline]
        .filter((c) => !codes.has(c) || (r.members.includes(c) && r.borderline.includes(c)))
        .map((c) => `${r.code}:${c}`),
    );
    assert.deepEqual(bad, []);
  });
  it('has the 27 EU members', () => assert.equal(new Set(membersOf('EU')).size, 27));
});
