import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seeded } from '../../../../bench/lib/feed-gen.ts';
import {
  CANDIDATE_SOURCE,
  candidateStarts,
  findSalaryCandidates,
} from '../../../../src/ingest/enrich/salary-text.ts';

describe('salary candidates are looked for only where one can begin', () => {
  // findSalaryCandidates tries its pattern only at candidateStarts (matchesAt, tested in
  // pattern-scan.test.ts): it finds what a scan of every character finds as long as every place
  // the pattern matches is among them. Checked here on random text full of near misses.
  it('every place the pattern matches is a candidate start, on 10,000 random texts', () => {
    const sticky = new RegExp(CANDIDATE_SOURCE, 'iuy');
    const pieces = [
      ...['up to ', 'Up To', 'upto', 'from', 'between ', ' and ', ' to ', 'at least ', 'over '],
      ...['max.', 'minimum: ', 'starting at', 'in excess of ', 'north of ', 'ſtarting at '],
      ...['$', 'US$', '€', '£', '₹', 'zł', 'Kč', 'JP¥', 'USD', 'usd', 'EUR ', 'KRW', '\u212aRW'],
      ...['1', '20', '120', '120,000', '60.000', '12,34,567', '3.5', '100k', 'k', 'K', ' LPA'],
      ...[' lakh', 'm', 'bn', '/hr', ' per year', ' pa', '+', '-', '–', ' - ', '/', '.', ','],
      ...['_', 'a', 'x1', 'v2', 'é', 'ß', 'ſ', '\u212a', '٣', '’', "'", '(', ')', ':', ' ', '  '],
      ...['\n', 'salary', 'Salary:', 'brutto', 'gross', 'bonus', 'BASE', 'ours'],
    ];
    const rand = seeded(20261125);
    let matched = 0;
    for (let i = 0; i < 10_000; i++) {
      let text = '';
      const length = 1 + Math.floor(rand() * 16);
      for (let k = 0; k < length; k++) text += pieces[Math.floor(rand() * pieces.length)];
      const starts = new Set(candidateStarts(text));
      for (let at = 0; at < text.length; at++) {
        sticky.lastIndex = at;
        if (!sticky.exec(text)) continue;
        matched++;
        assert.ok(starts.has(at), `a match at ${at} in ${JSON.stringify(text)}`);
      }
    }
    assert.ok(matched > 4000, `the random texts held only ${matched} matches`);
  });

  it('still reads amounts at the start, after punctuation and after non-ASCII letters', () => {
    const raw = (text: string) => findSalaryCandidates(text).map((c) => c.raw);
    assert.deepEqual(raw('$120k–$150k'), ['$120k–$150k']);
    assert.deepEqual(raw('Pay (USD 90,000 - 110,000) yearly'), ['USD 90,000 - 110,000']);
    assert.deepEqual(raw('Gehalt:€60.000 brutto'), ['€60.000']);
    assert.deepEqual(raw('éup to $90k'), ['up to $90k']);
    assert.deepEqual(raw('v2 release, 3.10 patch, x$5'), []);
  });
});
