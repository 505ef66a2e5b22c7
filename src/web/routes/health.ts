import { Router } from 'express';

/** A named dependency check: resolves when the dependency answers. */
export type ReadinessChecks = Record<string, () => Promise<void>>;

/** /healthz: the process is up. /readyz: every dependency answers (503 names those that don't). */
export function healthRoutes(checks: ReadinessChecks): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const names = Object.keys(checks);
    const results = await Promise.allSettled(
      names.map((name) => (checks[name] as () => Promise<void>)()),
    );
    const body: Record<string, string> = {};
    names.forEach((name, i) => {
      body[name] = results[i]?.status === 'fulfilled' ? 'ok' : 'unavailable';
    });
    const ready = results.every((r) => r.status === 'fulfilled');
    res
      .status(ready ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json(body);
  });
  return router;
}
