import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { siteUrlOf } from '../../../src/ingest/read-feed.ts';

// Where "Listed by <source>" takes a visitor: the page the feed names as its site.
describe('the site a feed names as its own', () => {
  const feed = 'https://jobs.example/feeds/backend.rss';

  it("is the channel link, without tracking params, resolved against the feed's address", () => {
    assert.equal(
      siteUrlOf('https://www.researchcomputingteams.org/jobs', feed),
      'https://www.researchcomputingteams.org/jobs',
    );
    assert.equal(siteUrlOf('/blog?utm_source=rss', feed), 'https://jobs.example/blog');
  });

  it('is none when the channel links to the feed itself or to another feed', () => {
    // We Work Remotely's channel link is its own RSS address.
    const wwr = 'https://weworkremotely.com/categories/2/jobs.rss';
    assert.equal(siteUrlOf(wwr, wwr), null);
    assert.equal(siteUrlOf(`${feed}?utm_medium=feed`, feed), null);
    assert.equal(siteUrlOf('https://blog.example/feed/', feed), null);
    assert.equal(siteUrlOf('https://blog.example/atom.xml', feed), null);
  });

  it('is none for a link that is not a web address', () => {
    assert.equal(siteUrlOf('javascript:alert(1)', feed), null);
    assert.equal(siteUrlOf('mailto:jobs@jobs.example', feed), null);
    assert.equal(siteUrlOf(null, feed), null);
  });
});
