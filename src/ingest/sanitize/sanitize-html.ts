// Feed HTML made safe to render as is: an allowlist of tags and attributes, absolute http(s)
// links that open elsewhere without a referrer, lazy images, and no tracking junk (pixels,
// FeedBurner flares, share buttons). Elements that end up with nothing to show are removed.
import sanitize from 'sanitize-html';
import { resolveUrl, visitUrl } from '../../domain/canonical-url.ts';
import { escapeAngleBrackets } from '../../domain/html-escape.ts';
import { NON_TEXT_TAGS } from '../normalize/text.ts';
import { MAX_DEPTH, nestingDepth } from '../parse/load-html.ts';

const ALLOWED_TAGS = [
  ...['b', 'strong', 'i', 'em', 'u', 's', 'del', 'ins', 'mark', 'small', 'q', 'cite'],
  ...['kbd', 'samp', 'var', 'sup', 'sub', 'abbr', 'code', 'pre', 'a', 'img', 'br', 'hr'],
  ...['p', 'div', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'figure', 'figcaption'],
  ...['h3', 'h4', 'h5', 'h6', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
];
// The page already has its h1 and h2 (board, entry title): content headings sit below them.
const RENAMED: Record<string, string> = {
  h1: 'h3',
  h2: 'h4',
  h3: 'h5',
  h4: 'h6',
  h5: 'h6',
  strike: 's',
  tt: 'code',
  // Layout containers keep the block break between their texts.
  ...Object.fromEntries(
    ['section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'center', 'address'].map(
      (tag) => [tag, 'div'],
    ),
  ),
};
// Structural or void elements that are meaningful while empty.
const KEEP_WHEN_EMPTY = new Set(['br', 'hr', 'td', 'th', 'tr', 'thead', 'tbody', 'tfoot']);
const TRACKER_HOSTS = [
  'feedsportal.com',
  'pixel.wp.com',
  'stats.wordpress.com',
  'feeds.wordpress.com',
  'doubleclick.net',
  'googleadservices.com',
  'google-analytics.com',
  'scorecardresearch.com',
  'quantserve.com',
  'api.flattr.com',
];
const FEEDBURNER_HOSTS = ['feeds.feedburner.com', 'feeds2.feedburner.com', 'feedproxy.google.com'];
const SHARE_LINKS = [
  'twitter.com/share',
  'twitter.com/intent/',
  'x.com/intent/',
  'facebook.com/sharer',
  'facebook.com/share.php',
  'plus.google.com/share',
  'linkedin.com/sharearticle',
  'reddit.com/submit',
  'digg.com/submit',
  'pinterest.com/pin/create',
];
// Placeholder for an element dropped with its content: it must be an allowed tag so that the
// exclusive filter sees it (sanitize-html mis-closes later tags after renaming to a disallowed one).
const DROP = 'div';
const MEDIA_MARK = '\u0000media';
const BREAK_MARK = '\u0000br';

// sanitize-html (and the parser under it) take time growing with the square of the nesting
// depth: 160,000 nested <b> (0.5 MB) took 7 s of one worker's only thread. Real listings nest a
// few dozen deep (however many tags a highlighted code listing has), so markup nested past
// MAX_DEPTH is read as text.
/** Sanitizes feed HTML with an allowlist; relative URLs are resolved against baseUrl. */
export function sanitizeHtml(markup: string, baseUrl: string): string {
  const html = nestingDepth(markup, MAX_DEPTH) > MAX_DEPTH ? asText(markup) : markup;
  const doomed = new WeakSet<sanitize.Attributes>();
  const drop = (): sanitize.Tag => {
    const attribs: sanitize.Attributes = {};
    doomed.add(attribs);
    return { tagName: DROP, attribs };
  };
  const transform = (tagName: string, attribs: sanitize.Attributes): sanitize.Tag => {
    if ('hidden' in attribs && !NON_TEXT_TAGS.includes(tagName)) return drop();
    if (tagName === 'a') return anchor(attribs, baseUrl) ?? drop();
    if (tagName === 'img') return image(attribs, baseUrl) ?? drop();
    return { tagName: RENAMED[tagName] ?? tagName, attribs: cellAttributes(tagName, attribs) };
  };
  return sanitize(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'rel', 'target'],
      img: ['src', 'alt', 'title', 'width', 'height', 'loading', 'decoding'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan'],
      ol: ['start'],
      abbr: ['title'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    nonTextTags: NON_TEXT_TAGS,
    transformTags: { '*': transform },
    exclusiveFilter: (frame) => {
      if (doomed.has(frame.attribs)) return true;
      // Kept images count as content for every ancestor: frame text bubbles up, output does not.
      if (frame.tag === 'img') frame.text = MEDIA_MARK;
      if (frame.tag === 'br') frame.text = BREAK_MARK;
      if (frame.tag === 'img' || KEEP_WHEN_EMPTY.has(frame.tag)) return false;
      const content = frame.text.replaceAll(BREAK_MARK, '').trim();
      // A div holding only line breaks is the blank line between paragraphs of Trix (We Work
      // Remotely), whose paragraphs have no margins; an empty <p>, <li> or <a> is a leftover.
      return content === '' && !(frame.tag === 'div' && frame.text.includes(BREAK_MARK));
    },
  }).trim();
}

/** A safe link, an attribute-less <a> when the href is unusable, or null for tracking links. */
function anchor(attribs: sanitize.Attributes, baseUrl: string): sanitize.Tag | null {
  const raw = (attribs.href ?? '').trim();
  if (/^mailto:[^\s<>"]+$/i.test(raw)) return link(raw, attribs.title);
  const href = raw ? visitUrl(raw, baseUrl) : null;
  if (!href) return { tagName: 'a', attribs: {} };
  if (isTracker(href, 'link')) return null;
  return link(href, attribs.title);
}

function link(href: string, title: string | undefined): sanitize.Tag {
  const attribs: sanitize.Attributes = {
    href,
    rel: 'nofollow noopener noreferrer',
    target: '_blank',
  };
  if (title) attribs.title = title;
  return { tagName: 'a', attribs };
}

/** A lazy-loading image, or null when it has no http(s) source or is a tracker. */
function image(attribs: sanitize.Attributes, baseUrl: string): sanitize.Tag | null {
  // Lazy-loading themes put a data: placeholder in src and the real image in data-src.
  const raw = [attribs.src, attribs['data-src'], attribs['data-lazy-src'], attribs['data-original']]
    .map((value) => value?.trim() ?? '')
    .find((value) => value && !/^data:/i.test(value));
  const src = raw ? resolveUrl(raw, baseUrl) : null;
  if (!src || isTracker(src, 'image')) return null;
  const style = attribs.style ?? '';
  const width = dimension(attribs.width) ?? styled(style, 'width');
  const height = dimension(attribs.height) ?? styled(style, 'height');
  // A tracking pixel: 1x1 however it is written ("1", "1.0", "1px", style="width:1px"), or an
  // image hidden by its style.
  if ((width !== null && width <= PIXEL) || (height !== null && height <= PIXEL)) return null;
  if (/(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return null;
  // No alt: decorative to a screen reader (alt=""), which would otherwise read out the file name.
  const out: sanitize.Attributes = { src, alt: attribs.alt ?? '' };
  if (attribs.title) out.title = attribs.title;
  if (width !== null) out.width = String(Math.round(width));
  if (height !== null) out.height = String(Math.round(height));
  return { tagName: 'img', attribs: { ...out, loading: 'lazy', decoding: 'async' } };
}

// Images this small show nothing a reader could see.
const PIXEL = 2;

function dimension(value: string | undefined): number | null {
  const m = /^\s*(\d{1,5}(?:\.\d+)?)(?:px)?\s*$/i.exec(value ?? '');
  return m ? Number(m[1]) : null;
}

function styled(style: string, property: 'width' | 'height'): number | null {
  const m = new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*(\\d{1,5}(?:\\.\\d+)?)px\\b`, 'i').exec(
    style,
  );
  return m ? Number(m[1]) : null;
}

function cellAttributes(tagName: string, attribs: sanitize.Attributes): sanitize.Attributes {
  const out: sanitize.Attributes = {};
  for (const name of ['colspan', 'rowspan', 'start']) {
    const value = attribs[name]?.trim();
    if (value && /^\d{1,3}$/.test(value)) out[name] = value;
  }
  if (tagName === 'abbr' && attribs.title) out.title = attribs.title;
  return out;
}

function isTracker(href: string, kind: 'link' | 'image'): boolean {
  const url = new URL(href);
  const host = url.hostname.replace(/^www\./, '');
  const within = (domain: string) => host === domain || host.endsWith(`.${domain}`);
  if (TRACKER_HOSTS.some(within)) return true;
  if (FEEDBURNER_HOSTS.includes(host)) {
    // Every FeedBurner image is a pixel or a flare; its /~r/ links are the articles themselves.
    return kind === 'image' || /\/~(ff|a|at)\//.test(url.pathname);
  }
  const target = `${host}${url.pathname}`.toLowerCase();
  return kind === 'link' && SHARE_LINKS.some((prefix) => target.startsWith(prefix));
}

// Tags dropped in one linear pass ([^<>]* stops at the next "<"), what is left kept as text.
function asText(markup: string): string {
  return `<p>${escapeAngleBrackets(markup.replace(/<[^<>]*>/g, ' '))}</p>`;
}
