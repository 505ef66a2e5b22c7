// The board's stylesheet and script, served with a content hash in the URL so browsers cache
// them for a year and a deploy still reaches everyone at once.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type RequestHandler, Router } from 'express';
import { projectRoot } from '../../config/env.ts';

const FILES = { css: 'board.css', js: 'board.js' } as const;
const TYPES: Record<string, string> = { '.css': 'text/css', '.js': 'text/javascript' };

export type Assets = { urls: Record<keyof typeof FILES, string>; routes: RequestHandler };

/** Reads the assets once and returns their versioned URLs and the route serving them. */
export function loadAssets(): Assets {
  const router = Router();
  const urls = {} as Record<keyof typeof FILES, string>;
  for (const [key, name] of Object.entries(FILES) as Array<[keyof typeof FILES, string]>) {
    const body = readFileSync(path.join(projectRoot, 'views', 'assets', name));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    urls[key] = `/assets/${name}?v=${hash}`;
    router.get(`/assets/${name}`, (req, res) => {
      const current = req.query.v === hash;
      res
        .type(TYPES[path.extname(name)] ?? 'application/octet-stream')
        .set('Cache-Control', current ? 'public, max-age=31536000, immutable' : 'no-cache')
        .send(body);
    });
  }
  // No icon yet: answer the browser's automatic request without a 404 in every log.
  router.get('/favicon.ico', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=86400').status(204).end();
  });
  return { urls, routes: router };
}
