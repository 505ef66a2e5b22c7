import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { EmbeddedServerError } from '../lib/errors.ts';
import { findExecutable, freePort, spawnDetached } from './process-control.ts';
import type { RunningServer } from './state.ts';
import { pingRedisUrl, waitReady } from './wait-ready.ts';

/** Starts redis-server on a free port with its append-only file under the data folder. */
export async function startRedis(
  dataDir: string,
  logsDir: string,
  port?: number,
): Promise<RunningServer> {
  const bin = await findExecutable('redis-server');
  if (!bin) {
    throw new EmbeddedServerError(
      'no Redis server: install redis-server (Debian/Ubuntu: apt-get install redis-server) or set REDIS_URL',
    );
  }
  const dir = path.join(dataDir, 'redis');
  await mkdir(dir, { recursive: true });
  await mkdir(logsDir, { recursive: true });
  port ??= await freePort();
  const logFile = path.join(logsDir, 'redis.log');
  // appendonly keeps queued jobs across restarts; bound to loopback only.
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--appendonly',
    'yes',
    '--save',
    '',
    '--daemonize',
    'no',
    '--protected-mode',
    'yes',
  ];
  const child = await spawnDetached(bin, args, logFile);
  const url = `redis://127.0.0.1:${port}`;
  await waitReady('redis-server', () => pingRedisUrl(url), {
    timeoutMs: 20_000,
    exited: child.exited,
    logFile,
  });
  return { kind: 'redis-server', pid: child.pid, port, url };
}
