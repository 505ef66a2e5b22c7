import { type ParseArgsConfig, parseArgs } from 'node:util';
import { AppError } from '../lib/errors.ts';

/** Command-line input that cannot be used; the CLI prints its message and exits 2. */
export class UsageError extends AppError {
  constructor(message: string) {
    super('usage', message);
    this.name = 'UsageError';
  }
}

/** node:util parseArgs, with its errors turned into one-line usage errors. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
}

/** Pads columns for a readable table on a terminal. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** "3 min ago"-style age of a date, for tables. */
export function ago(date: Date | null | undefined, now = Date.now()): string {
  if (!date) return 'never';
  const s = Math.round((now - date.getTime()) / 1000);
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86400)} d ago`;
}
