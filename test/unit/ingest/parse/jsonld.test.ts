// schema.org JobPosting data read from pages: the shapes sites publish it in (object, array,
// @graph, ItemList, Next.js state), the ways they break it (CDATA, HTML escaping, raw newlines,
// bad JSON), and the exact RawItem each posting becomes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { type JsonLdReading, readJobPostings } from '../../../../src/ingest/parse/jsonld.ts';
import { MAX_DEPTH } from '../../../../src/ingest/parse/jsonld-find.ts';
import { parseLooseJson } from '../../../../src/ingest/parse/jsonld-loose-json.ts';
import { looseIsoDate } from '../../../../src/ingest/parse/jsonld-posting.ts';
import type { RawItem } from '../../../../src/ingest/parse/raw-feed.ts';
import { rawItem } from '../normalize/raw-items.ts';
import { fixtureText, readManifest } from './fixture-text.ts';

const PAGE = 'https://jobs.example.org/en/list.html';

function page(name: string): string {
  return readFileSync(new URL(`../../../fixtures/html/jsonld/${name}`, import.meta.url), 'utf8');
}

// A RawItem as this reader builds it: the link doubles as guid and alternate link unless stated.
function item(fields: Partial<RawItem> & { link: string | null }): RawItem {
  return rawItem({
    links: fields.link ? [{ href: fields.link, rel: 'alternate', type: null }] : [],
    guid: fields.link,
    guidIsPermaLink: fields.link !== null,
    base: PAGE,
    ...fields,
  });
}

type Case = {
  file: string;
  source: JsonLdReading['source'];
  warnings?: RegExp[];
  items: RawItem[];
};

const CASES: Record<string, Case> = {
  'a single JobPosting object with every mapped field': {
    file: 'single-object.html',
    source: 'json-ld',
    items: [
      item({
        title: 'Senior Backend Engineer (Go)',
        link: 'https://careers.acme-robotics.example/jobs/1042-senior-backend-engineer',
        guid: 'ACME-1042',
        guidIsPermaLink: false,
        published: '2026-05-04',
        updated: '2026-05-06T08:30:00Z',
        contentHtml:
          '<p>Acme Robotics is hiring a <strong>Senior Backend Engineer</strong> to build our fleet APIs.</p><ul><li>Go &amp; PostgreSQL</li><li>Kubernetes</li></ul>',
        imageUrl: 'https://acme-robotics.example/img/logo.png',
        extra: {
          company: 'Acme Robotics',
          company_logo: 'https://acme-robotics.example/img/logo.png',
          company_url: 'https://acme-robotics.example/',
          location: 'Boston, MA, US',
          country: 'US',
          type: 'Full-Time, Contract',
          category: '15-1252.00 Software Developers',
          skills: 'Go, PostgreSQL, Kubernetes',
          salary_min: '120000',
          salary_max: '150000',
          salary_currency: 'USD',
          salary_period: 'year',
          salary: 'USD 120000-150000 per year',
          expires_at: '2026-06-30T23:59',
          apply_url: 'https://careers.acme-robotics.example/jobs/1042-senior-backend-engineer',
        },
      }),
    ],
  },
  'a top-level array (upper-case type with a charset parameter), name and sameAs fallbacks': {
    file: 'array.html',
    source: 'json-ld',
    items: [
      item({
        title: 'Platform Engineer',
        link: 'https://initech.example/careers/platform-engineer',
        published: '2026-04-20',
        contentHtml: '<p>Own our CI and deploy tooling.</p>',
        extra: {
          company: 'Initech',
          location: 'Austin, TX, United States; Remote (US)',
          country: 'United States',
          type: 'Part-Time',
        },
      }),
      item({
        title: 'Database Reliability Engineer',
        link: 'https://initech.example/careers/dbre',
        published: '2026-04-22',
        contentHtml: '<p>Keep Postgres fast.</p>',
        extra: {
          company: 'Initech',
          company_url: 'https://initech.example/',
          location: 'Dallas, US',
          country: 'US',
          type: 'Temporary, Internship',
        },
      }),
    ],
  },
  '@graph with an Organization the posting references by @id': {
    file: 'graph.html',
    source: 'json-ld',
    items: [
      item({
        title: 'Site Reliability Engineer',
        link: 'https://globex.example/jobs/sre/',
        guid: 'https://globex.example/jobs/sre/#jobposting',
        guidIsPermaLink: false,
        published: '2026-03-02T10:00:00+00:00',
        contentHtml: '<p>Run the platform that runs Globex.</p>',
        imageUrl: 'https://globex.example/wp-content/uploads/globex-logo.png',
        extra: {
          company: 'Globex Corporation',
          company_logo: 'https://globex.example/wp-content/uploads/globex-logo.png',
          company_url: 'https://globex.example/',
          location: 'London, GB; Manchester, GB',
          country: 'GB',
          type: 'Full-Time',
          category: 'Energy',
        },
      }),
    ],
  },
  'ItemList of ListItem.item and direct postings, the repeat in a second script dropped': {
    file: 'item-list.html',
    source: 'json-ld',
    items: [
      item({
        title: 'Backend Engineer, Search',
        link: 'https://hooli.example/jobs/7001',
        guid: '7001',
        guidIsPermaLink: false,
        published: '2026-02-10',
        extra: { company: 'Hooli' },
      }),
      item({
        title: 'Backend Engineer, Ads',
        link: 'https://hooli.example/jobs/7002',
        guid: '7002',
        guidIsPermaLink: false,
        published: '2026-02-11',
        extra: { company: 'Hooli' },
      }),
    ],
  },
  'CDATA-wrapped scripts, with and without comment markers': {
    file: 'cdata.html',
    source: 'json-ld',
    items: [
      item({
        title: 'Integration Developer',
        link: 'https://umbrella.example/vacancies/integration-developer',
        published: '2026-01-15',
        contentHtml: '<p>Connect our warehouse systems.</p>',
        extra: { company: 'Umbrella Logistics' },
      }),
      item({
        title: 'Data Engineer',
        link: 'https://umbrella.example/vacancies/data-engineer',
        published: '2026-01-16',
        extra: { company: 'Umbrella Logistics' },
      }),
    ],
  },
  'an HTML-escaped script, decoded once': {
    file: 'html-escaped.html',
    source: 'json-ld',
    items: [
      item({
        title: 'R&D Software Engineer',
        link: 'https://soylent.example/jobs/rd-software-engineer',
        published: '2026-03-09',
        contentHtml: '<p>Prototype new <em>food-tech</em> services.</p>',
        extra: { company: 'Soylent Labs', location: 'Zürich, CH', country: 'CH' },
      }),
    ],
  },
  'raw newlines and tabs inside a string, and a trailing comma': {
    file: 'raw-newline.html',
    source: 'json-ld',
    items: [
      item({
        title: 'Junior Developer',
        link: 'https://wayne.example/careers/junior-developer',
        published: '2026-04-01',
        contentHtml:
          '<p>Join our team.</p>\n<p>We value:</p>\n<ul><li>curiosity</li>\t<li>care</li></ul>',
        extra: { company: 'Wayne Enterprises', location: 'Gotham, US', country: 'US' },
      }),
    ],
  },
  'an invalid script is a warning and the others are still read': {
    file: 'invalid.html',
    source: 'json-ld',
    warnings: [/^JSON-LD script 2 is not valid JSON: \S.{0,100}$/],
    items: [
      item({
        title: 'Firmware Engineer',
        link: 'https://stark.example/careers/firmware-engineer',
        published: '2026-05-01',
        extra: { company: 'Stark Industries' },
      }),
      item({
        title: 'Embedded Rust Engineer',
        link: 'https://stark.example/careers/embedded-rust-engineer',
        published: '2026-05-03',
        extra: { company: 'Stark Industries' },
      }),
    ],
  },
  '@type as a URL or an array; loose dates padded, other dates left alone': {
    file: 'type-variants.html',
    source: 'json-ld',
    items: [
      item({
        title: 'ML Infrastructure Engineer',
        link: 'https://cyberdyne.example/jobs/ml-infra',
        published: '2026-05-15',
        extra: { company: 'Cyberdyne Systems' },
      }),
      item({
        title: 'Security Engineer',
        link: 'https://cyberdyne.example/jobs/security',
        published: '2026-05-01T09:00',
        extra: { company: 'Cyberdyne Systems', expires_at: '2026-06-01' },
      }),
      item({
        title: 'QA Automation Engineer',
        link: 'https://cyberdyne.example/jobs/qa',
        published: 'May 20, 2026',
        extra: { company: 'Cyberdyne Systems' },
      }),
    ],
  },
  'TELECOMMUTE with applicantLocationRequirements, salary range, applicationContact': {
    file: 'remote.html',
    source: 'json-ld',
    items: [
      item({
        title: 'Staff Backend Engineer (Remote)',
        link: 'https://piedpiper.example/careers/staff-backend-engineer',
        published: '2026-05-10T12:00:00Z',
        contentHtml: '<p>Work from anywhere in North America or the EU.</p>',
        imageUrl: 'https://piedpiper.example/logo.svg',
        extra: {
          company: 'Pied Piper',
          company_logo: 'https://piedpiper.example/logo.svg',
          remote: 'true',
          region: 'US, CA, European Union',
          type: 'Full-Time',
          salary_min: '180000',
          salary_max: '220000',
          salary_currency: 'USD',
          salary_period: 'year',
          salary: 'USD 180000-220000 per year',
          apply_url: 'https://jobs.piedpiper.example/apply/staff-backend',
        },
      }),
    ],
  },
  'baseSalary as a single QuantitativeValue, a plain number, and a minimum only': {
    file: 'salary.html',
    source: 'json-ld',
    items: [
      item({
        title: 'Go Contractor',
        link: 'https://vandelay.example/jobs/go-contractor',
        published: '2026-04-02',
        extra: {
          company: 'Vandelay Industries',
          type: 'Contract',
          salary_min: '85',
          salary_max: '85',
          salary_currency: 'EUR',
          salary_period: 'hour',
          salary: 'EUR 85 per hour',
        },
      }),
      item({
        title: 'Import/Export Analyst',
        link: 'https://vandelay.example/jobs/analyst',
        published: '2026-04-03',
        extra: {
          company: 'Vandelay Industries',
          salary_min: '52000',
          salary_max: '52000',
          salary_currency: 'GBP',
          salary: 'GBP 52000',
        },
      }),
      item({
        title: 'Latex Sales Engineer',
        link: 'https://vandelay.example/jobs/sales-engineer',
        published: '2026-04-04',
        extra: {
          company: 'Vandelay Industries',
          salary_min: '6000',
          salary_currency: 'USD',
          salary_period: 'month',
          salary: 'from USD 6000 per month',
        },
      }),
    ],
  },
  'relative URLs resolved against <base href="/careers/">, directApply': {
    file: 'base-href.html',
    source: 'json-ld',
    items: [
      item({
        title: 'Frontend Engineer',
        link: 'https://jobs.example.org/careers/jobs/42-frontend-engineer',
        published: '2026-05-12',
        contentHtml: '<p>Build our design system.</p>',
        imageUrl: 'https://jobs.example.org/static/img/massive-dynamic.png',
        base: 'https://jobs.example.org/careers/',
        extra: {
          company: 'Massive Dynamic',
          company_logo: 'https://jobs.example.org/static/img/massive-dynamic.png',
          company_url: 'https://jobs.example.org/',
          apply_url: 'https://jobs.example.org/careers/jobs/42-frontend-engineer',
        },
      }),
    ],
  },
  '__NEXT_DATA__ postings deep in props: untyped, typed, and JSON-LD kept as a string': {
    file: 'next-data.html',
    source: 'next-data',
    items: [
      item({
        title: 'Portal Platform Engineer',
        link: 'https://jobs.example.org/jobs/portal-platform-engineer',
        published: '2026-05-14',
        contentHtml: '<p>Scale the portal gun control plane.</p>',
        imageUrl: 'https://jobs.example.org/images/aperture.png',
        extra: {
          company: 'Aperture Science',
          company_logo: 'https://jobs.example.org/images/aperture.png',
          location: 'Upper Michigan, MI, US',
          country: 'US',
          type: 'Full-Time',
        },
      }),
      item({
        title: 'Test Subject Coordinator',
        link: 'https://aperture.example/jobs/test-subject-coordinator',
        guid: 'j_82',
        guidIsPermaLink: false,
        published: '2026-05-16',
        extra: { company: 'Aperture Science' },
      }),
      item({
        title: 'Turret Firmware Engineer',
        link: 'https://aperture.example/jobs/turret-firmware',
        published: '2026-05-18',
        extra: { company: 'Aperture Science' },
      }),
    ],
  },
  'a page with JSON-LD and JSON but no posting': {
    file: 'none.html',
    source: 'none',
    items: [],
  },
};

describe('readJobPostings on fixture pages', () => {
  for (const [name, { file, source, warnings = [], items }] of Object.entries(CASES)) {
    it(`${name} (${file})`, () => {
      const reading = readJobPostings(page(file), PAGE);
      assert.equal(reading.source, source);
      assert.deepEqual(reading.items, items);
      assert.equal(reading.warnings.length, warnings.length, reading.warnings.join('\n'));
      warnings.forEach((pattern, i) => {
        assert.match(reading.warnings[i] ?? '', pattern);
      });
    });
  }
});

const wrap = (json: string) => `<html><head><script type="application/ld+json">${json}</script>`;

describe('readJobPostings on generated pages', () => {
  it('prefers JSON-LD over __NEXT_DATA__ when the page has both', () => {
    const posting = (title: string) =>
      `{"@type":"JobPosting","title":"${title}","datePosted":"2026-01-01","hiringOrganization":"X","url":"/${title}"}`;
    const html = `${wrap(posting('ld'))}</head><body><script id="__NEXT_DATA__" type="application/json">{"props":${posting('next')}}</script></body></html>`;
    const reading = readJobPostings(html, PAGE);
    assert.equal(reading.source, 'json-ld');
    assert.deepEqual(
      reading.items.map((i) => i.link),
      ['https://jobs.example.org/ld'],
    );
  });

  it('coerces or skips weird shapes instead of throwing', () => {
    const json = JSON.stringify({
      '@type': [null, 3, ['JobPosting']],
      title: 12345,
      description: { html: '<p>x</p>' },
      datePosted: 20260515,
      url: ['', 5, 'javascript:alert(1)', '/ok'],
      identifier: [],
      hiringOrganization: [null, { name: ['Nested', 'Names'], logo: [{ contentUrl: '/l.png' }] }],
      jobLocation: [[null, 5, { address: [{ addressCountry: { name: 7 } }] }], 'Oslo'],
      jobLocationType: 'telecommute',
      applicantLocationRequirements: { '@type': 'Country', name: null },
      employmentType: 5,
      baseSalary: '$120k–$150k a year',
      skills: [{ '@type': 'DefinedTerm', name: 'SQL' }, 'SQL', 'Go'],
      validThrough: null,
      directApply: 'yes',
    });
    const reading = readJobPostings(wrap(json), PAGE);
    assert.deepEqual(reading.items, [
      item({
        title: '12345',
        link: 'https://jobs.example.org/ok',
        published: '20260515',
        imageUrl: 'https://jobs.example.org/l.png',
        extra: {
          company: 'Nested',
          company_logo: 'https://jobs.example.org/l.png',
          location: '5; 7; Oslo',
          country: '7',
          remote: 'true',
          type: '5',
          skills: 'SQL, Go',
          salary: '$120k–$150k a year',
        },
      }),
    ]);
    for (const junk of [
      'null',
      '42',
      '"text"',
      '[]',
      '[[[]]]',
      '{"@graph":null}',
      '{"@type":{}}',
    ]) {
      assert.deepEqual(readJobPostings(wrap(junk), PAGE), {
        items: [],
        warnings: [],
        source: 'none',
      });
    }
  });

  it('reads a 200k-node blob promptly and says it stopped early', () => {
    const n = 200_000;
    const first = '{"@type":"JobPosting","title":"First","url":"/first"}';
    const wide = `[${first},${Array.from({ length: n }, (_, i) => `{"id":${i},"tags":[{"t":"x"}]}`).join(',')}]`;
    const deep = `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
    const html = `${wrap(wide)}${wrap(deep)}</head><body><script id="__NEXT_DATA__" type="application/json">${wide}</script></body></html>`;
    const started = performance.now();
    const reading = readJobPostings(html, PAGE);
    assert.ok(performance.now() - started < 5000, 'took over 5 s');
    assert.equal(reading.source, 'json-ld');
    assert.deepEqual(
      reading.items.map((i) => i.title),
      ['First'],
    );
    assert.deepEqual(reading.warnings, [
      'JSON-LD script 1 is too large: searched only 50000 nodes',
    ]);
  });

  it(`does not look for postings more than ${MAX_DEPTH} levels down`, () => {
    const nest = (levels: number) =>
      `${'{"a":'.repeat(levels)}{"@type":"JobPosting","title":"At ${levels}"}${'}'.repeat(levels)}`;
    const found = (levels: number) => readJobPostings(wrap(nest(levels)), PAGE).items.length;
    assert.equal(found(MAX_DEPTH), 1);
    assert.equal(found(MAX_DEPTH + 1), 0);
  });

  it('reports a bad __NEXT_DATA__ only when falling back to it', () => {
    const html = `<script id="__NEXT_DATA__" type="application/json">{"props":</script>`;
    const reading = readJobPostings(html, PAGE);
    assert.equal(reading.source, 'none');
    assert.match(
      reading.warnings[0] ?? '',
      /^JSON script 1 \(#__NEXT_DATA__\) is not valid JSON: /,
    );
  });
});

describe('parseLooseJson', () => {
  const table: Array<[string, string, unknown]> = [
    ['plain', '{"a":1}', { a: 1 }],
    ['HTML comment wrapper', '<!--\n{"a":1}\n//-->', { a: 1 }],
    ['line-comment CDATA', '//<![CDATA[\n{"a":1}\n//]]>', { a: 1 }],
    ['trailing semicolon and BOM', '\uFEFF{"a":1};', { a: 1 }],
    ['trailing commas', '{"a":[1,2,],}', { a: [1, 2] }],
    ['control characters', '{"a":"x\r\ny\u0001"}', { a: 'x\r\ny\u0001' }],
    ['entities left alone in valid JSON', '{"a":"&quot;x&quot;"}', { a: '&quot;x&quot;' }],
    ['escaped and with a raw newline', '{&quot;a&quot;:&quot;x\ny&quot;}', { a: 'x\ny' }],
    ['commas inside strings kept', '{"a":",}"}', { a: ',}' }],
  ];
  for (const [name, body, value] of table) {
    it(name, () => assert.deepEqual(parseLooseJson(body), { ok: true, value }));
  }
});

describe('looseIsoDate', () => {
  const table: Array<[unknown, string | null]> = [
    ['2026-5-15', '2026-05-15'],
    ['2026-5-1T9:00', '2026-05-01T09:00'],
    ['2026-5-1 9:5:7+02:00', '2026-05-01T09:05:07+02:00'],
    ['2026-05-01 09:00', '2026-05-01 09:00'],
    ['2026-05-01T09:00:00.000Z', '2026-05-01T09:00:00.000Z'],
    ['15/05/2026', '15/05/2026'],
    [null, null],
    [{}, null],
  ];
  for (const [value, expected] of table) {
    it(String(JSON.stringify(value)), () => assert.equal(looseIsoDate(value), expected));
  }
});

describe('readJobPostings on the real pages in the shared fixtures', () => {
  // None of these carries a JobPosting; gitlab-blog's three JSON-LD blocks are CDATA-wrapped,
  // so an empty warning list shows they parsed. jobs.rss mentions JobPosting only in its links.
  const pages = readManifest()
    .filter((row) => row.kind === 'html-article')
    .map((row) => row.path);
  for (const file of [...pages, 'research-computing-teams/jobs.rss']) {
    it(file, () => {
      assert.deepEqual(readJobPostings(fixtureText(file), 'https://example.com/page'), {
        items: [],
        warnings: [],
        source: 'none',
      });
    });
  }

  it('parses the three CDATA-wrapped JSON-LD blocks of the GitLab blog page', () => {
    const html = fixtureText('readability/gitlab-blog/source.html');
    const bodies = [...html.matchAll(/<script[^>]*ld\+json[^>]*>([\s\S]*?)<\/script>/g)];
    const types = bodies.map(([, body]) => {
      const parsed = parseLooseJson(body ?? '');
      return parsed.ok ? (parsed.value as { '@type': string })['@type'] : parsed.reason;
    });
    assert.deepEqual(types, ['Organization', 'BreadcrumbList', 'BlogPosting']);
  });
});
