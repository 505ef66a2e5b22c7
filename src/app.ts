import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { DEFAULT_DEDUP_WINDOW_DAYS, DEFAULT_JOB_MAX_AGE_DAYS } from '../config/env.ts';
import { BoardVersionReader } from './cache/board-version.ts';
import type { Logger } from './lib/logger.ts';
import { loadAssets } from './web/assets.ts';
import { boardShared } from './web/board-shared.ts';
import { type ConsoleDeps, consoleRoutes } from './web/console/console-routes.ts';
import { errorHandler, notFound } from './web/error-handler.ts';
import { openReadCors } from './web/open-read-cors.ts';
import { PageCache } from './web/page-cache.ts';
import { createRenderer } from './web/render.ts';
import { apiRoutes } from './web/routes/api.ts';
import { articleRoutes } from './web/routes/articles.ts';
import { feedRoutes } from './web/routes/feeds.ts';
import { healthRoutes, type ReadinessChecks } from './web/routes/health.ts';
import { homeRoutes } from './web/routes/home.ts';
import { jobRoutes } from './web/routes/jobs.ts';
import { preferenceRoutes } from './web/routes/preferences.ts';
import { sourceRoutes } from './web/routes/sources.ts';
import { answerWarmHitsFirst } from './web/warm-hits.ts';
import type { WebDeps } from './web/web-deps.ts';

export type AppDependencies = {
  logger: Logger;
  readiness: ReadinessChecks;
  mongo: Connection;
  redis: Redis;
  queuePrefix: string;
  publicUrl: string | null;
  /** Re-read templates on every render (development). */
  reloadTemplates?: boolean;
  /** Seconds a cached page may be served (tests shorten it). */
  pageCacheTtlMs?: number;
  /** The rendered-response cache (tests look into it); by default one of pageCacheTtlMs. */
  pageCache?: PageCache;
  /** Operator console: credentials from config, and the fetch queue for "fetch now". */
  console?: Pick<
    ConsoleDeps,
    'credentials' | 'fetchQueue' | 'boardQueues' | 'fetcher' | 'allowedHosts'
  > &
    Partial<Pick<ConsoleDeps, 'dedupWindowDays' | 'maxJobAgeDays'>>;
};

/** Builds the Express app; listening is the entry point's job (workers/web.ts). */
export function buildApp(deps: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');
  app.use(healthRoutes(deps.readiness));
  const assets = loadAssets();
  const renderer = createRenderer(assets, { cache: !deps.reloadTemplates });
  const version = new BoardVersionReader(deps.redis, deps.queuePrefix);
  const web: WebDeps = {
    mongo: deps.mongo,
    logger: deps.logger,
    renderer,
    version,
    cache: deps.pageCache ?? new PageCache({ ttlMs: deps.pageCacheTtlMs ?? 30_000 }),
    shared: boardShared(deps.mongo, version, deps.pageCacheTtlMs),
    publicUrl: deps.publicUrl,
  };
  // Before everything, Express included: a cached response already carries the headers the
  // middleware below set.
  answerWarmHitsFirst(app, web);
  app.use(
    helmet({
      // No inline script anywhere; JSON-LD is data (type application/ld+json), not script.
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          // Feed descriptions may carry images (already sanitized on ingest); only over https.
          imgSrc: ["'self'", 'https:', 'data:'],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          // Helmet's default would have browsers fetch every asset and post every form over
          // https: a board served over plain http to another machine (a LAN, no TLS proxy) lost
          // its styles and script, and its search form did not submit. Assets are same-origin
          // and images https-only already, so over https there is nothing left to upgrade.
          upgradeInsecureRequests: null,
        },
      },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      crossOriginEmbedderPolicy: false,
    }),
  );
  // Browsers honour these only over https; over plain http to another machine they ignore
  // them, and Chromium logs an error for COOP on every page.
  app.use((req, res, next) => {
    if (!req.secure) {
      res.removeHeader('Cross-Origin-Opener-Policy');
      res.removeHeader('Strict-Transport-Security');
    }
    next();
  });
  app.use(openReadCors);
  app.use(assets.routes);
  app.use(cookieParser());
  app.use(homeRoutes(web));
  app.use(feedRoutes(web));
  app.use(jobRoutes(web));
  app.use(articleRoutes(web));
  app.use(sourceRoutes(web));
  app.use(preferenceRoutes(web));
  app.use(apiRoutes(web));
  app.use(
    '/console',
    consoleRoutes({
      mongo: deps.mongo,
      redis: deps.redis,
      prefix: deps.queuePrefix,
      renderer,
      fetchQueue: deps.console?.fetchQueue ?? null,
      boardQueues: deps.console?.boardQueues ?? [],
      fetcher: deps.console?.fetcher ?? null,
      allowedHosts: deps.console?.allowedHosts ?? [],
      dedupWindowDays: deps.console?.dedupWindowDays ?? DEFAULT_DEDUP_WINDOW_DAYS,
      maxJobAgeDays: deps.console?.maxJobAgeDays ?? DEFAULT_JOB_MAX_AGE_DAYS,
      httpsOnly: deps.publicUrl?.startsWith('https:') ?? false,
      credentials: deps.console?.credentials ?? {
        user: 'admin',
        passwordHash: undefined,
        token: undefined,
      },
    }),
  );
  app.use(notFound);
  app.use(errorHandler(deps.logger, renderer));
  return app;
}
