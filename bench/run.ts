// `npm run bench`: the performance scenarios of docs/BENCHMARKS (ingest, board, scheduler,
// memory) against the embedded local servers, each figure beside a baseline measured in the
// same run. Writes bench/results/<date>.json and appends a table to BENCHMARKS.md.
//   npm run bench -- --scenario ingest,board   only these
//   npm run bench -- --scale 0.1               smaller sizes for a quick check
//   npm run bench -- --reps 5                  repetitions per figure (at least 3 by default)
import { existsSync } from 'node:fs';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../config/env.ts';
import { openBench } from './lib/context.ts';
import { describeMachine } from './lib/machine.ts';
import { type BenchReport, type Figures, markdownReport, summarizeFigures } from './lib/report.ts';
import { boardScenario } from './scenarios/board.ts';
import { ingestScenario } from './scenarios/ingest.ts';
import { memoryScenario } from './scenarios/memory.ts';
import { schedulerScenario } from './scenarios/scheduler.ts';

const scenarioNames = ['ingest', 'board', 'scheduler', 'memory'] as const;
type ScenarioName = (typeof scenarioNames)[number];

function usage(message: string): never {
  process.stderr.write(
    `bench: ${message}\nusage: npm run bench -- [--scenario ${scenarioNames.join(',')}] [--scale 0.01-1] [--reps N] [--seconds N] [--scheduler-sources 10-1000]\n`,
  );
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: scenarioNames.join(',') },
    scale: { type: 'string', default: '1' },
    reps: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '10' },
    'cold-reps': { type: 'string' },
    'scheduler-sources': { type: 'string', default: '200' },
  },
  strict: true,
});
const chosen = (values.scenario ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const unknown = chosen.filter((s) => !scenarioNames.includes(s as ScenarioName));
if (unknown.length || chosen.length === 0) usage(`unknown scenario ${unknown.join(', ')}`);
const scale = Number(values.scale);
if (!(scale >= 0.01 && scale <= 1)) usage('--scale is a number from 0.01 to 1');
const reps = Number(values.reps);
if (!Number.isInteger(reps) || reps < 1 || reps > 20) usage('--reps is an integer from 1 to 20');
const seconds = Number(values.seconds);
if (!Number.isInteger(seconds) || seconds < 1 || seconds > 120)
  usage('--seconds (load per URL) is an integer from 1 to 120');
// Cold board renders per page (default: one per repetition). At full size on FerretDB each is
// minutes of scanning, so a full run may take fewer than it takes repetitions of the load.
const coldReps = Number(values['cold-reps'] ?? reps);
if (!Number.isInteger(coldReps) || coldReps < 1 || coldReps > reps)
  usage('--cold-reps is an integer from 1 to --reps');
// 1,000 sources every 5 minutes is 200 runs a minute; a scaled run keeps that load per minute
// with fewer sources at a shorter interval (200 sources every 60 s by default).
const schedulerSources = Number(values['scheduler-sources']);
if (!Number.isInteger(schedulerSources) || schedulerSources < 10 || schedulerSources > 1000)
  usage('--scheduler-sources is an integer from 10 to 1000');
const wanted = new Set(chosen as ScenarioName[]);
const sized = (full: number, min: number) => Math.max(min, Math.round(full * scale));

const bench = await openBench();
const peaks = { web: [] as number[], worker: [] as number[] };
const results: Figures[] = [];
try {
  const probe = await bench.namespace('machine');
  const machine = await describeMachine(probe.mongo, await probe.redis.info('server'));
  await probe.drop();
  if (wanted.has('ingest')) {
    process.stdout.write('bench: ingest…\n');
    results.push(
      await ingestScenario(bench, { feeds: sized(200, 4), items: 200, reps, workers: 2 }, (mb) =>
        peaks.worker.push(mb),
      ),
    );
  }
  if (wanted.has('board')) {
    process.stdout.write('bench: board…\n');
    results.push(
      await boardScenario(
        bench,
        {
          jobs: sized(100_000, 1_000),
          articles: sized(50_000, 500),
          reps,
          coldReps,
          seconds,
          connections: 50,
        },
        (mb) => peaks.web.push(mb),
      ),
    );
  }
  if (wanted.has('scheduler')) {
    process.stdout.write('bench: scheduler…\n');
    results.push(
      await schedulerScenario(
        bench,
        {
          sources: schedulerSources,
          intervalSeconds: Math.round((schedulerSources / 1000) * 300),
          cycles: 2,
          reps,
          workers: 2,
        },
        (mb) => peaks.worker.push(mb),
      ),
    );
  }
  if (wanted.has('memory')) {
    process.stdout.write('bench: memory…\n');
    results.push(await memoryScenario(bench, { feedBytes: 5_000_000, reps }, peaks));
  }
  const date = new Date().toISOString();
  const report: BenchReport = {
    date,
    machine,
    options: { scenarios: [...wanted], scale, reps, coldReps, seconds, schedulerSources },
    scenarios: results.map(summarizeFigures),
  };
  const dir = path.join(projectRoot, 'bench', 'results');
  await mkdir(dir, { recursive: true });
  let file = path.join(dir, `${date.slice(0, 10)}.json`);
  for (let n = 2; existsSync(file); n++) file = path.join(dir, `${date.slice(0, 10)}-${n}.json`);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  const table = markdownReport(report);
  await appendFile(path.join(projectRoot, 'BENCHMARKS.md'), `\n${table}`);
  process.stdout.write(
    `${table}\nbench: wrote ${path.relative(projectRoot, file)} and appended to BENCHMARKS.md\n`,
  );
} finally {
  await bench.close();
}
