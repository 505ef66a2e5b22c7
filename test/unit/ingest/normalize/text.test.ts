import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sanitize from 'sanitize-html';
import { seeded } from '../../../../bench/lib/feed-gen.ts';
import {
  cleanTitle,
  decodeEntities,
  htmlToText,
  NON_TEXT_TAGS,
  summarize,
} from '../../../../src/ingest/normalize/text.ts';

describe('decodeEntities', () => {
  const cases: Array<[string, string]> = [
    ['Ruby &amp; Rails', 'Ruby & Rails'],
    ['If you&#8217;ve ever', 'If you’ve ever'],
    ['&#x201C;Enterprise&#x201D;', '“Enterprise”'],
    ['AT&amp;amp;T', 'AT&T'],
    ['it&amp;#8217;s', 'it’s'],
    ['a&nbsp;b', 'a\u00a0b'],
    ['&lt;b&gt;', '<b>'],
    ['plain & simple', 'plain & simple'],
    ['&bogus; stays', '&bogus; stays'],
    ['?a=1&amp;copy=2', '?a=1&copy=2'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      assert.equal(decodeEntities(input), expected);
    });
  }
});

describe('htmlToText', () => {
  const cases: Array<[string, string]> = [
    ['<p>Hello&nbsp;world</p><p>Second</p>', 'Hello world\nSecond'],
    ['<div>one</div><div>two</div><br/>three', 'one\ntwo\nthree'],
    ['<ul><li>Ruby</li><li>Go</li></ul>', 'Ruby\nGo'],
    ['bold<b>er</b> text', 'bolder text'],
    ['<h2>Title</h2>\n\n\t  body   text  ', 'Title\nbody text'],
    ['It&#8217;s &amp;amp; fine', 'It’s & fine'],
    ['<p>x</p><script>alert(1)</script><style>p{}</style><p>y</p>', 'x\ny'],
    ['<iframe src="https://e.example/">fallback</iframe>kept', 'kept'],
    ['<img src="a.png" alt="ignored">caption', 'caption'],
    ['a &lt;b&gt; tag', 'a <b> tag'],
    ['<a href="/x?a=1&amp;copy=2">/x?a=1&amp;copy=2</a>', '/x?a=1&copy=2'],
    ['zero\u200bwidth\ufeff', 'zerowidth'],
    // A line break in the source's text is a space, as a browser shows it; only blocks end lines.
    [
      '<p>Location: Berlin,\n  Germany</p>\n<p>\n</p><p>Next</p>',
      'Location: Berlin, Germany\nNext',
    ],
    ['<td>a</td><td> </td><td>b</td>', 'a\nb'],
    ['', ''],
    [
      // jobs-remotely/jobs.rss, first item's description (after XML decoding)
      '<p>\n  <strong>Location:</strong> Los Angeles, CA\n    <br /><strong>URL:</strong> <a href="http://www.kaleosoftware.com/">http://www.kaleosoftware.com/</a>\n</p>\n\n<div>Hi there! We (Kaleo) are looking for a Senior Software Engineer.</div><div class="paragraph_break"><br /></div><div>If you&#8217;ve ever wanted to work,&amp;nbsp;this could be it!</div>',
      'Location: Los Angeles, CA\nURL: http://www.kaleosoftware.com/\nHi there! We (Kaleo) are looking for a Senior Software Engineer.\nIf you’ve ever wanted to work,\u00a0this could be it!'.replace(
        '\u00a0',
        ' ',
      ),
    ],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input).slice(0, 60)} → ${JSON.stringify(expected).slice(0, 60)}`, () => {
      assert.equal(htmlToText(input), expected);
    });
  }

  // htmlToText reads the parser's text itself; it used to take sanitize-html's output with no
  // tag allowed and decode it. Both must agree on any markup, broken markup above all: the same
  // text, with a line end at each block edge and the source's own line breaks read as spaces.
  it('reads the same text as sanitize-html with no tag allowed, on 5,000 random fragments', () => {
    const BLOCK_TAG =
      /<\/?(?:address|article|aside|blockquote|br|caption|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul)\b[^>]*>/gi;
    const viaSanitizeHtml = (html: string) =>
      decodeEntities(
        sanitize(html.replace(/[\n\r\f\v\u0085\u2028\u2029]/g, ' ').replace(BLOCK_TAG, '\n$&\n'), {
          allowedTags: [],
          allowedAttributes: {},
          nonTextTags: NON_TEXT_TAGS,
        }),
      )
        .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
        .replace(/\s*\n\s*/g, '\n')
        .replace(/[^\S\n]+/g, ' ')
        .trim();
    const pieces = [
      ...['<p>', '</p>', '<div class="x">', '</div>', '<br>', '<br/>', '<li>', '</li>', '<b>'],
      ...['</b>', '<span hidden>', '</span>', '<script>', '</script>', '<style>', '</style>'],
      ...['<svg><path d="M0"/>', '</svg>', '<template>', '</template>', '<select><option>'],
      ...['</option></select>', '<textarea>', '</textarea>', '<xmp>', '</xmp>', '<noscript>'],
      ...[
        '</noscript>',
        '<title>',
        '</title>',
        '<img src="a.png" alt="x">',
        '<a href="/?a=1&amp;b">',
      ],
      ...['</a>', '<!-- note -->', '<![CDATA[ data ]]>', '<', '>', '</', '</unknown>', '<x-y>'],
      ...[
        '&amp;',
        '&amp;amp;',
        '&lt;b&gt;',
        '&#8217;',
        '&amp;#8217;',
        '&nbsp;',
        '&copy',
        '&bogus;',
      ],
      ...[
        'Go',
        ' Rust ',
        'a<b',
        'x > y',
        '\n',
        '\t',
        '\u3000',
        '\u200b',
        'é',
        '"q"',
        "it's",
        '  ',
        '&',
      ],
    ];
    const rand = seeded(20261125);
    for (let i = 0; i < 5000; i++) {
      let html = '';
      const length = Math.floor(rand() * 14);
      for (let k = 0; k < length; k++) html += pieces[Math.floor(rand() * pieces.length)];
      assert.equal(htmlToText(html), viaSanitizeHtml(html), JSON.stringify(html));
    }
  });
});

describe('summarize', () => {
  const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
  const cases: Array<[string, string, number | undefined, string]> = [
    ['short text stays', 'short text stays', undefined, 'short text stays'],
    ['whitespace collapsed', '  a \n\n b\t c  ', undefined, 'a b c'],
    ['exactly max stays', 'x'.repeat(300), undefined, 'x'.repeat(300)],
    [
      '300-char cut at a word boundary',
      words,
      undefined,
      `${words.slice(0, words.lastIndexOf(' ', 299))}…`,
    ],
    ['cut drops a dangling comma', 'alpha beta, gamma delta', 14, 'alpha beta…'],
    ['one long word is cut inside', 'a'.repeat(50), 10, `${'a'.repeat(9)}…`],
    ['no half surrogate pair', `ab ${'😀'.repeat(10)}`, 7, 'ab 😀…'],
  ];
  for (const [name, input, max, expected] of cases) {
    it(name, () => {
      const result = summarize(input, max);
      assert.equal(result, expected);
      assert.ok(result.length <= (max ?? 300));
    });
  }

  it('never exceeds 300 characters for any cut position', () => {
    for (let length = 290; length <= 320; length++) {
      const text = 'lorem ipsum dolor sit amet '.repeat(20).slice(0, length);
      const result = summarize(text);
      assert.ok(result.length <= 300, `length ${length} gave ${result.length}`);
      assert.equal(result.endsWith('…'), length > 300);
    }
  });
});

describe('cleanTitle', () => {
  const cases: Array<[string, string]> = [
    ['Kaleo Software: Senior Software Engineer', 'Kaleo Software: Senior Software Engineer'],
    ['112 TECH: Team Webmaster ', '112 TECH: Team Webmaster'],
    [
      'Inside.com: Ruby &amp; Front-End Web Developer',
      'Inside.com: Ruby & Front-End Web Developer',
    ],
    ['&lt;b&gt;Hot&lt;/b&gt; job', 'Hot job'],
    ['<em>Real</em> tags <br/>stripped', 'Real tags stripped'],
    ['Vec&lt;T&gt; in Rust', 'Vec<T> in Rust'],
    ['Generics: List<T> explained', 'Generics: List<T> explained'],
    ['AT&amp;amp;T hires', 'AT&T hires'],
    ['It&#8217;s  \n  here', 'It’s here'],
    ['<script>alert(1)</script>Safe', 'Safe'],
    ['  ', ''],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      assert.equal(cleanTitle(input), expected);
    });
  }
});
