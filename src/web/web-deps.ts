import type { Request } from 'express';
import type { Connection } from 'mongoose';
import type { BoardVersionReader } from '../cache/board-version.ts';
import type { Logger } from '../lib/logger.ts';
import type { BoardShared } from './board-shared.ts';
import type { PageCache } from './page-cache.ts';
import type { Renderer } from './render.ts';

/** What the board's routes need: the database, the renderer and the page cache. */
export type WebDeps = {
  mongo: Connection;
  logger: Logger;
  renderer: Renderer;
  version: BoardVersionReader;
  cache: PageCache;
  /** Per-version values shared by pages: popular tags, sources. */
  shared: BoardShared;
  /** The board's public origin (PUBLIC_URL); null derives it from each request. */
  publicUrl: string | null;
};

/** The absolute origin links in feeds, sitemaps and JSON-LD use. */
export function origin(deps: Pick<WebDeps, 'publicUrl'>, req: Request): string {
  return (deps.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`).replace(
    /\/+$/,
    '',
  );
}
