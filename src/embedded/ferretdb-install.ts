import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../lib/logger.ts';
import { findExecutable, run } from './process-control.ts';

const installScript = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../scripts/install-ferretdb.sh',
);

async function goBinDir(go: string): Promise<string> {
  return path.join((await run(go, ['env', 'GOPATH'])).trim(), 'bin');
}

/** The ferretdb binary on PATH or in Go's bin folder, if there is one. */
export async function findFerretdb(): Promise<string | undefined> {
  const found = await findExecutable('ferretdb');
  if (found) return found;
  const go = await findExecutable('go');
  return go ? findExecutable('ferretdb', [await goBinDir(go)]) : undefined;
}

/** Builds FerretDB with Go when it is missing; undefined when Go is not there either. */
export async function installFerretdb(logger: Logger): Promise<string | undefined> {
  const go = await findExecutable('go');
  if (!go) return undefined;
  logger.info(
    'FerretDB not found: installing FerretDB v1.24.2 with Go (first run only; takes a minute or two)…',
  );
  const env = {
    ...process.env,
    PATH: `${path.dirname(go)}${path.delimiter}${process.env.PATH ?? ''}`,
  };
  await run('bash', [installScript], { env });
  const bin = await findExecutable('ferretdb', [await goBinDir(go)]);
  if (bin) logger.info(`FerretDB installed: ${bin}`);
  return bin;
}
