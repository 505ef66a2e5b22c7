import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  compileRule,
  findHazard,
  RULE_TIMEOUT_MS,
  RuleError,
  testWithTimeout,
} from '../../../src/domain/safe-pattern.ts';

const PATHOLOGICAL_INPUT = `${'a'.repeat(38)}!`;

describe('compileRule: rules that work', () => {
  const cases: Array<[rule: string, text: string, matches: boolean]> = [
    ['/sales/i', 'Senior Sales Engineer', true],
    ['/sales/', 'Senior Sales Engineer', false],
    ['/\\bjava\\b/i', 'JavaScript developer', false],
    ['/\\bjava\\b/i', 'Java developer', true],
    ['/^senior/im', 'Remote\nSenior Engineer', true],
    ['/(?:get|post)+ handlers/i', 'GETPOST handlers', true],
    ['/\\p{Lu}{3,}/u', 'Join the SRE team', true],
    ['/a.b/s', 'a\nb', true],
    ['java', 'JavaScript developer', false],
    ['java', 'Senior Java developer', true],
    ['machine   learning', 'Machine learning platform', true],
    ['c++', 'Modern C++ and Rust', true],
    ['c', 'Modern C++ and Rust', false],
    ['são paulo', 'Based in São Paulo', true],
    ['  sales  ', 'Sales Engineer', true],
  ];
  for (const [rule, text, matches] of cases) {
    it(`${rule} on ${JSON.stringify(text)}`, () =>
      assert.equal(compileRule(rule).test(text), matches));
  }

  it('keeps the rule as written as its source', () => {
    assert.equal(compileRule('/sales/i').source, '/sales/i');
    assert.equal(compileRule('  crypto ').source, 'crypto');
  });
});

describe('compileRule: rules refused with a message an operator understands', () => {
  const cases: Array<[rule: string, code: string, message: string]> = [
    ['', 'rule_invalid', 'The rule is empty.'],
    [
      '/(abc/i',
      'rule_invalid',
      'Rule /(abc/i is not a valid regular expression: Unterminated group.',
    ],
    [
      '/sales/g',
      'rule_invalid',
      'Rule /sales/g uses flags "g"; only i, m, s and u are allowed, once each.',
    ],
    [
      '/sales/ii',
      'rule_invalid',
      'Rule /sales/ii uses flags "ii"; only i, m, s and u are allowed, once each.',
    ],
    [
      '/sales',
      'rule_invalid',
      'Rule /sales starts with "/" but does not end with "/flags". Write /pattern/flags for a regular expression, or the keyword without slashes.',
    ],
    [
      '/(a+)+$/',
      'rule_unsafe',
      'Rule /(a+)+$/ was refused: "(a+)+" repeats a group that itself varies in length, which can take exponential time on some text. Rewrite it without the nesting (for example (a+)+ → a+).',
    ],
    [
      '/(\\w)\\1/',
      'rule_unsafe',
      'Rule /(\\w)\\1/ was refused: backreferences (\\1, \\k<name>) are not allowed: they can take exponential time.',
    ],
    [
      `/${'a'.repeat(501)}/`,
      'rule_invalid',
      `Rule /${'a'.repeat(501)}/ is longer than 500 characters.`,
    ],
  ];
  for (const [rule, code, message] of cases) {
    it(JSON.stringify(rule).slice(0, 40), () => {
      assert.throws(
        () => compileRule(rule),
        (error: unknown) =>
          error instanceof RuleError && error.code === code && error.message === message,
      );
    });
  }
});

describe('findHazard', () => {
  const cases: Array<[pattern: string, refused: boolean]> = [
    ['(a+)+$', true],
    ['((a+))+', true],
    ['(a|ab)*', true],
    ['(a|a)+', true],
    ['(\\d|\\w)+', true],
    ['(\\w+\\s?)+', true],
    ['^(a?){25}a{25}$', true],
    ['(.*a){10}', true],
    ['(?<x>a)\\k<x>', true],
    ['(?:get|post)+', false],
    ['(?:foo)+', false],
    ['[a-z]+\\s[0-9]{2,4}', false],
    ['\\bsenior\\b|\\bstaff\\b', false],
    ['\\p{L}+(?=\\s)', false],
  ];
  for (const [pattern, refused] of cases) {
    it(pattern, () => assert.equal(findHazard(pattern) !== null, refused));
  }
});

describe('testWithTimeout', () => {
  it('stops a catastrophic pattern within the limit with a clear error', () => {
    const started = performance.now();
    assert.throws(
      () => testWithTimeout(/(a+)+$/, PATHOLOGICAL_INPUT),
      (error: unknown) =>
        error instanceof RuleError &&
        error.code === 'rule_timeout' &&
        error.message.startsWith(`Rule /(a+)+$/ took longer than ${RULE_TIMEOUT_MS} ms`),
    );
    // Unguarded, this input takes minutes; the guard returns after about the limit.
    assert.ok(performance.now() - started < 1000);
  });

  it('stops a slow pattern that passes the static check', () => {
    const rule = compileRule('/^\\w*\\w*\\w*\\w*\\w*\\w*X$/');
    assert.throws(
      () => rule.test('a'.repeat(300)),
      (error: unknown) => error instanceof RuleError && error.code === 'rule_timeout',
    );
  });

  it('runs normal patterns and can run again after a timeout', () => {
    assert.equal(testWithTimeout(/remote/i, 'Fully Remote role'), true);
    assert.equal(testWithTimeout(/onsite/i, 'Fully Remote role'), false);
  });
});
