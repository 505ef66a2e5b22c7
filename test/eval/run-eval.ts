// `npm run eval`: rebuilds each labelled listing's input the way ingestion does (decode → parse →
// normalize), runs enrichJob on it, and prints precision/recall per field. Exits non-zero when a
// field is under its precision threshold. `--misses` also lists every wrong prediction.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { canonicalUrl } from '../../src/domain/canonical-url.ts';
import type { NormalizedEntry } from '../../src/domain/entry.ts';
import {
  employmentTypes,
  type JobEnrichmentInput,
  type JobIntel,
  jobCategories,
  seniorities,
} from '../../src/domain/job-intel.ts';
import { jobInput } from '../../src/ingest/enrich/enrich-job.ts';
import { decodeBody } from '../../src/ingest/fetch/charset.ts';
import { normalizeFeed } from '../../src/ingest/normalize/normalize-feed.ts';
import { parseFeed } from '../../src/ingest/parse/feed.ts';
import { sharedFixtures } from '../helpers/fixture-server.ts';
import {
  type EvalRecord,
  evaluate,
  type FieldRow,
  formatReport,
  type JobLabels,
  type Prediction,
  thresholdFailures,
} from './evaluate.ts';

/** The labelled listings. */
export const JOBS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'jobs.json');
/** Enrichment's clock during the evaluation: fixed, so runs are repeatable. */
export const EVAL_NOW = new Date('2026-07-01T00:00:00Z');

/** The enrichment facade's signature (src/ingest/enrich/enrich-job.ts). */
export type EnrichJob = (input: JobEnrichmentInput, options: { now: Date }) => JobIntel;

/** A record with the entry our pipeline makes of it and the enrichment input built from that. */
export type EvalCase = { record: EvalRecord; entry: NormalizedEntry; input: JobEnrichmentInput };

const labelsSchema = z.strictObject({
  salary: z
    .strictObject({
      min: z.number().nullable(),
      max: z.number().nullable(),
      currency: z.string().regex(/^[A-Z]{3}$/),
      period: z.enum(['hour', 'day', 'week', 'month', 'year']),
    })
    .nullable(),
  workplace: z.enum(['remote', 'hybrid', 'onsite', 'unknown']),
  applyFrom: z.array(z.string().regex(/^([A-Z]{2}|\*)$/)).nullable(),
  seniority: z.enum(seniorities).nullable(),
  employmentType: z.enum(employmentTypes).nullable(),
  tags: z.array(z.string().regex(/^[a-z0-9][a-z0-9.+#-]*$/)),
  relevant: z.boolean(),
  category: z.enum(jobCategories),
}) satisfies z.ZodType<JobLabels>;

const recordSchema = z.strictObject({
  id: z.string().min(1),
  fixture: z.string().min(1),
  link: z.url(),
  title: z.string().min(1),
  expected: labelsSchema,
  notes: z.string(),
});

/** Reads and validates jobs.json; throws with the first invalid record's path. */
export async function loadRecords(file = JOBS_FILE): Promise<EvalRecord[]> {
  return z.array(recordSchema).parse(JSON.parse(await readFile(file, 'utf8')));
}

/** Finds every record's listing in its fixture via the real pipeline; throws naming any not found. */
export async function loadCases(records: readonly EvalRecord[]): Promise<EvalCase[]> {
  const entriesByFixture = new Map<string, NormalizedEntry[]>();
  for (const fixture of new Set(records.map((r) => r.fixture))) {
    entriesByFixture.set(fixture, await readFixture(fixture));
  }
  const cases: EvalCase[] = [];
  const missing: string[] = [];
  for (const record of records) {
    const entry = findEntry(record, entriesByFixture.get(record.fixture) ?? []);
    if (entry) cases.push({ record, entry, input: enrichmentInput(entry) });
    else missing.push(record.id);
  }
  if (missing.length) throw new Error(`not found in their fixtures: ${missing.join(', ')}`);
  return cases;
}

/** The enrichment input ingestion builds from a normalized job entry: the product's own. */
export function enrichmentInput(entry: NormalizedEntry): JobEnrichmentInput {
  return jobInput(entry);
}

/** A JobIntel reduced to the labelled fields. */
export function predictionOf(intel: JobIntel): Prediction {
  const { salary, eligibility, relevance } = intel;
  return {
    salary: salary
      ? { min: salary.min, max: salary.max, currency: salary.currency, period: salary.period }
      : null,
    workplace: intel.workplace,
    // Eligibility keeps [] for "not stated" (and for time-zone-only statements): no country claim.
    applyFrom:
      eligibility.known && eligibility.applyFrom.length ? [...eligibility.applyFrom] : null,
    seniority: intel.seniority,
    employmentType: intel.employmentType,
    tags: [...intel.stackTags],
    relevant: relevance.relevant,
    category: relevance.category,
  };
}

/** The facade, imported when needed so the dataset can be checked before it exists. */
export async function loadEnrichJob(): Promise<EnrichJob> {
  try {
    const module = await import('../../src/ingest/enrich/enrich-job.ts');
    return module.enrichJob;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot load src/ingest/enrich/enrich-job.ts: ${reason}`, { cause: error });
  }
}

/** Loads everything, runs enrich on every case and scores it. */
export async function runEvaluation(enrich?: EnrichJob): Promise<{
  table: FieldRow[];
  cases: EvalCase[];
  predictions: Map<string, Prediction>;
}> {
  const enrichJob = enrich ?? (await loadEnrichJob());
  const cases = await loadCases(await loadRecords());
  const predictions = new Map<string, Prediction>();
  for (const { record, input } of cases) {
    predictions.set(record.id, predictionOf(enrichJob(input, { now: EVAL_NOW })));
  }
  const table = evaluate(
    cases.map((c) => c.record),
    (record) => predictions.get(record.id) as Prediction,
  );
  return { table, cases, predictions };
}

/** One line per wrongly predicted or missed value, for finding what to fix. */
export function describeMisses(cases: readonly EvalCase[], predictions: Map<string, Prediction>) {
  const lines: string[] = [];
  for (const { record } of cases) {
    const actual = predictions.get(record.id);
    if (!actual) continue;
    for (const field of Object.keys(record.expected) as Array<keyof JobLabels>) {
      const want = JSON.stringify(normalized(record.expected[field]));
      const got = JSON.stringify(normalized(actual[field]));
      if (want !== got) lines.push(`${record.id}  ${field}: expected ${want}, got ${got}`);
    }
  }
  return lines;
}

async function readFixture(fixture: string): Promise<NormalizedEntry[]> {
  const bytes = await readFile(path.join(sharedFixtures, fixture));
  const feedUrl = `https://fixtures.backboard.test/${fixture}`;
  const feed = await parseFeed(decodeBody(bytes, null).text, feedUrl);
  return normalizeFeed(feed, { type: 'jobs', feedUrl, now: EVAL_NOW }).entries;
}

// By link (as published, then canonical), then guid, then a title that only one entry has.
function findEntry(record: EvalRecord, entries: NormalizedEntry[]): NormalizedEntry | null {
  const canonical = canonicalUrl(record.link);
  const guid = record.id.slice(record.id.indexOf('#') + 1);
  const byTitle = entries.filter((e) => e.title === record.title);
  return (
    entries.find((e) => e.url === record.link) ??
    entries.find((e) => canonical !== null && e.canonicalUrl === canonical) ??
    entries.find((e) => e.guid === guid) ??
    (byTitle.length === 1 ? (byTitle[0] as NormalizedEntry) : null)
  );
}

function normalized(value: unknown): unknown {
  return Array.isArray(value) ? [...value].sort() : value;
}

async function main(): Promise<void> {
  const { table, cases, predictions } = await runEvaluation();
  process.stdout.write(`backboard eval: ${cases.length} listings\n\n${formatReport(table)}\n`);
  if (process.argv.includes('--misses')) {
    process.stdout.write(`\n${describeMisses(cases, predictions).join('\n')}\n`);
  }
  const failures = thresholdFailures(table);
  if (failures.length) {
    process.stderr.write(`\nbelow threshold:\n  ${failures.join('\n  ')}\n`);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main().catch((error: Error) => {
    process.stderr.write(`backboard eval: ${error.message}\n`);
    process.exitCode = 1;
  });
}
