// The job filter form's options, with the current search's values checked or selected.
import { countries } from '../../../config/countries.ts';
import { currencyRates } from '../../../config/currency-rates.ts';
import type { JobQuery } from '../../domain/board-query.ts';
import { postedWindows, workplaces } from '../../domain/board-query.ts';
import { employmentTypes, filterSeniorities } from '../../domain/job-intel.ts';
import { countryName, keywordLabel, label, tagName, workplaceLabel } from '../format.ts';

type Check = { value: string; label: string; checked: boolean };
type Option = { value: string; label: string; selected: boolean };

const countryOptions = [...countries]
  .map((c) => ({ value: c.code, label: c.name }))
  .sort((a, b) => a.label.localeCompare(b.label));
const postedLabels: Record<string, string> = {
  '': 'Any time',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
};

/** The form model for /jobs. */
export function jobSearchForm(
  query: JobQuery,
  options: {
    popularTags: string[];
    /** Job sources with how many jobs each has on the board. */
    sources: Array<{ id: string; name: string; count: number }>;
  },
) {
  const checks = (
    values: readonly string[],
    chosen: string[] | undefined,
    name: (v: string) => string,
  ): Check[] =>
    values.map((value) => ({
      value,
      label: name(value),
      checked: chosen?.includes(value) ?? false,
    }));
  const tags = [...new Set([...(query.tags ?? []), ...options.popularTags])];
  return {
    q: query.q ?? '',
    workplace: checks(workplaces, query.workplace, (v) => workplaceLabel[v] ?? v),
    from: countryOptions.map((o) => ({ ...o, selected: o.value === query.from })) as Option[],
    location: query.location ?? '',
    salaryMin: query.salaryMin ? String(query.salaryMin) : '',
    currency: Object.keys(currencyRates.usdPer)
      .sort()
      .map((code) => ({ value: code, label: code, selected: code === (query.currency ?? 'USD') })),
    hasSalary: query.hasSalary ?? false,
    seniority: checks(filterSeniorities, query.seniority, label),
    type: checks(employmentTypes, query.type, label),
    tags: checks(tags, query.tags, tagName),
    posted: ['', ...Object.keys(postedWindows)].map((value) => ({
      value,
      label: postedLabels[value] ?? value,
      checked: (query.posted ?? '') === value,
    })),
    sort: [
      { value: '', label: 'Date posted', checked: !query.sort },
      { value: 'added', label: 'Date added to backboard', checked: query.sort === 'added' },
    ],
    // Sources with jobs on the board, by name: one with none (paused, new, failing) would only
    // lead to an empty list, unless it is the one chosen. (No counts: they would be the whole
    // board's, not this search's.)
    source: options.sources
      .filter((s) => s.count > 0 || s.id === query.source)
      .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }))
      .map((s) => ({ value: s.id, label: s.name, selected: s.id === query.source })),
  };
}

/** How an active filter value reads on its chip. */
export function describeJobFilter(
  key: string,
  value: unknown,
  query: JobQuery,
  sourceNames: Map<string, string>,
): string {
  const v = String(value);
  switch (key) {
    case 'q':
      return keywordLabel(v);
    case 'workplace':
      return workplaceLabel[v] ?? v;
    case 'from':
      return `Can apply from ${countryName(v)}`;
    case 'location':
      return `Near “${v}”`;
    case 'salaryMin':
      return `≥ ${Number(v).toLocaleString('en')} ${query.currency ?? 'USD'} a year`;
    case 'hasSalary':
      return 'States a salary';
    case 'tags':
      return tagName(v);
    case 'posted':
      return postedLabels[v] ?? v;
    case 'source':
      return `From ${sourceNames.get(v) ?? 'one source'}`;
    case 'topic':
      return v;
    default:
      return label(v);
  }
}
