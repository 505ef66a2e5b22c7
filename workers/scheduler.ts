// Entry point: the scheduler alone; it keeps BullMQ's job schedulers in step with the sources.
import { createRedis } from '../src/queue/connection.ts';
import { createQueues } from '../src/queue/queues.ts';
import { openContext } from './context.ts';
import { startScheduler } from './run-scheduler.ts';

const ctx = await openContext('scheduler');
const redis = createRedis(ctx.redisUrl, 'worker');
const queues = createQueues(redis, ctx.config.queuePrefix);
ctx.lifecycle.add('scheduler redis', async () => {
  await queues.close();
  redis.disconnect();
});
const scheduler = startScheduler(queues, ctx.mongo, ctx.logger);
ctx.lifecycle.add('scheduler', scheduler.stop);
ctx.logger.info('backboard scheduler running');
