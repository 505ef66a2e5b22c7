// HTTP load with autocannon in a process of its own: requests/second and latency percentiles
// for one URL. Run inside the benchmark process, the load generator's own pauses (its garbage
// collection, with the seeded data in the same heap) showed up as the server's latency.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

export type LoadResult = {
  /** Responses received in all. */
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Bytes read per response, headers included: a page's weight under load. */
  bytesPerResponse: number;
  non2xx: number;
  errors: number;
};

const autocannonCli = path.join(
  path.dirname(createRequire(import.meta.url).resolve('autocannon/package.json')),
  'autocannon.js',
);

/** What autocannon's --json report carries that a benchmark reads. */
type Report = {
  requests: { average: number; total: number };
  throughput: { total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
};

// What every browser sends (and feed readers and HTTP libraries mostly do): the board answers
// with its compressed copy, so the bytes measured are the bytes a visitor gets.
const BROWSER_ACCEPT_ENCODING = 'accept-encoding=gzip, deflate, br, zstd';

/** Drives `url` with `connections` for `seconds`; throws if any response was not 2xx/3xx. */
export async function load(url: string, connections: number, seconds: number): Promise<LoadResult> {
  const args = [
    ...['-c', String(connections), '-d', String(seconds), '-p', '1'],
    ...['-H', BROWSER_ACCEPT_ENCODING, '-j', '-n', url],
  ];
  const report = JSON.parse(await run(process.execPath, [autocannonCli, ...args])) as Report;
  const out = {
    requests: report.requests.total,
    rps: report.requests.average,
    p50: report.latency.p50,
    p99: report.latency.p99,
    bytesPerResponse: report.requests.total ? report.throughput.total / report.requests.total : 0,
    non2xx: report.non2xx,
    errors: report.errors + report.timeouts,
  };
  if (out.non2xx > 0 || out.errors > 0)
    throw new Error(`${url}: ${out.non2xx} non-2xx responses, ${out.errors} errors/timeouts`);
  return out;
}

/** Runs a command to its end and returns its standard output; a failure carries its stderr. */
function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else
        reject(
          new Error(`${path.basename(args[0] ?? command)} exited ${code}: ${Buffer.concat(err)}`),
        );
    });
  });
}

/**
 * One request's wall time in ms (a cold page: nothing cached yet). `host` sends another Host
 * header: the page cache keys on it, so the same page is rendered anew rather than served.
 */
export function timeOne(
  url: string,
  host?: string,
): Promise<{ ms: number; body: string; status: number }> {
  const started = performance.now();
  // node:http rather than fetch: fetch does not let a caller set Host.
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: host ? { host } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () =>
        resolve({
          ms: performance.now() - started,
          body: Buffer.concat(chunks).toString('utf8'),
          status: res.statusCode ?? 0,
        }),
      );
    });
    req.on('error', reject);
  });
}
