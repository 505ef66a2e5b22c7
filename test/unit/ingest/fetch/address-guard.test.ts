import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAllowlisted, isBlockedAddress } from '../../../../src/ingest/fetch/address-guard.ts';
import { unreachableSourceUrl } from '../../../../src/ingest/fetch/guarded-lookup.ts';

// [address, blocked, why]
const addresses: Array<[string, boolean, string]> = [
  ['93.184.216.34', false, 'public IPv4'],
  ['8.8.8.8', false, 'public IPv4'],
  ['127.0.0.1', true, 'loopback'],
  ['127.255.255.254', true, 'loopback /8'],
  ['10.0.0.1', true, 'private 10/8'],
  ['172.16.0.1', true, 'private 172.16/12'],
  ['172.31.255.255', true, 'private 172.16/12 upper end'],
  ['172.32.0.1', false, 'just outside 172.16/12'],
  ['192.168.1.1', true, 'private 192.168/16'],
  ['169.254.169.254', true, 'link-local (cloud metadata)'],
  ['100.64.0.1', true, 'carrier-grade NAT'],
  ['100.128.0.1', false, 'just outside 100.64/10'],
  ['0.0.0.0', true, 'unspecified'],
  ['0.1.2.3', true, '0.0.0.0/8'],
  ['255.255.255.255', true, 'broadcast'],
  ['224.0.0.1', true, 'multicast'],
  ['192.0.2.10', true, 'documentation TEST-NET-1'],
  ['198.51.100.7', true, 'documentation TEST-NET-2'],
  ['203.0.113.9', true, 'documentation TEST-NET-3'],
  ['198.18.0.1', true, 'benchmarking'],
  ['240.0.0.1', true, 'reserved 240/4'],
  ['2606:4700:4700::1111', false, 'public IPv6'],
  ['::1', true, 'IPv6 loopback'],
  ['[::1]', true, 'IPv6 loopback in brackets'],
  ['::', true, 'IPv6 unspecified'],
  ['fe80::1', true, 'IPv6 link-local'],
  ['fc00::1', true, 'unique-local fc00::/7'],
  ['fd12:3456::1', true, 'unique-local fd00::/8'],
  ['ff02::1', true, 'IPv6 multicast'],
  ['2001:db8::1', true, 'IPv6 documentation'],
  ['::ffff:127.0.0.1', true, 'IPv4-mapped loopback'],
  ['::ffff:7f00:1', true, 'IPv4-mapped loopback, hex form'],
  ['::ffff:10.1.2.3', true, 'IPv4-mapped private'],
  ['::ffff:93.184.216.34', false, 'IPv4-mapped public'],
  ['::127.0.0.1', true, 'deprecated IPv4-compatible'],
  ['::7f00:1', true, 'IPv4-compatible, hex form (ipaddr.js calls it unicast)'],
  ['64:ff9b::a00:1', true, 'NAT64 of 10.0.0.1'],
  ['64:ff9b::5db8:d822', false, 'NAT64 of a public address'],
  ['2002:c0a8:0101::1', true, '6to4 of 192.168.1.1'],
  ['2002:5db8:d822::1', false, '6to4 of a public address'],
  ['2001:0:4136:e378:8000:63bf:80ff:fffe', true, 'Teredo whose client is 127.0.0.1'],
  ['4000::1', true, 'outside global unicast 2000::/3'],
  ['not-an-ip', true, 'unparseable fails closed'],
  ['', true, 'empty fails closed'],
];

describe('isBlockedAddress', () => {
  for (const [address, blocked, why] of addresses) {
    it(`${address || '(empty)'} → ${blocked ? 'blocked' : 'allowed'} (${why})`, () => {
      assert.equal(isBlockedAddress(address), blocked);
    });
  }
});

// [host, port, allowlist, expected]
const allowlists: Array<[string, number, string[], boolean]> = [
  ['127.0.0.1', 8080, ['127.0.0.1:8080'], true],
  ['127.0.0.1', 8081, ['127.0.0.1:8080'], false],
  ['127.0.0.1', 9999, ['127.0.0.1'], true],
  ['Feeds.Internal', 443, ['feeds.internal'], true],
  ['feeds.internal.', 80, ['feeds.internal:80'], true],
  ['feeds.internal', 80, ['feeds.internal:443'], false],
  ['other.internal', 80, ['feeds.internal'], false],
  ['localhost', 3000, ['127.0.0.1:3000'], false],
  ['[::1]', 99, ['[::1]:99'], true],
  ['::1', 99, ['[::1]:99'], true],
  ['[::1]', 98, ['[::1]:99'], false],
  ['[0:0:0:0:0:0:0:1]', 5, ['[::1]'], true],
  ['[::1]', 5, ['::1'], true],
  ['[::ffff:7f00:1]', 8080, ['127.0.0.1:8080'], false],
  ['127.0.0.1', 80, [], false],
];

describe('isAllowlisted', () => {
  for (const [host, port, list, expected] of allowlists) {
    it(`${host}:${port} with [${list.join(', ')}] → ${expected}`, () => {
      assert.equal(isAllowlisted(host, port, list), expected);
    });
  }
});

describe('unreachableSourceUrl: a source URL the fetcher would refuse, seen at save', () => {
  it('names private and reserved literals and localhost', () => {
    for (const url of [
      'http://10.0.0.5/feed',
      'http://127.0.0.1:8080/feed',
      'http://169.254.169.254/latest',
      'http://[::1]/feed',
      'http://localhost/feed',
      'http://jobs.localhost/feed',
    ]) {
      assert.match(unreachableSourceUrl(url, []) ?? '', /private or reserved address/, url);
    }
  });

  it('leaves public addresses, names (checked at fetch time), allowed hosts and non-URLs alone', () => {
    for (const url of ['https://jobs.example/feed', 'http://93.184.216.34/feed', 'not a url']) {
      assert.equal(unreachableSourceUrl(url, []), null, url);
    }
    assert.equal(unreachableSourceUrl('http://127.0.0.1:8080/feed', ['127.0.0.1:8080']), null);
    assert.equal(unreachableSourceUrl('http://localhost:3000/x', ['localhost']), null);
  });
});
