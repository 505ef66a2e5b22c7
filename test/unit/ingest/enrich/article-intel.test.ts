import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ArticleIntel } from '../../../../src/domain/job-intel.ts';
import { articleIntel, countWords } from '../../../../src/ingest/enrich/article-intel.ts';

const words = (n: number, word = 'lorem') => Array.from({ length: n }, () => word).join(' ');

describe('countWords', () => {
  const cases: Array<[text: string, expected: number]> = [
    ['', 0],
    ['   ', 0],
    ['Hello, world!', 2],
    ["Don't over-engineer v1.2 — it's fine.", 5],
    ['Node.js and C++ in 2025', 5],
    ['日本語の文章です', 4],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => assert.equal(countWords(text), expected));
  }
});

describe('articleIntel', () => {
  const cases: Array<
    [name: string, input: { title: string; text: string; tags: string[] }, expected: ArticleIntel]
  > = [
    [
      'empty text has no reading time',
      { title: 'Hi', text: '', tags: [] },
      { readingMinutes: null, topics: [], stackTags: [] },
    ],
    [
      '230 words is one minute',
      { title: 'x', text: words(230), tags: [] },
      { readingMinutes: 1, topics: [], stackTags: [] },
    ],
    [
      '231 words is two minutes',
      { title: 'x', text: words(231), tags: [] },
      { readingMinutes: 2, topics: [], stackTags: [] },
    ],
    [
      '2,300 words is ten minutes',
      { title: 'x', text: words(2300), tags: [] },
      { readingMinutes: 10, topics: [], stackTags: [] },
    ],
    [
      'title names a topic',
      { title: 'How I negotiated my salary', text: words(100), tags: [] },
      { readingMinutes: 1, topics: ['salary-negotiation'], stackTags: [] },
    ],
    [
      'a tag names a topic',
      { title: 'Notes', text: words(50), tags: ['Interviewing'] },
      { readingMinutes: null, topics: ['interviewing'], stackTags: [] },
    ],
    [
      'text returns to a topic',
      {
        title: 'Notes',
        text: `Our layoff came in May. ${words(300)} After the layoffs, severance ran out.`,
        tags: [],
      },
      { readingMinutes: 2, topics: ['layoffs'], stackTags: [] },
    ],
    [
      'one passing mention is not a topic',
      {
        title: 'Tuning Postgres',
        text: `We were hiring then. ${words(300)} Tune the planner in PostgreSQL.`,
        tags: [],
      },
      { readingMinutes: 2, topics: ['postgresql'], stackTags: ['postgresql'] },
    ],
    [
      'two mentions in a long article are too few',
      { title: 'Notes', text: `Burnout is real. ${words(3000)} Burnout again.`, tags: [] },
      { readingMinutes: 14, topics: [], stackTags: [] },
    ],
    [
      'system design plus stack tags',
      {
        title: 'System design interview: sharding Postgres',
        text: 'Consistent hashing with Redis and Kafka in Go services.',
        tags: ['Career'],
      },
      {
        readingMinutes: null,
        topics: ['interviewing', 'system-design', 'go', 'kafka', 'postgresql', 'redis'],
        stackTags: ['go', 'kafka', 'postgresql', 'redis'],
      },
    ],
    [
      'hyphen and space are the same ("remote first")',
      { title: 'Going remote first', text: words(10), tags: [] },
      { readingMinutes: null, topics: ['remote-work'], stackTags: [] },
    ],
    [
      '"resume" the verb is not a résumé',
      {
        title: 'Resume a failed upload',
        text: 'You can resume the upload, resume it again.',
        tags: [],
      },
      { readingMinutes: null, topics: [], stackTags: [] },
    ],
    [
      '"package manager" is not management',
      {
        title: 'A better package manager',
        text: 'The package manager and the memory manager.',
        tags: [],
      },
      { readingMinutes: null, topics: [], stackTags: [] },
    ],
    [
      'engineering management and 1:1s',
      {
        title: 'Your first year as an engineering manager',
        text: 'Hold 1:1s weekly with direct reports.',
        tags: [],
      },
      { readingMinutes: null, topics: ['management'], stackTags: [] },
    ],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.deepEqual(articleIntel(input), expected));
  }
});

describe('articleIntel: no reading time from a teaser', () => {
  const minutes = (text: string) => articleIntel({ title: 'x', text, tags: [] }).readingMinutes;
  it('gives none under 100 words, where a feed carries an excerpt', () => {
    assert.equal(minutes(words(99)), null);
    assert.equal(minutes(words(100)), 1);
  });
  it('gives none when the text points at the rest, however long', () => {
    for (const end of [
      '…',
      '...',
      ' […]',
      ' [...]',
      ' Read more',
      ' Continue reading "The title" →',
      ' Read the full article »',
    ])
      assert.equal(minutes(`${words(600)}${end}`), null, end);
    assert.equal(minutes(`${words(600)}.`), 3);
  });
});

describe('articleIntel: words engineering writing uses otherwise', () => {
  const topicsOf = (title: string) =>
    articleIntel({ title, text: 'A short body.', tags: [] }).topics;
  const cases: Array<[title: string, topics: string[]]> = [
    ['Go 1.22 Release Candidate 1 is now available', ['go']],
    ['Redundancy in distributed systems', ['distributed-systems']],
    ['Compensation actions in the saga pattern', []],
    ['TLS negotiation, step by step', []],
    ['Kubernetes promoted to GA', ['kubernetes']],
    ['Type promotion rules in C', ['c']],
    ['Mentor Graphics acquires a startup', []],
    ['An interview with the Go team', []],
    // The career sense still counts.
    ['Negotiating your salary as a senior engineer', ['salary-negotiation']],
    ['How to negotiate a job offer', ['job-search', 'salary-negotiation']],
    ['How I got promoted to staff engineer', ['promotion']],
    ['Mentoring junior engineers', ['mentoring']],
    ['Made redundant at 40: what next', ['layoffs']],
    ['What I learned from 30 interviews', ['interviewing']],
    ['Coding interview prep in four weeks', ['interviewing']],
    ['What hiring managers look for in a job candidate', ['hiring']],
  ];
  for (const [title, topics] of cases) {
    it(JSON.stringify(title), () => assert.deepEqual(topicsOf(title), topics));
  }
});
