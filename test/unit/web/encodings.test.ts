import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { describe, it } from 'node:test';
import zlib from 'node:zlib';
import { acceptedEncoding, compressBody, encodedTag } from '../../../src/web/encodings.ts';

const asking = (acceptEncoding?: string) =>
  ({
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  }) as IncomingMessage;

describe('compressBody', () => {
  const page = Buffer.from(
    `<ul>${'<li>Senior Backend Engineer (Go) · Remote</li>'.repeat(200)}</ul>`,
  );

  it('gives br and gzip forms that decompress to the body', async () => {
    const encoded = await compressBody(page, 'text/html; charset=utf-8');
    assert.ok(encoded?.br && encoded.gzip);
    assert.deepEqual(zlib.brotliDecompressSync(encoded.br), page);
    assert.deepEqual(zlib.gunzipSync(encoded.gzip), page);
    assert.ok(encoded.br.length < page.length / 10, 'a list compresses well');
  });

  it('compresses feeds and JSON, not small bodies or binary types', async () => {
    for (const type of [
      'application/rss+xml; charset=utf-8',
      'application/atom+xml',
      'application/feed+json',
      'application/json; charset=utf-8',
      'application/xml',
      'text/plain',
    ])
      assert.ok(await compressBody(page, type), type);
    assert.equal(await compressBody(Buffer.from('<p>short</p>'), 'text/html'), undefined);
    assert.equal(await compressBody(page, 'image/png'), undefined);
    assert.equal(await compressBody(page, 'application/octet-stream'), undefined);
  });
});

describe('acceptedEncoding', () => {
  const encoded = { br: Buffer.from('b'), gzip: Buffer.from('g') };

  it("prefers br among equals, and follows the client's weights", () => {
    assert.equal(acceptedEncoding(asking('gzip, deflate, br, zstd'), encoded), 'br');
    assert.equal(acceptedEncoding(asking('gzip, deflate'), encoded), 'gzip');
    assert.equal(acceptedEncoding(asking('br;q=0.5, gzip'), encoded), 'gzip');
    assert.equal(acceptedEncoding(asking('*'), encoded), 'br');
  });

  it('sends the body as is when nothing compressed is accepted or there is nothing compressed', () => {
    assert.equal(acceptedEncoding(asking(), encoded), null);
    assert.equal(acceptedEncoding(asking('identity'), encoded), null);
    assert.equal(acceptedEncoding(asking('deflate'), encoded), null);
    assert.equal(acceptedEncoding(asking('gzip;q=0, br;q=0'), encoded), null);
    assert.equal(acceptedEncoding(asking('identity;q=0'), encoded), null);
    assert.equal(acceptedEncoding(asking('br'), undefined), null);
  });
});

describe('encodedTag', () => {
  it('gives each form its own strong validator', () => {
    assert.equal(encodedTag('"abc"', 'br'), '"abc-br"');
    assert.equal(encodedTag('"abc"', 'gzip'), '"abc-gzip"');
  });
});
