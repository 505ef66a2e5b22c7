// --selectors '<json>' or --selectors-file <path>, as the operator wrote them: validated by the
// same schema as a stored source, with one line per problem.
import { readFile } from 'node:fs/promises';
import {
  describeSelectorIssues,
  type HtmlSelectors,
  htmlSelectorsSchema,
} from '../domain/html-selectors.ts';
import { UsageError } from './args.ts';

/** The selectors given on the command line, or null when neither flag was used. */
export async function selectorsFromFlags(values: {
  selectors?: unknown;
  'selectors-file'?: unknown;
}): Promise<HtmlSelectors | null> {
  const inline = typeof values.selectors === 'string' ? values.selectors : null;
  const file = typeof values['selectors-file'] === 'string' ? values['selectors-file'] : null;
  if (inline && file) throw new UsageError('give --selectors or --selectors-file, not both');
  if (!inline && !file) return null;
  const text =
    inline ??
    (await readFile(file as string, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(
        `cannot read --selectors-file ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`,
      );
    }));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--selectors is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = htmlSelectorsSchema.safeParse(json);
  if (!parsed.success)
    throw new UsageError(`invalid selectors: ${describeSelectorIssues(parsed.error).join('; ')}`);
  return parsed.data;
}
