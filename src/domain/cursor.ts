// Keyset pagination over (publishedAt desc, _id desc): a cursor names a position, not an item,
// so it stays valid when the item it came from is deleted, and new items never shift a page.

/** A position in the newest-first order. */
export type Cursor = { publishedAt: Date; id: string };

const ID = /^[0-9a-f]{24}$/;

/** An opaque, URL-safe token for a position. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.publishedAt.getTime()}.${cursor.id}`).toString('base64url');
}

/** The position a token names, or null for anything this board did not issue. */
export function decodeCursor(token: string): Cursor | null {
  if (token.length > 64 || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const [time, id, extra] = Buffer.from(token, 'base64url').toString('latin1').split('.');
  if (extra !== undefined || !time || !id || !/^-?\d{1,15}$/.test(time) || !ID.test(id))
    return null;
  const publishedAt = new Date(Number(time));
  return Number.isNaN(publishedAt.getTime()) ? null : { publishedAt, id };
}
