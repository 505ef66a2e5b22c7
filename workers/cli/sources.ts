// `npm run sources -- <command>`: the operators' command line (and the tests' contract).
//   add --url <url> --type jobs|articles [--name N] [--interval 30] [--json]
//   list [--json]
//   edit <id> [setting flags]
//   enable <id> | disable <id>
//   fetch <id...> | --all  [--wait] [--json]
import { parseCommandArgs, UsageError } from '../../src/cli/args.ts';
import { AppError } from '../../src/lib/errors.ts';
import { openContext } from '../context.ts';
import { exportOpml, importOpml } from './opml-commands.ts';
import { sourceFlagOptions } from './source-flags.ts';
import { removeSource, testSource } from './source-test-remove.ts';
import {
  addSource,
  editSource,
  enableSource,
  fetchSources,
  listSourcesCommand,
} from './sources-commands.ts';

const usage = `usage: npm run sources -- <command>
  add --url <url> --type jobs|articles [--kind rss|html|jsonld] [--name <name>] [--interval <minutes>] [--json]
      [--selectors <json> | --selectors-file <path>]   (html sources)
      [--keep <rule>]... [--block <rule>]... [--user-agent <ua>] [--lists-all-open-jobs]
      [--title-format role-company|company-role]   (job titles "Role - Company"; preview suggests it)
      [--date-order dmy|mdy] [--time-zone <IANA zone>]   (dates the feed writes ambiguously)
      [--syndication] [--no-attribution] [--terms-note <text>]
      rules: a keyword, or /regular expression/flags (run with a time limit); repeat the flag
      or separate keywords with commas
      without --name, the source is named after the feed's own title at its first read
  edit <id> [any setting flag of add] [--no-lists-all-open-jobs] [--no-syndication] [--attribution] [--json]
      each flag replaces its setting: --keep/--block replace the whole list, and an empty
      value ("") clears a list or an optional text; other kinds than html drop the selectors;
      the change is recorded in the source's history and the source is read again at once
  list [--json]
  enable <id> | disable <id>
  fetch <id> [<id> ...] | --all   [--wait] [--json]
      --wait: until each run is recorded; the product's workers run it when they are up,
      else this command does
  test <id> [--json]                                   (one run, nothing stored)
  remove <id> --keep-items|--remove-items [--json]
  import-opml <file> [--type jobs|articles] [--json]   (outlines' category names the type)
  export-opml                                          (rss sources, to stdout)`;

const options = {
  ...sourceFlagOptions,
  'keep-items': { type: 'boolean' },
  'remove-items': { type: 'boolean' },
  json: { type: 'boolean' },
  all: { type: 'boolean' },
  wait: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, options);
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${usage}\n`);
    return command || values.help ? 0 : 2;
  }
  const known = [
    'add',
    'edit',
    'list',
    'enable',
    'disable',
    'fetch',
    'test',
    'remove',
    'import-opml',
    'export-opml',
  ];
  if (!known.includes(command))
    throw new UsageError(`unknown command "${command}" (expected ${known.join(', ')})`);
  const ctx = await openContext('sources', { quiet: true });
  try {
    const out = await run(ctx, command, rest, values);
    process.stdout.write(`${out.text}\n`);
    return out.code;
  } finally {
    await ctx.lifecycle.close();
  }
}

function run(
  ctx: Awaited<ReturnType<typeof openContext>>,
  command: string,
  ids: string[],
  values: Record<string, string | boolean | undefined | Array<string | boolean>>,
) {
  switch (command) {
    case 'add':
      return addSource(ctx, values);
    case 'edit':
      return editSource(ctx, ids, values);
    case 'list':
      return listSourcesCommand(ctx, values);
    case 'test':
      return testSource(ctx, ids, values);
    case 'remove':
      return removeSource(ctx, ids, values);
    case 'import-opml':
      return importOpml(ctx, ids, values);
    case 'export-opml':
      return exportOpml(ctx);
    case 'enable':
    case 'disable':
      return enableSource(ctx, ids, command === 'enable', values);
    default:
      return fetchSources(ctx, ids, values);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const known = error instanceof AppError;
  process.stderr.write(
    `backboard sources: ${known ? error.message : String((error as Error).stack ?? error)}\n`,
  );
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
process.exit(process.exitCode ?? 0);
