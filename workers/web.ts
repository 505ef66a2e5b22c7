// Entry point: the web app alone (production runs it apart from the workers).
import { openContext } from './context.ts';
import { startWebServer } from './web-server.ts';

const ctx = await openContext('web');
const { url } = await startWebServer(ctx);
ctx.logger.info(`backboard web listening on ${url}`);
