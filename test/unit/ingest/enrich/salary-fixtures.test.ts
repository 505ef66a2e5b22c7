import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseSalary } from '../../../../src/ingest/enrich/salary.ts';
import { decodeEntities } from '../../../../src/ingest/normalize/text.ts';
import { sharedFixtures } from '../../../helpers/fixture-server.ts';
import { renderSalary, TEST_RATES } from './salary-render.ts';

// Every item description of the two job fixtures, as crude plain text, through parseSalary.
// Each expected salary was checked by reading the item; every other item must give null.
// Refused on purpose: Hack Reactor's "the average salary is $105,000" (its graduates' pay);
// SumOfUs Software Developer's "GBP 53,000 - 60,0000" (a typo, not half-read) and its
// Buenos Aires "ARS 547.000-622.000" (no period stated, and about $600 at today's rate, so not
// a yearly-looking figure); "£46M", "£51.1m", "$250M", "$200M" (funding, equipment).
const RATES = { ...TEST_RATES, usdPer: { ...TEST_RATES.usdPer, ARS: 0.001 } };

function items(file: string): Array<{ title: string; text: string }> {
  const xml = readFileSync(path.join(sharedFixtures, file), 'utf8');
  return [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map(([, item = '']) => {
    const field = (name: string) => item.match(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`))?.[1];
    const html = decodeEntities(field('description') ?? '');
    const text = decodeEntities(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ');
    return { title: decodeEntities(field('title') ?? ''), text };
  });
}

function salariesIn(file: string): Array<[string, string | null]> {
  return items(file)
    .map(({ title, text }): [string, string | null] => [
      title,
      renderSalary(parseSalary({ text }, RATES)),
    ])
    .filter(([, salary]) => salary !== null);
}

describe('parseSalary over real job descriptions', () => {
  it('reads every item of both fixtures', () => {
    assert.equal(items('jobs-remotely/jobs.rss').length, 25);
    assert.equal(items('research-computing-teams/jobs.rss').length, 350);
  });

  it('We Work Remotely (2015): the two items that state pay', () => {
    assert.deepEqual(salariesIn('jobs-remotely/jobs.rss'), [
      [
        'Bombich Software: Senior Mac OS X Software Developer',
        'USD year 110000.._ | annual 110000.._ | usd 110000.._ | text: $110K+',
      ],
      [
        'SumOfUs: Junior Software Developer',
        'GBP year 41000..46000 | annual 41000..46000 | usd 51250..57500 | text: GBP 41,000-46,000',
      ],
    ]);
  });

  it('Research Computing Teams: the one item that states pay', () => {
    assert.deepEqual(salariesIn('research-computing-teams/jobs.rss'), [
      [
        'Flow Cytometry Facility Operator and Assistant Manager, Institute of Child Health - University College of London',
        'GBP year 43124..43124 | annual 43124..43124 | usd 53905..53905 | text: £43,124 pa',
      ],
    ]);
  });
});
