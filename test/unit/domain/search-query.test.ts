import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { otherNumber, parseQueryTerms, queryTermGroups } from '../../../src/domain/search-query.ts';
import { entryTerms } from '../../../src/domain/search-terms.ts';

describe('queryTermGroups: the words of a board search', () => {
  it('finds accented words typed either way', () => {
    assert.deepEqual(queryTermGroups('Zürich'), [['zürich', 'zurich']]);
    assert.deepEqual(queryTermGroups('zurich'), [['zurich', 'zuriches']]);
  });

  it('reads "AT&T" as one word, not as a stop word and a letter', () => {
    assert.deepEqual(queryTermGroups('AT&T'), [['at&t']]);
  });

  it('lets a technology be searched by the names people write for it', () => {
    assert.deepEqual(queryTermGroups('go postgres'), [['go'], ['postgres', 'postgresql']]);
    assert.deepEqual(queryTermGroups('Golang'), [['golang', 'go']]);
    assert.deepEqual(queryTermGroups('nodejs'), [['nodejs', 'node']]);
    assert.deepEqual(queryTermGroups('k8s psql'), [
      ['k8s', 'kubernetes'],
      ['psql', 'postgresql'],
    ]);
  });

  it('finds "node.js" by its tag, as the board shows it: a listing saying "NodeJS" has it too', () => {
    assert.deepEqual(queryTermGroups('Node.js'), [['node.js', 'node']]);
    assert.deepEqual(queryTermGroups('vue.js postgres'), [
      ['vue.js', 'vue'],
      ['postgres', 'postgresql'],
    ]);
    // Not a known technology: as written only, not "three" alone.
    assert.deepEqual(queryTermGroups('three.js'), [['three.js']]);
  });

  it('searches a technology named in several words by its tag', () => {
    assert.deepEqual(queryTermGroups('Spring Boot'), [['spring']]);
    assert.deepEqual(queryTermGroups('ruby-on-rails remote'), [['rails'], ['remote', 'remotes']]);
    assert.deepEqual(queryTermGroups('senior ruby on rails'), [['rails'], ['senior', 'seniors']]);
  });

  it('keeps tag slugs and stop words as the entry terms do', () => {
    assert.deepEqual(queryTermGroups('kubernetes rust'), [['kubernetes'], ['rust']]);
    assert.deepEqual(queryTermGroups('the'), []);
  });

  it('lets a word match its singular or plural', () => {
    assert.deepEqual(queryTermGroups('interview engineers'), [
      ['interview', 'interviews'],
      ['engineers', 'engineer'],
    ]);
    assert.deepEqual(queryTermGroups('AWS'), [['aws']]);
  });
});

describe('a search in a language written without spaces', () => {
  it('finds a word inside a longer run, wherever the run breaks its words', () => {
    const entry = new Set(entryTerms('東京のバックエンドエンジニア募集', '日本株式会社'));
    for (const query of ['日本', '株式会社', 'バックエンド', 'エンジニア 東京', '募集'])
      assert.ok(
        parseQueryTerms(query).all.every((group) => group.some((t) => entry.has(t))),
        query,
      );
    assert.ok(
      !parseQueryTerms('大阪').all.every((group) => group.some((t) => entry.has(t))),
      'a word the listing lacks',
    );
  });
});

describe('parseQueryTerms: the search syntax people know', () => {
  it('leaves out what a "-word" names, with its other names', () => {
    assert.deepEqual(parseQueryTerms('senior -go'), {
      all: [['senior', 'seniors']],
      none: ['go'],
      either: [],
      noneWords: [],
    });
    assert.deepEqual(parseQueryTerms('-k8s').none, ['k8s', 'kubernetes']);
    // A hyphen inside a word or alone is not a minus.
    assert.deepEqual(parseQueryTerms('c-level - x').none, []);
  });

  it('lets either of two words joined by a capital OR match', () => {
    assert.deepEqual(parseQueryTerms('backend OR python').all, [['backend', 'backends', 'python']]);
    assert.deepEqual(parseQueryTerms('senior go OR rust').all, [
      ['senior', 'seniors'],
      ['go', 'rust'],
    ]);
    // Lower-case "or" is a word too common to search for, as before.
    assert.deepEqual(parseQueryTerms('go or rust').all, [['go'], ['rust']]);
  });

  it('applies OR and "-" to a CJK word whole, not to one of its character pairs', () => {
    const entry = (title: string) => new Set(entryTerms(title));
    const matches = (query: string, terms: Set<string>) => {
      const { all, none, either, noneWords } = parseQueryTerms(query);
      const has = (word: string[][]) => word.every((group) => group.some((t) => terms.has(t)));
      return (
        has(all) &&
        either.every((words) => words.some(has)) &&
        !none.some((t) => terms.has(t)) &&
        !noneWords.some(has)
      );
    };
    const engineer = entry('バックエンドエンジニア');
    const senior = entry('シニアエンジニア');
    const developer = entry('開発者');
    const engine = entry('エンジン制御ソフトウェア開発者');
    // "Engineers, not senior": シニア shares ニア with エンジニア, which must not exclude it.
    assert.ok(matches('エンジニア -シニア', engineer));
    assert.ok(!matches('エンジニア -シニア', senior));
    assert.ok(matches('エンジン -エンジニア', engine));
    for (const terms of [engineer, senior, developer])
      assert.ok(matches('エンジニア OR 開発者', terms));
    assert.ok(matches('開発者 OR エンジニア', engineer));
    assert.ok(!matches('エンジニア OR デザイナー', entry('営業マネージャー')));
  });

  it('reads a katakana compound written with a middle dot as the same word', () => {
    const dotted = new Set(entryTerms('バックエンド・エンジニア'));
    const { all } = parseQueryTerms('バックエンドエンジニア');
    assert.ok(all.every((group) => group.some((t) => dotted.has(t))));
  });
});

describe('otherNumber', () => {
  const cases: Array<[string, string[]]> = [
    ['interviews', ['interview']],
    ['interview', ['interviews']],
    ['companies', ['company']],
    ['company', ['companies']],
    ['processes', ['process']],
    ['process', ['processes']],
    ['switches', ['switch']],
    ['days', ['day']],
    ['day', []],
    ['redis', []],
    ['status', []],
    ['aws', []],
    ['c++', []],
    ['remote', ['remotes']],
    ['news', []],
    ['series', []],
  ];
  for (const [word, expected] of cases) {
    it(`${word} → ${expected.join(', ') || 'nothing'}`, () =>
      assert.deepEqual(otherNumber(word), expected));
  }
});
