import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { productNodeFlags } from '../../../bench/lib/children.ts';

describe('productNodeFlags', () => {
  const scripts = {
    start: 'node --import tsx workers/start.ts',
    'start:web': 'node --heap-growing-percent=20 --import tsx workers/web.ts',
    // As package.json has them: exec'd, so a signal to npm reaches node.
    'start:worker':
      'exec node --max-semi-space-size=4 --heap-growing-percent=20 --import tsx workers/worker.ts',
    test: 'node --import tsx test/run.ts',
  };

  it('takes the flags of the script that runs the entry', () => {
    assert.deepEqual(productNodeFlags('workers/worker.ts', scripts), [
      '--max-semi-space-size=4',
      '--heap-growing-percent=20',
    ]);
    assert.deepEqual(productNodeFlags('workers/web.ts', scripts), ['--heap-growing-percent=20']);
    assert.deepEqual(productNodeFlags('workers/start.ts', scripts), []);
  });

  it("gives an entry no script runs the web's flags, and does not take a near-miss for a match", () => {
    assert.deepEqual(productNodeFlags('bench/servers/bare-express.ts', scripts), [
      '--heap-growing-percent=20',
    ]);
    assert.deepEqual(productNodeFlags('workersXworker.ts', scripts), ['--heap-growing-percent=20']);
  });

  it('finds a script of its own for every product process the benchmarks start', async () => {
    const { scripts: real } = JSON.parse(await readFile('package.json', 'utf8'));
    for (const entry of ['workers/web.ts', 'workers/worker.ts', 'workers/scheduler.ts']) {
      const own = Object.values(real as Record<string, string>).filter((s) =>
        s.endsWith(`--import tsx ${entry}`),
      );
      assert.equal(own.length, 1, `one package.json script runs ${entry}`);
    }
  });
});
