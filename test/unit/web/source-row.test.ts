import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Types } from 'mongoose';
import { emptyHealth, type SourceDoc } from '../../../src/store/models/source.ts';
import { publicSourceUrl, sourceRow } from '../../../src/web/view-models/source-row.ts';
import { sourceInput } from '../../helpers/sources.ts';

const now = new Date('2026-11-25T12:00:00Z');
const failing = (
  url: string,
  lastError: NonNullable<SourceDoc['health']['lastError']>,
): SourceDoc => ({
  ...sourceInput(url),
  _id: new Types.ObjectId(),
  fetchState: { etag: null, lastModified: null, bodyHash: null, finalUrl: null },
  health: { ...emptyHealth(), lastFetchedAt: now, consecutiveFailures: 1, lastError },
  createdAt: now,
  updatedAt: now,
});

describe('sourceRow: a source as the public pages and API show it', () => {
  it('never shows the credentials or keys a source URL carries', () => {
    const row = sourceRow(
      failing('https://ops:hunter2@feeds.partner.example/jobs.rss?api_key=SECRET&tag=go#x', {
        message: 'HTTP 500',
        code: 'fetch_http_status',
        status: 500,
        at: now,
      }),
      3,
      now,
    );
    assert.equal(row.url, 'https://feeds.partner.example/jobs.rss?tag=go');
    assert.equal(row.error, 'its server answered HTTP 500');
  });

  it('says what kind of failure, not the message, which can name internal addresses', () => {
    const row = sourceRow(
      failing('https://feeds.example/jobs.rss', {
        message: 'localhost:1: connect ECONNREFUSED 127.0.0.1:1 (ECONNREFUSED)',
        code: 'fetch_connect',
        status: null,
        at: now,
      }),
      0,
      now,
    );
    assert.equal(row.error, 'its server refused or dropped the connection');
  });

  it('keeps ordinary query parameters and removes secret-looking ones', () => {
    const cases: Array<[string, string]> = [
      ['https://a.example/feed?category=backend', 'https://a.example/feed?category=backend'],
      [
        'https://a.example/feed?token=t&access_token=u&sig=s&page=2',
        'https://a.example/feed?page=2',
      ],
      ['https://user@a.example/feed', 'https://a.example/feed'],
    ];
    for (const [url, expected] of cases) assert.equal(publicSourceUrl(url), expected, url);
  });
});
