import { type Logger, pino } from 'pino';

export type { Logger };

/**
 * The product's logger: JSON lines in production, readable lines on a developer's terminal.
 * Servers log to stdout; command-line tools to stderr (`stream: 'stderr'`), since their stdout
 * carries what they print (`--json`, an OPML export) and a log line there would corrupt it.
 */
export function createLogger(options: {
  level: string;
  name?: string;
  pretty?: boolean;
  stream?: 'stdout' | 'stderr';
}): Logger {
  const stream = options.stream ?? 'stdout';
  const fd = stream === 'stderr' ? 2 : 1;
  const pretty =
    options.pretty ?? (process[stream].isTTY === true && process.env.NODE_ENV !== 'production');
  const settings = {
    level: options.level,
    ...(options.name ? { name: options.name } : {}),
  };
  if (pretty)
    return pino({
      ...settings,
      transport: {
        target: 'pino-pretty',
        options: {
          colorize: true,
          ignore: 'pid,hostname',
          translateTime: 'HH:MM:ss',
          destination: fd,
        },
      },
    });
  // Synchronous for stderr: a command-line tool exits right after its last line.
  return fd === 1 ? pino(settings) : pino(settings, pino.destination({ dest: fd, sync: true }));
}
