import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashPassword, sameSecret, verifyPassword } from '../../../src/lib/password.ts';

describe('console passwords', () => {
  it('hash with a random salt and verify only the right password', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    assert.match(a, /^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    assert.notEqual(a, b, 'salted');
    assert.equal(await verifyPassword('correct horse battery staple', a), true);
    assert.equal(await verifyPassword('correct horse battery stapl', a), false);
  });

  it('treat malformed hashes as a mismatch, never an error', async () => {
    for (const stored of [
      '',
      'plain',
      'scrypt$x$y$z$$',
      'bcrypt$1$2$3$abc$def',
      'scrypt$99999999999$8$1$YQ==$YQ==',
    ])
      assert.equal(await verifyPassword('anything', stored), false, stored);
  });

  it('compare secrets of any length without throwing', () => {
    assert.equal(sameSecret('abc', 'abc'), true);
    assert.equal(sameSecret('abc', 'abcd'), false);
    assert.equal(sameSecret('', ''), true);
  });
});
