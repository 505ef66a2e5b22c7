// Entry point for `npm start`: web, a queue worker and the scheduler in one process, on
// embedded local servers unless MONGODB_URI / REDIS_URL say otherwise.
import { createRedis } from '../src/queue/connection.ts';
import { createQueues } from '../src/queue/queues.ts';
import { openContext } from './context.ts';
import { startScheduler } from './run-scheduler.ts';
import { startWorkers } from './run-workers.ts';
import { startWebServer } from './web-server.ts';

const ctx = await openContext('backboard');
const workers = startWorkers(ctx);
ctx.lifecycle.add('queue workers', workers.close);

const redis = createRedis(ctx.redisUrl, 'worker');
const queues = createQueues(redis, ctx.config.queuePrefix);
ctx.lifecycle.add('scheduler queues', async () => {
  await queues.close();
  redis.disconnect();
});
const scheduler = startScheduler(queues, ctx.mongo, ctx.logger);
ctx.lifecycle.add('scheduler', scheduler.stop);

const { url } = await startWebServer(ctx);
ctx.logger.info(
  `backboard is running at ${url} (web, worker and scheduler; Ctrl-C stops everything)`,
);
