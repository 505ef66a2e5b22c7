/** A job item for generated We Work Remotely-style feeds. */
export type FeedItem = {
  id: string;
  title: string;
  description?: string;
  pubDate?: string;
  region?: string;
  type?: string;
  expiresAt?: string;
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS 2.0 document in today's We Work Remotely shape (region, type, expires_at). */
export function wwrFeed(origin: string, items: FeedItem[]): string {
  const body = items
    .map(
      (item) => `    <item>
      <title>${esc(item.title)}</title>
      <region>${esc(item.region ?? 'Anywhere in the World')}</region>
      <type>${esc(item.type ?? 'Full-Time')}</type>
      <expires_at>${item.expiresAt ?? '2099-01-01 00:00:00 UTC'}</expires_at>
      <description>${esc(item.description ?? `<p>Build backend services for ${item.title}.</p>`)}</description>
      <pubDate>${item.pubDate ?? 'Mon, 02 Nov 2026 10:00:00 +0000'}</pubDate>
      <guid>${origin}/remote-jobs/${item.id}</guid>
      <link>${origin}/remote-jobs/${item.id}?utm_source=rss&amp;utm_medium=feed</link>
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>We Work Remotely: Back-End Programming Jobs</title>
    <link>${origin}/categories/back-end</link>
${body}
  </channel>
</rss>
`;
}

/** n distinct job items. */
export function jobItems(n: number, prefix = 'Acme'): FeedItem[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix.toLowerCase()}-${i}`,
    title: `${prefix} ${i}: Backend Engineer ${i}`,
  }));
}
