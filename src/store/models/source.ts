import { type Connection, type Model, Schema, type Types } from 'mongoose';
import type { SourceInput } from '../../domain/source.ts';

export type RunTrigger = 'scheduled' | 'manual';

/**
 * Where a run's time went: waiting on the source (`fetch`: the feed or first page), reading it
 * (`read`: parse, normalize, enrich, and a web source's next and detail pages), and the database
 * (`store`: the writes, duplicate groups and closing jobs no longer listed). A slow run then
 * says whether to look at the source, the listing's size or the database.
 */
export type StageMs = { fetch: number; read: number; store: number };

/** The last run of a source, as the operator sees it. */
export type RunSummary = {
  at: Date;
  outcome: 'stored' | 'not_modified' | 'unchanged' | 'failed' | 'skipped';
  /** What started the run: its schedule or an operator's "fetch now" (absent on older runs). */
  trigger?: RunTrigger;
  new: number;
  updated: number;
  unchanged: number;
  /** Jobs closed because a source listing all its open jobs no longer lists them. */
  closed: number;
  dropped: number;
  durationMs: number;
  /** Wall time of each stage, in ms (absent on older runs); see `StageMs`. */
  stageMs?: StageMs;
  repairs: string[];
  warnings: string[];
  /** A skipped run's next chance: the host asked us to wait, or had no free slot (not stored). */
  retryAt?: Date;
  /** For html sources: items read and how often each selector field was filled (layout checks). */
  shape?: { items: number; fieldCounts: Record<string, number> } | null;
};

export type SourceHealth = {
  lastFetchedAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: { message: string; code: string; status: number | null; at: Date } | null;
  consecutiveFailures: number;
  totalRuns: number;
  totalFailures: number;
  totalNew: number;
  totalUpdated: number;
  lastRun: RunSummary | null;
  /**
   * What the last run that read the body found (absent on sources not read since it was
   * added): a run answered 304 or with the same bytes keeps it, even after a failed run.
   */
  lastRead?: LastRead | null;
  /** A run held back by the host's politeness (Retry-After, busy): until when, and why. */
  waiting?: { until: Date; reason: string } | null;
};

/** The warnings and shape of the last read, without what that run did (jobs it closed). */
export type LastRead = {
  at: Date;
  warnings: string[];
  shape: RunSummary['shape'];
  /**
   * Ids of the sources that hold items of this read under the same URL (they stored them
   * first). Removing one of them makes this source read its feed again in full, to take those
   * items over. Absent on reads recorded before it was kept.
   */
  listedBy?: string[];
  /** The site the feed says it belongs to (see FeedReading.siteUrl): where "Listed by" links. */
  siteUrl?: string | null;
};

/** A stored source: what the operator described, plus what runs have learned. */
export type SourceDoc = SourceInput & {
  _id: Types.ObjectId;
  fetchState: {
    etag: string | null;
    lastModified: string | null;
    bodyHash: string | null;
    finalUrl: string | null;
    /**
     * How often the validators were cleared (an edit of the URL or recipe, another source
     * removed). A run stores the validators it got only if none was cleared while it ran, so
     * a run in flight cannot write back what a clear meant to drop. Absent: never.
     */
    resets?: number;
  };
  health: SourceHealth;
  createdAt: Date;
  updatedAt: Date;
};

const schema = new Schema<SourceDoc>(
  {
    name: { type: String, required: true },
    url: { type: String, required: true },
    kind: { type: String, required: true },
    type: { type: String, required: true },
    intervalMinutes: { type: Number, required: true },
    enabled: { type: Boolean, required: true },
    options: { type: Schema.Types.Mixed, required: true },
    terms: { type: Schema.Types.Mixed, required: true },
    fetchState: { type: Schema.Types.Mixed, required: true },
    health: { type: Schema.Types.Mixed, required: true },
    selectors: { type: Schema.Types.Mixed, default: null },
  },
  { collection: 'sources', versionKey: false, timestamps: true, minimize: false },
);
// One source per feed URL: the starter list and `sources add` can never duplicate one.
schema.index({ url: 1 }, { unique: true });

export function sourceModel(connection: Connection): Model<SourceDoc> {
  return (
    (connection.models.Source as Model<SourceDoc>) ?? connection.model<SourceDoc>('Source', schema)
  );
}

export const emptyHealth = (): SourceHealth => ({
  lastFetchedAt: null,
  lastSuccessAt: null,
  lastError: null,
  consecutiveFailures: 0,
  totalRuns: 0,
  totalFailures: 0,
  totalNew: 0,
  totalUpdated: 0,
  lastRun: null,
});
