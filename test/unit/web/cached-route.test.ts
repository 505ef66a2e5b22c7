import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentType } from '../../../src/web/cached-route.ts';

describe('contentType', () => {
  it('expands the shorthands and adds the charset a Buffer body does not get from Express', () => {
    assert.equal(contentType('html'), 'text/html; charset=utf-8');
    assert.equal(contentType('text'), 'text/plain; charset=utf-8');
    assert.equal(contentType('application/rss+xml'), 'application/rss+xml; charset=utf-8');
  });

  it('keeps a charset the producer stated', () => {
    assert.equal(contentType('application/json; charset=utf-8'), 'application/json; charset=utf-8');
    assert.equal(contentType('application/xml;charset=UTF-8'), 'application/xml;charset=UTF-8');
  });
});
