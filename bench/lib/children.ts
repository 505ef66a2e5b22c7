// Product processes for benchmarks, each in its own node process started the way `npm start`
// starts it (the same node flags, tsx loader), so what is measured is what runs. Peak memory is
// the kernel's own high-water mark (VmHWM), read before the process exits.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../../config/env.ts';

/**
 * The node flags (memory settings) of the package.json script that runs `entry`, e.g.
 * `start:worker` for workers/worker.ts; an entry no script runs (the bare baseline server) gets
 * the web's, being measured beside it.
 */
export function productNodeFlags(
  entry: string,
  scripts: Record<string, string> = JSON.parse(
    readFileSync(path.join(projectRoot, 'package.json'), 'utf8'),
  ).scripts,
): string[] {
  const escaped = entry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const runs = new RegExp(`^(?:exec\\s+)?node\\s+(.*?)\\s*--import tsx ${escaped}$`);
  const command = Object.values(scripts).find((s) => runs.test(s)) ?? scripts['start:web'] ?? '';
  const flags = /^(?:exec\s+)?node\s+(.*?)\s*--import tsx /.exec(command);
  if (!flags) throw new Error(`no package.json script runs ${entry} as "node … --import tsx …"`);
  return flags[1] ? flags[1].split(/\s+/) : [];
}

export type Child = {
  name: string;
  pid: number;
  /** Peak resident memory so far in MB (Linux /proc VmHWM). */
  peakRssMb(): Promise<number>;
  /** Resolves when a line of its output matches. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** SIGTERM, then SIGKILL after the timeout; resolves when it is gone. */
  stop(timeoutMs?: number): Promise<void>;
  output(): string;
  /** Throws (with its last output) if the process has exited: a poll loop must not wait forever. */
  assertAlive(): void;
};

/** Starts `node <its script's flags> --import tsx <entry>` with the environment given (on top of PATH and HOME). */
export function startNode(
  name: string,
  entry: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Child {
  const child: ChildProcess = spawn(
    process.execPath,
    [...productNodeFlags(entry), ...nodeArgs, '--import', 'tsx', path.join(projectRoot, entry)],
    {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    log += chunk.toString();
    if (log.length > 1_000_000) log = log.slice(-500_000);
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = once(child, 'exit');
  if (child.pid === undefined) throw new Error(`${name}: could not start ${entry}`);
  const pid = child.pid;
  return {
    name,
    pid,
    peakRssMb: () => peakRssMb(pid),
    output: () => log,
    assertAlive() {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(
          `${name} exited (${child.exitCode ?? child.signalCode}):\n${log.slice(-3000)}`,
        );
    },
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (pattern.test(log)) {
            cleanup();
            resolve();
          } else if (child.exitCode !== null) {
            cleanup();
            reject(
              new Error(
                `${name} exited (${child.exitCode}) before ${pattern}:\n${log.slice(-3000)}`,
              ),
            );
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`${name}: no ${pattern} within ${timeoutMs} ms:\n${log.slice(-3000)}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off('exit', check);
        };
        listeners.add(check);
        child.on('exit', check);
        check();
      });
    },
    async stop(timeoutMs = 20_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A process's peak resident set in MB, from /proc/<pid>/status. */
export async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/**
 * CPU time a process has used so far (user + system) in ms, from /proc/<pid>/stat: the work it
 * did, which a busy shared host stretches in wall time but not in this.
 */
export async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): state is the 3rd, utime the 14th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Linux reports these in USER_HZ, 100 a second on every architecture it runs on.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** With BENCH_CPU_PROF=<dir>, product processes write V8 CPU profiles there (for flame graphs). */
export function profileArgs(): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(dir)}`] : [];
}
