import type { SourceInput } from '../src/domain/source.ts';

// The starter list: public feeds named in the boards' own documentation, loaded once on the
// first start (never again, so a source the operator removed stays removed). None could be
// checked from the build machines (no internet): a dead one shows up on the sources page.
// Each board's terms are stored with it and honoured by the board.

const defaults = { kind: 'rss', intervalMinutes: 60, enabled: true } as const;
const options = {
  userAgent: null,
  keep: [],
  block: [],
  dateOrder: null,
  timeZone: null,
  listsAllOpenJobs: false,
  titleFormat: null,
};
const linkBack = (note: string) => ({ attribution: true, syndication: false, note });
const articleTerms = {
  attribution: true,
  syndication: false,
  note: 'Link to the original article; show the source name.',
};

const job = (
  name: string,
  url: string,
  note: string,
  extra: Partial<SourceInput> = {},
): SourceInput => ({
  ...defaults,
  name,
  url,
  type: 'jobs',
  options,
  terms: linkBack(note),
  ...extra,
});
const article = (name: string, url: string): SourceInput => ({
  ...defaults,
  name,
  url,
  type: 'articles',
  options,
  terms: articleTerms,
});

const wwr = 'We Work Remotely: link back to the listing on weworkremotely.com.';
const fewPerDay = { intervalMinutes: 360 };

export const starterSources: readonly SourceInput[] = [
  job(
    'We Work Remotely — Back-End',
    'https://weworkremotely.com/categories/remote-back-end-programming-jobs.rss',
    wwr,
  ),
  job(
    'We Work Remotely — Full-Stack',
    'https://weworkremotely.com/categories/remote-full-stack-programming-jobs.rss',
    wwr,
  ),
  job(
    'We Work Remotely — DevOps & Sysadmin',
    'https://weworkremotely.com/categories/remote-devops-sysadmin-jobs.rss',
    wwr,
  ),
  job(
    'Remote OK — Dev jobs',
    'https://remoteok.com/remote-dev-jobs.rss',
    'Remote OK: name Remote OK and link back with a followed link.',
  ),
  job(
    'Remotive — Software Development',
    'https://remotive.com/remote-jobs/feed/software-dev',
    'Remotive: link back and name Remotive; no republishing to Google Jobs/LinkedIn; a few requests a day.',
    fewPerDay,
  ),
  job(
    'Himalayas',
    'https://himalayas.app/jobs/rss',
    'Himalayas (reported): link back and attribution.',
  ),
  job(
    'Jobicy — Development',
    'https://jobicy.com/feed/job_feed?job_categories=dev',
    'Jobicy: no republishing to Google Jobs/LinkedIn; a few requests a day.',
    fewPerDay,
  ),
  article('DEV — #backend', 'https://dev.to/feed/tag/backend'),
  article('DEV — #career', 'https://dev.to/feed/tag/career'),
  article('The Pragmatic Engineer', 'https://newsletter.pragmaticengineer.com/feed'),
  article('Martin Fowler', 'https://martinfowler.com/feed.atom'),
  article('ByteByteGo', 'https://blog.bytebytego.com/feed'),
  article('The GitHub Blog — Engineering', 'https://github.blog/engineering/feed/'),
  article('Netflix Technology Blog', 'https://netflixtechblog.com/feed'),
  article('The Cloudflare Blog', 'https://blog.cloudflare.com/rss/'),
  article('Stack Overflow Blog', 'https://stackoverflow.blog/feed/'),
  article('freeCodeCamp News', 'https://www.freecodecamp.org/news/rss/'),
];
