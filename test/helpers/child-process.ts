import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../config/env.ts';

/** A product process started the way a user starts it, with its output collected. */
export type Running = {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  waitForOutput: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpMatchArray>;
  exit: Promise<number>;
  /** The exit code, or (killing it) an error with its output when it runs past `timeoutMs`. */
  exitWithin: (timeoutMs: number) => Promise<number>;
  /** SIGTERM if still running (SIGKILL after `graceMs`); resolves once it has exited. */
  stop: (graceMs?: number) => Promise<void>;
};

/** Runs a TypeScript entry point of this project (path relative to the root) in a child node. */
export function runEntry(entry: string, env: NodeJS.ProcessEnv, args: string[] = []): Running {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(projectRoot, entry), ...args],
    {
      cwd: projectRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    err += chunk;
  });
  const exit = new Promise<number>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1))),
  );
  const waitForOutput = async (pattern: RegExp, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void exit.then(() => {
      exited = true;
    });
    while (Date.now() < deadline) {
      const match = (out + err).match(pattern);
      if (match) return match;
      if (exited) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(
      `no output matching ${pattern} (exited: ${exited})\nstdout: ${out}\nstderr: ${err}`,
    );
  };
  let exited = false;
  void exit.then(() => {
    exited = true;
  });
  const stop = async (graceMs = 30_000) => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exit;
    clearTimeout(timer);
  };
  const exitWithin = async (timeoutMs: number) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), timeoutMs);
    });
    const code = await Promise.race([exit, late]);
    clearTimeout(timer);
    if (code !== 'late') return code;
    await stop(5_000);
    throw new Error(`still running after ${timeoutMs} ms\nstdout: ${out}\nstderr: ${err}`);
  };
  return { child, stdout: () => out, stderr: () => err, waitForOutput, exit, exitWithin, stop };
}

/** The environment a fresh shell would give the product: no URIs, no test variables. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of [
    'MONGODB_URI',
    'REDIS_URL',
    'MONGODB_DB',
    'QUEUE_PREFIX',
    'NODE_ENV',
    'NODE_TEST_CONTEXT',
  ])
    delete env[key];
  return { ...env, LOG_LEVEL: 'info', ...extra };
}

/** Runs a command-line entry point to its end: exit code and everything it printed. */
export async function runCli(
  entry: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const run = runEntry(entry, env, args);
  const code = await run.exit;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}
