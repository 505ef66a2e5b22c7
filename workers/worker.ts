// Entry point: queue workers alone; run as many of these as the load needs.
import { openContext } from './context.ts';
import { startWorkers } from './run-workers.ts';

const ctx = await openContext('worker');
const workers = startWorkers(ctx);
ctx.lifecycle.add('queue workers', workers.close);
ctx.logger.info(`backboard worker running (${workers.workers.map((w) => w.name).join(', ')})`);
