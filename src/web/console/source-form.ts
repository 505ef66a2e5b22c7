// The console's source form: raw form fields ⇄ the SourceInput the schema validates, with one
// message per field for the page to show next to it. An html source's selectors are separate
// fields (sel_title, detail_company, …) so an operator never hand-writes JSON in a browser.

import { urlPart } from '../../domain/canonical-url.ts';
import { type HtmlSelectors, selectorFieldNames } from '../../domain/html-selectors.ts';
import { type SourceInput, sourceInputSchema } from '../../domain/source.ts';

/** The form as posted (all strings; checkboxes present when ticked). */
export type SourceFormValues = Record<string, string>;

export type SourceFormResult =
  | { ok: true; input: SourceInput }
  | { ok: false; errors: Record<string, string> };

/** Form-field prefixes: list-page field selectors, and fields read from each item's own page. */
const LIST = 'sel_';
const DETAIL = 'detail_';

const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

const text = (value: string | undefined) => value?.trim() || null;

/** Validates the posted form into a SourceInput, or field → message. */
export function readSourceForm(values: SourceFormValues): SourceFormResult {
  const kind = values.kind || 'rss';
  const parsed = sourceInputSchema.safeParse({
    // Named after the host; a URL without one is refused for itself, not as a missing name.
    name: values.name?.trim() || urlPart(values.url ?? '', 'host') || values.url?.trim() || '',
    url: values.url?.trim(),
    kind,
    type: values.type,
    intervalMinutes: values.intervalMinutes || 30,
    enabled: values.enabled === 'on',
    options: {
      userAgent: text(values.userAgent),
      keep: lines(values.keep),
      block: lines(values.block),
      dateOrder: text(values.dateOrder),
      timeZone: text(values.timeZone),
      listsAllOpenJobs: values.listsAllOpenJobs === 'on',
      titleFormat: text(values.titleFormat),
    },
    terms: {
      attribution: values.attribution === 'on',
      syndication: values.syndication === 'on',
      note: text(values.termsNote),
    },
    // Selector fields typed for another kind stay in the form but are not the source's.
    selectors: kind === 'html' ? selectorsFromForm(values) : null,
  });
  if (parsed.success) return { ok: true, input: parsed.data as SourceInput };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues)
    errors[formFieldFor(issue.path.map(String))] ??= issue.message;
  return { ok: false, errors };
}

/** The selector fields as the schema's input; null when the operator filled none of them. */
function selectorsFromForm(values: SourceFormValues): unknown {
  const fieldsWith = (prefix: string) =>
    Object.fromEntries(
      selectorFieldNames.flatMap((name) => {
        const value = text(values[`${prefix}${name}`]);
        return value ? [[name, value]] : [];
      }),
    );
  const fields = fieldsWith(LIST);
  const detail = fieldsWith(DETAIL);
  const page = ['item', 'dateFormat', 'timeZone', 'nextPage'].map((k) => text(values[LIST + k]));
  if (!page.some(Boolean) && !Object.keys(fields).length && !Object.keys(detail).length)
    return null;
  const [item, dateFormat, timeZone, nextPage] = page;
  return {
    item: item ?? '',
    fields,
    dateFormat,
    timeZone,
    nextPage,
    maxPages: text(values[`${LIST}maxPages`]) ?? 1,
    detail: Object.keys(detail).length
      ? { fields: detail, maxPerRun: text(values[`${DETAIL}maxPerRun`]) ?? 20 }
      : null,
  };
}

/** Where the form shows a schema issue: the input it came from, else its group. */
function formFieldFor(path: string[]): string {
  const [first, second, third, fourth] = path;
  if (first === 'options') return second ?? 'form';
  if (first === 'terms') return second === 'note' ? 'termsNote' : (second ?? 'form');
  if (first !== 'selectors') return first ?? 'form';
  if (second === 'fields' && third) return LIST + third;
  if (second === 'detail') {
    if (third === 'fields' && fourth) return DETAIL + fourth;
    return third === 'maxPerRun' ? `${DETAIL}maxPerRun` : 'detail';
  }
  return second && second !== 'fields' ? LIST + second : 'selectors';
}

/** A fresh form's values: a jobs feed, enabled, attribution on. */
export function blankSourceForm(url = ''): SourceFormValues {
  return {
    url,
    kind: 'rss',
    type: 'jobs',
    intervalMinutes: '30',
    enabled: 'on',
    attribution: 'on',
  };
}

/** A stored source as form values, for the edit form (the inverse of readSourceForm). */
export function sourceToForm(source: SourceInput): SourceFormValues {
  const values: SourceFormValues = {
    name: source.name,
    url: source.url,
    kind: source.kind,
    type: source.type,
    intervalMinutes: String(source.intervalMinutes),
    userAgent: source.options.userAgent ?? '',
    keep: source.options.keep.join('\n'),
    block: source.options.block.join('\n'),
    dateOrder: source.options.dateOrder ?? '',
    timeZone: source.options.timeZone ?? '',
    titleFormat: source.options.titleFormat ?? '',
    termsNote: source.terms.note ?? '',
  };
  const ticked = {
    enabled: source.enabled,
    listsAllOpenJobs: source.options.listsAllOpenJobs,
    attribution: source.terms.attribution,
    syndication: source.terms.syndication,
  };
  for (const [name, on] of Object.entries(ticked)) if (on) values[name] = 'on';
  if (source.selectors) Object.assign(values, selectorsToForm(source.selectors));
  return values;
}

function selectorsToForm(selectors: HtmlSelectors): SourceFormValues {
  const values: SourceFormValues = {
    [`${LIST}item`]: selectors.item,
    [`${LIST}dateFormat`]: selectors.dateFormat ?? '',
    [`${LIST}timeZone`]: selectors.timeZone ?? '',
    [`${LIST}nextPage`]: selectors.nextPage ?? '',
    [`${LIST}maxPages`]: String(selectors.maxPages),
  };
  for (const [name, value] of Object.entries(selectors.fields)) values[LIST + name] = value ?? '';
  if (selectors.detail) {
    values[`${DETAIL}maxPerRun`] = String(selectors.detail.maxPerRun);
    for (const [name, value] of Object.entries(selectors.detail.fields))
      values[DETAIL + name] = value ?? '';
  }
  return values;
}
