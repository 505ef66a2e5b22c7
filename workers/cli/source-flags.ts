// A source's settings from command-line flags. `add` builds a whole source from them; `edit`
// changes only the settings its flags name, over the stored ones. Both validate with the schema
// the console's form uses, and name the flag a refusal is about.
import { UsageError } from '../../src/cli/args.ts';
import { selectorsFromFlags } from '../../src/cli/selectors-input.ts';
import { urlPart } from '../../src/domain/canonical-url.ts';
import { type SourceInput, sourceInputSchema, sourceSettings } from '../../src/domain/source.ts';

export type Values = Record<string, string | boolean | undefined | Array<string | boolean>>;

/** The flags that set a source's settings, for parseArgs. */
export const sourceFlagOptions = {
  url: { type: 'string' },
  type: { type: 'string' },
  name: { type: 'string' },
  interval: { type: 'string' },
  kind: { type: 'string' },
  selectors: { type: 'string' },
  'selectors-file': { type: 'string' },
  keep: { type: 'string', multiple: true },
  block: { type: 'string', multiple: true },
  'user-agent': { type: 'string' },
  'date-order': { type: 'string' },
  'time-zone': { type: 'string' },
  'title-format': { type: 'string' },
  'lists-all-open-jobs': { type: 'boolean' },
  'no-lists-all-open-jobs': { type: 'boolean' },
  syndication: { type: 'boolean' },
  'no-syndication': { type: 'boolean' },
  attribution: { type: 'boolean' },
  'no-attribution': { type: 'boolean' },
  'terms-note': { type: 'string' },
} as const;

/** The settings a new source gets from the flags `add` was given. */
export async function newSourceFromFlags(values: Values): Promise<SourceInput> {
  if (!values.url) throw new UsageError('--url is required');
  if (!values.type) throw new UsageError('--type is required (jobs or articles)');
  const base = {
    url: values.url,
    type: values.type,
    kind: 'rss',
    // Named after the host; a URL without one is refused for itself, not as a missing name.
    name: urlPart(String(values.url), 'host') || String(values.url),
    intervalMinutes: 30,
    enabled: true,
    options: {},
    terms: {},
    selectors: null,
  };
  return validated(await applyFlags(base, values));
}

/**
 * A stored source's settings with the flags `edit` was given applied, and whether any flag
 * named a setting at all. A kind other than html drops the selectors, as the console's does.
 */
export async function editedSourceFromFlags(
  stored: SourceInput,
  values: Values,
): Promise<{ input: SourceInput; named: boolean }> {
  const named = Object.keys(sourceFlagOptions).some((flag) => values[flag] !== undefined);
  const base = sourceSettings(stored);
  const edited = await applyFlags(base, values);
  if (edited.kind !== 'html' && values.selectors === undefined && !values['selectors-file'])
    edited.selectors = null;
  // A job source turned into an articles one drops the settings only jobs have, unless given.
  if (edited.type !== 'jobs') {
    if (values['lists-all-open-jobs'] === undefined) edited.options.listsAllOpenJobs = false;
    if (values['title-format'] === undefined) edited.options.titleFormat = null;
  }
  return { input: validated(edited), named };
}

type Draft = {
  name: unknown;
  url: unknown;
  kind: unknown;
  type: unknown;
  intervalMinutes: unknown;
  enabled: boolean;
  options: Record<string, unknown>;
  terms: Record<string, unknown>;
  selectors: unknown;
};

/** Each flag given replaces its setting; an empty text value clears an optional one. */
async function applyFlags(draft: Draft, values: Values): Promise<Draft> {
  const text = (flag: string) =>
    typeof values[flag] === 'string' ? (values[flag] as string) : undefined;
  const cleared = (flag: string) => {
    const value = text(flag);
    return value === undefined ? undefined : value.trim() === '' ? null : value;
  };
  const set = (target: Record<string, unknown>, key: string, value: unknown) => {
    if (value !== undefined) target[key] = value;
  };
  const next: Draft = { ...draft, options: { ...draft.options }, terms: { ...draft.terms } };
  set(next, 'url', text('url'));
  set(next, 'type', text('type'));
  set(next, 'kind', text('kind'));
  set(next, 'name', text('name'));
  set(next, 'intervalMinutes', text('interval'));
  const selectors = await selectorsFromFlags(values);
  if (selectors) next.selectors = selectors;
  // --selectors "" clears them, as "" clears any optional setting (an html source then says why not).
  else if (values.selectors === '') next.selectors = null;
  if (values.keep !== undefined) next.options.keep = ruleList(values.keep);
  if (values.block !== undefined) next.options.block = ruleList(values.block);
  set(next.options, 'userAgent', cleared('user-agent'));
  set(next.options, 'dateOrder', cleared('date-order'));
  set(next.options, 'timeZone', cleared('time-zone'));
  set(next.options, 'titleFormat', cleared('title-format'));
  set(next.options, 'listsAllOpenJobs', switchFlag(values, 'lists-all-open-jobs'));
  set(next.terms, 'syndication', switchFlag(values, 'syndication'));
  set(next.terms, 'attribution', switchFlag(values, 'attribution'));
  set(next.terms, 'note', cleared('terms-note'));
  return next;
}

/** --x turns a setting on, --no-x off; neither leaves it; both is a mistake. */
function switchFlag(values: Values, flag: string): boolean | undefined {
  const on = values[flag] === true;
  const off = values[`no-${flag}`] === true;
  if (on && off) throw new UsageError(`give --${flag} or --no-${flag}, not both`);
  return on ? true : off ? false : undefined;
}

/** Validates the settings, refusing the first problem in the words of the flag that set it. */
function validated(draft: Draft): SourceInput {
  const parsed = sourceInputSchema.safeParse(draft);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const flags: Record<string, string> = {
    intervalMinutes: 'interval',
    userAgent: 'user-agent',
    dateOrder: 'date-order',
    timeZone: 'time-zone',
    listsAllOpenJobs: 'lists-all-open-jobs',
    titleFormat: 'title-format',
    note: 'terms-note',
  };
  // The field's name, not a rule's index within --keep or --block.
  const key = issue?.path.filter((p): p is string => typeof p === 'string').at(-1) ?? 'input';
  const field = flags[key] ?? key;
  // Cross-field rules (kind vs selectors) are whole sentences already; each says what to do.
  if (key === 'selectors')
    throw new UsageError(
      issue?.message.startsWith('selectors apply to html')
        ? `${issue.message}: add --kind html, or leave the selectors out`
        : `${issue?.message}: use --selectors or --selectors-file`,
    );
  if (issue?.message.startsWith('a setting of'))
    throw new UsageError(`--${field}: ${issue.message}`);
  // A rule's message names the rule and what is wrong with it; "a name is required" is a sentence.
  if (key === 'keep' || key === 'block' || key === 'name')
    throw new UsageError(`--${key}: ${issue?.message}`);
  throw new UsageError(`--${field} must be ${issue?.message}`);
}

/**
 * Keep/block rules from their flags: "a, b ,c" → ["a", "b", "c"]; a flag may repeat. A value
 * written as a /regex/ is one rule whatever commas it holds ("/dev{1,3}/").
 */
export function ruleList(value: string | boolean | undefined | Array<string | boolean>): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values
    .flatMap((v) => {
      const text = String(v).trim();
      return REGEX_RULE.test(text) ? [text] : text.split(',');
    })
    .map((v) => v.trim())
    .filter(Boolean);
}
const REGEX_RULE = /^\/.*\/[a-z]*$/s;
