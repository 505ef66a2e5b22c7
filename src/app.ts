import express, { type Express } from 'express';
import type { Logger } from './lib/logger.ts';
import { errorHandler, notFound } from './web/error-handler.ts';
import { healthRoutes, type ReadinessChecks } from './web/routes/health.ts';

export type AppDependencies = {
  logger: Logger;
  readiness: ReadinessChecks;
};

/** Builds the Express app; listening is the entry point's job (workers/web.ts). */
export function buildApp(deps: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(healthRoutes(deps.readiness));
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
