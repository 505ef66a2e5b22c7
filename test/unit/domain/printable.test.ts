import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { printable } from '../../../src/domain/printable.ts';

describe('printable', () => {
  it('writes control characters as visible escapes, keeping tabs, newlines and text', () => {
    assert.equal(printable('a\x00b\x1b[31m\x7f\u0085'), 'a\\x00b\\x1b[31m\\x7f\\x85');
    assert.equal(printable('line\tone\nline two — ünïcode'), 'line\tone\nline two — ünïcode');
    assert.equal(printable('x\u2028y'), 'x\\u2028y');
  });
});
