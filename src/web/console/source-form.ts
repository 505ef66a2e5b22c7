// The console's source form: raw form fields ⇄ the SourceInput the schema validates, with one
// message per field for the page to show next to it.

import { urlPart } from '../../domain/canonical-url.ts';
import { type SourceInput, sourceInputSchema } from '../../domain/source.ts';

/** The form as posted (all strings; checkboxes present when ticked). */
export type SourceFormValues = Record<string, string>;

export type SourceFormResult =
  | { ok: true; input: SourceInput }
  | { ok: false; errors: Record<string, string> };

const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** Validates the posted form into a SourceInput, or field → message. */
export function readSourceForm(values: SourceFormValues): SourceFormResult {
  const errors: Record<string, string> = {};
  let selectors: unknown = null;
  if (values.kind === 'html' && values.selectors?.trim()) {
    try {
      selectors = JSON.parse(values.selectors);
    } catch (error) {
      errors.selectors = `not valid JSON: ${(error as Error).message}`;
    }
  }
  const parsed = sourceInputSchema.safeParse({
    name: values.name?.trim() || (urlPart(values.url ?? '', 'host') ?? ''),
    url: values.url?.trim(),
    kind: values.kind || 'rss',
    type: values.type,
    intervalMinutes: values.intervalMinutes || 30,
    enabled: values.enabled === 'on',
    options: {
      userAgent: values.userAgent?.trim() || null,
      keep: lines(values.keep),
      block: lines(values.block),
      listsAllOpenJobs: values.listsAllOpenJobs === 'on',
    },
    terms: {
      attribution: values.attribution === 'on',
      syndication: values.syndication === 'on',
      note: values.termsNote?.trim() || null,
    },
    selectors,
  });
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const [first, second] = issue.path.map(String);
      // Nested settings show next to their own form field.
      const field =
        first === 'options' || first === 'terms'
          ? second === 'note'
            ? 'termsNote'
            : (second ?? first)
          : (first ?? 'form');
      errors[field] ??=
        first === 'selectors' && second
          ? `${issue.path.slice(1).join('.')}: ${issue.message}`
          : issue.message;
    }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, input: parsed.data as SourceInput };
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
