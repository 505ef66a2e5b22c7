// The location filter on the real database: a place as the listing writes it, without its
// accents, or by the English name of the city it resolved to.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseJobQuery } from '../../src/domain/board-query.ts';
import { jobSearchFilter } from '../../src/store/board-filters.ts';
import { ensureIndexes } from '../../src/store/indexes.ts';
import { entryModel } from '../../src/store/models/entry.ts';
import { createSource } from '../../src/store/source-repository.ts';
import { refreshSource } from '../../workers/refresh-source.ts';
import { pipelineDeps } from '../helpers/board-server.ts';
import { wwrFeed } from '../helpers/feeds.ts';
import { type FixtureServer, serveBody, startFixtureServer } from '../helpers/fixture-server.ts';
import { type Isolated, isolate } from '../helpers/isolation.ts';
import { sourceInput } from '../helpers/sources.ts';

describe('searching jobs by location', () => {
  let db: Isolated;
  let feeds: FixtureServer;

  const found = async (location: string) => {
    const parsed = parseJobQuery({ location }, { strict: true });
    assert.ok(parsed.ok);
    const jobs = await entryModel(db.mongo, 'jobs')
      .find(jobSearchFilter(parsed.query, { now: new Date() }), { 'job.company': 1 })
      .lean<Array<{ job: { company: string } }>>();
    return jobs.map((j) => j.job.company).sort();
  };

  before(async () => {
    db = await isolate('location_search');
    await ensureIndexes(db.mongo);
    feeds = await startFixtureServer();
    const items = [
      ['munich', 'Bavaria Soft', '<p>Standort: München</p><p>Go und PostgreSQL.</p>'],
      ['zurich', 'Alpine Bank', '<p>Location: Zürich, Switzerland</p><p>Go services.</p>'],
      ['paris', 'Seine Tech', '<p>Lieu : Paris, France</p><p>Go et PostgreSQL.</p>'],
    ].map(([id, company, description]) => ({
      id: id as string,
      title: `${company}: Senior Backend Engineer (Go)`,
      description,
      region: 'Europe Only',
    }));
    feeds.on('/jobs.rss', serveBody(wwrFeed(feeds.url(''), items)));
    const source = await createSource(db.mongo, sourceInput(feeds.url('/jobs.rss')));
    await refreshSource(pipelineDeps(db, feeds), String(source._id));
  });
  after(async () => {
    await feeds.close();
    await db.cleanup();
  });

  it('finds a place typed with or without its accents', async () => {
    assert.deepEqual(await found('zurich'), ['Alpine Bank']);
    assert.deepEqual(await found('Zürich'), ['Alpine Bank']);
    assert.deepEqual(await found('munchen'), ['Bavaria Soft']);
  });

  it('finds a city by the English name it resolved to', async () => {
    assert.deepEqual(await found('Munich'), ['Bavaria Soft']);
    assert.deepEqual(await found('Paris'), ['Seine Tech']);
    assert.deepEqual(await found('France'), ['Seine Tech']);
  });
});
