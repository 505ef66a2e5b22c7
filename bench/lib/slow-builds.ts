// Which load windows a slow page's rebuild overlapped. Each such build is, on FerretDB, a scan of
// the collection on the same cores as the load and the web: the board scenario reports the p99
// of windows with and without one, to tell the database's share of a slow p99 from the web's.

/** A span of time in epoch ms. */
export type Span = { start: number; end: number };

/** One page's load: when it ran and its p99. */
export type LoadWindow = Span & { name: string; p99: number };

/** The web's builds of pages slow to build, as its JSON log reports them (src/web/cached-route.ts). */
export function slowBuilds(output: string): Span[] {
  const builds: Span[] = [];
  for (const line of output.split('\n')) {
    if (!line.includes('slow to build')) continue;
    try {
      const { time, ms } = JSON.parse(line) as { time: number; ms: number };
      if (Number.isFinite(time) && Number.isFinite(ms))
        builds.push({ start: time - ms, end: time });
    } catch {
      // Not a JSON log line (pretty-printed, or cut by the output buffer).
    }
  }
  return builds;
}

/** How many of `builds` ran at some point during `window`. */
export function overlapping(builds: Span[], window: Span): number {
  return builds.filter((b) => b.start < window.end && b.end > window.start).length;
}
