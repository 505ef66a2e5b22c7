// Our raw titles, links, guids and dates against rss-parser 3.13.0's own golden outputs
// (rss-parser/expected/*.json): the adapter must not lose or alter what rss-parser reads.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseFeed } from '../../../../src/ingest/parse/feed.ts';
import type { RawItem } from '../../../../src/ingest/parse/raw-feed.ts';
import { sharedFixtures } from '../../../helpers/fixture-server.ts';
import { fixtureUtf8, readManifest } from './fixture-text.ts';

type GoldenItem = Record<string, unknown>;

// Golden files not compared, and why. The others were made with default options or with
// customFields/defaultRSS, which do not change titles, links, guids or dates.
const NOT_COMPARED: Record<string, string> = {
  // Made through parseURL with a latin1 Content-Type, and itself written in Latin-1: its
  // strings differ from a UTF-8 read of the input in every accented character.
  'rss-parser/expected/encoding.json': 'parseURL + latin1 decoding',
};

// Atom: rss-parser turns published (else updated) into an ISO string; we keep the raw string.
function goldenDate(item: RawItem, atom: boolean): string | undefined {
  if (!atom) return item.published ?? undefined;
  const raw = item.published ?? item.updated;
  return raw === null ? undefined : new Date(raw).toISOString();
}

describe('parseFeed against rss-parser golden outputs', () => {
  const rows = readManifest('MANIFEST-expected.tsv').filter((r) =>
    r.path.startsWith('rss-parser/expected/'),
  );
  for (const row of rows) {
    const input = row.columns[5] ?? '';
    if (NOT_COMPARED[row.path]) continue;
    it(`${input} matches ${path.basename(row.path)}`, async () => {
      const golden = JSON.parse(readFileSync(path.join(sharedFixtures, row.path), 'utf8')) as {
        feed: { items: GoldenItem[] };
      };
      // rss-parser's tests read every input as UTF-8, Latin-1 ones included (uolNoticias).
      const feed = await parseFeed(fixtureUtf8(input), 'https://example.com/feed');
      assert.equal(feed.items.length, golden.feed.items.length);
      const atom = feed.format === 'atom';
      feed.items.forEach((item, i) => {
        const want = golden.feed.items[i] as GoldenItem;
        const at = `${input} item ${i}`;
        assert.equal(item.title ?? undefined, want.title, `${at} title`);
        assert.equal(item.link ?? undefined, want.link, `${at} link`);
        // rss-parser calls the Atom id `id` and an RDF item's URI `rdf:about`; both are our guid.
        assert.equal(
          item.guid ?? undefined,
          want.guid ?? want.id ?? want['rdf:about'],
          `${at} guid`,
        );
        assert.equal(goldenDate(item, atom), want.pubDate, `${at} pubDate`);
      });
    });
  }
});
