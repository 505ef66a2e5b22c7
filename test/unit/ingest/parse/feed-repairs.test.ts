// The repair pass and the up-front rejections: what is repaired (and recorded), what is refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFeed } from '../../../../src/ingest/parse/feed.ts';
import { repairDocument } from '../../../../src/ingest/parse/repair.ts';
import { ParseError } from '../../../../src/lib/errors.ts';
import { fixtureText } from './fixture-text.ts';

const URL = 'https://example.com/feed.xml';
const rss = (items: string) =>
  `<rss version="2.0"><channel><title>T</title>${items}</channel></rss>`;

async function reason(text: string): Promise<string> {
  try {
    await parseFeed(text, URL);
  } catch (error) {
    assert.ok(error instanceof ParseError, String(error));
    assert.doesNotMatch(error.message, /\n/);
    return error.message;
  }
  assert.fail('expected a ParseError');
}

describe('parseFeed repairs', () => {
  it('closes a truncated document (missing </rss>, an unfinished CDATA)', async () => {
    const feed = await parseFeed(fixtureText('feedjira/InvalidDateFormat.xml'), URL);
    assert.deepEqual(
      feed.items.map((i) => [i.title, i.published, i.updated]),
      [
        ['Item 0 with an invalid date', 'Mon, 16 Oct 2017 15:10:00 +0000', '1518478934'],
        [
          'Item 1 with all valid dates',
          'Tue, 17 Oct 2017 12:17:00 +0000',
          'Tue, 17 Oct 2017 22:17:00 +0000',
        ],
      ],
    );
    assert.deepEqual(feed.repairs, ['closed the truncated document (added </rss>)']);
    const cdata = await parseFeed(
      `${rss('').replace('</channel></rss>', '')}<item><title><![CDATA[Half a ti`,
      URL,
    );
    assert.equal(cdata.items[0]?.title, 'Half a ti');
    assert.match(
      cdata.repairs[0] ?? '',
      /closed an unterminated CDATA section, added <\/title><\/item><\/channel><\/rss>/,
    );
  });

  it('cuts an Atom feed out of the XHTML page wrapping it, DOCTYPE and all', async () => {
    const feed = await parseFeed(fixtureText('feedjira/DuplicateContentAtomFeed.xml'), URL);
    assert.equal(feed.format, 'atom');
    assert.equal(feed.title, 'Avian’s Blog');
    assert.equal(feed.items[0]?.title, 'Down time');
    assert.deepEqual(feed.repairs, ['extracted an Atom <feed> embedded in an HTML page']);
  });

  it('never turns an HTML page into a feed', async () => {
    assert.equal(
      await reason(fixtureText('rss-parser/unrecognized.rss')),
      'not a feed: the document is an HTML page ("Document Moved")',
    );
    assert.equal(
      await reason('<!DOCTYPE html><html><body><p>Subscribe to our feed</p></body></html>'),
      'not a feed: the document is an HTML page',
    );
    // A page that announces its feed says where it is, for the operator adding the source.
    assert.match(
      await reason(fixtureText('readability/wordpress/source.html')),
      /^not a feed: the document is an HTML page \("Stack Overflow Jobs .*"\); it links to a feed at https:\/\/wptavern\.com\/feed$/,
    );
  });

  it('removes a DOCTYPE internal subset, expanding the entities it declares', async () => {
    const text = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY site "Example Jobs">]>${rss('<item><title>&site; weekly</title></item>')}`;
    const feed = await parseFeed(text, URL);
    assert.equal(feed.items[0]?.title, 'Example Jobs weekly');
    assert.deepEqual(feed.repairs, [
      'removed the <!DOCTYPE> internal subset and expanded its 1 entity',
    ]);
  });

  it('refuses DOCTYPE entities that would blow the feed up (an entity bomb)', async () => {
    // 100 KB named 20 times is 2 MB from a 100 KB body.
    const value = 'Go backend '.repeat(10_000);
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "${value}">]>${rss(`<item><title>x</title><description>${'&a;'.repeat(20)}</description></item>`)}`;
    assert.match(await reason(bomb), /entities that would grow the feed by over 1 MB: refused/);
    // Up to the limit they are expanded as before.
    const fine = bomb.replace('&a;'.repeat(20), '&a;'.repeat(5));
    assert.equal((await parseFeed(fine, URL)).items[0]?.summaryHtml?.length, value.length * 5);
  });

  it('a plain DOCTYPE and an undeclared namespace prefix need no repair', async () => {
    const doctype = `<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">${rss('<item><title>A</title></item>').replace('2.0', '0.91')}`;
    assert.deepEqual((await parseFeed(doctype, URL)).repairs, []);
    // xml2js is not namespace-aware, so itunes: without xmlns:itunes is just part of a name.
    const undeclared = await parseFeed(
      fixtureText('feedparser/illformed/undeclared_namespace.xml'),
      URL,
    );
    assert.deepEqual(undeclared.repairs, []);
    const job = await parseFeed(
      rss('<item><title>A</title><job:company>Acme</job:company></item>'),
      URL,
      {
        extraFields: ['job:company'],
      },
    );
    assert.deepEqual(job.items[0]?.extra, { 'job:company': 'Acme' });
  });

  it('escapes a stray < and keeps unbalanced HTML in a description as text', async () => {
    const feed = await parseFeed(
      rss('<item><title>Go < Rust?</title><description><p>One<br>two</p></description></item>'),
      URL,
    );
    assert.equal(feed.items[0]?.title, 'Go < Rust?');
    assert.equal(feed.items[0]?.summaryHtml, '<p>One<br>two</p>');
    assert.deepEqual(feed.repairs, [
      'escaped 1 stray < character',
      'kept the unbalanced HTML inside 1 <description> element as text',
    ]);
  });

  it('leaves junk after the root element to xml2js, which ignores it', async () => {
    const feed = await parseFeed(
      `${rss('<item><title>A</title></item>')}\n<b>Warning</b>: mysql_connect()`,
      URL,
    );
    assert.deepEqual([feed.items.length, feed.repairs], [1, []]);
  });

  it('gives up with one line naming the error and the repairs tried', async () => {
    const message = await reason(rss('<item><title>A</titel></item>&'));
    assert.match(
      message,
      /^malformed XML: Unexpected close tag at line 1, column \d+ \(after repairs: escaped 1 bare & character\)$/,
    );
    assert.equal(repairDocument(rss('<item><title>A</titel></item>')), null);
  });

  it('refuses bodies that are not feeds, each with a clear reason', async () => {
    assert.equal(await reason(''), 'empty document');
    assert.equal(await reason('\uFEFF'), 'empty document');
    assert.match(
      await reason('<?xml version="1.0"?>\n<!-- nothing -->'),
      /^empty document: no element/,
    );
    assert.match(
      await reason('Status: 500 Internal Server Error'),
      /^not a feed: the document is not XML or JSON/,
    );
    assert.match(
      await reason('<opml version="2.0"><body/></opml>'),
      /^not a feed: the root element <opml> is not/,
    );
    assert.match(
      await reason('{"data": []}'),
      /^not a feed: a JSON document without a jsonfeed\.org "version"$/,
    );
    assert.match(
      await reason('{"version": "https://jsonfeed.org/version/1.1", '),
      /^malformed JSON: /,
    );
  });

  it('tolerates a BOM and whitespace before <?xml', async () => {
    const feed = await parseFeed(
      `\uFEFF \n\t<?xml version="1.0"?>${rss('<item><title>A</title></item>')}`,
      URL,
    );
    assert.deepEqual([feed.items.length, feed.repairs], [1, []]);
    const samRuby = await parseFeed(fixtureText('feedjira/SamRuby.xml'), URL);
    assert.equal(samRuby.items.length, 20);
  });
});
