import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The checkout's root folder: the parent of config/. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** How many days apart two listings of one job may be published and still be copies. */
export const DEFAULT_DEDUP_WINDOW_DAYS = 14;
export const DEFAULT_JOB_MAX_AGE_DAYS = 45;

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

// Each variable documents what it expects in its error message; README lists them all.
const schema = z
  .object({
    NODE_ENV: z
      .enum(['development', 'test', 'production'], {
        error: 'one of development, test, production',
      })
      .default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: z.coerce
      .number({ error: 'an integer port between 0 and 65535' })
      .int('an integer port between 0 and 65535')
      .min(0, 'an integer port between 0 and 65535')
      .max(65535, 'an integer port between 0 and 65535')
      .default(3000),
    PUBLIC_URL: z
      .url({
        protocol: /^https?$/,
        error: 'an absolute http(s) URL, e.g. https://jobs.example.com',
      })
      .optional(),
    MONGODB_URI: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'a mongodb:// or mongodb+srv:// connection string')
      .optional(),
    MONGODB_DB: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,63}$/, '1-63 letters, digits, "_" or "-"')
      .optional(),
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'a redis:// or rediss:// URL' }).optional(),
    QUEUE_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, '1-40 letters, digits, "_" or "-"')
      .default('bb'),
    CONSOLE_USER: z
      .string()
      .regex(/^[A-Za-z0-9._@-]{1,64}$/, '1-64 letters, digits, ".", "_", "@" or "-"')
      .default('admin'),
    CONSOLE_PASSWORD_HASH: z
      .string()
      .regex(
        /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/,
        'a hash from `npm run --silent console-password` (scrypt$N$r$p$salt$hash)',
      )
      .optional(),
    CONSOLE_TOKEN: z
      .string()
      .min(24, 'at least 24 characters (e.g. `openssl rand -hex 24`)')
      .optional(),
    LOG_LEVEL: z.enum(logLevels, { error: `one of ${logLevels.join(', ')}` }).default('info'),
    DATA_DIR: z.string().min(1).default(path.join(projectRoot, '.data')),
    EMBEDDED_MONGO: z
      .enum(['auto', 'mongod', 'ferretdb', 'memory', 'none'], {
        error: 'one of auto, mongod, ferretdb, memory, none',
      })
      .default('auto'),
    WORKER_CONCURRENCY: z.coerce
      .number({ error: 'an integer from 1 to 100' })
      .int('an integer from 1 to 100')
      .min(1, 'an integer from 1 to 100')
      .max(100, 'an integer from 1 to 100')
      .default(4),
    FETCH_ALLOWED_HOSTS: z
      .string()
      .regex(
        /^\s*[A-Za-z0-9.[\]:_-]+(\s*,\s*[A-Za-z0-9.[\]:_-]+)*\s*$/,
        'a comma-separated list of host or host:port, e.g. "127.0.0.1:8080,feeds.internal"',
      )
      .optional(),
    FETCH_USER_AGENT: z.string().min(1).max(300).optional(),
    FETCH_MAX_BYTES: z.coerce
      .number({ error: 'a byte count from 1024 to 104857600' })
      .int('a byte count from 1024 to 104857600')
      .min(1024, 'a byte count from 1024 to 104857600')
      .max(100 * 1024 * 1024, 'a byte count from 1024 to 104857600')
      .default(5 * 1024 * 1024),
    FETCH_TIMEOUT_MS: z.coerce
      .number({ error: 'milliseconds, an integer from 1000 to 300000' })
      .int('milliseconds, an integer from 1000 to 300000')
      .min(1000, 'milliseconds, an integer from 1000 to 300000')
      .max(300_000, 'milliseconds, an integer from 1000 to 300000')
      .default(30_000),
    FETCH_HOST_CONCURRENCY: z.coerce
      .number({ error: 'an integer from 1 to 20' })
      .int('an integer from 1 to 20')
      .min(1, 'an integer from 1 to 20')
      .max(20, 'an integer from 1 to 20')
      .default(2),
    LOAD_STARTER_SOURCES: z
      .enum(['true', 'false'], { error: 'true or false' })
      .default('true')
      .transform((v) => v === 'true'),
    JOB_MAX_AGE_DAYS: z.coerce
      .number({ error: 'days, an integer from 1 to 3650' })
      .int('days, an integer from 1 to 3650')
      .min(1, 'days, an integer from 1 to 3650')
      .max(3650, 'days, an integer from 1 to 3650')
      .default(DEFAULT_JOB_MAX_AGE_DAYS),
    DEDUP_WINDOW_DAYS: z.coerce
      .number({ error: 'days, an integer from 0 to 365' })
      .int('days, an integer from 0 to 365')
      .min(0, 'days, an integer from 0 to 365')
      .max(365, 'days, an integer from 0 to 365')
      .default(DEFAULT_DEDUP_WINDOW_DAYS),
    WORKER_LOCK_MS: z.coerce
      .number({ error: 'milliseconds, an integer from 1000 to 600000' })
      .int('milliseconds, an integer from 1000 to 600000')
      .min(1000, 'milliseconds, an integer from 1000 to 600000')
      .max(600_000, 'milliseconds, an integer from 1000 to 600000')
      .default(30_000),
    SHUTDOWN_TIMEOUT_MS: z.coerce
      .number({ error: 'milliseconds, an integer from 1000 to 600000' })
      .int()
      .min(1000, 'milliseconds, an integer from 1000 to 600000')
      .max(600_000, 'milliseconds, an integer from 1000 to 600000')
      .default(30_000),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    // Embedded servers are a development convenience; production must say where its data is.
    for (const key of ['MONGODB_URI', 'REDIS_URL'] as const) {
      if (!env[key]) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'set when NODE_ENV=production (embedded servers are for development only)',
        });
      }
    }
  });

export type Config = Readonly<{
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  publicUrl: string | undefined;
  mongodbUri: string | undefined;
  mongodbDb: string | undefined;
  redisUrl: string | undefined;
  queuePrefix: string;
  logLevel: (typeof logLevels)[number];
  dataDir: string;
  embeddedMongo: 'auto' | 'mongod' | 'ferretdb' | 'memory' | 'none';
  workerConcurrency: number;
  /** Jobs older than this are closed by maintenance. */
  jobMaxAgeDays: number;
  /** Listings of one job from several sources merge when published within this many days. */
  dedupWindowDays: number;
  /** Whether the first start loads config/starter-sources.ts. */
  loadStarterSources: boolean;
  /** BullMQ job lock: a job whose worker died is taken up again after about this long. */
  workerLockMs: number;
  shutdownTimeoutMs: number;
  /** Operator console credentials; with neither a hash nor a token the console stays closed. */
  console: Readonly<{ user: string; passwordHash: string | undefined; token: string | undefined }>;
  fetch: Readonly<{
    /** host or host:port entries exempt from the private-address guard (lower-case). */
    allowedHosts: readonly string[];
    userAgent: string;
    maxBytes: number;
    timeoutMs: number;
    hostConcurrency: number;
  }>;
}>;

/** The User-Agent every fetch sends unless FETCH_USER_AGENT or a source overrides it. */
export function defaultUserAgent(publicUrl?: string): string {
  return `backboard/0.1 (backend job and career feed aggregator${publicUrl ? `; +${publicUrl}` : ''})`;
}

/** Thrown when the environment does not validate; `lines` holds one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'ConfigError';
  }
}

/** Validates an environment (process.env by default) into a frozen, typed config. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "unset", as in most .env tooling.
  const env = Object.fromEntries(
    Object.keys(schema.shape)
      .map((key) => [key, source[key]])
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? 'environment');
      const got = key in env ? ` (got ${JSON.stringify(env[key])})` : '';
      return `invalid configuration: ${key} must be ${issue.message}${got}`;
    });
    throw new ConfigError(lines);
  }
  const e = parsed.data;
  return Object.freeze({
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL,
    mongodbUri: e.MONGODB_URI,
    mongodbDb: e.MONGODB_DB,
    redisUrl: e.REDIS_URL,
    queuePrefix: e.QUEUE_PREFIX,
    logLevel: e.LOG_LEVEL,
    dataDir: path.resolve(e.DATA_DIR),
    embeddedMongo: e.EMBEDDED_MONGO,
    workerConcurrency: e.WORKER_CONCURRENCY,
    loadStarterSources: e.LOAD_STARTER_SOURCES,
    jobMaxAgeDays: e.JOB_MAX_AGE_DAYS,
    dedupWindowDays: e.DEDUP_WINDOW_DAYS,
    workerLockMs: e.WORKER_LOCK_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    console: Object.freeze({
      user: e.CONSOLE_USER,
      passwordHash: e.CONSOLE_PASSWORD_HASH,
      token: e.CONSOLE_TOKEN,
    }),
    fetch: Object.freeze({
      allowedHosts: Object.freeze(
        (e.FETCH_ALLOWED_HOSTS ?? '')
          .split(',')
          .map((h) => h.trim().toLowerCase())
          .filter(Boolean),
      ),
      userAgent: e.FETCH_USER_AGENT ?? defaultUserAgent(e.PUBLIC_URL),
      maxBytes: e.FETCH_MAX_BYTES,
      timeoutMs: e.FETCH_TIMEOUT_MS,
      hostConcurrency: e.FETCH_HOST_CONCURRENCY,
    }),
  });
}

/** For entry points: the config, or one line per bad variable on stderr and exit 1. */
export function loadConfigOrExit(source: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(source);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const line of error.lines) process.stderr.write(`backboard: ${line}\n`);
    process.exit(1);
  }
}
