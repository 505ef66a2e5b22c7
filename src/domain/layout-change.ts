// A listing page whose layout changed rarely fails outright: its selectors just find fewer
// items, or stop finding a field. Comparing a run with the one before turns that into words.

/** What one run of an html source read: items found and how often each field was filled. */
export type ListingShape = { items: number; fieldCounts: Record<string, number> };

const MIN_ITEMS = 4;

/** Warnings when this run's shape drops sharply from the previous one; [] when it holds. */
export function layoutWarnings(previous: ListingShape | null, current: ListingShape): string[] {
  if (!previous || previous.items < MIN_ITEMS) return [];
  const warnings: string[] = [];
  if (current.items < previous.items / 2)
    warnings.push(
      `layout changed? the page gave ${current.items} item(s), down from ${previous.items} last run: check the item selector`,
    );
  if (current.items === 0) return warnings;
  for (const [field, before] of Object.entries(previous.fieldCounts)) {
    const was = before / previous.items;
    const now = (current.fieldCounts[field] ?? 0) / current.items;
    if (was >= 0.8 && now < was / 2)
      warnings.push(
        `layout changed? "${field}" was filled in ${pct(was)} of items last run, ${pct(now)} now: check its selector`,
      );
  }
  return warnings;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;
