// HTTP load with autocannon: requests/second and latency percentiles for one URL.
import autocannon from 'autocannon';

export type LoadResult = { rps: number; p50: number; p99: number; non2xx: number; errors: number };

/** Drives `url` with `connections` for `seconds`; throws if any response was not 2xx/3xx. */
export async function load(url: string, connections: number, seconds: number): Promise<LoadResult> {
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
  const out = {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
  if (out.non2xx > 0 || out.errors > 0)
    throw new Error(`${url}: ${out.non2xx} non-2xx responses, ${out.errors} errors/timeouts`);
  return out;
}

/** One request's wall time in ms (a cold page: nothing cached yet). */
export async function timeOne(url: string): Promise<{ ms: number; body: string; status: number }> {
  const started = performance.now();
  const res = await fetch(url);
  const body = await res.text();
  return { ms: performance.now() - started, body, status: res.status };
}
