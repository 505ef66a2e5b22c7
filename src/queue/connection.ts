import { Redis } from 'ioredis';

/** How long a producer's command may wait for an answer (web requests, the CLI). */
export const PRODUCER_COMMAND_TIMEOUT_MS = 2000;

/**
 * A Redis connection for BullMQ. Workers wait for Redis forever (maxRetriesPerRequest null,
 * as BullMQ requires); producers fail fast so a web request never hangs on a dead Redis: not
 * connected, a command fails at once; connected but not answering (a paused server, a network
 * black hole), it fails after PRODUCER_COMMAND_TIMEOUT_MS.
 */
export function createRedis(url: string, role: 'worker' | 'producer'): Redis {
  const client = new Redis(
    url,
    role === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : {
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          connectTimeout: 5000,
          commandTimeout: PRODUCER_COMMAND_TIMEOUT_MS,
        },
  );
  // Errors surface through commands and readiness checks; an unhandled 'error' event would crash.
  client.on('error', () => {});
  return client;
}

/** Resolves when Redis answers PING within `timeoutMs`. */
export async function pingRedis(client: Redis, timeoutMs = 2000): Promise<void> {
  if (client.status !== 'ready') throw new Error(`not connected (${client.status})`);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
