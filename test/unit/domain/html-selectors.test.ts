import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  describeSelectorIssues,
  type FieldSelector,
  htmlSelectorsSchema,
  parseFieldSelector,
  selectorError,
  splitDateFormat,
} from '../../../src/domain/html-selectors.ts';

describe('parseFieldSelector', () => {
  const cases: Array<[string, FieldSelector]> = [
    ['h2 a', { selector: 'h2 a', attribute: null, value: null }],
    ['a@href', { selector: 'a', attribute: 'href', value: null }],
    ['time@datetime', { selector: 'time', attribute: 'datetime', value: null }],
    ['img.logo @SRC', { selector: 'img.logo', attribute: 'src', value: null }],
    ['@href', { selector: null, attribute: 'href', value: null }],
    ['@data-job-id', { selector: null, attribute: 'data-job-id', value: null }],
    ['=Acme Inc', { selector: null, attribute: null, value: 'Acme Inc' }],
    [' = Remote ', { selector: null, attribute: null, value: 'Remote' }],
    ['=jobs@acme.com', { selector: null, attribute: null, value: 'jobs@acme.com' }],
    // An "@" inside the selector is part of it.
    [
      'a[href^="mailto:jobs@acme.com"]',
      { selector: 'a[href^="mailto:jobs@acme.com"]', attribute: null, value: null },
    ],
    ['a[href*="@"]@href', { selector: 'a[href*="@"]', attribute: 'href', value: null }],
  ];
  for (const [raw, expected] of cases) {
    it(JSON.stringify(raw), () => assert.deepEqual(parseFieldSelector(raw), expected));
  }
});

describe('selectorError', () => {
  const cases: Array<[string, string | null]> = [
    ['li.job > h2 a', null],
    ['tr.athing + tr .age', null],
    ['a:contains("Next")', null],
    ['h2[', 'Expected name, found the end'],
    ['a:unknown', 'Unknown pseudo-class :unknown'],
    ['<li>', 'it looks like HTML, not a CSS selector'],
  ];
  for (const [selector, expected] of cases) {
    it(`${selector} → ${expected}`, () => assert.equal(selectorError(selector), expected));
  }
});

describe('splitDateFormat', () => {
  it('splits tokens from literal text, quoted text included', () => {
    assert.deepEqual(splitDateFormat("dd/MM/yyyy 'at' HH:mm"), {
      parts: [
        { token: 'dd' },
        { literal: '/' },
        { token: 'MM' },
        { literal: '/' },
        { token: 'yyyy' },
        { literal: ' at ' },
        { token: 'HH' },
        { literal: ':' },
        { token: 'mm' },
      ],
    });
  });
  const refused: Array<[string, RegExp]> = [
    ['DD/MM/YYYY', /unknown date format token "DD"/],
    ['yyy-MM-dd', /unknown date format token "yyy"/],
    ["yyyy-MM-dd'T", /unclosed quote/],
    ['MM/yyyy', /needs a year .* a month .* and a day/],
    ['dd/MM/yyyy yyyy', /names "y" twice/],
    ['dd/MM/yyyy h:mm', /12-hour clock needs both/],
    ['dd/MM/yyyy HH:mm a', /12-hour clock needs both/],
  ];
  for (const [format, message] of refused) {
    it(`refuses ${format}`, () => {
      const split = splitDateFormat(format);
      assert.ok('error' in split, 'refused');
      assert.match(split.error, message);
    });
  }
});

describe('htmlSelectorsSchema', () => {
  it('fills defaults for a minimal recipe', () => {
    assert.deepEqual(
      htmlSelectorsSchema.parse({ item: 'li.job', fields: { title: 'h2', link: 'h2 a' } }),
      {
        item: 'li.job',
        fields: { title: 'h2', link: 'h2 a' },
        dateFormat: null,
        timeZone: null,
        nextPage: null,
        maxPages: 1,
        detail: null,
      },
    );
  });

  it('keeps a full recipe, trimmed, "" read as not set, numbers from form text', () => {
    const parsed = htmlSelectorsSchema.parse({
      item: ' li.job ',
      fields: { title: 'h2', link: 'a@href', date: 'time@datetime', location: '=Remote' },
      dateFormat: '',
      timeZone: 'Europe/Berlin',
      nextPage: 'a[rel=next]',
      maxPages: '5',
      detail: { fields: { description: '.body' } },
    });
    assert.equal(parsed.item, 'li.job');
    assert.equal(parsed.dateFormat, null);
    assert.equal(parsed.maxPages, 5);
    assert.deepEqual(parsed.detail, { fields: { description: '.body' }, maxPerRun: 20 });
  });

  const minimal = { item: 'li.job', fields: { title: 'h2', link: 'h2 a' } };
  const refused: Array<[string, Record<string, unknown>, string[]]> = [
    [
      'invalid CSS',
      { ...minimal, fields: { title: 'h2[', link: 'h2 a' } },
      ['fields.title: invalid CSS selector "h2[": Expected name, found the end'],
    ],
    [
      'invalid CSS before an attribute',
      { ...minimal, fields: { title: 'h2', link: 'a:nope@href' } },
      ['fields.link: invalid CSS selector "a:nope": Unknown pseudo-class :nope'],
    ],
    [
      'no title and no link',
      { item: 'li.job', fields: { company: '.co' } },
      ['fields.title: a title selector is required', 'fields.link: a link selector is required'],
    ],
    [
      'an unknown field',
      { ...minimal, fields: { ...minimal.fields, titel: 'h3' } },
      [
        'fields: unknown field "titel" (fields are title, link, guid, date, summary, author, company, location, salary, tags, thumbnail, description)',
      ],
    ],
    [
      'an empty fixed value',
      { ...minimal, fields: { ...minimal.fields, company: '=' } },
      ['fields.company: a fixed value after "=" is empty'],
    ],
    [
      'no item selector',
      { ...minimal, item: ' ' },
      ['item: a CSS selector for the repeating item'],
    ],
    [
      'an attribute as the item',
      { ...minimal, item: 'li@data-id' },
      ['item: a CSS selector for the repeating item, not a fixed value or an attribute'],
    ],
    [
      'invalid CSS as the next page',
      { ...minimal, nextPage: 'a.next[@href' },
      ['nextPage: invalid CSS selector "a.next[": Expected name, found the end'],
    ],
    [
      'a date format token we do not read',
      { ...minimal, dateFormat: 'DD/MM/YYYY' },
      [
        'dateFormat: unknown date format token "DD" (use yyyy yy MMMM MMM MM M dd d EEEE EEE HH H hh h a mm ss; quote other text)',
      ],
    ],
    [
      'an unknown time zone',
      { ...minimal, timeZone: 'Europe/Atlantis' },
      ['timeZone: an IANA time zone name, e.g. Europe/Berlin'],
    ],
    ['too many pages', { ...minimal, maxPages: 21 }, ['maxPages: pages, an integer from 1 to 20']],
    [
      'too many detail pages per run',
      { ...minimal, detail: { fields: { description: '.body' }, maxPerRun: 0 } },
      ['detail.maxPerRun: detail pages per run, an integer from 1 to 100'],
    ],
    [
      'detail pages with no field',
      { ...minimal, detail: { fields: {} } },
      ['detail.fields: name at least one field to read from detail pages'],
    ],
    [
      'a link from a detail page',
      { ...minimal, detail: { fields: { link: 'a.apply' } } },
      ['detail.fields.link: a detail page is the item’s link: it cannot give another one'],
    ],
  ];
  for (const [name, input, expected] of refused) {
    it(`refuses ${name}`, () => {
      const result = htmlSelectorsSchema.safeParse(input);
      assert.equal(result.success, false);
      if (!result.success) assert.deepEqual(describeSelectorIssues(result.error), expected);
    });
  }
});
