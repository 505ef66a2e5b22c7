// Markup built to make a parser work for minutes: refused or read in linear time, with the
// mechanisms checked directly (performance itself belongs in benchmarks, not in unit tests).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { htmlSelectorsSchema } from '../../../../src/domain/html-selectors.ts';
import { readWithSelectors } from '../../../../src/ingest/parse/html-selectors.ts';
import { loadHtml, MAX_DEPTH, nestingDepth } from '../../../../src/ingest/parse/load-html.ts';
import { parseWithRssParser } from '../../../../src/ingest/parse/rss-parser-adapter.ts';
import {
  rssParserSnippet,
  withStockRssParser,
} from '../../../../src/ingest/parse/rss-parser-snippet.ts';
import { sanitizeHtml } from '../../../../src/ingest/sanitize/sanitize-html.ts';
import { ParseError } from '../../../../src/lib/errors.ts';

describe('rss-parser snippets', () => {
  it('are not computed: their regex is quadratic on "<" without ">"', async () => {
    const parsed = await parseWithRssParser(
      `<rss version="2.0"><channel><title>t</title><item><title>x</title><description>${'&lt;'.repeat(50)}</description></item></channel></rss>`,
    );
    assert.equal(parsed.items.length, 1);
    // Loading the adapter replaced rss-parser's helper; the raw description is still read.
    assert.equal(rssParserSnippet('<p>Go &amp; Rust</p>'), '');
    assert.equal(parsed.items[0]?.description?.[0], '<'.repeat(50));
  });

  it('are computed again, for the benchmark baseline only, inside withStockRssParser', async () => {
    assert.equal(
      await withStockRssParser(async () => rssParserSnippet('<p>Go &amp; Rust</p>')),
      'Go & Rust',
    );
    assert.equal(rssParserSnippet('<p>Go &amp; Rust</p>'), '');
  });
});

describe('sanitizeHtml on absurdly nested markup', () => {
  it(`reads markup nested over ${MAX_DEPTH} deep as text`, () => {
    const deep = `${'<b>'.repeat(MAX_DEPTH + 1)}Go engineer`;
    const out = sanitizeHtml(deep, 'https://e.example/');
    assert.doesNotMatch(out, /<b>/);
    assert.match(out, /^<p>\s*Go engineer<\/p>$/);
    // A stray "<" left in such text stays text.
    assert.match(
      sanitizeHtml(`${'<i>'.repeat(MAX_DEPTH + 1)}a < b`, 'https://e.example/'),
      /a &lt; b/,
    );
  });

  it('keeps the markup of an ordinary listing, however many tags it has', () => {
    assert.equal(
      sanitizeHtml(`${'<b>'.repeat(50)}x${'</b>'.repeat(50)}`, 'https://e.example/'),
      `${'<b>'.repeat(50)}x${'</b>'.repeat(50)}`,
    );
    // A long highlighted code listing: many tags, shallow.
    const code = `<pre><code>${'<b>let</b> <i>x</i>;\n'.repeat(15_000)}</code></pre>`;
    assert.equal(sanitizeHtml(code, 'https://e.example/'), code);
  });
});

describe('nestingDepth', () => {
  const cases: Array<[string, string, number]> = [
    ['nested', '<div><section><div>x</div></section></div>', 3],
    ['siblings', '<div></div><div></div><div></div>', 1],
    ['unclosed list items and paragraphs', `<ul>${'<li>a'.repeat(500)}</ul><p>x<p>y`, 1],
    [
      'void and self-closing elements',
      `<div>${'<br><img src="a"><hr/>'.repeat(500)}<x-y/></div>`,
      1,
    ],
    [
      'tags inside a script or style',
      `<script>${'document.write("<div>");'.repeat(500)}</script><style>a<b{}</style><i>x</i>`,
      1,
    ],
    ['an end tag without a start', '</div></div><div>x</div>', 1],
  ];
  for (const [name, html, depth] of cases) it(name, () => assert.equal(nestingDepth(html), depth));
});

describe('loadHtml', () => {
  it(`refuses a page nested over ${MAX_DEPTH} deep, before parsing it`, () => {
    const deep = `<html><body>${'<div>'.repeat(MAX_DEPTH + 1)}x</body></html>`;
    assert.throws(
      () => loadHtml(deep),
      (error: unknown) => {
        assert.ok(error instanceof ParseError);
        assert.match(error.message, /nests its elements over 1,000 deep/);
        return true;
      },
    );
    assert.throws(
      () =>
        readWithSelectors(
          deep,
          'https://e.example/jobs',
          htmlSelectorsSchema.parse({ item: 'div', fields: { title: 'div', link: 'a' } }),
        ),
      ParseError,
    );
    assert.equal(loadHtml(`${'<div>'.repeat(MAX_DEPTH)}x`)('div').length, MAX_DEPTH);
  });
});
