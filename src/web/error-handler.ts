import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '../lib/errors.ts';
import type { Logger } from '../lib/logger.ts';

// Error codes are the domain's; HTTP statuses are only decided here.
const statusByCode: Record<string, number> = {
  not_found: 404,
  invalid_input: 400,
  gone: 410,
};

/** 404 for every route nobody answered. */
export const notFound: RequestHandler = (_req, _res, next) => {
  next(new AppError('not_found', 'Not found'));
};

/** The one error handler: maps error codes to statuses and never leaks a stack trace. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const status = error instanceof AppError ? (statusByCode[error.code] ?? 500) : 500;
    const expose = status < 500;
    if (!expose)
      logger.error({ err: error, method: req.method, url: req.originalUrl }, 'request failed');
    if (res.headersSent) return;
    res.status(status).json({ error: expose ? (error as Error).message : 'Internal server error' });
  };
}
