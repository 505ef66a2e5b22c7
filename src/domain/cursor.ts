// Keyset pagination over (time desc, _id desc): a cursor names a position, not an item, so it
// stays valid when the item it came from is deleted, and new items never shift a page. A list
// is ordered by publication date (the default) or by when the board stored each entry
// (`sort=added`, what a client polls so that a listing dated in the past is not missed); a
// cursor says which, so a position is never read in the other order.

export const listOrders = ['published', 'added'] as const;
export type ListOrder = (typeof listOrders)[number];

/** A position in a newest-first order: the entry's publishedAt, or its firstSeenAt for "added". */
export type Cursor = { order: ListOrder; at: Date; id: string };

const ID = /^[0-9a-f]{24}$/;
// Publication-order tokens carry no prefix: those issued before the added order still decode.
const PREFIX: Record<ListOrder, string> = { published: '', added: 'a' };

/** An opaque, URL-safe token for a position. */
export function encodeCursor(cursor: Cursor): string {
  const text = `${PREFIX[cursor.order]}${cursor.at.getTime()}.${cursor.id}`;
  return Buffer.from(text).toString('base64url');
}

/** The position a token names, or null for anything this board did not issue. */
export function decodeCursor(token: string): Cursor | null {
  if (token.length > 64 || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const [head, id, extra] = Buffer.from(token, 'base64url').toString('latin1').split('.');
  const order: ListOrder = head?.startsWith(PREFIX.added) ? 'added' : 'published';
  const time = head?.slice(PREFIX[order].length);
  if (extra !== undefined || !time || !id || !/^-?\d{1,15}$/.test(time) || !ID.test(id))
    return null;
  const at = new Date(Number(time));
  return Number.isNaN(at.getTime()) ? null : { order, at, id };
}
