import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entryTerms, searchTerms, withoutDiacritics } from '../../../src/domain/search-terms.ts';

describe('searchTerms', () => {
  const cases: Array<[name: string, parts: Array<string | null | string[]>, expected: string[]]> = [
    [
      'lower-cased words, punctuation split',
      ['Senior Back-End Engineer (Remote)'],
      ['senior', 'back', 'end', 'engineer', 'remote'],
    ],
    ['stop words removed', ['The Best of the Web and More'], ['best', 'web', 'more']],
    [
      'tech tokens kept whole',
      ['C++ / C# / F# and .NET, ASP.NET'],
      ['c++', 'c#', 'f#', '.net', 'asp.net'],
    ],
    ['*.js also yields its name', ['Node.js & Vue.js'], ['node.js', 'node', 'vue.js', 'vue']],
    ['short tech names kept, other single letters dropped', ['Go, R and C: a b'], ['go', 'r', 'c']],
    ['IT and US are not stop words', ['IT support in the US'], ['it', 'support', 'us']],
    ['possessives and apostrophes', ["Company's team don't"], ['company', 'team', 'dont']],
    [
      'Unicode letters and digits',
      ['Café in Zürich, 東京 2024'],
      ['café', 'zürich', '東京', '京', '2024'],
    ],
    ['full-width text normalized', ['ＪＡＶＡ'], ['java']],
    [
      'CJK runs as overlapping character pairs and their last character, beside other scripts',
      ['日本株式会社 Go言語', 'メルカリー'],
      [
        ...['日本', '本株', '株式', '式会', '会社', '社', 'go', '言語', '語'],
        ...['メル', 'ルカ', 'カリ', 'リー', 'ー'],
      ],
    ],
    ['a lone CJK character kept', ['京 x'], ['京']],
    [
      'Hangul, spaced or not',
      ['서울에서 백엔드'],
      ['서울', '울에', '에서', '서', '백엔', '엔드', '드'],
    ],
    [
      'title, company and tags, deduplicated',
      [
        'Kaleo Software: Senior Software Engineer',
        'Kaleo Software',
        ['Ruby', 'ruby', 'PostgreSQL'],
      ],
      ['kaleo', 'software', 'senior', 'engineer', 'ruby', 'postgresql'],
    ],
    ['nulls and empty parts ignored', [null, '', [], ['  ']], []],
    ['absurdly long tokens dropped', [`${'x'.repeat(41)} ok`], ['ok']],
  ];
  for (const [name, parts, expected] of cases) {
    it(name, () => {
      assert.deepEqual(searchTerms(...parts), expected);
    });
  }

  it('caps at 128 terms, keeping the first', () => {
    const words = Array.from({ length: 200 }, (_, i) => `term${i}`);
    const terms = searchTerms(words.join(' '));
    assert.equal(terms.length, 128);
    assert.deepEqual(terms, words.slice(0, 128));
  });
});

describe('searchTerms: names joined by "&"', () => {
  it('keeps "AT&T" and "R&D" whole: apart they are a stop word, a letter, and the R language', () => {
    assert.deepEqual(searchTerms('AT&T: R&D Engineer'), ['at&t', 'r&d', 'engineer']);
  });
});

describe('entryTerms: an entry found with or without accents', () => {
  it('holds each accented term twice, as written and plain', () => {
    assert.deepEqual(entryTerms('Müller GmbH, Zürich', ['Łódź']), [
      'müller',
      'muller',
      'gmbh',
      'zürich',
      'zurich',
      'łódź',
      'lodz',
    ]);
  });

  it('leaves plain terms alone, and stays within 128', () => {
    assert.deepEqual(entryTerms('Go Engineer'), ['go', 'engineer']);
    const words = Array.from({ length: 140 }, (_, i) => `café${i}`);
    assert.equal(entryTerms(words.join(' ')).length, 128);
  });

  it('drops marks and the letters that have none to drop', () => {
    assert.equal(withoutDiacritics('straße'), 'strasse');
    assert.equal(withoutDiacritics('søren'), 'soren');
    assert.equal(withoutDiacritics('são'), 'sao');
    assert.equal(withoutDiacritics('日本'), '日本');
  });

  it('keeps kana and Hangul whole: their marks are letters, not accents', () => {
    // "バッ" without its voicing mark would be "ハッ", another word ("hack" for "back").
    assert.deepEqual(entryTerms('バック'), ['バッ', 'ック', 'ク']);
    assert.equal(withoutDiacritics('바'), '바');
  });
});
