import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Workplace } from '../../../../src/domain/job-intel.ts';
import { enrichJob } from '../../../../src/ingest/enrich/enrich-job.ts';
import { detectWorkplace, type WorkplaceInput } from '../../../../src/ingest/enrich/workplace.ts';
import { decodeEntities, htmlToText } from '../../../../src/ingest/normalize/text.ts';
import { sharedFixtures } from '../../../helpers/fixture-server.ts';
import { jobInputOf } from '../../../helpers/job-input.ts';

const BLANK: WorkplaceInput = { title: '', text: '', location: null, region: null };

type Case = [name: string, input: Partial<WorkplaceInput>, expected: Workplace];

function check(cases: Case[]) {
  for (const [name, input, expected] of cases) {
    it(`${name} → ${expected}`, () =>
      assert.equal(detectWorkplace({ ...BLANK, ...input }), expected));
  }
}

describe('detectWorkplace: short fields', () => {
  check([
    ['WWR region', { region: 'Anywhere in the World' }, 'remote'],
    ['WWR region USA Only', { region: 'USA Only' }, 'remote'],
    ['title (Remote)', { title: 'Backend Engineer (Remote)' }, 'remote'],
    [
      'title Remote Contractors Welcome',
      { title: 'Ruby on Rails Developer - Remote Contractors Welcome' },
      'remote',
    ],
    ['title Remote Sensing', { title: 'Remote Sensing Data Engineer' }, 'unknown'],
    ['location Remote USA', { location: 'Remote USA' }, 'remote'],
    ['location Sydney NSW or remote AU', { location: 'Sydney NSW or remote AU' }, 'remote'],
    ['location Can Work from Home', { location: 'Can Work from Home' }, 'remote'],
    ['location remotely', { location: 'remotely' }, 'remote'],
    ['location Anywhere', { location: 'Anywhere' }, 'remote'],
    ['bare city', { title: 'Senior Go Engineer', location: 'Berlin, Germany' }, 'unknown'],
    ['research feed city', { location: 'Oak Ridge TN USA' }, 'unknown'],
    [
      'title Hybrid Eligble',
      {
        title:
          'Director of Cloud, HPC, and Web Services (Hybrid Eligble) - University of Pennsylvania',
      },
      'hybrid',
    ],
    ['location Onsite', { location: 'Onsite - Austin, TX' }, 'onsite'],
    ['title not remote', { title: 'Platform Engineer (not remote)' }, 'onsite'],
    ['location Remote / Hybrid', { location: 'Remote / Hybrid, London' }, 'remote'],
  ]);
});

describe('detectWorkplace: description text', () => {
  check([
    [
      'Clevertech',
      { text: 'This is a full-time, fully remote, 8h/day, 40h/week, 160h/month offer.' },
      'remote',
    ],
    [
      'Bombich',
      { text: 'This is a remote position and we are interested in hearing from you.' },
      'remote',
    ],
    [
      'Kaleo',
      { text: 'Partial or full-time remote opportunities available for the right candidate.' },
      'remote',
    ],
    ['Isotope11', { text: 'We are a wholly-remote software development firm.' }, 'remote'],
    ['Monetate', { text: 'Location: remotely URL: www.monetate.com' }, 'remote'],
    [
      'RCT Location line',
      { text: 'Location: Canada or US remote Categories: Data Science/ML/AI' },
      'remote',
    ],
    ['RCT Location line, city', { text: 'Location: Oak Ridge TN USA Categories: HPC' }, 'unknown'],
    [
      'RCT Location after "experience"',
      {
        text: 'representing customer experience in internal discussion Location: Remote USA Categories: HPC',
      },
      'remote',
    ],
    ['DataStax', { text: 'Candidates can be located anywhere' }, 'remote'],
    [
      'Gotham Tech Labs',
      { text: 'Excellent health plan coverage Work remote or on-site Paid time off' },
      'remote',
    ],
    [
      'Inside.com',
      {
        text: 'work with us either onsite in San Francisco, CA or remote - your choice! Remote position is open to US based individuals only',
      },
      'remote',
    ],
    [
      'ERM: remote offered beside hybrid',
      {
        text: 'choose to work remotely, or combine in-person and remote work into a hybrid model that best meets your needs',
      },
      'remote',
    ],
    ['distributed team', { text: 'We are a distributed team across four continents.' }, 'remote'],
    [
      'Edinburgh: a hybrid one',
      {
        text: 'The post is a hybrid one with the Service Manager expected to be on campus in Edinburgh at least one day a week',
      },
      'hybrid',
    ],
    [
      'CMC: hybrid role',
      { text: 'This is a full-time hybrid role for a Staff Scientist in Quantum Computing' },
      'hybrid',
    ],
    [
      'Penn: hybrid elgibile',
      { text: 'The position is hybrid elgibile, with 2-3 days per week required on campus' },
      'hybrid',
    ],
    ['2 days in office', { text: 'Flexible: 2 days in office, the rest from home.' }, 'hybrid'],
    [
      '3 days per week in our office',
      { text: 'You will join us 3 days per week in our London office.' },
      'hybrid',
    ],
    [
      'remote-first with office days',
      { text: 'We are remote-first with office days every month.' },
      'hybrid',
    ],
    [
      'not remote, but hybrid',
      { text: 'Remote work is not available; hybrid with 2 days a week in the office.' },
      'hybrid',
    ],
    ['PsiQuantum', { text: 'As such, this is not a work from home position.' }, 'onsite'],
    ['not remote', { text: 'This position is not remote.' }, 'onsite'],
    ['no remote', { text: 'No remote. Our team sits together in Munich.' }, 'onsite'],
    ['relocation required', { text: 'Relocation required to Zurich.' }, 'onsite'],
    ['work on-site', { text: 'You will work on-site at our Austin headquarters.' }, 'onsite'],
    ['onsite role', { text: 'This is an onsite role in Oak Ridge.' }, 'onsite'],
  ]);
});

describe('detectWorkplace: the languages of location labels', () => {
  check([
    [
      '"Lieu : Télétravail…"',
      { text: 'Nous recrutons.\nLieu : Télétravail (France uniquement)' },
      'remote',
    ],
    ['location Remoto', { location: 'Remoto (solo España)' }, 'remote'],
    ['title - Remoto', { title: 'Desarrollador Backend - Remoto' }, 'remote'],
    ['title (Homeoffice)', { title: 'Backend-Entwickler Go (Homeoffice)' }, 'remote'],
    ['location híbrido', { location: 'Madrid (híbrido)' }, 'hybrid'],
    ['location ibrido', { location: 'Milano - ibrido' }, 'hybrid'],
    ['location présentiel', { location: 'Lyon (présentiel)' }, 'onsite'],
    ['location vor Ort', { location: 'Berlin, vor Ort' }, 'onsite'],
    [
      '"Home Office" is a ministry in English',
      { title: 'Developer - Home Office Digital' },
      'unknown',
    ],
    ['title (Home-Office)', { title: 'Backend-Entwickler (Home-Office)' }, 'remote'],
    [
      'English "Home-Office" + noun',
      { title: 'Sales Associate - Home-Office Furniture' },
      'unknown',
    ],
    // A perk in a benefits list, not the arrangement.
    ['a "Homeoffice" line in a description', { text: 'Benefits\nHomeoffice\nGym' }, 'unknown'],
  ]);
});

describe('detectWorkplace: the arrangement as a sentence of its own', () => {
  // The job-seeker review's listings: short descriptions that state it in one word.
  check([
    ['"Hybrid." after a place', { text: 'Zürich, Switzerland. Hybrid. Go and Kafka.' }, 'hybrid'],
    ['"Remote." first', { text: 'Remote. Elixir and Phoenix on a small team.' }, 'remote'],
    ['"Remote 🌍" on its line', { text: 'Remote 🌍\nWe build payment APIs.' }, 'remote'],
    ['"Remoto"', { text: 'Remoto\nBackend en Go.' }, 'remote'],
    ['"On-site in London"', { text: 'On-site in London, UK. Java services.' }, 'onsite'],
    [
      'one choice of several',
      {
        text: 'Work with us either onsite in San Francisco, CA or remote - your choice! Remote position is open to US based individuals only.',
      },
      'remote',
    ],
    ['"remote" inside a sentence', { text: 'We build remote sensing tools.' }, 'unknown'],
  ]);
});

describe('detectWorkplace: precision', () => {
  check([
    ['quarterly on-sites', { text: 'We meet for quarterly on-site retreats.' }, 'unknown'],
    ['quarterly on-site in a city', { text: 'Quarterly on-site in Vancouver, BC.' }, 'unknown'],
    ['annual on-site in a city', { text: 'Annual on-site in Lisbon with the team.' }, 'unknown'],
    ['hybrid cloud', { text: 'Experience with hybrid cloud and on-prem deployments.' }, 'unknown'],
    [
      'hybrid workloads',
      { text: 'You will tune hybrid workloads across GPUs and CPUs.' },
      'unknown',
    ],
    ['a hybrid of', { text: 'Our stack is a hybrid of Go and Rust.' }, 'unknown'],
    ['in-person interviews', { text: 'Final interviews will be in person.' }, 'unknown'],
    [
      'SumOfUs: experience on a remote team',
      { text: 'Prior experience working on a remote team' },
      'unknown',
    ],
    [
      'experience in a distributed team',
      { text: 'Experience working in a distributed team is a plus.' },
      'unknown',
    ],
    [
      'remote procedure calls',
      { text: 'Deep knowledge of remote procedure calls and gRPC.' },
      'unknown',
    ],
    [
      'some of our team is remote',
      { text: 'Headquartered in Austin, Tx, some of our team is remote.' },
      'unknown',
    ],
    [
      'title remote beats an occasional meetup',
      { title: 'Staff Engineer (Remote)', text: 'We work in-person a few times a year.' },
      'remote',
    ],
    [
      'office location beats a remote-friendly remark',
      { location: 'On-site, Berlin', text: 'We are a remote-friendly company.' },
      'onsite',
    ],
  ]);
});

describe('detectWorkplace: jobs-remotely/jobs.rss (every item)', () => {
  const expected: Record<string, Workplace> = {
    'Kaleo Software: Senior Software Engineer': 'remote',
    'DataStax: Cassandra Internals Engineer': 'remote',
    'DataStax: Software Engineer (Tools)': 'remote',
    'DataStax: Software Architect (DSE Team)': 'unknown',
    'Clevertech: Incredible node.js Leader': 'remote',
    'Golden Frog: Sr. JavaScript Engineer': 'unknown',
    'Tealeaf Academy: Senior Ruby and Javascript Developer': 'unknown',
    'Open mHealth: Software Engineer focused on front-end at non-profit digital health startup':
      'remote',
    'General Assembly: Full Stack Engineer': 'remote',
    'Klixplus Pty Ltd: Senior Developer': 'unknown',
    'Hack Reactor: Lead Mentor': 'remote',
    'Taproot Foundation: DEVELOPER, TAPOOT+': 'unknown',
    'Bombich Software: Senior Mac OS X Software Developer': 'remote',
    'Help Scout: Java Software Engineer': 'remote',
    '112 TECH: Team Webmaster': 'remote',
    'Tradewave: CTO for a Cryptocurrency Trading Platform': 'unknown',
    'Isotope11: Senior Developer': 'remote',
    'Gotham Tech Labs: Senior Software Engineer': 'remote',
    'Inside.com: Ruby & Front-End Web Developer': 'remote',
    'SumOfUs: Junior Software Developer': 'remote',
    'SumOfUs: Software Developer': 'remote',
    'Leadformance: Ruby on Rails Developer - Remote Contractors Welcome': 'remote',
    'Startup Foundry: Front end Software Engineer': 'unknown',
    'Startup Foundry: Back end Software Engineer': 'unknown',
    'Monetate: DevOps Engineer': 'remote',
  };
  const xml = readFileSync(path.join(sharedFixtures, 'jobs-remotely/jobs.rss'), 'utf8');
  const items = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1] ?? '');
  it('has the 25 items the table lists', () => assert.equal(items.length, 25));
  for (const item of items) {
    const title = decodeEntities(/<title>([\s\S]*?)<\/title>/.exec(item)?.[1] ?? '').trim();
    const html = decodeEntities(/<description>([\s\S]*?)<\/description>/.exec(item)?.[1] ?? '');
    it(title, () => {
      const got = detectWorkplace({ title, text: htmlToText(html), location: null, region: null });
      assert.equal(got, expected[title]);
    });
  }
});

describe('workplace agrees with a "Remote …" eligibility phrase', () => {
  const input = (text: string) => jobInputOf({ text });

  const now = new Date('2026-11-20T00:00:00Z');

  it('reads the job as remote when who may apply is stated after "Remote"', () => {
    for (const text of [
      'Remote - US only. We build APIs in Go.',
      'Remote worldwide. We build APIs.',
      'Remote (Canada). Build APIs.',
    ]) {
      const intel = enrichJob(input(text), { now });
      assert.equal(intel.workplace, 'remote', text);
      assert.ok(intel.eligibility.applyFrom.length > 0, text);
    }
  });

  it('leaves other senses of "remote" alone', () => {
    const intel = enrichJob(input('Our remote sensing team in Canada builds APIs.'), { now });
    assert.equal(intel.workplace, 'unknown');
  });
});
