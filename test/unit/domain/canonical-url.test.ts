import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  canonicalUrl,
  feedUrlKey,
  resolveUrl,
  visitUrl,
} from '../../../src/domain/canonical-url.ts';

const BASE = 'https://blog.example.com/posts/2024/';

describe('canonicalUrl', () => {
  const cases: Array<[string, string | undefined, string | null]> = [
    // relative links resolve against the base
    ['/jobs/1080', BASE, 'https://blog.example.com/jobs/1080'],
    ['hello-world', BASE, 'https://blog.example.com/posts/2024/hello-world'],
    ['../2023/old', BASE, 'https://blog.example.com/posts/2023/old'],
    ['//cdn.example.com/a', BASE, 'https://cdn.example.com/a'],
    ['?page=2', BASE, 'https://blog.example.com/posts/2024/?page=2'],
    ['/relative', undefined, null],
    // fragments go, a trailing "?" goes
    ['https://example.com/a#comments', undefined, 'https://example.com/a'],
    ['https://example.com/a?#top', undefined, 'https://example.com/a'],
    ['https://example.com/a?', undefined, 'https://example.com/a'],
    // host case and default ports; path case stays
    [
      'HTTPS://Example.COM/Jobs/Senior-Engineer',
      undefined,
      'https://example.com/Jobs/Senior-Engineer',
    ],
    ['http://example.com:80/a', undefined, 'http://example.com/a'],
    ['https://example.com:443/a', undefined, 'https://example.com/a'],
    ['https://example.com:8443/a', undefined, 'https://example.com:8443/a'],
    // tracking params removed, the rest kept in order and encoding
    [
      'https://example.com/a?utm_source=feedburner&utm_medium=feed&utm_campaign=Feed%3A+x',
      undefined,
      'https://example.com/a',
    ],
    ['https://example.com/a?b=2&utm_source=x&a=1', undefined, 'https://example.com/a?b=2&a=1'],
    [
      'https://example.com/a?q=a%20b+c&fbclid=IwAR0&page=2',
      undefined,
      'https://example.com/a?q=a%20b+c&page=2',
    ],
    ['https://example.com/a?gclid=1&dclid=2&msclkid=3&yclid=4', undefined, 'https://example.com/a'],
    [
      'https://example.com/a?mc_cid=1&mc_eid=2&_hsenc=3&_hsmi=4&mkt_tok=5',
      undefined,
      'https://example.com/a',
    ],
    [
      'https://example.com/a?ref=hn&ref_src=twsrc&igshid=1&spm=a.b',
      undefined,
      'https://example.com/a',
    ],
    ['https://example.com/a?UTM_Source=x&id=7', undefined, 'https://example.com/a?id=7'],
    ['https://example.com/a?utm_source=x&flag&&id=7', undefined, 'https://example.com/a?flag&id=7'],
    ['https://example.com/a?referrer=me', undefined, 'https://example.com/a?referrer=me'],
    // whitespace around a link, as feeds write it
    ['\n  https://example.com/a  \n', undefined, 'https://example.com/a'],
    // only http and https
    ['javascript:alert(1)', BASE, null],
    ['mailto:jobs@example.com', BASE, null],
    ['ftp://example.com/file', undefined, null],
    ['data:text/html,hi', undefined, null],
    ['', BASE, null],
    ['http://', undefined, null],
  ];
  for (const [link, base, expected] of cases) {
    it(`${JSON.stringify(link)} on ${base ?? 'no base'} → ${expected}`, () => {
      assert.equal(canonicalUrl(link, base), expected);
    });
  }
});

describe('resolveUrl', () => {
  const cases: Array<[string, string | undefined, string | null]> = [
    ['/jobs/1?utm_source=x#apply', BASE, 'https://blog.example.com/jobs/1?utm_source=x#apply'],
    ['HTTP://Example.com:80/A B', undefined, 'http://example.com/A%20B'],
    ['post.html', 'https://example.com/feed/', 'https://example.com/feed/post.html'],
    ['vbscript:msgbox(1)', BASE, null],
    ['no-base', undefined, null],
  ];
  for (const [link, base, expected] of cases) {
    it(`${JSON.stringify(link)} on ${base ?? 'no base'} → ${expected}`, () => {
      assert.equal(resolveUrl(link, base), expected);
    });
  }
});

describe('visitUrl: the link a visitor follows', () => {
  const cases: Array<[string, string | undefined, string | null]> = [
    // tracking params go, the rest stays in order and encoding, and so does the fragment
    [
      'https://initech.example/apply?utm_source=feed&utm_medium=rss&fbclid=abc',
      undefined,
      'https://initech.example/apply',
    ],
    [
      'https://example.com/jobs?b=2&utm_campaign=x&a=1#job-42',
      undefined,
      'https://example.com/jobs?b=2&a=1#job-42',
    ],
    ['/careers#role-7', 'https://example.com/', 'https://example.com/careers#role-7'],
    // "ref" may name the job or a branch: a link keeps it (the dedup key drops it)
    ['https://a.example/?ref=JOB123&utm_medium=rss', undefined, 'https://a.example/?ref=JOB123'],
    // a link escaped twice in its feed (Research Computing Teams' Microsoft jobs)
    [
      'https://jobs.example.com/job/1870515/Principal?amp;utm_campaign=Copy-job-share',
      undefined,
      'https://jobs.example.com/job/1870515/Principal',
    ],
    // a Google redirect (Google Alerts) leads to its target, itself without tracking
    [
      'https://www.google.com/url?rct=j&sa=t&url=https://blog.example.com/post%3Fid%3D3%26utm_source%3Dx&ct=ga&usg=AOv',
      undefined,
      'https://blog.example.com/post?id=3',
    ],
    [
      'https://www.google.co.uk/url?q=https://example.org/a&sa=D',
      undefined,
      'https://example.org/a',
    ],
    // not a redirect: google.com's own pages, another host's /url, a redirect to javascript:
    ['https://www.google.com/search?q=go', undefined, 'https://www.google.com/search?q=go'],
    [
      'https://example.com/url?url=https://x.example/',
      undefined,
      'https://example.com/url?url=https://x.example/',
    ],
    [
      'https://www.google.com/url?url=javascript:alert(1)',
      undefined,
      'https://www.google.com/url?url=javascript:alert(1)',
    ],
    ['javascript:alert(1)', undefined, null],
  ];
  for (const [link, base, expected] of cases) {
    it(`${link} → ${expected}`, () => assert.equal(visitUrl(link, base), expected));
  }
});

describe('feedUrlKey: the form a source URL is stored in', () => {
  it('drops the fragment and tracking params, keeps ref and the rest', () => {
    assert.equal(
      feedUrlKey('https://example.com/feed.xml?ref=main&utm_source=newsletter&tag=go#top'),
      'https://example.com/feed.xml?ref=main&tag=go',
    );
    assert.equal(feedUrlKey('ftp://example.com/feed.xml'), null);
  });
});
