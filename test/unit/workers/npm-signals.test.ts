import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

// `npm start` runs its script under `sh -c`. Without `exec`, a SIGTERM to npm (a process
// manager, `kill <pid>`) ends npm and the shell and leaves node running, orphaned: still
// serving, still holding the embedded servers. Every script that runs node execs it, so the
// signal reaches node and its own shutdown runs.

/** Pids whose parent is `pid`, and theirs (Linux /proc). */
function descendants(pid: number): number[] {
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
  return children.flatMap((child) => [child, ...descendants(child)]);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm scripts and signals', () => {
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as {
    scripts: Record<string, string>;
  };

  // Each long-running script's own command line, with its entry swapped for a stub that only
  // waits: the shell around node is what is under test, not the product behind it.
  for (const name of ['start', 'start:web', 'start:worker', 'start:scheduler']) {
    it(`a SIGTERM to \`npm run ${name}\` ends the node process it started`, async (t) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'npm-signals-'));
      t.after(() => rmSync(dir, { recursive: true, force: true }));
      const command = (scripts[name] ?? '').replace(/--import tsx \S+$/, 'stub.cjs');
      assert.notEqual(command, scripts[name], `${name} runs an entry through tsx`);
      writeFileSync(path.join(dir, 'stub.cjs'), 'setInterval(() => {}, 1000);\n');
      writeFileSync(
        path.join(dir, 'package.json'),
        JSON.stringify({ name: 'stub', version: '1.0.0', scripts: { [name]: command } }),
      );
      const npm = spawn('npm', ['run', '--silent', name], { cwd: dir, stdio: 'ignore' });
      let started: number[] = [];
      for (let i = 0; i < 100 && !started.some(isNode); i++) {
        await new Promise((r) => setTimeout(r, 100));
        started = descendants(npm.pid as number);
      }
      assert.ok(started.some(isNode), 'node started under npm');
      npm.kill('SIGTERM');
      let left = started;
      for (let i = 0; i < 50 && left.length; i++) {
        await new Promise((r) => setTimeout(r, 100));
        left = left.filter(alive);
      }
      for (const pid of left) process.kill(pid, 'SIGKILL');
      assert.deepEqual(left, [], 'nothing npm started is left running');
    });
  }

  it('every script that runs node execs it', () => {
    const bare = Object.entries(scripts).filter(([, s]) => /(^|&&\s*)node\s/.test(s));
    assert.deepEqual(bare, []);
  });
});

function isNode(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0]?.endsWith('node') ?? false;
  } catch {
    return false;
  }
}
