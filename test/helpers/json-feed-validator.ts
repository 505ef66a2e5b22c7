// Checks a parsed document against JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/).
// Stricter than the spec's letter where it guards our own output: URLs must be absolute, ids
// unique, and keys the spec does not define (other than `_extensions`) are reported.

type Json = Record<string, unknown>;
type Check = (value: unknown, path: string) => string[];

const VERSION = 'https://jsonfeed.org/version/1.1';

// The spec's extension rule: "_" then a letter, and never a "." in the name.
const EXTENSION_KEY = /^_\p{L}[^.]*$/u;

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const typeName = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

// Computed rather than asked of Date, which maps years 0-99 to 1900-1999.
function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isRfc3339(text: string): boolean {
  const m = RFC3339.exec(text);
  if (!m) return false;
  const n = (group: number) => Number(m[group] ?? 0);
  const [year, month, day] = [n(1), n(2), n(3)];
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    n(4) <= 23 &&
    n(5) <= 59 &&
    // 60 allows a leap second, as RFC 3339 does.
    n(6) <= 60 &&
    n(7) <= 23 &&
    n(8) <= 59
  );
}

function isAbsoluteUrl(text: string): boolean {
  // The URL parser quietly trims and drops whitespace, so a string containing any is not a URL.
  return !/[\s\p{Cc}]/u.test(text) && URL.canParse(text);
}

const string: Check = (value, path) =>
  typeof value === 'string' ? [] : [`${path}: must be a string, got ${typeName(value)}`];

const url: Check = (value, path) => {
  if (typeof value !== 'string') return string(value, path);
  return isAbsoluteUrl(value)
    ? []
    : [`${path}: must be an absolute URL, got ${JSON.stringify(value)}`];
};

const date: Check = (value, path) => {
  if (typeof value !== 'string') return string(value, path);
  return isRfc3339(value)
    ? []
    : [`${path}: must be an RFC 3339 date, got ${JSON.stringify(value)}`];
};

const boolean: Check = (value, path) =>
  typeof value === 'boolean' ? [] : [`${path}: must be a boolean, got ${typeName(value)}`];

const number: Check = (value, path) =>
  typeof value === 'number' && Number.isFinite(value)
    ? []
    : [`${path}: must be a number, got ${typeName(value)}`];

const arrayOf =
  (each: Check): Check =>
  (value, path) =>
    Array.isArray(value)
      ? value.flatMap((element, i) => each(element, `${path}[${i}]`))
      : [`${path}: must be an array, got ${typeName(value)}`];

/** Checks an object's known members, reports missing required ones and any unknown key. */
const object =
  (
    members: Record<string, { check: Check; required?: boolean }>,
    extra?: (value: Json, path: string) => string[],
  ): Check =>
  (value, path) => {
    if (!isObject(value)) return [`${path}: must be an object, got ${typeName(value)}`];
    const problems: string[] = [];
    for (const [key, member] of Object.entries(members)) {
      if (value[key] === undefined) {
        if (member.required) problems.push(`${path}.${key}: is required`);
      } else problems.push(...member.check(value[key], `${path}.${key}`));
    }
    for (const key of Object.keys(value)) {
      if (Object.hasOwn(members, key)) continue;
      if (key.startsWith('_')) {
        if (!EXTENSION_KEY.test(key))
          problems.push(`${path}.${key}: extension names are "_", a letter, and no "."`);
      } else problems.push(`${path}.${key}: unknown key (extensions must start with "_")`);
    }
    if (extra) problems.push(...extra(value, path));
    return problems;
  };

const author = object(
  { name: { check: string }, url: { check: url }, avatar: { check: url } },
  (value, path) =>
    value.name === undefined && value.url === undefined && value.avatar === undefined
      ? [`${path}: an author needs at least one of name, url, avatar`]
      : [],
);

const hub = object({
  type: { check: string, required: true },
  url: { check: url, required: true },
});

const attachment = object({
  url: { check: url, required: true },
  mime_type: { check: string, required: true },
  title: { check: string },
  size_in_bytes: { check: number },
  duration_in_seconds: { check: number },
});

const item = object(
  {
    id: { check: string, required: true },
    url: { check: url },
    external_url: { check: url },
    title: { check: string },
    content_html: { check: string },
    content_text: { check: string },
    summary: { check: string },
    image: { check: url },
    banner_image: { check: url },
    date_published: { check: date },
    date_modified: { check: date },
    authors: { check: arrayOf(author) },
    // Deprecated by 1.1 but, per the spec, still valid forever.
    author: { check: author },
    tags: { check: arrayOf(string) },
    language: { check: string },
    attachments: { check: arrayOf(attachment) },
  },
  (value, path) =>
    value.content_html === undefined && value.content_text === undefined
      ? [`${path}: needs content_html or content_text`]
      : [],
);

const feed = object(
  {
    version: {
      check: (value, path) =>
        value === VERSION ? [] : [`${path}: must be "${VERSION}", got ${JSON.stringify(value)}`],
      required: true,
    },
    title: { check: string, required: true },
    home_page_url: { check: url },
    feed_url: { check: url },
    description: { check: string },
    user_comment: { check: string },
    next_url: { check: url },
    icon: { check: url },
    favicon: { check: url },
    authors: { check: arrayOf(author) },
    author: { check: author },
    language: { check: string },
    expired: { check: boolean },
    hubs: { check: arrayOf(hub) },
    items: { check: arrayOf(item), required: true },
  },
  (value, path) => {
    const problems: string[] = [];
    if (value.next_url !== undefined && value.next_url === value.feed_url)
      problems.push(`${path}.next_url: must not equal feed_url`);
    if (Array.isArray(value.items)) {
      const seen = new Set<unknown>();
      value.items.forEach((it, i) => {
        if (!isObject(it) || typeof it.id !== 'string') return;
        if (seen.has(it.id))
          problems.push(`${path}.items[${i}].id: duplicate id ${JSON.stringify(it.id)}`);
        seen.add(it.id);
      });
    }
    return problems;
  },
);

/** Problems that make a parsed document an invalid JSON Feed 1.1; empty when it is valid. */
export function validateJsonFeed(value: unknown): string[] {
  return feed(value, '$');
}
