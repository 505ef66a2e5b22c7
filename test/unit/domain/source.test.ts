import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  effectiveIntervalMinutes,
  healthStatus,
  isTimeZone,
  sourceInputSchema,
} from '../../../src/domain/source.ts';

describe('effectiveIntervalMinutes: failing sources back off, capped at a day', () => {
  const cases: Array<[number, number, number]> = [
    [30, 0, 30],
    [30, 1, 30],
    [30, 2, 30],
    [30, 3, 60],
    [30, 4, 120],
    [30, 6, 480],
    [30, 8, 1440],
    [30, 50, 1440],
    [2000, 5, 2000],
  ];
  for (const [interval, failures, expected] of cases) {
    it(`${interval} min after ${failures} failures → ${expected} min`, () => {
      assert.equal(effectiveIntervalMinutes(interval, failures), expected);
    });
  }
});

describe('healthStatus', () => {
  const at = new Date('2026-01-01T00:00:00Z');
  const cases: Array<[boolean, number, Date | null, string]> = [
    [false, 0, at, 'disabled'],
    [false, 5, at, 'disabled'],
    [true, 0, null, 'never_run'],
    [true, 0, at, 'healthy'],
    [true, 2, at, 'failing'],
    [true, 3, at, 'backing_off'],
  ];
  for (const [enabled, failures, lastFetchedAt, expected] of cases) {
    it(`enabled=${enabled} failures=${failures} fetched=${!!lastFetchedAt} → ${expected}`, () => {
      assert.equal(
        healthStatus({ enabled, health: { consecutiveFailures: failures, lastFetchedAt } }),
        expected,
      );
    });
  }
});

describe('sourceInputSchema', () => {
  it('fills defaults for a minimal source', () => {
    const parsed = sourceInputSchema.parse({
      name: 'X',
      url: 'https://example.com/feed',
      type: 'jobs',
    });
    assert.deepEqual(parsed, {
      name: 'X',
      url: 'https://example.com/feed',
      kind: 'rss',
      type: 'jobs',
      intervalMinutes: 30,
      enabled: true,
      options: {
        userAgent: null,
        keep: [],
        block: [],
        dateOrder: null,
        timeZone: null,
        listsAllOpenJobs: false,
        titleFormat: null,
      },
      terms: { attribution: true, syndication: false, note: null },
      selectors: null,
    });
  });

  const bad: Array<[string, Record<string, unknown>, string, string]> = [
    ['a relative URL', { url: '/feed' }, 'url', 'an absolute http(s) URL'],
    ['a javascript: URL', { url: 'javascript:alert(1)' }, 'url', 'an absolute http(s) URL'],
    ['an unknown type', { type: 'gigs' }, 'type', 'jobs or articles'],
    [
      'a 1-minute interval',
      { intervalMinutes: 1 },
      'intervalMinutes',
      'minutes, an integer from 5 to 10080',
    ],
    ['an empty name', { name: '  ' }, 'name', 'a name is required'],
    [
      'an unknown time zone',
      { options: { timeZone: 'Mars/Olympus' } },
      'options',
      'an IANA time zone name, e.g. Europe/Berlin',
    ],
    [
      'an unknown title format',
      { options: { titleFormat: 'role-at-company' } },
      'options',
      'role-company or company-role',
    ],
  ];
  for (const [name, change, path, message] of bad) {
    it(`rejects ${name} with a message for that field`, () => {
      const result = sourceInputSchema.safeParse({
        name: 'X',
        url: 'https://example.com/feed',
        type: 'jobs',
        ...change,
      });
      assert.equal(result.success, false);
      const issue = result.error?.issues[0];
      assert.equal(issue?.path[0], path);
      assert.equal(issue?.message, message);
    });
  }

  it('knows real time zones', () => {
    assert.equal(isTimeZone('Europe/Berlin'), true);
    assert.equal(isTimeZone('America/New_York'), true);
    assert.equal(isTimeZone('Mars/Olympus'), false);
  });
});

describe('source kinds', () => {
  const base = { url: 'https://acme.example/careers', type: 'jobs', name: 'Acme' };
  const selectors = { item: '.job', fields: { title: 'h2', link: 'a@href' } };

  it('accepts an html source with selectors and a jsonld source without', () => {
    assert.equal(sourceInputSchema.safeParse({ ...base, kind: 'html', selectors }).success, true);
    assert.equal(sourceInputSchema.safeParse({ ...base, kind: 'jsonld' }).success, true);
  });

  it('refuses an html source without selectors, and selectors on a feed', () => {
    const bare = sourceInputSchema.safeParse({ ...base, kind: 'html' });
    assert.match(bare.error?.issues[0]?.message ?? '', /html source needs selectors/);
    const feed = sourceInputSchema.safeParse({ ...base, kind: 'rss', selectors });
    assert.match(feed.error?.issues[0]?.message ?? '', /selectors apply to html sources only/);
    const unknown = sourceInputSchema.safeParse({ ...base, kind: 'ftp' });
    assert.match(unknown.error?.issues[0]?.message ?? '', /one of rss, html, jsonld/);
  });
});

describe('sourceInputSchema: what the console could not show back, refused or made one line', () => {
  const base = { url: 'https://jobs.example/feed.rss', type: 'jobs', name: 'Jobs' };
  const issue = (input: Record<string, unknown>) => {
    const parsed = sourceInputSchema.safeParse({ ...base, ...input });
    return parsed.success ? null : parsed.error.issues[0]?.message;
  };

  it('keeps a name and a terms note on one line', () => {
    const parsed = sourceInputSchema.parse({
      ...base,
      name: ' Example\n Jobs ',
      terms: { note: 'Reproduced with permission.\nSee terms.' },
    });
    assert.equal(parsed.name, 'Example Jobs');
    assert.equal(parsed.terms.note, 'Reproduced with permission. See terms.');
  });

  it('refuses a user agent that could not be sent as a header', () => {
    assert.equal(
      issue({ options: { userAgent: 'Bot/1.0\u0001evil' } }),
      'printable Latin-1 text (no control characters), as HTTP headers carry',
    );
    assert.equal(issue({ options: { userAgent: 'Bot/1.0 (+https://jobs.example)' } }), null);
  });

  it('refuses a rule spanning lines', () => {
    assert.equal(issue({ options: { keep: ['backend\ngo'] } }), 'one line per rule');
  });

  it('refuses job-only settings on an articles source', () => {
    assert.match(
      issue({ type: 'articles', options: { listsAllOpenJobs: true } }) ?? '',
      /^a setting of job sources only/,
    );
    assert.match(
      issue({ type: 'articles', options: { titleFormat: 'role-company' } }) ?? '',
      /^a setting of job sources only/,
    );
  });

  it('names the date orders it takes', () => {
    assert.equal(issue({ options: { dateOrder: 'ymd' } }), 'dmy or mdy');
  });
});
