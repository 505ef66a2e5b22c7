import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  type LocationReading,
  parseLocation,
  readLocation,
} from '../../../../src/ingest/enrich/location.ts';
import { sharedFixtures } from '../../../helpers/fixture-server.ts';

type Case = [raw: string | null, city: string | null, country: string | null];

// The "Location:" lines of a fixture's descriptions, HTML entities decoded.
function fixtureLocations(relative: string): Set<string> {
  const xml = readFileSync(path.join(sharedFixtures, relative), 'utf8')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
  const lines = xml.matchAll(/<strong>Location:<\/strong>([^<]*)/g);
  return new Set([...lines].map((m) => (m[1] ?? '').trim()));
}

function check(cases: Case[]) {
  for (const [raw, city, country] of cases) {
    it(`${JSON.stringify(raw)} → ${city ?? '-'}, ${country ?? '-'}`, () => {
      assert.deepEqual(parseLocation(raw), { raw, city, country });
    });
  }
}

describe('parseLocation: We Work Remotely 2015 feed (jobs-remotely/jobs.rss)', () => {
  const cases: Case[] = [
    ['Los Angeles, CA', 'Los Angeles', 'US'],
    ['Santa Clara, Ca', 'Santa Clara', 'US'],
    ['New York, NY', 'New York', 'US'],
    ['Austin, Tx', 'Austin', 'US'],
    ['Birmingham, AL', 'Birmingham', 'US'],
    ['Boston, MA', 'Boston', 'US'],
    ['Chicago, IL', 'Chicago', 'US'],
    ['San Francisco, CA', 'San Francisco', 'US'],
    ['Gold Coast, Queensland, Australia', 'Gold Coast', 'AU'],
    ['Chambéry, France', 'Chambéry', 'FR'],
    ['London', 'London', 'GB'],
    ['NYC', 'New York', 'US'],
    ['NYC but love remote', 'New York', 'US'],
    ['Western Massachusetts', null, 'US'],
    ['Can Work from Home', null, null],
    ['remotely', null, null],
    ['N/A', null, null],
  ];
  check(cases);

  it('covers every Location line of the fixture', () => {
    const expected = new Set(cases.map(([raw]) => raw));
    const missing = [...fixtureLocations('jobs-remotely/jobs.rss')].filter((l) => !expected.has(l));
    assert.deepEqual(missing, []);
  });
});

describe('parseLocation: Research Computing Teams feed ("City ST COUNTRY", no commas)', () => {
  const cases: Case[] = [
    ['New York City NY USA', 'New York', 'US'],
    ['Waterville ME USA', 'Waterville', 'US'],
    ['Boston mA USA', 'Boston', 'US'],
    ['Saint Louis MO USA', 'St. Louis', 'US'],
    ['Washington DC USA', 'Washington', 'US'],
    ['Toronto ON CA', 'Toronto', 'CA'],
    ['Vancouver BC CA', 'Vancouver', 'CA'],
    ['ON CA', null, 'CA'],
    ['Sydney NSW AU', 'Sydney', 'AU'],
    ['Brisbane QL AU', 'Brisbane', 'AU'],
    ['London UK', 'London', 'GB'],
    ['Munich DE', 'Munich', 'DE'],
    ['Zurich CH', 'Zurich', 'CH'],
    ['Epsoo FI', 'Epsoo', 'FI'],
    ['Dublin IE', 'Dublin', 'IE'],
    ['Israel', null, 'IL'],
    ['Singapore', null, 'SG'],
    ['Remote USA', null, 'US'],
    ['Remote UK', null, 'GB'],
    ['Remote AU', null, 'AU'],
    ['Remote SK CA', null, 'CA'],
    ['Various USA and Remote', null, 'US'],
    ['Various Europe, Remote', null, null],
    // Alternatives: one country kept when they all agree, the city only for a single place.
    ['Westborough or Boston MA USA', null, 'US'],
    ['Oxford or Cambridge UK', null, 'GB'],
    ['Melbourne or Sydney AU', null, 'AU'],
    ['Toronto or Waterloo ON or Montreal QC or Vancouver BC CA', null, 'CA'],
    ['MD or DE or VA or PA or DC or WV USA', null, 'US'],
    ['Santa Clara CA or Remote TX or CA USA', null, 'US'],
    ['Sydney NSW or remote AU', null, 'AU'],
    ['Toronto ON CA or San Francisco CA USA', null, null],
    ['Remote CA or BR or US', null, null],
    ['West Sussex UK or Massy FR', null, null],
    // "CA" alone is Canada or California; "SK" is not a US state: unknown, not guessed.
    ['Remote CA', null, null],
    ['Various CA', null, null],
    ['Saskatoon SK USA', null, null],
    [
      'https://uchicago.wd5.myworkdayjobs.com/External/job/Chicago-IL/Manager--Strategic-Initiatives_JR28487',
      null,
      null,
    ],
  ];
  check(cases);

  it('takes its rows from the fixture', () => {
    const lines = fixtureLocations('research-computing-teams/jobs.rss');
    assert.deepEqual(
      cases.map(([raw]) => raw).filter((raw) => raw !== null && !lines.has(raw)),
      [],
    );
  });
});

describe('parseLocation: other phrasing', () => {
  check([
    [null, null, null],
    ['', null, null],
    ['Remote', null, null],
    ['Remote - US', null, 'US'],
    ['Remote (US only)', null, 'US'],
    ['Remote in Canada', null, 'CA'],
    ['🇺🇸 United States', null, 'US'],
    ['🇧🇧 Barbados, 🇺🇸 United States of America', null, null],
    ['Texas, USA', null, 'US'],
    ['Western Australia', null, 'AU'],
    ['Upstate New York', null, 'US'],
    ['Perth, Western Australia', 'Perth', 'AU'],
    ['Victoria, BC', 'Victoria', 'CA'],
    ['USA Only', null, 'US'],
    ['Anywhere in the World', null, null],
    ['New York or San Francisco', null, 'US'],
    ['Toronto, ON', 'Toronto', 'CA'],
    ['London, ON', 'London', 'CA'],
    ['Berlin, Germany', 'Berlin', 'DE'],
    ['Berlin (Remote)', 'Berlin', 'DE'],
    ['London, UK (Hybrid)', 'London', 'GB'],
    ['Berlin, DE', 'Berlin', 'DE'],
    ['Dover, DE', 'Dover', 'US'],
    ['Paris, TX', 'Paris', 'US'],
    ['Perth, WA', 'Perth', 'AU'],
    ['Vancouver, WA', 'Vancouver', 'US'],
    ['Atlanta, Georgia', 'Atlanta', 'US'],
    ['Tbilisi, Georgia', 'Tbilisi', 'GE'],
    ['Georgia', null, null],
    ['Remote, CA', null, null],
    ['Washington D.C.', 'Washington', 'US'],
    ['Bosnia and Herzegovina', null, 'BA'],
    ['Deutschland', null, 'DE'],
    ['Holland', null, 'NL'],
    ['München, Deutschland', 'Munich', 'DE'],
  ]);
});

describe('parseLocation: arrangement words in the languages of location labels', () => {
  check([
    ['Télétravail (France uniquement)', null, 'FR'],
    ['100% télétravail', null, null],
    ['Remoto (solo España)', null, 'ES'],
    ['Remoto', null, null],
    ['Lisboa (híbrido)', 'Lisbon', 'PT'],
    ['Homeoffice (nur Deutschland)', null, 'DE'],
    ['Milano, in sede', 'Milan', 'IT'],
    // Names, not "only": Nur-Sultan and Solo stay places.
    ['Solo, Indonesia', 'Solo', 'ID'],
    ['Nur Sultan, Kazakhstan', 'Nur Sultan', 'KZ'],
  ]);
  it('marks the remote alternative, as "Remote" does', () => {
    const reading = readLocation('Paris, France ou Télétravail (France uniquement)');
    assert.equal(reading.places.at(-1)?.remote, true);
  });
});

describe('readLocation', () => {
  const us = { kind: 'country', code: 'US' } as const;
  const cases: Array<[string, LocationReading['places'], boolean]> = [
    // raw, alternatives (place, local, remote), worldwide
    [
      'Remote CA or BR or US',
      [
        { place: { kind: 'country', code: 'CA' }, local: false, remote: true },
        { place: { kind: 'country', code: 'BR' }, local: false, remote: false },
        { place: us, local: false, remote: false },
      ],
      false,
    ],
    [
      'Sydney NSW or remote AU',
      [
        { place: { kind: 'country', code: 'AU' }, local: true, remote: false },
        { place: { kind: 'country', code: 'AU' }, local: false, remote: true },
      ],
      false,
    ],
    [
      'Santa Clara or Remote CA USA',
      [
        { place: us, local: true, remote: false },
        { place: us, local: false, remote: true },
      ],
      false,
    ],
    ['NYC but love remote', [{ place: us, local: true, remote: false }], false],
    [
      'Various Europe, Remote',
      [{ place: { kind: 'region', code: 'EUROPE' }, local: false, remote: true }],
      false,
    ],
    ['Remote – EU', [{ place: { kind: 'region', code: 'EU' }, local: false, remote: true }], false],
    ['Worldwide', [], true],
    ['Remote CA', [{ place: null, local: false, remote: true }], false],
  ];
  for (const [raw, places, worldwide] of cases) {
    it(raw, () => {
      const reading = readLocation(raw);
      assert.deepEqual([reading.places, reading.worldwide], [places, worldwide]);
    });
  }
});

describe('parseLocation: an office schedule beside the place', () => {
  check([
    ['Berlin, Germany (hybrid, 2 days in office)', 'Berlin', 'DE'],
    ['London, UK (3 days a week in the office)', 'London', 'GB'],
    ['Austin, TX (2-3 days on site)', 'Austin', 'US'],
  ]);
});
