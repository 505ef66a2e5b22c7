// A listing page read by an operator's selectors into the RawItems the feed parsers produce.
// Nothing here throws on a page or a recipe: a selector css-select refuses at run time, an item
// selector that matches nothing and fields that come back empty become warnings beside the items.
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import {
  type FieldName,
  type FieldSelector,
  type HtmlSelectors,
  parseFieldSelector,
  selectorFieldNames,
} from '../../domain/html-selectors.ts';
import { fieldKind, pageBase, readField } from './html-field-value.ts';
import { type FieldValues, fillGaps, itemFromValues } from './html-item.ts';
import {
  coverageWarning,
  invalidSelector,
  noItems,
  type SelectorWarning,
} from './html-warnings.ts';
import { loadHtml } from './load-html.ts';
import type { RawItem } from './raw-feed.ts';

export { parseWithFormat } from './html-date-format.ts';
export type { SelectorWarning } from './html-warnings.ts';

/** What one listing page yields. */
export type SelectorReading = {
  items: RawItem[];
  /** Absolute URL of the next page, or null. */
  nextPage: string | null;
  /** Per configured field, how many matched item elements had it non-empty (items without title or link included). */
  fieldCounts: Record<string, number>;
  warnings: SelectorWarning[];
};

const MAX_ITEMS = 1000;

type Field = { name: FieldName; raw: string; selector: FieldSelector };

/** Items of a listing page by the operator's selectors. */
export function readWithSelectors(
  html: string,
  pageUrl: string,
  selectors: HtmlSelectors,
): SelectorReading {
  const $ = loadHtml(html);
  const base = pageBase($, pageUrl);
  const context = { base, dateFormat: selectors.dateFormat, timeZone: selectors.timeZone };
  const fields = configured(selectors.fields);
  const warnings: SelectorWarning[] = [];
  const broken = new Set<FieldName>();
  const fieldCounts = Object.fromEntries(fields.map((field) => [field.name, 0]));
  const elements = select($, selectors.item, null, warnings)?.slice(0, MAX_ITEMS) ?? null;
  if (elements?.length === 0) warnings.push(noItems(selectors.item, pageUrl));
  const items: RawItem[] = [];
  let active = fields;
  for (const element of elements ?? []) {
    const values = readFields($, $(element), active, base, (field, error) => {
      // One warning per field and page, not one per item.
      active = active.filter((f) => f !== field);
      broken.add(field.name);
      warnings.push(invalidSelector(field.name, field.selector.selector ?? field.raw, error));
    });
    for (const name of Object.keys(values)) fieldCounts[name] = (fieldCounts[name] ?? 0) + 1;
    const item = itemFromValues(values, context);
    if (item.title && item.link) items.push(item);
  }
  for (const field of fields.filter((f) => !broken.has(f.name))) {
    const warning = coverageWarning(field, fieldCounts[field.name] ?? 0, elements?.length ?? 0);
    if (warning) warnings.push(warning);
  }
  return {
    items,
    nextPage: nextPageOf($, selectors.nextPage, base, pageUrl, warnings),
    fieldCounts,
    warnings,
  };
}

/** Missing fields of one item from its detail page (description and any field still empty). */
export function readDetailPage(
  html: string,
  pageUrl: string,
  fields: NonNullable<HtmlSelectors['detail']>['fields'],
  item: RawItem,
  dates: Pick<HtmlSelectors, 'dateFormat' | 'timeZone'> = { dateFormat: null, timeZone: null },
): RawItem {
  const $ = loadHtml(html);
  const base = pageBase($, pageUrl);
  // The page is the item's link: a link read from it would only be a link on the page.
  const wanted = configured(fields).filter((field) => field.name !== 'link');
  const values = readFields($, $.root(), wanted, base, () => {});
  return fillGaps(item, itemFromValues(values, { base, ...dates }));
}

function configured(fields: Partial<Record<FieldName, string>>): Field[] {
  return selectorFieldNames.flatMap((name) => {
    const raw = fields[name]?.trim();
    return raw ? [{ name, raw, selector: parseFieldSelector(raw) }] : [];
  });
}

function readFields(
  $: CheerioAPI,
  scope: Cheerio<AnyNode>,
  fields: Field[],
  base: string,
  onInvalid: (field: Field, error: Error) => void,
): FieldValues {
  const values: FieldValues = {};
  for (const field of fields) {
    try {
      const value = readField($, scope, field.selector, fieldKind(field.name), base);
      if (value.values.length) values[field.name] = value;
    } catch (error) {
      onInvalid(field, error as Error);
    }
  }
  return values;
}

/** The elements the selector matches in the whole page, or null (with a warning) when it cannot be read. */
function select(
  $: CheerioAPI,
  selector: string,
  field: string | null,
  warnings: SelectorWarning[],
): AnyNode[] | null {
  try {
    return $.root().find(selector).toArray();
  } catch (error) {
    warnings.push(invalidSelector(field, selector, error as Error));
    return null;
  }
}

/** The next page's absolute URL; the page itself is no next page. */
function nextPageOf(
  $: CheerioAPI,
  raw: string | null,
  base: string,
  pageUrl: string,
  warnings: SelectorWarning[],
): string | null {
  if (!raw) return null;
  const field = parseFieldSelector(raw);
  if (!field.selector) return null;
  const found = select($, field.selector, 'nextPage', warnings);
  if (!found?.length) return null;
  const next = readField($, $(found), { ...field, selector: null }, 'url', base).values[0];
  return next && next !== pageUrl ? next : null;
}
