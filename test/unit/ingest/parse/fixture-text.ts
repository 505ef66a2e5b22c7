// Reading the shared real-world fixtures as the parse stage receives them: decoded text.
// The fetcher's charset module is written elsewhere, so the charset of each non-UTF-8 file is
// stated here, as that module would find it (header/BOM/prolog, or sniffing where none is given).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedFixtures } from '../../../helpers/fixture-server.ts';

const CHARSETS: Record<string, string> = {
  'rss-parser/encoding.rss': 'windows-1252', // declares ISO-8859-1
  'rss-parser/uolNoticias.rss': 'windows-1252', // no declaration, Latin-1 bytes
  'feedparser/illformed/chardet/koi8r.xml': 'koi8-r',
  'feedparser/encoding/bozo_encoding_mismatch_crash.xml': 'windows-1252',
  'feedparser/encoding/utf-16le-bom.xml': 'utf-16le',
  'miniflux-v2/parser/encoding_ISO-8859-1.xml': 'windows-1252',
  'miniflux-v2/parser/encoding_WINDOWS-1251.xml': 'windows-1251',
  'miniflux-v2/parser/no_encoding_ISO-8859-1.xml': 'windows-1252',
  'miniflux-v2/encoding/windows-1252.xml': 'windows-1252',
  'miniflux-v2/encoding/iso-8859-1-meta-after-1024.html': 'windows-1252',
};

/** A fixture's bytes. */
export function fixtureBytes(relative: string): Buffer {
  return readFileSync(path.join(sharedFixtures, relative));
}

/** A fixture decoded with its real charset (UTF-8 unless listed above). */
export function fixtureText(relative: string): string {
  return new TextDecoder(CHARSETS[relative] ?? 'utf-8').decode(fixtureBytes(relative));
}

/** A fixture read as UTF-8 whatever its charset, as rss-parser's own tests read their inputs. */
export function fixtureUtf8(relative: string): string {
  return fixtureBytes(relative).toString('utf8');
}

/** One MANIFEST.tsv row. */
export type ManifestRow = { path: string; kind: string; notes: string };

/** The rows of a manifest file (MANIFEST.tsv or MANIFEST-expected.tsv), header skipped. */
export function readManifest(name = 'MANIFEST.tsv'): Array<ManifestRow & { columns: string[] }> {
  const lines = readFileSync(path.join(sharedFixtures, name), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const columns = line.split('\t');
    return { path: columns[0] ?? '', kind: columns[5] ?? '', notes: columns[6] ?? '', columns };
  });
}
