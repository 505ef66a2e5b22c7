import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { sanitizeHtml } from '../../../../src/ingest/sanitize/sanitize-html.ts';
import { sharedFixtures } from '../../../helpers/fixture-server.ts';

const BASE = 'https://blog.example.com/posts/1/';
const LINK = 'rel="nofollow noopener noreferrer" target="_blank"';
const LAZY = 'loading="lazy" decoding="async"';

// Whatever the input, none of this may survive.
const DANGEROUS = [
  /<script/i,
  /\son\w+=/i,
  /javascript:/i,
  /vbscript:/i,
  /data:/i,
  /style=/i,
  /<iframe/i,
  /<form/i,
  /<svg/i,
  /<object/i,
  /<embed/i,
];

describe('sanitizeHtml: XSS vectors', () => {
  const cases: Array<[name: string, input: string, expected: string]> = [
    [
      'script element and its content',
      '<p>Hello <script>alert(1)</script>world</p>',
      '<p>Hello world</p>',
    ],
    [
      'script in attribute-less upper case',
      '<SCRIPT SRC=//evil.example/x.js></SCRIPT><p>ok</p>',
      '<p>ok</p>',
    ],
    [
      'img onerror',
      '<img src="a.png" onerror="alert(1)">',
      `<img src="https://blog.example.com/posts/1/a.png" alt="" ${LAZY} />`,
    ],
    ['img without a usable src', '<img src=x: onerror=alert(1)><p>ok</p>', '<p>ok</p>'],
    ['javascript: href', '<a href="javascript:alert(1)">click</a>', '<a>click</a>'],
    [
      'entity-obfuscated javascript: href',
      '<a href="jav&#x09;ascript:alert(1)">click</a>',
      '<a>click</a>',
    ],
    [
      'newline-obfuscated javascript: href',
      '<a href="java\nscript:alert(1)">click</a>',
      '<a>click</a>',
    ],
    ['upper-case JAVASCRIPT: href', '<a href=" JAVASCRIPT:alert(1)">click</a>', '<a>click</a>'],
    ['vbscript: href', '<a href="vbscript:msgbox(1)">click</a>', '<a>click</a>'],
    ['data: href', '<a href="data:text/html;base64,PHNjcmlwdD4=">click</a>', '<a>click</a>'],
    ['data: img', '<p>x<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="d"></p>', '<p>x</p>'],
    [
      'style and class attributes',
      '<p style="background:url(javascript:x)" class="c" id="i">styled</p>',
      '<p>styled</p>',
    ],
    ['event handler on allowed tag', '<b onmouseover="alert(1)">bold</b>', '<b>bold</b>'],
    [
      'iframe with fallback text',
      '<iframe src="https://evil.example/">fallback</iframe><p>after</p>',
      '<p>after</p>',
    ],
    [
      'form controls',
      '<form action="/x"><input name="q"><button>Go</button><select><option>1</option></select><textarea>t</textarea></form><p>after</p>',
      '<p>after</p>',
    ],
    [
      'svg onload',
      '<svg onload="alert(1)"><circle r="1"/><text>t</text></svg><p>ok</p>',
      '<p>ok</p>',
    ],
    ['math with xlink', '<math><mi xlink:href="javascript:alert(1)">x</mi></math>ok', 'ok'],
    ['object and embed', '<object data="x.swf"><embed src="x.swf">fallback</object>ok', 'ok'],
    ['style element', '<style>body{display:none}</style><p>ok</p>', '<p>ok</p>'],
    [
      'noscript and template',
      '<noscript><img src="t.gif"></noscript><template><p>t</p></template>ok',
      'ok',
    ],
    ['unclosed tags are closed', '<p>a<b>b<i>c</p>d', '<p>a<b>b<i>c</i></b></p>d'],
    ['misnested tags', '<b><p>x</b></p>', '<b><p>x</p></b>'],
    ['script split around a tag', '<<script>script>alert(1)<</script>/script>', '&lt;/script&gt;'],
    [
      'attribute breaking out of quotes',
      '<a href="https://x.example/" title=\'"><script>alert(1)</script>\'>t</a>',
      `<a href="https://x.example/" ${LINK} title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">t</a>`,
    ],
    ['hidden element', '<p hidden>secret</p><p>shown</p>', '<p>shown</p>'],
    [
      'meta refresh and base',
      '<meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/"><p>ok</p>',
      '<p>ok</p>',
    ],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      const output = sanitizeHtml(input, BASE);
      assert.equal(output, expected);
      for (const pattern of DANGEROUS) assert.doesNotMatch(output, pattern);
    });
  }
});

describe('sanitizeHtml: safe markup, links, images, trackers', () => {
  const cases: Array<[name: string, input: string, expected: string]> = [
    [
      'formatting, lists, code kept',
      '<p><strong>a</strong> <em>b</em> <code>c</code></p><ul><li>x</li></ul><pre>p</pre>',
      '<p><strong>a</strong> <em>b</em> <code>c</code></p><ul><li>x</li></ul><pre>p</pre>',
    ],
    [
      'blockquote, dl, sup, abbr, hr kept',
      '<blockquote>q</blockquote><dl><dt>t</dt><dd>d</dd></dl>x<sup>2</sup><abbr title="Go">go</abbr><hr>',
      '<blockquote>q</blockquote><dl><dt>t</dt><dd>d</dd></dl>x<sup>2</sup><abbr title="Go">go</abbr><hr />',
    ],
    [
      'tables keep spans and empty cells',
      '<table><tr><th colspan="2" style="x">h</th></tr><tr><td>a</td><td></td></tr></table>',
      '<table><tr><th colspan="2">h</th></tr><tr><td>a</td><td></td></tr></table>',
    ],
    [
      'figure with caption',
      '<figure><img src="/i.png" alt="I"><figcaption>cap</figcaption></figure>',
      `<figure><img src="https://blog.example.com/i.png" alt="I" ${LAZY} /><figcaption>cap</figcaption></figure>`,
    ],
    [
      'headings demoted below the page title',
      '<h1>A</h1><h2>B</h2><h3>C</h3><h6>D</h6>',
      '<h3>A</h3><h4>B</h4><h5>C</h5><h6>D</h6>',
    ],
    [
      'layout containers become div, spans unwrap',
      '<section><p>s</p></section><span style="x">sp</span><strike>old</strike>',
      '<div><p>s</p></div>sp<s>old</s>',
    ],
    [
      'relative link resolved, rel and target added',
      '<a href="../about" rel="author" target="_self">About</a>',
      `<a href="https://blog.example.com/posts/about" ${LINK}>About</a>`,
    ],
    [
      'link title kept',
      '<a href="https://x.example/" title="T">x</a>',
      `<a href="https://x.example/" ${LINK} title="T">x</a>`,
    ],
    [
      'mailto link kept',
      '<a href="mailto:jobs@example.com">mail</a>',
      `<a href="mailto:jobs@example.com" ${LINK}>mail</a>`,
    ],
    [
      'protocol-relative link resolved',
      '<a href="//cdn.example.com/x">x</a>',
      `<a href="https://cdn.example.com/x" ${LINK}>x</a>`,
    ],
    [
      'image attributes kept, junk dropped',
      '<img src="img/a.png" alt="A" title="T" width="640" height="480" border="0" class="c" srcset="b.png 2x">',
      `<img src="https://blog.example.com/posts/1/img/a.png" alt="A" title="T" width="640" height="480" ${LAZY} />`,
    ],
    [
      'lazy-loaded image takes data-src',
      '<img src="data:image/gif;base64,R0lGOD" data-src="/real.jpg" alt="r">',
      `<img src="https://blog.example.com/real.jpg" alt="r" ${LAZY} />`,
    ],
    [
      'non-numeric dimensions dropped',
      '<img src="/a.png" width="100%" height="auto">',
      `<img src="https://blog.example.com/a.png" alt="" ${LAZY} />`,
    ],
    [
      'FeedBurner pixel removed',
      '<p>Text</p><img src="http://feeds.feedburner.com/~r/blogspot/lQlzL/~4/2o8ZNtoKrZc" height="1" width="1" alt=""/>',
      '<p>Text</p>',
    ],
    [
      'any 1x1 image removed',
      '<p>Text<img src="https://ads.example/t.gif" width="1" height="1"></p>',
      '<p>Text</p>',
    ],
    [
      'a pixel however its size is written, or hidden by its style, removed',
      '<p>Text<img src="https://t.example/a.gif" width="1.0" height="1.0"><img src="https://t.example/b.gif" style="width:1px;height:1px"><img src="https://t.example/c.gif" width="2px"><img src="https://t.example/d.gif" style="display: none"></p>',
      '<p>Text</p>',
    ],
    [
      'a real image sized in its style keeps that size',
      '<p><img src="https://e.example/chart.png" style="width: 640.5px; height:480px"></p>',
      '<p><img src="https://e.example/chart.png" alt="" width="641" height="480" loading="lazy" decoding="async" /></p>',
    ],
    [
      'FeedBurner flares removed with their links',
      '<div class="feedflare"><a href="http://feeds.feedburner.com/~ff/Techcrunch?a=x:y:z"><img src="http://feeds.feedburner.com/~ff/Techcrunch?d=z" border="0"></img></a></div><p>tail</p>',
      '<p>tail</p>',
    ],
    [
      'FeedBurner /~r/ article link kept',
      '<a href="http://feeds.feedburner.com/~r/Blog/~3/abc/post.html">post</a>',
      `<a href="http://feeds.feedburner.com/~r/Blog/~3/abc/post.html" ${LINK}>post</a>`,
    ],
    [
      'tracking params dropped from a link, the rest of its query and its fragment kept',
      '<a href="https://example.com/apply?id=4&amp;utm_source=rss&amp;gclid=x#form">apply</a>',
      `<a href="https://example.com/apply?id=4#form" ${LINK}>apply</a>`,
    ],
    [
      'feedsportal share links removed',
      '<p>Body</p><a href="http://share.feedsportal.com/share/twitter/?u=x"><img src="http://res3.feedsportal.com/social/twitter.png"></a>',
      '<p>Body</p>',
    ],
    [
      'WordPress stats pixel removed',
      '<p>x</p><img src="https://pixel.wp.com/g.gif?blog=1" alt=":)"><img src="http://stats.wordpress.com/b.gif?host=x">',
      '<p>x</p>',
    ],
    [
      'WordPress share links removed',
      '<p>x</p><a rel="nofollow" href="http://feeds.wordpress.com/1.0/gocomments/blog.wordpress.com/1/"></a>',
      '<p>x</p>',
    ],
    [
      'DoubleClick feed ads removed',
      '<p><a href="http://feedads.g.doubleclick.net/~at/q/0/da"><img src="http://feedads.g.doubleclick.net/~at/q/0/di" border="0"></a></p><p>x</p>',
      '<p>x</p>',
    ],
    [
      'share buttons removed',
      '<a href="https://twitter.com/share?url=x">Tweet</a><a href="https://www.facebook.com/sharer/sharer.php?u=x">Share</a><p>k</p>',
      '<p>k</p>',
    ],
    [
      'empty leftovers stripped',
      '<p></p><p> </p><p>&nbsp;</p><p><br></p><ul><li></li><li><br></li></ul><div><span></span></div><a href="/x"></a><a href="/y"><br></a>',
      '',
    ],
    [
      // Trix (We Work Remotely) spaces paragraphs with one: without it they run together.
      'a block holding only a line break is a blank line between paragraphs',
      '<div>One.</div><div class="paragraph_break"><br /></div><div>Two.</div>',
      '<div>One.</div><div><br /></div><div>Two.</div>',
    ],
    [
      // Without alt an image is decorative to a screen reader (alt=""), not its file name.
      'an image is content',
      '<p><a href="https://x.example/y"><img src="https://x.example/i.png"></a></p>',
      `<p><a href="https://x.example/y" ${LINK}><img src="https://x.example/i.png" alt="" ${LAZY} /></a></p>`,
    ],
    ['text outside elements kept', 'plain &amp; simple', 'plain &amp; simple'],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      assert.equal(sanitizeHtml(input, BASE), expected);
    });
  }
});

describe('sanitizeHtml on real feed content', () => {
  it('feedjira/TechCrunch.xml: every item loses its flares, ads and share links and keeps its text', () => {
    const xml = readFileSync(path.join(sharedFixtures, 'feedjira/TechCrunch.xml'), 'utf8');
    const contents = [
      ...xml.matchAll(/<content:encoded><!\[CDATA\[([\s\S]*?)\]\]><\/content:encoded>/g),
    ];
    assert.equal(contents.length, 20);
    for (const [, html = ''] of contents) {
      const output = sanitizeHtml(html, 'http://techcrunch.com/');
      assert.doesNotMatch(output, /feedburner|doubleclick|feeds\.wordpress\.com|style=|class=/);
      assert.match(output, /^<img src="http:\/\/tctechcrunch2011\.files\.wordpress\.com\//);
      assert.match(output, /<p>.{40,}<\/p>/);
      for (const link of output.match(/<a [^>]*>/g) ?? []) assert.ok(link.includes(LINK), link);
    }
  });
});
