import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  allMatches,
  eachWord,
  keywordStarts,
  leadingKeywords,
  matchesAt,
  nameStarts,
} from '../../../../src/ingest/enrich/pattern-scan.ts';
import { PLACE_LIST, placeStarts } from '../../../../src/ingest/enrich/place-pattern.ts';
import { namePattern } from '../../../../src/ingest/enrich/place-text.ts';

// What a scan reports, comparable across the two ways of scanning.
const spans = (matches: Iterable<RegExpExecArray>) =>
  [...matches].map((m) => [m.index, m[0], { ...m.groups }]);

/** Asserts that trying `source` only at the finder's starts finds what a full scan finds. */
function assertSameAsFullScan(source: string, starts: (text: string) => number[], texts: string[]) {
  const global = new RegExp(source, 'giu');
  const sticky = new RegExp(source, 'iuy');
  for (const text of texts) {
    assert.deepEqual(
      spans(matchesAt(sticky, text, starts(text))),
      spans(text.matchAll(global)),
      `in ${JSON.stringify(text)}`,
    );
  }
}

const TRICKY = [
  'US only',
  'the US only, the  UK only and THE EU only',
  'breathe US only',
  'U.S. only; U.S only; USA only; us only',
  'Remote (USA Only) - Canada/Mexico only',
  'EU-based only. United States-based candidates; United-States based roles',
  'Trinidad and Tobago only, Trinidad&Tobago only, TrinidadandTobago only',
  'Bosnia & Herzegovina only',
  'Côte d’Ivoire only',
  'South Georgia and the South Sandwich Islands only',
  'non-US residents only; US residents only; Canadian residents only; European citizens only',
  'x-US only, _US only, 9US only, US9 only, USA-only',
  '',
  'only',
  'the',
  '🇺🇸 US only 🇪🇺 EU only',
  'St. Vincent and the Grenadines only; St Lucia only; St.Lucia only; N. America only; N America only',
  'U.A.E. only, UAE only, U.A.E only, E.U. only, EU. only',
];

describe('nameStarts + matchesAt', () => {
  it('find what a full scan finds, for names with optional dots, "and"/"&" and punctuation', () => {
    const names = ['U.S.', 'Trinidad and Tobago', 'New Zealand', "People's Republic"].map(
      namePattern,
    );
    const source = `(?<![\\p{L}\\p{N}])(?:${names.join('|')}|\\.net|c#)(?![\\p{L}\\p{N}])`;
    const starts = nameStarts([...names, '\\.net', 'c#']);
    assertSameAsFullScan(source, starts, [
      ...TRICKY,
      'US, U.S., U. S., u.s, USA',
      'New Zealand, New-Zealand, NewZealand, new  zealand',
      "People's Republic, Peoples Republic",
      '.NET and ASP.NET, .net core; C# or c#',
      'Trinidad & Tobago',
    ]);
  });

  it('find what a full scan finds for the place list patterns, with a leading "the"', () => {
    const L = `(?=(?<list>${PLACE_LIST}))\\k<list>`;
    assertSameAsFullScan(`${L}\\s*(?:-\\s*)?only\\b`, placeStarts, TRICKY);
    assertSameAsFullScan(`${L}[-\\s]based\\s+(?:candidates|roles|only)\\b`, placeStarts, TRICKY);
  });

  it('find a name given with a punctuation opener wherever the mark occurs', () => {
    const starts = nameStarts(['\\.net'])('ASP.NET. Or .net');
    assert.deepEqual(starts, [3, 7, 12]);
  });

  it('refuse a pattern that is not sticky, and a name that opens with neither letter nor mark', () => {
    assert.throws(() => matchesAt(/us/giu, 'us', [0]), /sticky/);
    assert.throws(() => nameStarts(['(?:a|b)c']), /must open with a letter or a mark/);
  });
});

describe('keywordStarts + matchesAt', () => {
  const SOURCES = [
    '\\b(?:must\\s+be|requires?|authori[sz]ed)\\s+(?:in|to)\\b',
    '\\bremote(?:ly)?\\b[^.]{0,20}?\\bonly\\b',
    '\\bonly\\s+in\\s+\\w+',
    '\\bno\\s+mat+er\\s+where\\b',
  ];
  const TEXTS = [
    'must be in; MUST BE IN; require to; requires to; authorised to; authorized in',
    'remote US only, remotely EU only, Remote: only; remoteonly only',
    'only in Spain; éonly in France; _only in Italy; x-only in Peru; 9only in Chile',
    'no matter where, no mater where, no mattter where',
    // ſ folds to s and the Kelvin sign to k under the i and u flags, in \\w and \\b too.
    'ſhould be; muſt be in; reſidents; remoteK only',
    '',
    'only',
  ];

  it('find what a full scan finds, for each of several patterns from one scan', () => {
    const finder = keywordStarts(SOURCES);
    SOURCES.forEach((source, index) => {
      assertSameAsFullScan(source, (text) => finder(text)[index] ?? [], TEXTS);
    });
  });

  it('reads the keywords a pattern opens with, optional last letters and groups included', () => {
    assert.deepEqual(leadingKeywords('\\b(?:must\\s+be|requires?|authori[sz]ed|hiring)\\s+x'), [
      'must',
      'require',
      'authori',
      'hiring',
    ]);
    assert.deepEqual(leadingKeywords('\\bRemote(?:ly)?\\b'), ['remote']);
  });

  it('refuses a pattern it cannot prove it scans: no \\b, an optional group, a group first', () => {
    assert.throws(() => leadingKeywords('only\\b'), /opens with \\b/);
    assert.throws(() => leadingKeywords('\\b(?:only|just)?\\s+x'), /required group or word/);
    assert.throws(() => leadingKeywords('\\b(?:(?:a|b)c|d)'), /must open with letters/);
    assert.throws(() => leadingKeywords('\\bs?only'), /must open with letters/);
  });
});

describe('allMatches', () => {
  it('yields what matchAll yields, empty matches and surrogate pairs included', () => {
    for (const [pattern, text] of [
      [/a*/gu, 'baaac🇺🇸a'],
      [/(?:)/gu, '🇺🇸x'],
      [/(?:)/g, '🇺🇸x'],
      [/\bonly\b/gi, 'Only only-only'],
    ] as const) {
      assert.deepEqual(spans(allMatches(pattern, text)), spans(text.matchAll(pattern)));
    }
  });

  it('starts over on each call, whatever the pattern was left at', () => {
    const pattern = /o/g;
    pattern.lastIndex = 5;
    assert.equal(allMatches(pattern, 'foo').length, 2);
    assert.equal(allMatches(pattern, 'foo').length, 2);
  });

  it('refuses a pattern that is not global', () => {
    assert.throws(() => allMatches(/o/, 'foo'), /global/);
  });
});

describe('eachWord', () => {
  const words = (text: string) => {
    const found: Array<[number, string]> = [];
    eachWord(text, (start, end) => found.push([start, text.slice(start, end)]));
    return found;
  };

  it('finds what /[\\p{L}\\p{N}]+/gu finds: accents, digits, astral letters, emoji, lone surrogates', () => {
    for (const text of [
      '',
      ' ',
      'US only',
      'Côte d’Ivoire, São Paulo & Zürich — 9-5, UTC+5:30',
      '🇺🇸 US🇪🇺EU',
      '𝒜𝒷𝒸 x𝟙y ١٢٣ 一二三',
      '\ud800x\udc00y\ud835\udc9c',
      'İstanbul ſt K x_y',
      'end',
    ]) {
      assert.deepEqual(
        words(text),
        [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => [m.index, m[0]]),
        `in ${JSON.stringify(text)}`,
      );
    }
  });
});
