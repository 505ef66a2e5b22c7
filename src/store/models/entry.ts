import { type Connection, type Model, Schema, type Types } from 'mongoose';
import type { DateFlag, EntryType, JobFields } from '../../domain/entry.ts';
import type { ArticleIntel, JobIntel } from '../../domain/job-intel.ts';
import type { JobStatus } from '../../domain/job-status.ts';

/** Another source listing the same job or article ("also listed on"). */
export type Origin = { sourceId: Types.ObjectId; sourceName: string; url: string };

/** A stored job or article: the enriched entry plus bookkeeping. */
export type EntryDoc = {
  _id: Types.ObjectId;
  canonicalUrl: string;
  url: string;
  guid: string | null;
  sourceId: Types.ObjectId;
  sourceName: string;
  title: string;
  summary: string;
  html: string;
  author: string | null;
  tags: string[];
  /** The source's date, or the first-seen time when the source gave none (see dateFlag). */
  publishedAt: Date;
  updatedAt: Date | null;
  dateFlag: DateFlag | null;
  imageUrl: string | null;
  enclosure: { url: string; type: string | null; length: number | null } | null;
  terms: string[];
  job: JobFields | null;
  intel: JobIntel | null;
  articleIntel: ArticleIntel | null;
  /** What the source's terms require of the board, copied at write time. */
  attribution: { required: boolean; note: string | null };
  /** Whether this entry may be republished as structured data (JobPosting JSON-LD). */
  syndication: boolean;
  status: 'open' | 'closed';
  closedAt: Date | null;
  closedReason: JobStatus['reason'];
  /** Listings of one job (or article) from several sources share this key. */
  dedupKey: string;
  /** Set on every copy but the primary of a duplicate group; default views show primaries only. */
  duplicateOf: Types.ObjectId | null;
  alsoListedOn: Origin[];
  /**
   * Other sources whose feeds list this very URL (a URL is stored once, by the source that had
   * it first; copies under other URLs are `alsoListedOn`). Shown as "also listed on"; if the
   * owner stops listing it while one of these still does, that one takes it over. Absent: none.
   */
  sharedWith?: Origin[];
  /** Hash of the content fields: a re-run writes only entries whose hash changed. */
  contentHash: string;
  firstSeenAt: Date;
  /** Refreshed at most every few hours, so unchanged re-runs stay write-free. */
  lastSeenAt: Date;
  changedAt: Date;
};

const schema = new Schema<EntryDoc>(
  {
    canonicalUrl: { type: String, required: true },
    url: { type: String, required: true },
    guid: { type: String, default: null },
    sourceId: { type: Schema.Types.ObjectId, required: true },
    sourceName: { type: String, required: true },
    title: { type: String, required: true },
    summary: { type: String, default: '' },
    html: { type: String, default: '' },
    author: { type: String, default: null },
    tags: { type: [String], default: [] },
    publishedAt: { type: Date, required: true },
    updatedAt: { type: Date, default: null },
    dateFlag: { type: String, default: null },
    imageUrl: { type: String, default: null },
    enclosure: { type: Schema.Types.Mixed, default: null },
    terms: { type: [String], default: [] },
    job: { type: Schema.Types.Mixed, default: null },
    intel: { type: Schema.Types.Mixed, default: null },
    articleIntel: { type: Schema.Types.Mixed, default: null },
    attribution: { type: Schema.Types.Mixed, required: true },
    syndication: { type: Boolean, required: true },
    status: { type: String, required: true },
    closedAt: { type: Date, default: null },
    closedReason: { type: String, default: null },
    dedupKey: { type: String, required: true },
    duplicateOf: { type: Schema.Types.ObjectId, default: null },
    alsoListedOn: { type: Schema.Types.Mixed, default: [] },
    sharedWith: { type: Schema.Types.Mixed, default: undefined },
    contentHash: { type: String, required: true },
    firstSeenAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    changedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
// The dedup key within a type; every entry has one, so the unique index is safe on FerretDB.
schema.index({ canonicalUrl: 1 }, { unique: true });
schema.index({ sourceId: 1 });
schema.index({ dedupKey: 1 });
schema.index({ publishedAt: -1 });
schema.index({ terms: 1 });
// The board's lists: every filter it offers leads one index, each ending in the newest-first
// order, so MongoDB never scans the collection. (FerretDB 1.24 filters these in memory; the
// board's page cache covers that.) Jobs and articles share the schema, so both get all of them.
schema.index({
  status: 1,
  'intel.relevance.relevant': 1,
  duplicateOf: 1,
  publishedAt: -1,
  _id: -1,
});
schema.index({ duplicateOf: 1, publishedAt: -1, _id: -1 });
// The lists by when the board stored an entry (sort=added), for clients polling for new ones.
schema.index({
  status: 1,
  'intel.relevance.relevant': 1,
  duplicateOf: 1,
  firstSeenAt: -1,
  _id: -1,
});
schema.index({ duplicateOf: 1, firstSeenAt: -1, _id: -1 });
schema.index({ terms: 1, publishedAt: -1 });
schema.index({ 'intel.workplace': 1, publishedAt: -1 });
schema.index({ 'intel.eligibility.applyFrom': 1, publishedAt: -1 });
schema.index({ 'intel.seniority': 1, publishedAt: -1 });
schema.index({ 'intel.employmentType': 1, publishedAt: -1 });
schema.index({ 'intel.stackTags': 1, publishedAt: -1 });
schema.index({ 'intel.salary.annualUsdMax': -1, publishedAt: -1 });
schema.index({ 'intel.location.country': 1, publishedAt: -1 });
schema.index({ sourceId: 1, publishedAt: -1 });
schema.index({ 'alsoListedOn.sourceId': 1, publishedAt: -1 });
schema.index({ 'sharedWith.sourceId': 1, publishedAt: -1 });
schema.index({ 'articleIntel.topics': 1, publishedAt: -1 });

const modelNames: Record<EntryType, string> = { jobs: 'Job', articles: 'Article' };

/** The model for one entry type; jobs and articles live in their own collections. */
export function entryModel(connection: Connection, type: EntryType): Model<EntryDoc> {
  const name = modelNames[type];
  return (
    (connection.models[name] as Model<EntryDoc>) ?? connection.model<EntryDoc>(name, schema, type)
  );
}

/**
 * The update that drops one source's records from an entry's `sharedWith`, and only those: a
 * $pullAll of them as read. Records other sources' runs add or drop meanwhile stay, which a
 * rewrite of the whole list would undo. (FerretDB 1.24's $pull matches whole elements only, and
 * ignores a condition such as `{ sourceId }`, so the elements are named exactly.) Empty when the
 * source has none.
 */
export function unshareUpdate(
  origins: Origin[] | undefined,
  sourceId: Types.ObjectId,
): { $pullAll?: { sharedWith: Origin[] } } {
  const mine = (origins ?? []).filter((o) => o.sourceId.equals(sourceId));
  return mine.length ? { $pullAll: { sharedWith: mine } } : {};
}

/**
 * Everywhere else a visitor can find an entry: copies under other URLs, then the same URL. A
 * record naming the entry's own source (a handover racing that source's run) or a source twice
 * is shown once, or not at all.
 */
export function otherListings(
  entry: Pick<EntryDoc, 'alsoListedOn' | 'sharedWith'> & { sourceId?: Types.ObjectId },
): Origin[] {
  const seen = new Set(entry.sourceId ? [String(entry.sourceId)] : []);
  const shared = (entry.sharedWith ?? []).filter((o) => {
    const id = String(o.sourceId);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return [...(entry.alsoListedOn ?? []), ...shared];
}
