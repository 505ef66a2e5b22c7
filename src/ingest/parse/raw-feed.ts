/** A link element as the feed states it (Atom has several per entry). */
export type RawLink = { href: string; rel: string | null; type: string | null };

/** One item as parsed, before normalization: strings as found, nothing resolved or cleaned. */
export type RawItem = {
  title: string | null;
  /** The parser's choice of link (Atom: rel="alternate", else a non-enclosure link). */
  link: string | null;
  links: RawLink[];
  guid: string | null;
  /** RSS guid isPermaLink="false": the guid is not a URL to use as link. */
  guidIsPermaLink: boolean;
  published: string | null;
  updated: string | null;
  author: string | null;
  categories: string[];
  /** Full content (content:encoded, Atom content) as HTML. */
  contentHtml: string | null;
  /** Description / summary as HTML. */
  summaryHtml: string | null;
  enclosures: Array<{ url: string; type: string | null; length: number | null }>;
  imageUrl: string | null;
  /** The base URL in effect for this item (xml:base chain resolved against the feed URL). */
  base: string | null;
  /** Extra elements job feeds carry: region, country, type, skills, category, expires_at, company, location, salary, ... */
  extra: Record<string, string>;
};

/** A parsed feed. */
export type RawFeed = {
  format: 'rss' | 'atom' | 'rdf' | 'json' | 'html' | 'jsonld';
  title: string | null;
  link: string | null;
  /** Base URL for resolving relative links: feed xml:base, else the feed's link, else the fetched URL. */
  base: string;
  items: RawItem[];
  /** What the repair pass changed to make the feed parse, empty when it parsed as is. */
  repairs: string[];
};
