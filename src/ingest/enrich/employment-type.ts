// Employment type from what a listing states: its structured field, then its title, then
// explicit sentences in its text ("This is a full-time position", "Job type: Contract").
// Passing mentions are not statements: "full-time engineers on the team", "not interested in
// freelancers", "service contracts", "eligible to work full-time" all say nothing.
//
// The enum mixes two axes. When a statement gives both, the engagement wins over the hours:
// "full-time contract" is contract, "part-time internship" is internship; within the
// engagement axis internship > temporary > contract ("fixed-term contract" is temporary).
// Two values on one axis offered as alternatives ("Full-time or Part-time") say nothing.
// A contract of stated length ("12-month contract") is contract; "permanent" alone is no type.
import type { EmploymentType } from '../../domain/job-intel.ts';

const ENGAGEMENT: EmploymentType[] = ['internship', 'temporary', 'contract'];
const HOURS: EmploymentType[] = ['part-time', 'full-time'];

const TEMPORARY =
  /\b(?:temporary|temp|fixed[- ]term|limited[- ]term|term[- ]limited|term position|seasonal|interim|maternity (?:leave )?cover)\b/i;
// The same types in French, German, Spanish and Portuguese, as boards there write them. A CDI
// ("contrat à durée indéterminée") is permanent employment: like "permanent", no type.
const TEMPORARY_ABROAD =
  /\b(?:CDD|contrat à durée déterminée|befristet(?:e|er)?|temporário|temporária)(?![\p{L}])/iu;
// What each type is called in a field or a short stated value; word boundaries throughout.
const TERMS: Array<[EmploymentType, RegExp]> = [
  [
    'internship',
    /\b(?:intern(?:ship)?s?|co-?op|working student|werkstudent|praktikum|prácticas|estágio|stagiaire)(?![\p{L}])/iu,
  ],
  ['temporary', TEMPORARY],
  ['temporary', TEMPORARY_ABROAD],
  [
    'contract',
    /\b(?:(?<!(?:fixed[- ]term|temporary|permanent|open[- ]ended|employment|service) )contract(?:or|ual)?(?! research)|freelance(?:r)?|c2c|corp[- ]?(?:to|2)[- ]?corp)\b/i,
  ],
  [
    'part-time',
    /\b(?:part[- _]?time|teilzeit|temps partiel|tiempo parcial|media jornada|meio período|tempo parcial)(?![\p{L}])/iu,
  ],
  [
    'full-time',
    /\b(?:full[- _]?time|vollzeit|temps (?:plein|complet)|tiempo completo|jornada completa|tempo integral)(?![\p{L}])/iu,
  ],
];

/** Employment type from the structured field, else the title, else explicit text; unknown → null. */
export function detectEmploymentType(
  field: string | null,
  title: string,
  text?: string,
): EmploymentType | null {
  return (
    (field ? typeOf(field) : null) ?? fromTitle(title) ?? (text ? fromText(text) : null) ?? null
  );
}

/** The single type a short value states ("Full-Time", "CONTRACTOR", "Permanent, Full time"). */
export function typeOf(value: string): EmploymentType | null {
  const found = TERMS.filter(([, pattern]) => pattern.test(value)).map(([type]) => type);
  return decide(found, /\bor\b|\/|\|/i.test(value));
}

function decide(found: EmploymentType[], alternatives: boolean): EmploymentType | null {
  const unique = [...new Set(found)];
  const engagement = unique.filter((type) => ENGAGEMENT.includes(type));
  const hours = unique.filter((type) => HOURS.includes(type));
  // "Contract or Internship", "Full-time / Part-time": offered as either, so neither is known.
  if (alternatives && (engagement.length > 1 || hours.length > 1)) return null;
  const first = ENGAGEMENT.find((type) => engagement.includes(type));
  if (first) return first;
  return hours.length === 1 ? (hours[0] ?? null) : null;
}

// Title parts that are only a type: "(Contract)", "[6-month contract]", "- Contract Role".
const TITLE_TYPE_PART =
  /(?:[([]\s*|[-–—|,]\s+)((?:remote\s+|\d+[- ]?(?:month|week|year)s?\s+)*(?:contract(?:or)?|freelance|contract[- ]to[- ]hire)(?:\s+(?:role|position|only|basis|opportunity))?)\s*(?:[)\],/]|$)/i;
const TITLE_CONTRACT_ROLE =
  /\b(?:contract(?:or)?|freelance)\s+(?:(?:senior|junior|lead|sr\.?)\s+)?(?:software|backend|back-end|full[- ]stack|data|devops|platform|cloud|\w+\s+)?(?:engineer|developer|programmer|architect|consultant|dba)\b/i;
// "Internship Coordinator" manages interns; it is not an internship.
const TITLE_INTERN =
  /\b(?:intern(?:ship)?|co-?op)\b(?!\s+(?:coordinator|manager|program|programme|recruiter|mentor|lead|director|advisor|supervisor|specialist))/i;

function fromTitle(title: string): EmploymentType | null {
  const found: EmploymentType[] = [];
  if (TITLE_INTERN.test(title)) found.push('internship');
  if (TEMPORARY.test(title)) found.push('temporary');
  if (TITLE_TYPE_PART.test(title) || TITLE_CONTRACT_ROLE.test(title)) found.push('contract');
  if (/\b(?:freelance|contract[- ]to[- ]hire|c2c|corp[- ]?(?:to|2)[- ]?corp)\b/i.test(title)) {
    found.push('contract');
  }
  if (/\bpart[- ]?time\b/i.test(title)) found.push('part-time');
  if (/\bfull[- ]?time\b/i.test(title)) found.push('full-time');
  return decide(found, false);
}

const TYPE_WORDS =
  'full[- ]?time|part[- ]?time|contract(?:or)?|freelance|temporary|fixed[- ]term|\\d+[- ]?(?:month|week|year)s? contract|contract[- ]to[- ]hire|(?:paid |unpaid |summer )?internship|corp[- ]?(?:to|2)[- ]?corp';
const ROLE_NOUNS =
  'position|role|job|employee|opportunity|appointment|engagement|post|contract|assignment|offer|developer|engineer|programmer';
// Explicit statements only; each captures the stated type in group 1.
const STATEMENTS: RegExp[] = [
  // "Job type: Full-time", "Contract offered : Full time", "Employment Type: Contract"
  /\b(?:(?:job|employment|position|contract|work|appointment|engagement|role)[ -]?(?:type|offered|status|basis)|employment|type)\s*[:：]\s*((?:[\w-]+[ ,/]*){1,4})/i,
  // The same labels abroad: "Type de contrat : CDD", "Anstellungsart: Vollzeit", "Jornada: completa"
  // (Not a /u pattern: in unicode mode this one costs ~10x as much on every listing.)
  /\b(?:type de contrat|type d'emploi|contrat|vertragsart|anstellungsart|beschäftigungsart|arbeitszeit|tipo de contrato|tipo de empleo|tipo de jornada|jornada|regime de contratação)\s*[:：]\s*((?:[^\s:：,/.;!?]+[ ,/]*){1,5})/i,
  // "This is a full-time, fully remote ... offer", "This is corp-2-corp", "this will be a contract role"
  new RegExp(
    `\\bthis (?:is|will be) (?:an? )?(?:permanent |remote |fully remote )*(${TYPE_WORDS})\\b`,
    'i',
  ),
  // "This position is full-time", "The role is a 6-month contract"
  new RegExp(
    `\\b(?:this|the) (?:position|role|job|opening|post) is (?:an? )?(?:permanent |remote )*(${TYPE_WORDS})\\b`,
    'i',
  ),
  // "on a contract basis" (but not "on a part-time or full-time basis")
  /\bon an? (full[- ]?time|part[- ]?time|contract(?:ual)?|freelance|temporary|fixed[- ]term) basis\b/i,
  // "looking for a full-time developer", "a part-time position" (not "four full-time engineers")
  new RegExp(
    `(?<!\\bnot )\\ban? (?:permanent[ ,]+)?(full[- ]?time|part[- ]?time|contract|freelance|temporary|fixed[- ]term)(?:[ ,]+(?:permanent|remote|fully remote|hybrid|on-?site|in-office))?\\s+(?:${ROLE_NOUNS})s?\\b`,
    'i',
  ),
  // "seeks a full-time NTE Team Scientist", "is hiring a part-time": whom they hire, whatever its name
  /\b(?:seeks|seeking|hiring|looking for|recruiting|searching for) an? (full[- ]?time|part[- ]?time|freelance|temporary|fixed[- ]term)\b/i,
  // "Permanent Full-time", "full-time permanent"
  /\bpermanent[ ,]+((?:full|part)[- ]?time)\b|\b((?:full|part)[- ]?time)[ ,]+permanent\b/i,
  // "the Project Manager (12-month contract) will", "(fixed-term)"
  /\(\s*((?:\d+[- ]?(?:month|week|year)s?\s+)?(?:contract|fixed[- ]term(?: contract)?|temporary|part[- ]time|full[- ]time|internship))\s*\)/i,
  // Contractor engagements named by their paperwork
  /\b(contract[- ]to[- ]hire|corp[- ]?(?:to|2)[- ]?corp)\b/i,
  // A sentence or line that is the type alone, as short listings write it: "Berlin. Full-time."
  /(?:^|[.!?\n]\s*)(full[- ]?time|part[- ]?time|contract|freelance|internship)\s*(?:[.!\n]|$)/i,
  // A sentence or line that opens with it: "Contract role, 6 months.", "Full-time position."
  new RegExp(
    `(?:^|[.!?\\n]\\s*)(full[- ]?time|part[- ]?time|contract|freelance|temporary|fixed[- ]term)[ ,]+(?:${ROLE_NOUNS})\\b`,
    'i',
  ),
  // A pay line that ends with it: "Pay: £45 - £55 per hour, contract"
  /\b(?:pay|salary|rate|compensation)\s*:[^\n.]{0,60}?,\s*(full[- ]?time|part[- ]?time|contract|freelance|temporary)\s*(?:[.\n]|$)/i,
];

// The hours a week the job asks for, said as the job's: "15~20 hours per week commitment",
// "full time working hours (35hrs per week)", "work 40 hours a week". Hours of something else
// ("on call 4 hours a week", "10 hours a week mentoring") say nothing of the job's hours.
const WEEKLY_HOURS =
  /\b(?:(\d{1,2})\s*(?:-|–|~|to)\s*)?(\d{1,2})\s*(?:hours?|hrs?)\s*(?:a|per|\/)\s*week\b(\s+(?:commitment|of work|contract|position|role|job))?/gi;
const JOB_HOURS_BEFORE =
  /\b(?:work(?:s|ing)?|working hours|commitment|contracted|schedule|position|role|job)\b[^.!?\n]{0,25}$/i;

function fromText(text: string): EmploymentType | null {
  const found: EmploymentType[] = [];
  for (const pattern of STATEMENTS) {
    const match = pattern.exec(text);
    const stated = match?.slice(1).find(Boolean);
    const type = stated ? typeOf(stated) : null;
    if (type) found.push(type);
  }
  const hours = weeklyHours(text);
  if (hours) found.push(hours);
  return decide(found, false);
}

/** Full-time from 35 hours a week up, part-time up to 30; in between, or odd numbers, nothing. */
function weeklyHours(text: string): EmploymentType | null {
  for (const match of text.matchAll(WEEKLY_HOURS)) {
    const before = text.slice(Math.max(0, match.index - 40), match.index);
    if (!match[3] && !JOB_HOURS_BEFORE.test(before)) continue;
    const most = Number(match[2]);
    const least = match[1] ? Number(match[1]) : most;
    if (least > most || most > 60 || least === 0) return null;
    if (least >= 35) return 'full-time';
    return most <= 30 ? 'part-time' : null;
  }
  return null;
}
