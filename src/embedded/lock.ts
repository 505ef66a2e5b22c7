import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isAlive, sleep } from './process-control.ts';

/**
 * Runs `fn` while holding a lock folder shared by every process of this checkout.
 * mkdir is atomic, so two processes can never both hold it; a lock left by a process
 * that died is taken over.
 */
export async function withLock<T>(
  lockDir: string,
  fn: () => Promise<T>,
  timeoutMs = 15 * 60_000,
): Promise<T> {
  const ownerFile = path.join(lockDir, 'owner');
  const deadline = Date.now() + timeoutMs;
  await mkdir(path.dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      await mkdir(lockDir);
      await writeFile(ownerFile, String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(await readFile(ownerFile, 'utf8').catch(() => ''));
      // An owner file not yet written belongs to a process between mkdir and writeFile.
      const age =
        Date.now() - ((await stat(lockDir).catch(() => undefined))?.mtimeMs ?? Date.now());
      if ((owner > 0 && !isAlive(owner)) || (!owner && age > 10_000)) {
        await rm(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for the lock ${lockDir} held by pid ${owner}`);
      await sleep(100);
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}
