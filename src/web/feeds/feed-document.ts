/** One entry in an output feed; every URL is absolute. */
export type FeedItem = {
  /** Stable absolute URL of the item's page on our board: the RSS guid, Atom id and JSON Feed id. */
  id: string;
  /** The item's page on our board. */
  url: string;
  /** The origin (apply link, or the article at its source). */
  externalUrl: string | null;
  title: string;
  /** Plain text. */
  summary: string;
  /** Already-sanitized HTML, or null. */
  html: string | null;
  published: Date;
  updated: Date | null;
  /** A company name or an article's author. */
  author: string | null;
  tags: string[];
};

/** What the RSS, Atom and JSON Feed serializers render: one listing page as a feed. */
export type FeedDocument = {
  title: string;
  description: string;
  /** The HTML page this feed mirrors, with the same query string. */
  homeUrl: string;
  /** This feed's own URL. */
  feedUrl: string;
  /** The newest item's date, or now when there are no items. */
  updated: Date;
  /** A language tag such as 'en'. */
  language: string;
  items: FeedItem[];
};
