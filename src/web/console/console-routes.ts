// /console: the operator's side. Closed unless credentials are configured; every route but the
// login form needs a session, and every state-changing one its CSRF token.
import type { Queue } from 'bullmq';
import express, { type Request, type Response, Router } from 'express';
import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { bumpBoardVersion } from '../../cache/board-version.ts';
import { selectorFieldNames } from '../../domain/html-selectors.ts';
import type { SourceInput } from '../../domain/source.ts';
import { settingsForHistory } from '../../domain/source-history.ts';
import type { Fetcher } from '../../ingest/fetch/fetcher.ts';
import { unreachableSourceUrl } from '../../ingest/fetch/guarded-lookup.ts';
import { discoverForForm, previewSource } from '../../ingest/preview-source.ts';
import { AppError } from '../../lib/errors.ts';
import { sameSecret, verifyPassword } from '../../lib/password.ts';
import {
  enqueueRefresh,
  followUpJobId,
  scheduledRun,
  scheduledRuns,
  scheduleSource,
  sourceJobId,
} from '../../queue/fetch-jobs.ts';
import type { SourceDoc } from '../../store/models/source.ts';
import {
  diffFields,
  recordSourceChange,
  sourceHistory,
} from '../../store/source-change-repository.ts';
import { enabledChangeNote, followEnabled } from '../../store/source-pause.ts';
import {
  createSource,
  deleteSource,
  findSource,
  listSources,
  replaceSourceSettings,
  updateSource,
} from '../../store/source-repository.ts';
import { timeAgo } from '../format.ts';
import type { Renderer } from '../render.ts';
import { requireCsrf, requireSession, sessionOf } from './guard.ts';
import { LoginLimiter } from './login-limiter.ts';
import { opmlRoutes } from './opml-routes.ts';
import { queueBoard, queueBoardGuard } from './queue-board.ts';
import { SESSION_COOKIE, SESSION_TTL_SECONDS, SessionStore } from './sessions.ts';
import {
  blankSourceForm,
  readSourceForm,
  type SourceFormValues,
  sourceToForm,
} from './source-form.ts';
import { sourceHealthRow } from './source-health-row.ts';

export type ConsoleDeps = {
  mongo: Connection;
  redis: Redis;
  prefix: string;
  renderer: Renderer;
  fetchQueue: Queue | null;
  /** Queues shown in Bull Board at /console/queues (none: no board). */
  boardQueues?: Queue[];
  credentials: { user: string; passwordHash: string | undefined; token: string | undefined };
  /** The public URL is https: the session cookie is Secure even when a proxy speaks plain HTTP to us. */
  httpsOnly?: boolean;
  /** The product fetcher, for discovery and preview (none: those buttons explain why). */
  fetcher?: Fetcher | null;
  /** FETCH_ALLOWED_HOSTS: private addresses a source may use (none: a private URL is refused). */
  allowedHosts?: readonly string[];
  /** DEDUP_WINDOW_DAYS: a deleted source's copies elsewhere are regrouped with it. */
  dedupWindowDays: number;
  /** JOB_MAX_AGE_DAYS: preview says which jobs would be closed at once; enabling reopens younger ones. */
  maxJobAgeDays: number;
};

// The source form has ~50 fields (every selector for the list and the detail pages).
// Large enough for everything a source may hold (100 rules of 500 characters each for keep and
// for block, URL-encoded): a bigger body is refused before its fields can be shown again.
const form = express.urlencoded({ extended: false, limit: '512kb', parameterLimit: 100 });

/** Which source form is shown: new, or editing the source with this id. */
type FormMode = { heading: string; action: string; id: string | null };

/** The console's routes, mounted at /console. */
export function consoleRoutes(deps: ConsoleDeps): Router {
  const policy = { maxJobAgeDays: deps.maxJobAgeDays, dedupWindowDays: deps.dedupWindowDays };
  const router = Router();
  const sessions = new SessionStore(deps.redis, deps.prefix);
  const limiter = new LoginLimiter(deps.redis, deps.prefix);
  const { credentials } = deps;
  const open = Boolean(credentials.passwordHash || credentials.token);
  const page = (view: string, title: string, model: object) =>
    deps.renderer.page(view, { title, nav: null, noindex: true }, model);

  router.use((_req, res, next) => {
    res.set('Cache-Control', 'private, no-store');
    if (open) return next();
    res
      .status(503)
      .type('html')
      .send(page('console-closed', 'Console closed', {}));
  });

  router.get('/login', (req, res) => {
    res
      .type('html')
      .send(page('console-login', 'Sign in', { next: safeNext(req.query.next), error: null }));
  });

  router.post('/login', form, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const user = typeof body.user === 'string' ? body.user.trim().slice(0, 64) : '';
    const password = typeof body.password === 'string' ? body.password.slice(0, 200) : '';
    const next = safeNext(body.next);
    const address = req.ip ?? 'unknown';
    const again = await limiter.attempt(user, address);
    if (again > 0) {
      res.status(429).set('Retry-After', String(again)).type('html');
      res.send(
        page('console-login', 'Sign in', {
          next,
          error: `Too many failed attempts: try again in ${Math.ceil(again / 60)} min.`,
        }),
      );
      return;
    }
    if (!(await validLogin(credentials, user, password))) {
      res
        .status(401)
        .type('html')
        .send(page('console-login', 'Sign in', { next, error: 'Wrong user name or password.' }));
      return;
    }
    await limiter.succeeded(user, address);
    const { id } = await sessions.create(credentials.user);
    res.cookie(SESSION_COOKIE, id, {
      httpOnly: true,
      sameSite: 'strict',
      // Behind a TLS-terminating proxy req.secure can be false; PUBLIC_URL says how users connect.
      secure: req.secure || deps.httpsOnly === true,
      path: '/console',
      maxAge: SESSION_TTL_SECONDS * 1000,
    });
    res.redirect(303, next);
  });

  router.use(requireSession(sessions));
  if (deps.boardQueues?.length)
    router.use('/queues', queueBoardGuard, queueBoard(deps.boardQueues, '/console/queues'));
  // Before the urlencoded parser and CSRF check: its import reads a multipart body itself.
  router.use('/opml', opmlRoutes(deps));
  router.use(form, requireCsrf);

  router.post('/logout', async (req, res) => {
    await sessions.destroy(
      (req as Request & { cookies?: Record<string, string> }).cookies?.[SESSION_COOKIE],
    );
    res.clearCookie(SESSION_COOKIE, { path: '/console' });
    res.redirect(303, '/console/login');
  });

  router.get('/', async (req, res) => {
    const now = new Date();
    const scheduled = deps.fetchQueue ? await scheduledRuns(deps.fetchQueue) : new Map();
    const rows = (await listSources(deps.mongo)).map((s) =>
      sourceHealthRow(s, now, scheduled.get(String(s._id))),
    );
    const sickOnly = req.query.show === 'sick';
    res.type('html').send(
      page('console-sources', 'Sources · console', {
        session: sessionOf(res),
        rows: sickOnly ? rows.filter((r) => r.sick) : rows,
        sickOnly,
        sickCount: rows.filter((r) => r.sick).length,
        notice: typeof req.query.notice === 'string' ? req.query.notice.slice(0, 200) : null,
      }),
    );
  });

  router.post('/sources/:id/fetch', async (req, res) => {
    const source = await findSource(deps.mongo, String(req.params.id));
    if (!source || !deps.fetchQueue)
      return void res.status(404).type('text').send('No such source.');
    // A disabled source's run would only be skipped: say so instead of showing it queued.
    if (!source.enabled)
      return void res.redirect(
        303,
        sourcePage(source._id, `${source.name} is disabled: enable it to fetch it.`),
      );
    await enqueueRefresh(deps.fetchQueue, String(source._id));
    await recordSourceChange(deps.mongo, {
      sourceId: source._id,
      by: by(res),
      action: 'fetch',
      changes: [],
    });
    // The source's page shows the run queued, running, then its result.
    res.redirect(303, `/console/sources/${String(source._id)}`);
  });

  /** The new-source and edit forms: one page, one set of intents (discover, preview, save). */
  const renderForm = (res: Response, mode: FormMode, values: SourceFormValues, extra = {}) =>
    page('console-source-form', `${mode.heading} · console`, {
      session: sessionOf(res),
      ...mode,
      values,
      fieldNames: selectorFieldNames,
      errors: {},
      preview: null,
      discovery: null,
      ...extra,
    });

  /** Discover or preview answer on the form itself; save is the caller's. */
  async function formIntent(
    res: Response,
    mode: FormMode,
    values: SourceFormValues,
  ): Promise<SourceInput | null> {
    const intent = values.intent ?? 'save';
    if (intent === 'discover') {
      const found = deps.fetcher
        ? await discoverForForm(deps.fetcher, values.url ?? '')
        : { error: 'no fetcher in this process' };
      const next = 'kind' in found ? { ...values, kind: found.kind, url: found.url } : values;
      res.type('html').send(renderForm(res, mode, next, { discovery: found }));
      return null;
    }
    const form = readSourceForm(values);
    if (!form.ok) {
      res
        .status(400)
        .type('html')
        .send(renderForm(res, mode, values, { errors: form.errors }));
      return null;
    }
    if (intent === 'preview') {
      const preview = deps.fetcher
        ? await previewSource(deps.fetcher, form.input, { maxJobAgeDays: deps.maxJobAgeDays })
        : { items: [], total: 0, fields: [], warnings: [], error: 'no fetcher in this process' };
      res.type('html').send(renderForm(res, mode, values, { preview }));
      return null;
    }
    // Saved, it could only fail at its first run: said next to the field instead.
    const unreachable = unreachableSourceUrl(form.input.url, deps.allowedHosts ?? []);
    if (unreachable) {
      res
        .status(400)
        .type('html')
        .send(renderForm(res, mode, values, { errors: { url: unreachable } }));
      return null;
    }
    return form.input;
  }

  // A duplicate URL or a refused type switch is the operator's to fix, next to the field.
  const refused = (res: Response, mode: FormMode, values: SourceFormValues, error: unknown) => {
    if (!(error instanceof AppError)) throw error;
    const field = error.code === 'type_has_items' ? 'type' : 'url';
    res
      .status(409)
      .type('html')
      .send(renderForm(res, mode, values, { errors: { [field]: error.message } }));
  };

  const newForm: FormMode = { heading: 'New source', action: '/console/sources/new', id: null };

  router.get('/sources/new', (req, res) => {
    const url = typeof req.query.url === 'string' ? req.query.url.slice(0, 2000) : '';
    res.type('html').send(renderForm(res, newForm, blankSourceForm(url)));
  });

  router.post('/sources/new', async (req, res) => {
    const values = stringFields(req.body);
    const input = await formIntent(res, newForm, values);
    if (!input) return;
    let source: SourceDoc;
    try {
      source = await createSource(deps.mongo, input);
    } catch (error) {
      return refused(res, newForm, values, error);
    }
    await recordSourceChange(deps.mongo, {
      sourceId: source._id,
      by: by(res),
      action: 'create',
      changes: diffFields({}, settingsForHistory(source)),
    });
    if (deps.fetchQueue) await scheduleSource(deps.fetchQueue, source);
    await bumpBoardVersion(deps.redis, deps.prefix);
    res.redirect(303, `/console/sources/${String(source._id)}`);
  });

  const editForm = (source: SourceDoc): FormMode => ({
    heading: `Edit ${source.name}`,
    action: `/console/sources/${String(source._id)}/edit`,
    id: String(source._id),
  });

  router.get('/sources/:id/edit', async (req, res) => {
    const source = await findSource(deps.mongo, String(req.params.id));
    if (!source) return void res.status(404).type('text').send('No such source.');
    res.type('html').send(renderForm(res, editForm(source), sourceToForm(source)));
  });

  router.post('/sources/:id/edit', async (req, res) => {
    const source = await findSource(deps.mongo, String(req.params.id));
    if (!source) return void res.status(404).type('text').send('No such source.');
    const mode = editForm(source);
    const values = stringFields(req.body);
    const input = await formIntent(res, mode, values);
    if (!input) return;
    let saved: Awaited<ReturnType<typeof replaceSourceSettings>>;
    try {
      saved = await replaceSourceSettings(deps.mongo, String(source._id), input);
    } catch (error) {
      return refused(res, mode, values, error);
    }
    if (!saved) return void res.status(404).type('text').send('No such source.');
    const jobs =
      saved.before.enabled !== saved.after.enabled
        ? enabledChangeNote(await followEnabled(deps.mongo, saved.after, new Date(), policy))
        : null;
    const changes = diffFields(settingsForHistory(saved.before), settingsForHistory(saved.after));
    if (changes.length)
      await recordSourceChange(deps.mongo, {
        sourceId: source._id,
        by: by(res),
        action: 'update',
        changes,
      });
    if (deps.fetchQueue) {
      await scheduleSource(deps.fetchQueue, saved.after);
      // New settings are tried at once, so the operator sees their effect on the next page.
      if (saved.after.enabled && changes.length)
        await enqueueRefresh(deps.fetchQueue, String(source._id));
    }
    await bumpBoardVersion(deps.redis, deps.prefix);
    res.redirect(
      303,
      jobs ? sourcePage(source._id, `Saved: ${jobs}.`) : `/console/sources/${String(source._id)}`,
    );
  });

  router.get('/sources/:id', async (req, res) => {
    const id = String(req.params.id);
    // The job is read before the source: a run that ends in between has recorded its result on
    // the source by then (the worker records before BullMQ marks the job done), whereas a
    // source read first could show the old result with no job left to say a run was pending.
    const jobs = await Promise.all(
      [sourceJobId(id), followUpJobId(id)].map(async (jobId) => {
        const job = await deps.fetchQueue?.getJob(jobId);
        return job ? { job, state: await job.getState() } : null;
      }),
    );
    const source = await findSource(deps.mongo, id);
    if (!source) return void res.status(404).type('text').send('No such source.');
    const now = new Date();
    const history = await sourceHistory(deps.mongo, source._id);
    // A result from a run means it is over, whatever its job's state said a moment earlier.
    const recorded = (job: { processedOn?: number }) =>
      job.processedOn !== undefined &&
      (source.health.lastFetchedAt?.getTime() ?? 0) >= job.processedOn;
    const pending = jobs.filter((j) => j !== null);
    const running = !source.enabled
      ? null
      : pending.some((j) => j.state === 'active' && !recorded(j.job))
        ? 'Fetching now…'
        : pending.some((j) => ['waiting', 'delayed', 'prioritized'].includes(j.state))
          ? 'Queued to fetch…'
          : null;
    res.type('html').send(
      deps.renderer.page(
        'console-source',
        {
          title: `${source.name} · console`,
          nav: null,
          noindex: true,
          ...(running ? { refreshSeconds: 3 } : {}),
        },
        {
          session: sessionOf(res),
          running,
          notice: typeof req.query.notice === 'string' ? req.query.notice.slice(0, 200) : null,
          row: sourceHealthRow(
            source,
            now,
            deps.fetchQueue ? await scheduledRun(deps.fetchQueue, id) : undefined,
          ),
          run: source.health.lastRun,
          history: history.map((h) => ({
            ...h,
            when: timeAgo(h.at, now),
            iso: h.at.toISOString(),
          })),
        },
      ),
    );
  });

  router.post('/sources/:id/delete', async (req, res) => {
    const source = await findSource(deps.mongo, String(req.params.id));
    if (!source) return void res.status(404).type('text').send('No such source.');
    const items = (req.body as Record<string, unknown>).items;
    if (items !== 'keep' && items !== 'remove')
      return void res.status(400).type('text').send('Choose whether to keep or remove its items.');
    // The form's own checkbox (required by the browser): a delete is never one stray click.
    if ((req.body as Record<string, unknown>).confirm !== 'yes')
      return void res
        .status(400)
        .type('text')
        .send('Tick "Yes, delete" to confirm: nothing was deleted.');
    // Unscheduled first, so no run starts against a source that is about to disappear.
    if (deps.fetchQueue) await scheduleSource(deps.fetchQueue, { ...source, enabled: false });
    const { removedItems } = await deleteSource(deps.mongo, source, items === 'remove', policy);
    await recordSourceChange(deps.mongo, {
      sourceId: source._id,
      by: by(res),
      action: 'delete',
      changes: [
        {
          field: 'items',
          from: 'stored',
          to: items === 'remove' ? `${removedItems} removed` : 'kept',
        },
      ],
    });
    await bumpBoardVersion(deps.redis, deps.prefix);
    const what =
      items === 'remove' ? `and its ${removedItems} item(s)` : '(its items stay on the board)';
    res.redirect(303, `/console?notice=${encodeURIComponent(`Deleted ${source.name} ${what}.`)}`);
  });

  for (const enabled of [true, false])
    router.post(`/sources/:id/${enabled ? 'enable' : 'disable'}`, async (req, res) => {
      const before = await findSource(deps.mongo, String(req.params.id));
      if (!before) return void res.status(404).type('text').send('No such source.');
      // Back where the button was: the source's own page, or the list.
      const back = (notice: string) =>
        (req.body as { back?: unknown })?.back === 'source'
          ? sourcePage(before._id, notice)
          : `/console?notice=${encodeURIComponent(notice)}`;
      const word = enabled ? 'enabled' : 'disabled';
      // Nothing to change, so nothing to record: the history says what happened.
      if (before.enabled === enabled)
        return void res.redirect(303, back(`${before.name} was already ${word}.`));
      const source = await updateSource(deps.mongo, String(before._id), { enabled });
      if (!source) return void res.status(404).type('text').send('No such source.');
      await recordSourceChange(deps.mongo, {
        sourceId: source._id,
        by: by(res),
        action: enabled ? 'enable' : 'disable',
        changes: [{ field: 'enabled', from: String(!enabled), to: String(enabled) }],
      });
      const jobs = enabledChangeNote(await followEnabled(deps.mongo, source, new Date(), policy));
      if (deps.fetchQueue) {
        await scheduleSource(deps.fetchQueue, source);
        // Enabled: read at once, so what it lists is back on the board now, not a run later.
        if (enabled) await enqueueRefresh(deps.fetchQueue, String(source._id));
      }
      await bumpBoardVersion(deps.redis, deps.prefix);
      res.redirect(303, back(`${source.name} ${word}${jobs ? `: ${jobs}` : ''}.`));
    });
  return router;
}

/** A source's console page, with a one-line notice on top. */
function sourcePage(id: unknown, notice: string): string {
  return `/console/sources/${String(id)}?notice=${encodeURIComponent(notice)}`;
}

/** The string fields of a posted form (everything else dropped). */
function stringFields(body: unknown): SourceFormValues {
  return Object.fromEntries(
    Object.entries((body ?? {}) as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== '_csrf',
    ),
  );
}

/** Who made a change, for the record. */
function by(res: Response): string {
  return `console:${sessionOf(res).user}`;
}

async function validLogin(
  credentials: ConsoleDeps['credentials'],
  user: string,
  password: string,
): Promise<boolean> {
  if (!password || !sameSecret(user.toLowerCase(), credentials.user.toLowerCase())) return false;
  if (credentials.token && sameSecret(password, credentials.token)) return true;
  return credentials.passwordHash ? verifyPassword(password, credentials.passwordHash) : false;
}

// Only console paths: a login link must not bounce the operator anywhere else.
function safeNext(value: unknown): string {
  return typeof value === 'string' &&
    /^\/console(\/[^\s\\]*)?(\?[^\s\\]*)?$/.test(value) &&
    !value.startsWith('//')
    ? value
    : '/console';
}
