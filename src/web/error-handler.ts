import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { AppError, InvalidQueryError } from '../lib/errors.ts';
import type { Logger } from '../lib/logger.ts';
import type { Renderer } from './render.ts';

// Error codes are the domain's; HTTP statuses are only decided here.
const statusByCode: Record<string, number> = {
  not_found: 404,
  invalid_input: 400,
  forbidden: 403,
  method_not_allowed: 405,
  gone: 410,
};

const headings: Record<number, string> = {
  403: 'Not allowed',
  404: 'Page not found',
  405: 'Only for reading',
  410: 'Gone',
  500: 'Something went wrong on our side',
};

/** A bad search says so; an address that cannot be decoded is the address's fault. */
function headingOf(status: number, error: unknown, badSearch: boolean): string {
  if (status !== 400) return headings[status] ?? 'Error';
  if (badSearch) return 'That search did not make sense';
  return error instanceof URIError ? 'That address is not valid' : 'That request could not be read';
}

// The board's public addresses are read, never written: another method there is a wrong
// method (405), not a missing page.
const READ_ONLY = /^\/(?:$|jobs\b|articles\b|sources\b|api\/v1\b|sitemap\.xml$|robots\.txt$)/;

/** 404 for every route nobody answered; 405 for a write to a read-only address. */
export const notFound: RequestHandler = (req, res, next) => {
  if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method) && READ_ONLY.test(req.path)) {
    res.set('Allow', 'GET, HEAD');
    return next(
      new AppError(
        'method_not_allowed',
        `${req.method} is not accepted here: this address can only be read.`,
      ),
    );
  }
  next(new AppError('not_found', 'There is nothing at this address.'));
};

/**
 * The one error handler: maps error codes to statuses, answers the API in JSON and people with
 * a page in the site's layout, and never leaks a stack trace.
 */
export function errorHandler(logger: Logger, renderer: Renderer | null): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const status = statusOf(error);
    const expose = status < 500;
    if (!expose)
      logger.error({ err: error, method: req.method, url: req.originalUrl }, 'request failed');
    if (res.headersSent) return;
    const message = expose ? publicMessage(error) : 'Please try again in a moment.';
    const details = error instanceof InvalidQueryError ? error.problems : undefined;
    const heading = headingOf(status, error, details !== undefined);
    res.status(status).set('Cache-Control', 'no-store');
    // A feed reader shows an error body as text, if at all: not a page of markup.
    if (isXmlFeed(req)) {
      const lines = (details ?? []).map((d) => `${d.parameter}: ${d.message}`);
      res.type('text').send([`${status} ${message}`, ...lines].join('\n'));
      return;
    }
    if (wantsJson(req) || !renderer) {
      res.json({
        error: expose ? message : 'Internal server error',
        ...(details ? { details } : {}),
      });
      return;
    }
    try {
      const body = renderer.page(
        'error',
        { title: heading, nav: null, noindex: true },
        {
          heading,
          message,
          problems: details ?? [],
          retryHref: details ? retryHref(req, details) : null,
        },
      );
      res.type('html').send(body);
    } catch (renderError) {
      logger.error({ err: renderError }, 'error page failed to render');
      res.type('text').send(message);
    }
  };
}

// The router's own words for an undecodable address quote it back raw ("Failed to decode
// param '%ff'"): what a visitor can do about it reads better.
function publicMessage(error: unknown): string {
  if (error instanceof URIError)
    return 'Part of the address is not encoded correctly (a stray "%"?). Check the link, or start again from the list.';
  return (error as Error).message;
}

/** The same search without the parameters it could not use: the rest of it is kept. */
function retryHref(req: Request, problems: Array<{ parameter: string }>): string | null {
  if (!/^\/(?:jobs|articles)$/.test(req.path)) return null;
  const bad = new Set(problems.map((p) => p.parameter));
  const params = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
  for (const name of [...params.keys()]) if (bad.has(name)) params.delete(name);
  const rest = params.toString();
  return `${req.path}${rest ? `?${rest}` : ''}`;
}

function statusOf(error: unknown): number {
  if (error instanceof AppError) return statusByCode[error.code] ?? 500;
  // Body parsers and similar middleware report client errors with a status of their own.
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 500;
}

function wantsJson(req: Request): boolean {
  return (
    req.path.startsWith('/api/') ||
    req.path === '/healthz' ||
    req.path === '/readyz' ||
    /^\/(?:jobs|articles)\.json$/.test(req.path)
  );
}

function isXmlFeed(req: Request): boolean {
  return /^\/(?:jobs|articles)\.(?:rss|atom)$/.test(req.path);
}
