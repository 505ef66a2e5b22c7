import type { AnyBulkWriteOperation, Model, Types } from 'mongoose';
import { bulkUpdate } from './bulk-updates.ts';
import type { EntryDoc, Origin } from './models/entry.ts';

type Member = Pick<
  EntryDoc,
  | '_id'
  | 'sourceId'
  | 'sourceName'
  | 'url'
  | 'publishedAt'
  | 'firstSeenAt'
  | 'duplicateOf'
  | 'alsoListedOn'
  | 'status'
> & { intel?: { relevance?: { relevant?: boolean } } | null };

const byAge = (a: Member, b: Member) =>
  a.firstSeenAt.getTime() - b.firstSeenAt.getTime() || String(a._id).localeCompare(String(b._id));

/**
 * Splits one dedup key's listings into groups of copies: oldest first, each joining the
 * group whose first listing was published within the window. The primary (first of a group)
 * is its earliest seen open listing the board shows, else its earliest open one, else its
 * earliest: the answer is the same whatever order sources arrive in or re-run; a job one
 * source closed stays on the board while another still lists it, and so does a job one
 * source's rule blocks (or judges off-topic) while another lists it as a board job.
 */
export function groupCopies(members: Member[], windowDays: number): Member[][] {
  return formGroups(members, windowDays).map((group) => {
    const open = group.filter((m) => m.status !== 'closed');
    const first = open.find((m) => m.intel?.relevance?.relevant !== false) ?? open[0];
    return first ? [first, ...group.filter((m) => m !== first)] : group;
  });
}

function formGroups(members: Member[], windowDays: number): Member[][] {
  const windowMs = windowDays * 86_400_000;
  const groups: Member[][] = [];
  for (const member of [...members].sort(byAge)) {
    const group = groups.find((g) => {
      const primary = g[0] as Member;
      // Copies from one source are separate listings (a re-post is its own job).
      return (
        Math.abs(primary.publishedAt.getTime() - member.publishedAt.getTime()) <= windowMs &&
        !g.some((m) => String(m.sourceId) === String(member.sourceId))
      );
    });
    if (group) group.push(member);
    else groups.push([member]);
  }
  return groups;
}

const sameOrigins = (a: Origin[], b: Origin[]) => JSON.stringify(a) === JSON.stringify(b);
const sameId = (a: Types.ObjectId | null, b: Types.ObjectId | null) =>
  String(a ?? '') === String(b ?? '');

/** Makes duplicateOf / alsoListedOn match the groups for these keys, writing only what differs. */
export async function resolveDuplicates(
  Entry: Model<EntryDoc>,
  keys: string[],
  windowDays: number,
): Promise<void> {
  const ops: AnyBulkWriteOperation<EntryDoc>[] = [];
  const byKey = await membersByKey(
    Entry,
    keys.filter((key) => !key.startsWith('url:')),
  );
  for (const members of byKey.values()) {
    if (members.length < 2 && !members.some((m) => m.duplicateOf || (m.alsoListedOn ?? []).length))
      continue;
    for (const group of groupCopies(members, windowDays)) {
      const [primary, ...copies] = group as [Member, ...Member[]];
      // A closed copy is no place to apply; it is linked only from a closed job.
      const linked = copies.filter((c) => c.status !== 'closed' || primary.status === 'closed');
      const origins: Origin[] = linked.map((c) => ({
        sourceId: c.sourceId,
        sourceName: c.sourceName,
        url: c.url,
      }));
      if (!sameId(primary.duplicateOf, null) || !sameOrigins(primary.alsoListedOn ?? [], origins)) {
        ops.push({
          updateOne: {
            filter: { _id: primary._id },
            update: { $set: { duplicateOf: null, alsoListedOn: origins } },
          },
        });
      }
      for (const copy of copies) {
        if (!sameId(copy.duplicateOf, primary._id) || (copy.alsoListedOn ?? []).length) {
          ops.push({
            updateOne: {
              filter: { _id: copy._id },
              update: { $set: { duplicateOf: primary._id, alsoListedOn: [] } },
            },
          });
        }
      }
    }
  }
  await bulkUpdate(Entry, ops);
}

// One query per batch of keys: on FerretDB every query is a scan of the collection, so one
// $in scan beats a scan per key; MongoDB answers $in from the dedupKey index either way.
async function membersByKey(
  Entry: Model<EntryDoc>,
  keys: string[],
): Promise<Map<string, Member[]>> {
  const groups = new Map<string, Member[]>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await Entry.find(
      { dedupKey: { $in: keys.slice(i, i + 500) } },
      {
        dedupKey: 1,
        sourceId: 1,
        sourceName: 1,
        url: 1,
        publishedAt: 1,
        firstSeenAt: 1,
        duplicateOf: 1,
        alsoListedOn: 1,
        status: 1,
        'intel.relevance.relevant': 1,
      },
    ).lean<Array<Member & { dedupKey: string }>>();
    for (const row of rows) groups.set(row.dedupKey, [...(groups.get(row.dedupKey) ?? []), row]);
  }
  return groups;
}
