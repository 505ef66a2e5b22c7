import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HtmlSelectors } from '../../../src/domain/html-selectors.ts';
import type { SourceInput } from '../../../src/domain/source.ts';
import { settingsForHistory } from '../../../src/domain/source-history.ts';
import { diffFields } from '../../../src/store/source-change-repository.ts';
import { sourceInput } from '../../helpers/sources.ts';

const selectors: HtmlSelectors = {
  item: 'li.job',
  fields: { title: 'h2', link: 'h2 a@href' },
  dateFormat: null,
  timeZone: null,
  nextPage: null,
  maxPages: 1,
  detail: { fields: { description: '.body' }, maxPerRun: 20 },
};
const htmlSource: SourceInput = {
  ...sourceInput('https://careers.example/jobs'),
  kind: 'html',
  terms: { attribution: true, syndication: true, note: null },
  selectors,
};

describe('settingsForHistory: a source as its change history records it', () => {
  it('flattens settings without run state', () => {
    const flat = settingsForHistory({
      ...htmlSource,
      health: { consecutiveFailures: 3 },
    } as SourceInput);
    assert.deepEqual(flat['options.keep'], htmlSource.options.keep);
    assert.equal(flat['terms.syndication'], true);
    assert.equal('health' in flat, false);
  });

  it('records each selector as its own setting', () => {
    const flat = settingsForHistory(htmlSource);
    assert.equal(flat['selectors.item'], 'li.job');
    assert.equal(flat['selectors.fields.title'], 'h2');
    assert.equal(flat['selectors.detail.maxPerRun'], 20);
    assert.equal('selectors' in flat, false);
  });

  it('an edit of one selector is one change, not the whole recipe', () => {
    const edited = {
      ...htmlSource,
      selectors: { ...selectors, fields: { ...selectors.fields, title: 'h3' } },
    };
    assert.deepEqual(diffFields(settingsForHistory(htmlSource), settingsForHistory(edited)), [
      { field: 'selectors.fields.title', from: '"h2"', to: '"h3"' },
    ]);
  });

  it('a feed has no selector lines; turning it into a page source lists the ones it gains', () => {
    const feed = { ...htmlSource, kind: 'rss' as const, selectors: null };
    assert.equal(
      Object.keys(settingsForHistory(feed)).some((k) => k.startsWith('selectors')),
      false,
    );
    const fields = diffFields(settingsForHistory(feed), settingsForHistory(htmlSource)).map(
      (c) => c.field,
    );
    assert.ok(fields.includes('kind'));
    assert.ok(fields.includes('selectors.item'));
    assert.ok(fields.includes('selectors.detail.fields.description'));
  });
});
