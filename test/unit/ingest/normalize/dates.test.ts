import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { type DateHint, parseDate, parseFeedDate } from '../../../../src/ingest/normalize/dates.ts';
import { sharedFixtures } from '../../../helpers/fixture-server.ts';

const NOW = new Date('2024-12-15T12:00:00Z');

type Case = [
  raw: string | null,
  hint: DateHint | undefined,
  iso: string | null,
  flag: string | null,
];

describe('parseFeedDate', () => {
  const cases: Case[] = [
    // RFC 822 / 1123 / 2822
    ['Mon, 17 Nov 2014 05:45:32 +0000', undefined, '2014-11-17T05:45:32.000Z', null],
    ['Thu, 01 Jan 2004 19:48:21 GMT', undefined, '2004-01-01T19:48:21.000Z', null],
    ['Fri, 14 Nov 2014 23:07:01 -0500', undefined, '2014-11-15T04:07:01.000Z', null],
    ['Tue, 10 Jan 2024 10:00:00 +0530', undefined, '2024-01-10T04:30:00.000Z', null],
    ['Tue, 10 Jan 2024 10:00:00 +0000 (UTC)', undefined, '2024-01-10T10:00:00.000Z', null],
    ['Tue, 10 Jan 2024 10:00:00 UT', undefined, '2024-01-10T10:00:00.000Z', null],
    ['Tue, 10 Jan 2024 10:00 Z', undefined, '2024-01-10T10:00:00.000Z', null],
    // rss-parser/heraldsun.rss: two-digit year, no colon in the time
    ['03 Apr 02 1500 GMT', undefined, '2002-04-03T15:00:00.000Z', null],
    ['Sat, 01 Jan 99 00:00:00 GMT', undefined, '1999-01-01T00:00:00.000Z', null],
    // named zones JavaScript's Date does not know
    ['Wed, 10 Jan 2024 10:00:00 CEST', undefined, '2024-01-10T08:00:00.000Z', null],
    ['Wed, 10 Jan 2024 10:00:00 CET', undefined, '2024-01-10T09:00:00.000Z', null],
    ['Wed, 10 Jan 2024 10:00:00 BST', undefined, '2024-01-10T09:00:00.000Z', null],
    ['Wed, 10 Jan 2024 10:00:00 IST', undefined, '2024-01-10T04:30:00.000Z', null],
    ['Wed, 10 Jan 2024 10:00:00 MSK', undefined, '2024-01-10T07:00:00.000Z', null],
    ['Wed, 10 Jan 2024 10:00:00 JST', undefined, '2024-01-10T01:00:00.000Z', null],
    ['Wed, 10 Jan 2024 10:00:00 AEST', undefined, '2024-01-10T00:00:00.000Z', null],
    ['Wed, 10 Jan 2024 10:00:00 EST', undefined, '2024-01-10T15:00:00.000Z', null],
    ['Wed, 10 Jan 2024 10:00:00 EDT', undefined, '2024-01-10T14:00:00.000Z', null],
    ['Wed, 10 Jan 2024 10:00:00 PST', undefined, '2024-01-10T18:00:00.000Z', null],
    ['Wed, 10 Jan 2024 10:00:00 PDT', undefined, '2024-01-10T17:00:00.000Z', null],
    // a weekday in another language (rss-parser/uolNoticias.rss)
    ['Seg, 24 Set 2018 19:42:40 -0300', undefined, '2018-09-24T22:42:40.000Z', null],
    // ISO 8601 / W3CDTF
    ['2003-12-31T10:14:55Z', undefined, '2003-12-31T10:14:55.000Z', null],
    ['2022-07-28T03:40:34.123456789Z', undefined, '2022-07-28T03:40:34.123Z', null],
    ['2024-01-10T10:00:00+01:00', undefined, '2024-01-10T09:00:00.000Z', null],
    ['2024-01-10T10:00:00-0800', undefined, '2024-01-10T18:00:00.000Z', null],
    ['2024-01-10 10:00:00 UTC', undefined, '2024-01-10T10:00:00.000Z', null],
    ['2024-01-10T10:00:00', undefined, '2024-01-10T10:00:00.000Z', null],
    ['2024-01-10T10:00:00', { timeZone: 'Europe/Berlin' }, '2024-01-10T09:00:00.000Z', null],
    ['2024-01', undefined, '2024-01-01T00:00:00.000Z', null],
    // date only: midnight UTC, or midnight in the hint's zone (DST-aware)
    ['2024-01-10', undefined, '2024-01-10T00:00:00.000Z', null],
    ['2024-01-10', { timeZone: 'America/New_York' }, '2024-01-10T05:00:00.000Z', null],
    ['2024-05-10', { timeZone: 'America/New_York' }, '2024-05-10T04:00:00.000Z', null],
    ['2024-01-10', { timeZone: 'Not/AZone' }, '2024-01-10T00:00:00.000Z', null],
    // an explicit zone beats the hint
    ['2024-01-10T10:00:00Z', { timeZone: 'Asia/Tokyo' }, '2024-01-10T10:00:00.000Z', null],
    // UNIX epoch (feedjira/InvalidDateFormat.xml), seconds and milliseconds
    ['1518478934', undefined, '2018-02-12T23:42:14.000Z', null],
    ['1518478934000', undefined, '2018-02-12T23:42:14.000Z', null],
    // day/month order
    ['10/06/2024', { order: 'dmy' }, '2024-06-10T00:00:00.000Z', null],
    ['10/06/2024', { order: 'mdy' }, '2024-10-06T00:00:00.000Z', null],
    ['10/06/2024', undefined, null, 'unparseable'],
    ['25/05/2024', undefined, '2024-05-25T00:00:00.000Z', null],
    ['05/25/2024', undefined, '2024-05-25T00:00:00.000Z', null],
    ['25/05/2024', { order: 'mdy' }, '2024-05-25T00:00:00.000Z', null],
    ['06/06/2024', undefined, '2024-06-06T00:00:00.000Z', null],
    ['10.06.2024', undefined, '2024-06-10T00:00:00.000Z', null],
    ['10-06-2024 14:30', { order: 'dmy' }, '2024-06-10T14:30:00.000Z', null],
    ['2024/06/10', undefined, '2024-06-10T00:00:00.000Z', null],
    ['10/06/24', { order: 'dmy' }, '2024-06-10T00:00:00.000Z', null],
    // English month and day names in other orders
    ['January 5, 2024 10:00 AM EST', undefined, '2024-01-05T15:00:00.000Z', null],
    ['5th March 2024 3:15 pm', undefined, '2024-03-05T15:15:00.000Z', null],
    ['Sept. 3, 2023', undefined, '2023-09-03T00:00:00.000Z', null],
    ['10-Jan-2024', undefined, '2024-01-10T00:00:00.000Z', null],
    ['Wed Jan 10 10:00:00 2024', undefined, '2024-01-10T10:00:00.000Z', null],
    [
      'Wed Jan 10 2024 10:00:00 GMT+0100 (Central European Standard Time)',
      undefined,
      '2024-01-10T09:00:00.000Z',
      null,
    ],
    ['12:30 am, Monday, June 3, 2024', undefined, '2024-06-03T00:30:00.000Z', null],
    // the future: a day of slack, then flagged
    ['2024-12-16T11:00:00Z', undefined, '2024-12-16T11:00:00.000Z', null],
    ['2024-12-16T12:00:01Z', undefined, null, 'future'],
    ['Fri, 01 Jan 2100 00:00:00 GMT', undefined, null, 'future'],
    // missing
    [null, undefined, null, 'missing'],
    ['', undefined, null, 'missing'],
    ['  \n ', undefined, null, 'missing'],
    // garbage and impossible dates
    ['not a date', undefined, null, 'unparseable'],
    ['yesterday', undefined, null, 'unparseable'],
    ['2024-13-45', undefined, null, 'unparseable'],
    ['31 Feb 2024', undefined, null, 'unparseable'],
    ['Wed, 10 Jan 2024 25:00:00 GMT', undefined, null, 'unparseable'],
    ['Wed, 10 Jan 2024 10:00:00 XYZ', undefined, null, 'unparseable'],
    ['13:00 pm Jan 10 2024', undefined, null, 'unparseable'],
    ['0001-01-01T00:00:00Z', undefined, null, 'unparseable'],
    ['1970-01-01T00:00:00Z', undefined, null, 'unparseable'],
  ];
  for (const [raw, hint, iso, flag] of cases) {
    it(`${JSON.stringify(raw)}${hint ? ` ${JSON.stringify(hint)}` : ''} → ${iso ?? flag}`, () => {
      const result = parseFeedDate(raw, { now: NOW, hint });
      assert.deepEqual(
        { date: result.date?.toISOString() ?? null, flag: result.flag },
        { date: iso, flag },
      );
    });
  }

  it('accepts the future when asked (expiry dates)', () => {
    const result = parseFeedDate('2099-01-01 00:00:00 UTC', { now: NOW, allowFuture: true });
    assert.deepEqual(result, { date: new Date('2099-01-01T00:00:00Z'), flag: null });
  });
});

describe('parseDate on every date in the shared fixtures', () => {
  it('reads all 1850 distinct pubDate/published/updated/dc:date values', () => {
    const element =
      /<(pubDate|published|updated|dc:date|lastBuildDate|modified|issued|dcterms:modified)>([^<]*)</g;
    const values = new Set<string>();
    for (const entry of readdirSync(sharedFixtures, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(xml|rss|atom|rdf)$/.test(entry.name)) continue;
      const text = readFileSync(path.join(entry.parentPath, entry.name), 'latin1');
      for (const match of text.matchAll(element)) values.add(match[2] ?? '');
    }
    const unread = [...values].filter((value) => parseDate(value) === null);
    assert.equal(values.size, 1850);
    assert.deepEqual(unread, []);
  });
});
