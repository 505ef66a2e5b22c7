import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applyKeywordRules,
  type KeywordRules,
} from '../../../../src/ingest/normalize/keyword-rules.ts';

const entry = {
  title: 'Acme: Senior Java Engineer (Remote)',
  summary: 'Build payment APIs in Java and C++. No sales duties. Based in São Paulo.',
  tags: ['Back-End', 'Machine Learning'],
};

describe('applyKeywordRules', () => {
  const cases: Array<
    [name: string, rules: KeywordRules, expected: { keep: boolean; reason: string | null }]
  > = [
    ['no rules keeps everything', {}, { keep: true, reason: null }],
    ['empty lists keep everything', { keep: [], block: [] }, { keep: true, reason: null }],
    [
      'block keyword in the title',
      { block: ['java'] },
      { keep: false, reason: 'blocked by keyword "java"' },
    ],
    [
      'block keyword in the summary, any case',
      { block: ['SALES'] },
      { keep: false, reason: 'blocked by keyword "SALES"' },
    ],
    [
      'block phrase in a tag, whitespace-insensitive',
      { block: ['machine   learning'] },
      { keep: false, reason: 'blocked by keyword "machine   learning"' },
    ],
    [
      'whole words only: "script" is not in "JavaScript"',
      { block: ['jav', 'script', 'engine'] },
      { keep: true, reason: null },
    ],
    ['"c" does not match "C++"', { block: ['c'] }, { keep: true, reason: null }],
    [
      '"c++" matches literally',
      { block: ['c++'] },
      { keep: false, reason: 'blocked by keyword "c++"' },
    ],
    ['punctuated keyword "back-end"', { keep: ['back-end'] }, { keep: true, reason: null }],
    ['Unicode word', { keep: ['são paulo'] }, { keep: true, reason: null }],
    ['keep matches', { keep: ['python', 'remote'] }, { keep: true, reason: null }],
    [
      'keep without a match',
      { keep: ['python', 'golang'] },
      { keep: false, reason: 'no keep keyword matched' },
    ],
    [
      'block wins over keep',
      { keep: ['remote'], block: ['senior'] },
      { keep: false, reason: 'blocked by keyword "senior"' },
    ],
    [
      'first block keyword that matches is reported',
      { block: ['ruby', 'apis', 'java'] },
      { keep: false, reason: 'blocked by keyword "apis"' },
    ],
    ['blank keywords ignored', { keep: ['  ', ''], block: [' '] }, { keep: true, reason: null }],
    [
      'regex characters are literal',
      { block: ['senior|sales', 'j.va'] },
      { keep: true, reason: null },
    ],
    [
      'brackets match as written',
      { block: ['(remote)'] },
      { keep: false, reason: 'blocked by keyword "(remote)"' },
    ],
    ['a dot is not a wildcard', { block: ['jav.'] }, { keep: true, reason: null }],
  ];
  for (const [name, rules, expected] of cases) {
    it(name, () => {
      assert.deepEqual(applyKeywordRules(entry, rules), expected);
    });
  }
});
