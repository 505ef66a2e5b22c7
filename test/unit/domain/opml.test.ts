import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderOpml } from '../../../src/domain/opml.ts';
import { readOpml } from '../../../src/ingest/parse/opml.ts';

describe('OPML', () => {
  it('round-trips feeds with their type, escaping names and URLs', () => {
    const feeds = [
      { title: 'Jobs & "Gigs" <Go>', url: 'https://x.example/feed?a=1&b=2', type: 'jobs' as const },
      { title: 'Blog', url: 'https://y.example/rss', type: 'articles' as const },
    ];
    assert.deepEqual(readOpml(renderOpml(feeds, new Date(0))), feeds);
  });

  it('reads nested folders and lower-case xmlurl, with no type when no category says one', () => {
    const text =
      '<opml version="1.0"><body><outline text="F"><outline title="A" xmlurl="https://a.example/"/></outline></body></opml>';
    assert.deepEqual(readOpml(text), [{ title: 'A', url: 'https://a.example/', type: null }]);
  });

  it('takes the type of a feed without a category from the nearest folder that names one', () => {
    const text = `<opml version="2.0"><body>
      <outline text="Jobs" title="jobs">
        <outline text="Remote"><outline text="A" xmlUrl="https://a.example/"/></outline>
        <outline text="B" xmlUrl="https://b.example/" category="articles"/>
      </outline>
      <outline text="Career reading"><outline text="C" xmlUrl="https://c.example/"/></outline>
      <outline text="Job blogs"><outline text="D" xmlUrl="https://d.example/"/></outline>
    </body></opml>`;
    assert.deepEqual(
      readOpml(text).map((f) => [f.title, f.type]),
      [
        ['A', 'jobs'],
        ['B', 'articles'],
        ['C', 'articles'],
        ['D', null],
      ],
    );
  });

  it('keeps a leaf outline without a feed URL (for the import to report), not a folder', () => {
    const text =
      '<opml version="2.0"><body><outline text="Folder"><outline text="Bookmark" htmlUrl="https://b.example/"/><outline text="Feed" xmlUrl="https://f.example/rss"/></outline></body></opml>';
    assert.deepEqual(readOpml(text), [
      { title: 'Bookmark', url: '', type: null },
      { title: 'Feed', url: 'https://f.example/rss', type: null },
    ]);
  });

  it('refuses a document that is not OPML, is cut off, or lists no feed', () => {
    assert.throws(() => readOpml('<html><body/></html>'), /not an OPML document/);
    assert.throws(
      () =>
        readOpml(
          '<opml version="2.0"><body><outline text="A" xmlUrl="https://a.example/rss"/><outline text="B" xmlU',
        ),
      /the OPML file is cut off/,
    );
    for (const empty of ['<opml version="2.0"><body/></opml>', '<opml version="2.0"/>'])
      assert.throws(() => readOpml(empty), /lists no feeds/, empty);
  });
});
