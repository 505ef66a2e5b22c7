import { type Logger, pino } from 'pino';

export type { Logger };

/** The product's logger: JSON lines in production, readable lines on a developer's terminal. */
export function createLogger(options: { level: string; name?: string; pretty?: boolean }): Logger {
  const pretty =
    options.pretty ?? (process.stdout.isTTY === true && process.env.NODE_ENV !== 'production');
  return pino({
    level: options.level,
    ...(options.name ? { name: options.name } : {}),
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { colorize: true, ignore: 'pid,hostname', translateTime: 'HH:MM:ss' },
          },
        }
      : {}),
  });
}
