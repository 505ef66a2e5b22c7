// URL identity for dedup: the same page reached through a feed, a newsletter or a share link must
// collapse to one key, while anything that may select different content (path case, other
// params, their order and encoding) is left exactly as published.

/** Query parameters that only tell the publisher where a click came from. */
const TRACKING_PARAMS = new Set([
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  '__hsfp',
  '__hssc',
  '__hstc',
  'dclid',
  'fbclid',
  'gbraid',
  'gclid',
  'gclsrc',
  'hsctatracking',
  'igshid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  'msclkid',
  'oly_anon_id',
  'oly_enc_id',
  'pk_campaign',
  'pk_content',
  'pk_keyword',
  'pk_kwd',
  'pk_medium',
  'pk_source',
  'rb_clickid',
  'ref',
  'ref_src',
  's_cid',
  'spm',
  'srsltid',
  'ttclid',
  'twclid',
  'vero_conv',
  'vero_id',
  'wbraid',
  'wickedid',
  'yclid',
]);
const TRACKING_PREFIXES = ['utm_', 'mtm_'];

/** The link resolved against base as an absolute http(s) URL, or null when it cannot be one. */
export function resolveUrl(link: string, base?: string): string | null {
  const url = parseHttpUrl(link, base);
  return url ? url.href : null;
}

/** The dedup form of a link: absolute http(s), no fragment, no default port, no tracking params. */
export function canonicalUrl(link: string, base?: string): string | null {
  const url = parseHttpUrl(link, base);
  if (!url) return null;
  url.hash = '';
  return withoutTracking(url, isTrackingParam).href;
}

/**
 * The form of a link a visitor is sent to: absolute http(s), without tracking params, and out
 * of a Google redirect ("google.com/url?url=…", as Google Alerts feeds link). Unlike the
 * canonical form it keeps the fragment, which may pick the job on a one-page careers site.
 */
export function visitUrl(link: string, base?: string): string | null {
  const url = parseHttpUrl(link, base);
  if (!url) return null;
  const target = googleRedirectTarget(url);
  return withoutTracking(target ?? url, isSurelyTracking).href;
}

/**
 * The form a source's feed URL is stored in: without its fragment or tracking params, so
 * "…/jobs.rss?utm_source=x" is the feed "…/jobs.rss"; like visitUrl, "ref" stays.
 */
export function feedUrlKey(link: string): string | null {
  const url = parseHttpUrl(link);
  if (!url) return null;
  url.hash = '';
  return withoutTracking(url, isSurelyTracking).href;
}

// Rebuilt by hand: URLSearchParams would re-encode the params we keep ("a b" → "a+b").
function withoutTracking(url: URL, tracking: (pair: string) => boolean): URL {
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !tracking(pair));
  url.search = kept.length ? `?${kept.join('&')}` : '';
  return url;
}

const GOOGLE_HOST = /^(?:www\.)?google\.[a-z]{2,3}(?:\.[a-z]{2})?$/;

/** Where a google.com/url redirect leads, when it names an http(s) address. */
function googleRedirectTarget(url: URL): URL | null {
  if (url.pathname !== '/url' || !GOOGLE_HOST.test(url.hostname)) return null;
  const target = url.searchParams.get('url') ?? url.searchParams.get('q');
  return target ? parseHttpUrl(target) : null;
}

function parseHttpUrl(link: string, base?: string): URL | null {
  const trimmed = link.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = base ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  return url;
}

// "ref" is often a referral tag, but also a branch, a job or a page ("?ref=JOB123"): a key may
// drop it, a link a visitor follows or a URL we fetch must keep it.
const SOMETIMES_MEANINGFUL = new Set(['ref']);

// A link escaped twice in its feed carries "?amp;utm_campaign=…": the same tracking param.
function isSurelyTracking(pair: string): boolean {
  const unescaped = pair.replace(/^amp;/i, '');
  return isTrackingParam(unescaped) && !SOMETIMES_MEANINGFUL.has(paramKey(unescaped));
}

function isTrackingParam(pair: string): boolean {
  const key = paramKey(pair);
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

function paramKey(pair: string): string {
  const rawKey = pair.split('=', 1)[0] ?? '';
  let key: string;
  try {
    key = decodeURIComponent(rawKey.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    key = rawKey.toLowerCase();
  }
  return key;
}

/** One part of an absolute URL (host with port, hostname, origin), or null when it is not one. */
export function urlPart(url: string, part: 'host' | 'hostname' | 'origin'): string | null {
  try {
    return new URL(url)[part];
  } catch {
    return null;
  }
}
