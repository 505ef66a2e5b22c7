import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { discoverSource } from '../../../../src/ingest/parse/discover.ts';
import { wwrFeed } from '../../../helpers/feeds.ts';
import { readSharedFixture } from '../../../helpers/fixture-server.ts';

const page = (head: string, body = '') =>
  `<!doctype html><html lang="en"><head><title>Careers</title>${head}</head><body>${body}</body></html>`;
const fixture = (name: string) =>
  readFile(new URL(`../../../fixtures/html/jsonld/${name}`, import.meta.url), 'utf8');

describe('discoverSource', () => {
  it('offers the feed a page links to, resolved against <base>', () => {
    const found = discoverSource(
      page(
        '<base href="/blog/"><link rel="alternate" type="application/atom+xml" title="Jobs" href="feed.atom">',
      ),
      'https://acme.example/careers',
    );
    assert.equal(found.kind, 'rss');
    assert.equal(found.kind === 'rss' && found.feedUrl, 'https://acme.example/blog/feed.atom');
    assert.match(found.reason, /links to its feed "Jobs" \(application\/atom\+xml\)/);
  });

  it('knows a feed when it is given one', () => {
    const found = discoverSource(
      wwrFeed('https://wwr.example', []),
      'https://wwr.example/jobs.rss',
    );
    assert.deepEqual(found.kind === 'rss' && found.feedUrl, 'https://wwr.example/jobs.rss');
    assert.match(found.reason, /itself a feed \(rss\)/);
  });

  it('reads JobPosting JSON-LD when there is no feed', async () => {
    const found = discoverSource(await fixture('graph.html'), 'https://acme.example/jobs/1');
    assert.equal(found.kind, 'jsonld');
    assert.match(found.reason, /schema\.org JobPosting\(s\) in JSON-LD: no selectors needed/);
  });

  it('asks for selectors when the page has neither', async () => {
    const text =
      (await readSharedFixture('readability/001/source.html').catch(() => null))?.toString() ??
      page('');
    const found = discoverSource(text, 'https://blog.example/post');
    assert.equal(found.kind, 'html');
    assert.match(found.reason, /needs? selectors|with CSS selectors/);
  });

  it('mentions JobPostings next to an offered feed', async () => {
    const html = (await fixture('graph.html')).replace(
      '</head>',
      '<link rel="alternate" type="application/rss+xml" href="/feed"></head>',
    );
    const found = discoverSource(html, 'https://acme.example/jobs');
    assert.equal(found.kind, 'rss');
    assert.match(found.reason, /JobPosting\(s\), which --kind jsonld would read/);
  });
});
