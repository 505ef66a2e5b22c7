// Generated feeds with the shape of real ones: ~1.5 KB of HTML per item with entities, half
// RSS 2.0 (descriptions in CDATA) and half Atom (escaped HTML content), some jobs with the
// salary and region fields job boards add. Deterministic: the same seed gives the same bytes.

/** A small fast PRNG (mulberry32): benchmarks need repeatable data, not good randomness. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, list: readonly T[]): T =>
  list[Math.floor(rand() * list.length)] as T;

const levels = ['Junior', '', 'Senior', 'Staff', 'Principal', 'Lead'] as const;
const roles = [
  'Backend Engineer',
  'Platform Engineer',
  'Site Reliability Engineer',
  'Software Engineer, Payments',
  'Data Platform Engineer',
  'API Developer',
] as const;
const stacks = [
  'Go',
  'Rust',
  'Python',
  'Java',
  'Kotlin',
  'Node.js',
  'Elixir',
  'Ruby',
  'C#',
  'Scala',
] as const;
const extras = [
  'PostgreSQL',
  'Kafka',
  'Kubernetes',
  'Redis',
  'AWS',
  'GCP',
  'gRPC',
  'Terraform',
  'MySQL',
  'Elasticsearch',
] as const;
const regions = [
  'Anywhere in the World',
  'USA Only',
  'Europe Only',
  'Canada Only',
  'UK Only',
  'Remote (EMEA)',
] as const;
// Forty employers per feed, named for it: two feeds list the same job only when it is
// cross-posted (below), so the share of copies stays the same at every scale. (Before, 400
// names were shared by all feeds and the share grew with the feed count: 7% of items had a copy
// at 6 feeds, 94% at 200, and the full-size run measured mostly duplicate resolution.)
const COMPANIES_PER_FEED = 40;
const companyName = (feed: number, k: number) =>
  `Company ${String.fromCharCode(65 + ((feed + k) % 26))}${feed}-${k}`;

/**
 * One item in ten is cross-posted: feeds 2k and 2k+1 list the same job (company, title, text)
 * under their own URLs, published minutes apart, so the store's duplicate resolution runs at
 * every scale. With an odd feed count the last feed's shared items have no partner.
 */
export const CROSS_POSTED_EVERY = 10;
const isCrossPosted = (index: number) => index % CROSS_POSTED_EVERY === 3;

/** How many listings a run over `feeds` feeds should mark as copies of another feed's. */
export function expectedCopies(feeds: number, count: number): number {
  const shared = Array.from({ length: count }, (_, i) => isCrossPosted(i)).filter(Boolean).length;
  return Math.floor(feeds / 2) * shared;
}

export type GeneratedItem = {
  id: string;
  title: string;
  company: string;
  url: string;
  published: Date;
  html: string;
  region: string | null;
  salary: string | null;
};

/** One feed's items; `revision` changes the text of the items it selects (see `changed`). */
export function generateItems(options: {
  feed: number;
  count: number;
  origin: string;
  now: Date;
  changed?: (index: number) => boolean;
}): GeneratedItem[] {
  const rand = seeded(options.feed * 7919 + 17);
  return Array.from({ length: options.count }, (_, i) => {
    const own = listing(rand, (k) => companyName(options.feed, k));
    // A cross-posted job comes from a generator both partner feeds share; the feed's own draw
    // is still made, so the items after it do not depend on which ones are shared.
    const pair = options.feed >> 1;
    const { title, company, stack, tools, salary, region } = isCrossPosted(i)
      ? listing(seeded(pair * 104_729 + i * 31 + 5), (k) => `Company S${pair}-${i}-${k}`)
      : own;
    const id = `f${options.feed}-i${i}`;
    const revised = options.changed?.(i) ? ' <p>Updated: the team has grown &amp; moved.</p>' : '';
    return {
      id,
      title,
      company,
      url: `${options.origin}/jobs/${id}`,
      published: new Date(options.now.getTime() - (i * 37 + options.feed * 11) * 60_000),
      region,
      salary,
      html: itemHtml({ title, company, stack, tools, salary, region }) + revised,
    };
  });
}

/** What one job listing says: drawn by `listing`, written out by `itemHtml`. */
type Listing = {
  title: string;
  company: string;
  stack: string;
  tools: string[];
  salary: string | null;
  region: string | null;
};

function listing(rand: () => number, company: (k: number) => string): Listing {
  const level = pick(rand, levels);
  const stack = pick(rand, stacks);
  const name = company(Math.floor(rand() * COMPANIES_PER_FEED));
  const tools = [pick(rand, extras), pick(rand, extras)];
  const salaryLow = 70 + Math.floor(rand() * 100);
  const hasSalary = rand() < 0.4;
  const salary = hasSalary ? `$${salaryLow},000 &ndash; $${salaryLow + 30},000 per year` : null;
  const region = rand() < 0.6 ? pick(rand, regions) : null;
  const title = `${level ? `${level} ` : ''}${pick(rand, roles)} (${stack})`;
  return { title, company: name, stack, tools, salary, region };
}

// ~1.5 KB: headings, lists, links, entities (&amp; &ndash; &#8217; &nbsp;), like real postings.
function itemHtml(f: Listing): string {
  return [
    `<h2>About ${f.company}</h2>`,
    `<p>${f.company} builds infrastructure for teams that can&#8217;t afford downtime. We&#8217;re hiring a ${f.title} to own services end&nbsp;to&nbsp;end &mdash; design, code, on-call &amp; the post-mortems.</p>`,
    '<h3>What you&#8217;ll do</h3><ul>',
    `<li>Design and run ${f.stack} services on ${f.tools.join(' &amp; ')} handling 40k requests/second.</li>`,
    '<li>Own the data model: schema changes, migrations, backfills &amp; the queries behind them.</li>',
    '<li>Improve observability: traces, SLOs &amp; alerts that wake people only when it matters.</li>',
    '<li>Review code, mentor engineers &amp; write the design docs others build on.</li></ul>',
    '<h3>What we&#8217;re looking for</h3><ul>',
    `<li>3+ years building backend systems in ${f.stack} or a similar language.</li>`,
    `<li>Production experience with ${f.tools[0]} &mdash; you know its failure modes.</li>`,
    '<li>Comfort with &quot;you build it, you run it&quot; and a calm on-call rotation.</li></ul>',
    '<h3>How we work</h3><p>Small teams, written RFCs &amp; async reviews; two office days a quarter. We deploy 30&times; a day behind feature flags &mdash; and we&#8217;d rather you sleep than babysit a release. Interviews: a 45&#8209;minute chat, a take&#8209;home (paid) &amp; a system&#8209;design conversation.</p>',
    f.salary ? `<p><strong>Salary:</strong> ${f.salary}, plus equity.</p>` : '',
    f.region ? `<p><strong>Location:</strong> Remote &ndash; ${f.region}.</p>` : '',
    `<p>Benefits: 30 days&#8217; leave, a &euro;1,500 learning budget, home-office setup. <a href="https://example.com/apply?ref=feed&amp;utm_source=rss">Apply here</a>.</p>`,
  ].join('');
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An RSS 2.0 document: descriptions in CDATA, region and salary in their own elements. */
export function rssFeed(title: string, origin: string, items: GeneratedItem[]): string {
  const body = items
    .map(
      (it) => `<item>
<title>${esc(`${it.company}: ${it.title}`)}</title>
<link>${esc(it.url)}?utm_source=rss&amp;utm_medium=feed</link>
<guid isPermaLink="false">${it.id}</guid>
<pubDate>${it.published.toUTCString()}</pubDate>
${it.region ? `<region>${esc(it.region)}</region>\n` : ''}${it.salary ? `<salary>${it.salary.replace(/&ndash;/g, '-')}</salary>\n` : ''}<category>Backend</category>
<description><![CDATA[${it.html}]]></description>
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${esc(title)}</title><link>${origin}/</link><description>Backend jobs</description>
${body}
</channel></rss>
`;
}

/** An Atom 1.0 document: HTML content escaped, as most Atom generators write it. */
export function atomFeed(title: string, origin: string, items: GeneratedItem[]): string {
  const updated = items[0]?.published.toISOString() ?? new Date(0).toISOString();
  const body = items
    .map(
      (it) => `<entry>
<title>${esc(`${it.company}: ${it.title}`)}</title>
<link rel="alternate" href="${esc(it.url)}"/>
<id>urn:bench:${it.id}</id>
<published>${it.published.toISOString()}</published>
<updated>${it.published.toISOString()}</updated>
<author><name>${esc(it.company)}</name></author>
<content type="html">${esc(it.html)}</content>
</entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title><id>urn:bench:${esc(title)}</id><updated>${updated}</updated><link href="${origin}/"/>
${body}
</feed>
`;
}
