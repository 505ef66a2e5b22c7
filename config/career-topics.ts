// Career topics articles are filed under, with the phrases that name them. Phrases match
// case-insensitively as whole words; spaces and hyphens are interchangeable ("remote-first" =
// "remote first"); a "*" ending a word matches any word ending ("negotiat* salar*" →
// negotiating salaries). Phrases that are everyday words elsewhere, engineering writing above
// all, stay out or come qualified: "resume" the verb, "manager" in "package manager", a
// release "candidate", "redundancy" in a cluster, "compensation" in a saga, TLS "negotiation",
// "promoted" to GA, type "promotion", "Mentor" Graphics, "an interview with" a maintainer. How
// many hits an article needs is decided in src/ingest/enrich/article-intel.ts.

/** One career topic: slug, display name, phrases that name it. */
export type CareerTopic = { slug: string; name: string; phrases: readonly string[] };

// [slug, display name, phrases separated by "|"]
const rows: Array<readonly [slug: string, name: string, phrases: string]> = [
  [
    'interviewing',
    'Interviewing',
    'interviewing|interviews|interviewers|job interview*|system design interview*|coding interview*|technical interview*|interview process*|interview question*|interview prep*|interview loop*|interview tip*|phone screen*|leetcode|take-home*|whiteboard interview*|whiteboarding|hiring loop*|mock interview*|behavioral question*|behavioural question*',
  ],
  [
    'salary-negotiation',
    'Salary negotiation',
    'salary|salaries|salary negotiat*|negotiat* salar*|negotiat* your offer|negotiat* an offer|negotiat* the offer|negotiat* job offer*|negotiat* a job offer|negotiat* a raise|negotiat* pay|negotiat* your comp*|counteroffer*|counter-offer*|total compensation|compensation package*|compensation band*|your compensation|pay raise*|total comp|offer letter*|pay band*|stock options',
  ],
  [
    'system-design',
    'System design',
    'system design|systems design|design interview*|scalability|sharding|load balancer*|consistent hashing|cap theorem|back-of-the-envelope',
  ],
  [
    'career-growth',
    'Career growth',
    'career growth|career path*|career ladder*|career development|career progression|career advice|career change*|leveling up|levelling up|career goals',
  ],
  [
    'remote-work',
    'Remote work',
    'remote work*|working remotely|work from home|wfh|remote-first|remote team*|distributed team*|async communication|asynchronous communication|return to office|hybrid work*|digital nomad*',
  ],
  [
    'management',
    'Engineering management',
    'engineering manager*|engineering management|people manag*|first-time manager*|new manager*|one-on-one*|1:1s|direct reports|managing engineers|tech lead*|team lead*',
  ],
  [
    'hiring',
    'Hiring',
    'hiring|recruit*|job description*|hiring manager*|job candidate*|candidate experience|strong candidate*|talent acquisition|headcount|sourcing candidates',
  ],
  [
    'layoffs',
    'Layoffs',
    'layoff*|laid off|lay off*|redundancies|made redundant|redundancy pay|voluntary redundancy|compulsory redundancy|downsizing|job cuts|workforce reduction|reduction in force|severance',
  ],
  [
    'resume',
    'Résumé',
    'résumé*|resumes|your resume|a resume|resume tips|resume writing|cover letter*|curriculum vitae|your cv|linkedin profile*',
  ],
  [
    'promotion',
    'Promotion',
    'getting promoted|get promoted|got promoted|promoted to senior|promoted to staff|promoted to principal|promoted to manager|up for promotion|a promotion|your promotion|promotion process*|promotion packet*|promotion case*|promotion committee*|promotion criteria|promotion to senior|promotion to staff|promotion to principal|promotion to manager|promo packet*|performance review*|performance cycle*|brag doc*|calibration meeting*|performance calibration',
  ],
  ['onboarding', 'Onboarding', 'onboarding|first 90 days|first week*|new hire*|ramp up|ramping up'],
  [
    'burnout',
    'Burnout',
    'burnout|burn out|burned out|burnt out|mental health|work-life balance|overwork*|on-call fatigue|sustainable pace',
  ],
  [
    'job-search',
    'Job search',
    'job search*|job hunt*|job seeker*|job board*|job application*|job market|applying for jobs|job offer*',
  ],
  [
    'mentoring',
    'Mentoring',
    'mentoring|mentorship|mentors|mentored|a mentor|your mentor|to mentor|mentee*|coaching|career sponsorship',
  ],
  [
    'freelancing',
    'Freelancing',
    'freelanc*|independent contractor*|consulting business|contracting rate*',
  ],
  ['open-source', 'Open source', 'open source|open-source|maintainer*|pull request*'],
];

/** Every career topic, in display order. */
export const careerTopics: readonly CareerTopic[] = Object.freeze(
  rows.map(([slug, name, phrases]) => ({ slug, name, phrases: phrases.split('|') })),
);
