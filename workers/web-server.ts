import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/app.ts';
import { createRedis, pingRedis } from '../src/queue/connection.ts';
import { createQueues } from '../src/queue/queues.ts';
import { pingMongo } from '../src/store/connection.ts';
import type { ProcessContext } from './context.ts';
import { createProductFetcher } from './fetcher-factory.ts';

/** Builds the app on the context's connections and listens; registers its own shutdown. */
export async function startWebServer(
  ctx: ProcessContext,
): Promise<{ server: Server; url: string }> {
  const { config, logger, mongo, lifecycle } = ctx;
  const redis = createRedis(ctx.redisUrl, 'producer');
  lifecycle.add('web redis connection', async () => {
    redis.disconnect();
  });
  if (config.env === 'production' && !config.publicUrl)
    // Links in pages, feeds and the sitemap then follow each request's Host header: a cache in
    // front that ignores Host could serve one visitor's forged host to everyone.
    logger.warn(
      'PUBLIC_URL is not set: links in pages, feeds and the sitemap follow the Host header',
    );
  const queues = createQueues(redis, config.queuePrefix);
  lifecycle.add('web queues', () => queues.close());
  const app = buildApp({
    logger,
    readiness: { mongo: () => pingMongo(mongo), redis: () => pingRedis(redis) },
    mongo,
    redis,
    queuePrefix: config.queuePrefix,
    publicUrl: config.publicUrl ?? null,
    reloadTemplates: config.env === 'development',
    console: {
      credentials: config.console,
      fetchQueue: queues.fetch,
      boardQueues: [queues.fetch, queues.maintenance],
      // Discovery and preview fetch through the same polite, guarded fetcher as the workers.
      fetcher: createProductFetcher(config, redis),
      allowedHosts: config.fetch.allowedHosts,
      dedupWindowDays: config.dedupWindowDays,
      maxJobAgeDays: config.jobMaxAgeDays,
    },
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, (error?: Error) =>
      error ? reject(error) : resolve(s),
    );
  }).catch(async (error: NodeJS.ErrnoException) => {
    // One line and a clean exit (embedded servers released), like any start-up failure.
    const where = `${config.host}:${config.port}`;
    const message =
      error.code === 'EADDRINUSE'
        ? `port ${config.port} is in use (${where}): stop what uses it, or set PORT to another port`
        : `cannot listen on ${where}: ${error.message}`;
    process.stderr.write(`backboard: ${message}\n`);
    await lifecycle.shutdown(1);
    throw error;
  });
  lifecycle.add('http server', () => closeServer(server));
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return { server, url: config.publicUrl ?? `http://${host}:${port}` };
}

/** Stops accepting connections, lets requests in flight finish, then drops idle keep-alives. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 5000).unref();
  });
}
