// /console/opml: import feeds from an OPML file (uploaded or pasted) as rss sources, and export
// the rss sources as OPML. Mounted behind the session; the import checks CSRF itself because
// its multipart body is only readable here.
import { type NextFunction, type Request, type Response, Router } from 'express';
import multer from 'multer';
import { bumpBoardVersion } from '../../cache/board-version.ts';
import { renderOpml } from '../../domain/opml.ts';
import { decodeBody } from '../../ingest/fetch/charset.ts';
import { readOpml } from '../../ingest/parse/opml.ts';
import { ParseError } from '../../lib/errors.ts';
import { scheduleSource } from '../../queue/fetch-jobs.ts';
import { type ImportReport, importFeeds, recordImport } from '../../store/source-import.ts';
import { listSources } from '../../store/source-repository.ts';
import type { ConsoleDeps } from './console-routes.ts';
import { requireCsrf, sessionOf } from './guard.ts';

const MAX_OPML_BYTES = 2 * 1024 * 1024;

// One file in memory, bounded: an OPML export of a few thousand feeds is well under 2 MB.
const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_OPML_BYTES, files: 1, fields: 5, fieldSize: MAX_OPML_BYTES },
}).single('opml');

/** The import/export page and its two actions. */
export function opmlRoutes(deps: ConsoleDeps): Router {
  const router = Router();
  const render = (res: Response, model: { report?: ImportReport; error?: string; type?: string }) =>
    deps.renderer.page(
      'console-opml',
      { title: 'OPML · console', nav: null, noindex: true },
      { session: sessionOf(res), report: null, error: null, type: '', ...model },
    );

  router.get('/', (_req, res) => {
    res.type('html').send(render(res, {}));
  });

  router.get('/export', async (_req, res) => {
    const feeds = (await listSources(deps.mongo))
      .filter((s) => s.kind === 'rss')
      .map((s) => ({ title: s.name, url: s.url, type: s.type }));
    res
      .type('text/x-opml')
      .attachment('backboard-sources.opml')
      .send(renderOpml(feeds, new Date()));
  });

  // A too-large or malformed upload is the operator's to fix, said in words, not a 500.
  const readUpload = (req: Request, res: Response, next: NextFunction) =>
    upload(req, res, (error: unknown) => {
      if (!error) return next();
      res
        .status(400)
        .type('html')
        .send(render(res, { error: uploadProblem(error) }));
    });

  router.post('/import', readUpload, requireCsrf, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const type = body.type === 'jobs' || body.type === 'articles' ? body.type : null;
    const pasted = typeof body.opmlText === 'string' ? body.opmlText : '';
    // An uploaded file is decoded by its BOM or XML declaration (ISO-8859-1 OPML exists).
    const text = req.file ? decodeBody(req.file.buffer, null).text : pasted;
    const answer = (status: number, model: Parameters<typeof render>[1]) =>
      res
        .status(status)
        .type('html')
        .send(render(res, { type: type ?? '', ...model }));
    if (!text.trim()) return answer(400, { error: 'Choose an OPML file or paste one.' });
    let feeds: ReturnType<typeof readOpml>;
    try {
      feeds = readOpml(text);
    } catch (error) {
      if (error instanceof ParseError) return answer(400, { error: error.message });
      throw error;
    }
    const report = await importFeeds(deps.mongo, feeds, {
      type,
      allowedHosts: deps.allowedHosts ?? [],
    });
    await recordImport(deps.mongo, report.created, `console:${sessionOf(res).user}`);
    if (deps.fetchQueue)
      for (const source of report.created) await scheduleSource(deps.fetchQueue, source);
    if (report.created.length) await bumpBoardVersion(deps.redis, deps.prefix);
    answer(200, { report });
  });

  return router;
}

function uploadProblem(error: unknown): string {
  if (!(error instanceof multer.MulterError)) return 'The upload could not be read.';
  return error.code === 'LIMIT_FILE_SIZE' || error.code === 'LIMIT_FIELD_VALUE'
    ? `The OPML file is larger than ${MAX_OPML_BYTES / 1024 / 1024} MB.`
    : `Upload refused: ${error.message}.`;
}
