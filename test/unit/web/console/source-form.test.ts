import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SourceInput } from '../../../../src/domain/source.ts';
import {
  blankSourceForm,
  readSourceForm,
  sourceToForm,
} from '../../../../src/web/console/source-form.ts';
import { sourceInput } from '../../../helpers/sources.ts';

const htmlSource: SourceInput = {
  ...sourceInput('https://careers.example/jobs'),
  name: 'Example careers',
  kind: 'html',
  intervalMinutes: 60,
  options: {
    userAgent: 'backboard-test',
    keep: ['backend', '/go(lang)?/i'],
    block: ['intern'],
    dateOrder: 'dmy',
    timeZone: 'Europe/Berlin',
    listsAllOpenJobs: true,
    titleFormat: 'role-company',
  },
  terms: { attribution: true, syndication: true, note: 'by email, 2026-11' },
  selectors: {
    item: 'li.job',
    fields: { title: 'h2', link: 'h2 a@href', date: 'time@datetime', company: '=Example' },
    dateFormat: 'dd.MM.yyyy',
    timeZone: 'Europe/Berlin',
    nextPage: 'a.next@href',
    maxPages: 3,
    detail: { fields: { description: '.body', salary: '.pay' }, maxPerRun: 7 },
  },
};

describe('console source form', () => {
  it('shows a stored source and reads it back unchanged, selectors as separate fields', () => {
    const values = sourceToForm(htmlSource);
    assert.equal(values.sel_title, 'h2');
    assert.equal(values.sel_link, 'h2 a@href');
    assert.equal(values.detail_salary, '.pay');
    assert.equal(values.sel_maxPages, '3');
    assert.equal(values.keep, 'backend\n/go(lang)?/i');
    const read = readSourceForm(values);
    assert.ok(read.ok, JSON.stringify(read));
    assert.deepEqual(read.input, htmlSource);
  });

  it('reads a new feed from the blank form with the defaults an operator expects', () => {
    const read = readSourceForm({ ...blankSourceForm('https://feeds.example/jobs.rss') });
    assert.ok(read.ok);
    assert.equal(read.input.name, 'feeds.example');
    assert.equal(read.input.enabled, true);
    assert.equal(read.input.selectors, null);
    assert.deepEqual(read.input.terms, { attribution: true, syndication: false, note: null });
  });

  it('puts each problem next to the field it came from', () => {
    const read = readSourceForm({
      ...sourceToForm(htmlSource),
      sel_title: 'h2[',
      sel_link: '',
      sel_dateFormat: 'dd.QQ.yyyy',
      detail_company: '=',
      detail_maxPerRun: '500',
      timeZone: 'Mars/Olympus',
      dateOrder: 'ymd',
      keep: '/(a+)+$/',
      intervalMinutes: '2',
    });
    assert.equal(read.ok, false);
    if (read.ok) return;
    assert.match(read.errors.sel_title ?? '', /invalid CSS selector "h2\["/);
    assert.match(read.errors.sel_link ?? '', /a link selector is required/);
    assert.match(read.errors.sel_dateFormat ?? '', /unknown date format token "QQ"/);
    assert.match(read.errors.detail_company ?? '', /fixed value after "=" is empty/);
    assert.match(read.errors.detail_maxPerRun ?? '', /1 to 100/);
    assert.match(read.errors.timeZone ?? '', /IANA time zone/);
    assert.ok(read.errors.dateOrder, 'date order');
    assert.match(read.errors.keep ?? '', /unsafe|backtrack|repeat/i);
    assert.match(read.errors.intervalMinutes ?? '', /5 to 10080/);
  });

  it('asks an html source for selectors, and ignores selector fields left over on a feed', () => {
    const bare = readSourceForm({ ...blankSourceForm('https://careers.example/'), kind: 'html' });
    assert.equal(bare.ok, false);
    if (!bare.ok) assert.match(bare.errors.selectors ?? '', /needs selectors/);
    const feed = readSourceForm({
      ...sourceToForm(htmlSource),
      kind: 'rss',
      url: 'https://careers.example/jobs.rss',
    });
    assert.ok(feed.ok);
    assert.equal(feed.input.selectors, null);
  });
});
