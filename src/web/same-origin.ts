import type { Request } from 'express';
import { urlPart } from '../domain/canonical-url.ts';

/**
 * Whether a request comes from this site: browsers send Sec-Fetch-Site, older ones at least
 * Origin; a request with neither (curl, tests) is not a browser's cross-site one.
 */
export function isSameOrigin(req: Request): boolean {
  const site = req.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.get('origin');
  return !origin || urlPart(origin, 'host') === req.get('host');
}
