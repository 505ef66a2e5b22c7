import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  type CharsetSource,
  decodeBody,
  rewriteXmlEncoding,
} from '../../../../src/ingest/fetch/charset.ts';
import { sharedFixtures } from '../../../helpers/fixture-server.ts';

const fixture = (relative: string) => readFileSync(path.join(sharedFixtures, relative));

type Case = {
  name: string;
  bytes: () => Buffer;
  contentType: string | null;
  charset: string;
  source: CharsetSource;
  contains: string[];
};

// Expected substrings were read from the files themselves; ISO-8859-1 is reported under its
// WHATWG name, windows-1252 (a superset that browsers use for that label too).
const cases: Case[] = [
  {
    name: 'ISO-8859-1 declared in the prolog (Portuguese)',
    bytes: () => fixture('rss-parser/encoding.rss'),
    contentType: 'application/rss+xml',
    charset: 'windows-1252',
    source: 'xml-prolog',
    contains: ['Jornal de Notícias - Últimas Notícias', 'JN. Rede de Informação.'],
  },
  {
    name: 'windows-1251 declared in the prolog (Cyrillic)',
    bytes: () => fixture('miniflux-v2/parser/encoding_WINDOWS-1251.xml'),
    contentType: null,
    charset: 'windows-1251',
    source: 'xml-prolog',
    contains: ['<description>Новый цитатник Рунета</description>', '<title>Цитата #17703</title>'],
  },
  {
    name: 'windows-1252 declared, euro sign as byte 0x80',
    bytes: () => fixture('miniflux-v2/encoding/windows-1252.xml'),
    contentType: null,
    charset: 'windows-1252',
    source: 'xml-prolog',
    contains: ['<title>Euro €</title>'],
  },
  {
    name: 'prolog says windows-1252 but the bytes are UTF-8: left alone',
    bytes: () => fixture('miniflux-v2/encoding/windows-1252-incorrect-prolog.xml'),
    contentType: null,
    charset: 'utf-8',
    source: 'utf8-valid',
    contains: ['<title>Euro €</title>'],
  },
  {
    name: 'header and prolog both say windows-1252 on UTF-8 bytes: still UTF-8',
    bytes: () => fixture('miniflux-v2/encoding/windows-1252-incorrect-prolog.xml'),
    contentType: 'text/xml; charset=windows-1252',
    charset: 'utf-8',
    source: 'utf8-valid',
    contains: ['<title>Euro €</title>'],
  },
  {
    name: 'UTF-16LE with a BOM',
    bytes: () => fixture('feedparser/encoding/utf-16le-bom.xml'),
    contentType: 'application/xml',
    charset: 'utf-16le',
    source: 'bom',
    contains: [
      '<?xml version="1.0" encoding="UTF-8"?>',
      'Wellformed UTF-16 with Byte Order Mark',
      '<rss>',
    ],
  },
  {
    name: 'no declaration, ISO-8859-1 bytes (uolNoticias)',
    bytes: () => fixture('rss-parser/uolNoticias.rss'),
    contentType: 'text/xml',
    charset: 'windows-1252',
    source: 'fallback',
    contains: ['<description>Últimas Notícias</description>', 'simulações de 2º turno'],
  },
  {
    name: 'no declaration, ISO-8859-1 bytes (French)',
    bytes: () => fixture('miniflux-v2/parser/no_encoding_ISO-8859-1.xml'),
    contentType: null,
    charset: 'windows-1252',
    source: 'fallback',
    contains: ["nombre d'études"],
  },
  {
    name: 'a header claiming UTF-8 on ISO-8859-1 bytes loses to the correct prolog',
    bytes: () => fixture('rss-parser/encoding.rss'),
    contentType: 'text/xml; charset=utf-8',
    charset: 'windows-1252',
    source: 'xml-prolog',
    contains: ['Últimas Notícias'],
  },
  {
    name: 'the header wins over the prolog when both are plausible',
    bytes: () => fixture('miniflux-v2/parser/encoding_WINDOWS-1251.xml'),
    contentType: 'text/xml; charset="KOI8-R"',
    charset: 'koi8-r',
    source: 'header',
    // The same bytes read as KOI8-R: proof that the header was obeyed, mojibake included.
    contains: ['<title>iBash.Org.Ru</title>', '<title>жХРЮРЮ #17703</title>'],
  },
  {
    name: 'an unknown header charset is ignored in favour of the prolog',
    bytes: () => fixture('miniflux-v2/parser/encoding_WINDOWS-1251.xml'),
    contentType: 'text/xml; charset=x-no-such-charset',
    charset: 'windows-1251',
    source: 'xml-prolog',
    contains: ['Новый цитатник Рунета'],
  },
  {
    name: '<meta charset> after the first 1024 bytes',
    bytes: () => fixture('miniflux-v2/encoding/iso-8859-1-meta-after-1024.html'),
    contentType: 'text/html',
    charset: 'windows-1252',
    source: 'html-meta',
    contains: ['<title>Frédéric</title>', '<p>Café</p>'],
  },
  {
    name: 'KOI8-R without any declaration is recognised by its Cyrillic byte runs',
    bytes: () => fixture('feedparser/illformed/chardet/koi8r.xml'),
    contentType: null,
    charset: 'koi8-r',
    source: 'fallback',
    contains: ['<title>Как пережить новогоднюю ночь</title>'],
  },
  {
    name: 'windows-1251 with its prolog removed is recognised too',
    bytes: () => {
      const bytes = fixture('miniflux-v2/parser/encoding_WINDOWS-1251.xml');
      return bytes.subarray(bytes.indexOf('<rss'));
    },
    contentType: null,
    charset: 'windows-1251',
    source: 'fallback',
    contains: ['Новый цитатник Рунета'],
  },
  {
    name: 'UTF-8 BOM is stripped',
    bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>Olá</p>')]),
    contentType: 'text/html; charset=iso-8859-1',
    charset: 'utf-8',
    source: 'bom',
    contains: ['<p>Olá</p>'],
  },
  {
    name: 'UTF-16 named by the header, without a BOM',
    bytes: () => Buffer.from('<rss>Привет</rss>', 'utf16le'),
    contentType: 'application/rss+xml; charset=utf-16',
    charset: 'utf-16le',
    source: 'header',
    contains: ['<rss>Привет</rss>'],
  },
  {
    name: 'no declaration, valid UTF-8',
    bytes: () => Buffer.from('<rss><title>Zürich · 東京</title></rss>'),
    contentType: null,
    charset: 'utf-8',
    source: 'utf8-valid',
    contains: ['Zürich · 東京'],
  },
];

describe('decodeBody on real fixtures', () => {
  for (const c of cases) {
    it(c.name, () => {
      const result = decodeBody(c.bytes(), c.contentType);
      assert.equal(result.charset, c.charset);
      assert.equal(result.source, c.source);
      for (const expected of c.contains)
        assert.ok(result.text.includes(expected), `missing ${expected}`);
      assert.ok(!result.text.startsWith('\uFEFF'), 'BOM left in the text');
      assert.ok(!result.text.includes('\uFFFD'), 'replacement characters in the text');
    });
  }

  it('reads windows-1252 punctuation per WHATWG, not as C1 controls (Node 20 TextDecoder bug)', () => {
    const bytes = Buffer.from([0x93, 0x41, 0x94, 0x20, 0x96, 0x20, 0x80, 0x92, 0x9f, 0x81]);
    const { text } = decodeBody(bytes, 'text/plain; charset=ISO-8859-1');
    assert.equal(text, '\u201cA\u201d \u2013 \u20ac\u2019\u0178\u0081');
  });

  it('rewrites a non-UTF-8 prolog so the XML parser does not act on it', () => {
    const { text } = decodeBody(fixture('miniflux-v2/parser/encoding_WINDOWS-1251.xml'), null);
    assert.ok(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>'));
  });
});

describe('rewriteXmlEncoding', () => {
  const table: Array<[string, string]> = [
    [
      "<?xml version='1.0' encoding='ISO-8859-1'?><a/>",
      "<?xml version='1.0' encoding='UTF-8'?><a/>",
    ],
    [
      '  <?xml version="1.0" encoding="koi8-r" standalone="yes"?>',
      '  <?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    ],
    ['<?xml version="1.0" encoding="utf-8"?>', '<?xml version="1.0" encoding="utf-8"?>'],
    ['<?xml version="1.0"?>', '<?xml version="1.0"?>'],
    ['<rss><x encoding="latin1"/></rss>', '<rss><x encoding="latin1"/></rss>'],
  ];
  for (const [input, output] of table) {
    it(JSON.stringify(input), () => assert.equal(rewriteXmlEncoding(input), output));
  }
});
