// Seniority from the job title, and from the text only when it states the level outright
// ("This is a senior role", "we are hiring a Junior Software Developer", "Seniority level:
// Mid-Senior"). Years of experience are not read: "5+ years" is senior at one company and mid
// at another, so a guess would mislead the filter. Callers pass the role without the company
// ("Principal Financial: Engineer" would otherwise read as principal).
//
// Several levels in one title: the highest wins, in the order the evaluation set's labelling
// guide (test/eval/LABELING.md) fixes — manager > lead > principal > staff > senior > mid >
// junior > intern: "Senior Staff" → staff, "Principal Software Engineering Lead" → lead,
// "Senior Product Manager" → manager (program, project and product managers are managers
// here: the filter groups management-track jobs) — except a range written with "/", "or", "to", "-" ("Senior /
// Principal", "Junior-to-Mid-level"), which is stored as its entry level — the level an
// applicant needs at least.
import type { Seniority } from '../../domain/job-intel.ts';
import { withoutDiacritics } from '../../domain/search-terms.ts';

// Ladder order, low to high.
const RANK: Record<Seniority, number> = {
  intern: 0,
  junior: 1,
  mid: 2,
  senior: 3,
  staff: 4,
  principal: 5,
  lead: 6,
  manager: 7,
};

const ROLE = '(?:engineer|developer|programmer|analyst|scientist|administrator|architect|sde|swe)';
const PATTERNS: Array<[Seniority, RegExp]> = [
  ['manager', /\bmanagers?\b/gi],
  [
    'manager',
    /\bhead(?=\s+of\b|\s*,)|^head\b|\b(?:director|supervisor|vp|svp|evp|avp|cto|cio|ciso)\b|\bvice[- ](?:president|provost|chancellor)\b|\bchief\b(?!\s+of\s+staff)/gi,
  ],
  ['principal', /\bprincipal\b(?!\s+investigator)/gi],
  [
    'staff',
    /(?<!\bmember of (?:the )?(?:technical )?|\bchief of )\bstaff\b(?!\s+(?:scientist|nurse|accountant|writer|assistant|physician|attorney))/gi,
  ],
  ['lead', /\blead(?:er|s)?\b(?!\s+(?:generation|gen)\b)/gi],
  ['senior', /\b(?:senior|snr|sr)\b/gi],
  ['senior', new RegExp(`(?<=\\b${ROLE}\\s+)(?:iii|3)(?![\\w/+-])`, 'gi')],
  ['mid', /\bmid(?:[- ]?level)?\b|\bintermediate\b/gi],
  ['mid', new RegExp(`(?<=\\b${ROLE}\\s+)(?:ii|2)(?![\\w/+-])`, 'gi')],
  [
    'junior',
    /\b(?:junior|jr|trainee)\b|\bentry[- ]level\b|\bnew grad(?:uate)?\b|\bearly[- ]career\b|\bgraduate(?=\s+(?:software|engineer|developer|programmer|scheme|programme|program|data|backend)\b)|\bassociate(?=\s+(?:(?:software|backend|data|platform|cloud|devops)\s+)?(?:engineer|developer|programmer)\b)/gi,
  ],
  ['junior', new RegExp(`(?<=\\b${ROLE}\\s+)(?:i|1)(?![\\w/+-])`, 'gi')],
  [
    'intern',
    /\b(?:intern(?:ship)?s?|co-?op)\b(?!\s+(?:coordinator|manager|program|programme|recruiter|mentor|director|advisor|supervisor))/gi,
  ],
];

// "Senior / Principal", "Junior-to-Mid", "Senior or Staff": a range, not one level.
const RANGE_GAP = /^(?=.*[/&–—-]|.*\b(?:or|to|and)\b)[\s/&–—-]*(?:or|to|and)?[\s/&–—-]*$/i;

type Hit = { level: Seniority; start: number; end: number };

/** Seniority from the title, else from an explicit statement in the text; unknown → null. */
export function detectSeniority(title: string, text?: string): Seniority | null {
  // "Sénior", "Júnior": the patterns are English words, which French and Portuguese titles
  // borrow with an accent.
  return levelIn(withoutDiacritics(title)) ?? (text ? levelStatedIn(text) : null);
}

/** The level a title (or a short phrase) names, by the rules above. */
function levelIn(phrase: string): Seniority | null {
  const hits = PATTERNS.flatMap(([level, pattern]) =>
    [...phrase.matchAll(pattern)].map((match) => ({
      level,
      start: match.index,
      end: match.index + match[0].length,
    })),
  ).sort((a, b) => a.start - b.start);
  const levels: Seniority[] = [];
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i] as Hit;
    const next = hits[i + 1];
    if (next && RANGE_GAP.test(phrase.slice(hit.end, next.start))) {
      levels.push(RANK[hit.level] <= RANK[next.level] ? hit.level : next.level);
      i++;
    } else {
      levels.push(hit.level);
    }
  }
  return levels.reduce<Seniority | null>(
    (best, level) => (best === null || RANK[level] > RANK[best] ? level : best),
    null,
  );
}

// Statements of a level, each capturing a short phrase that levelIn reads.
const STATEMENTS: RegExp[] = [
  /\b(?:seniority|experience|career|job|position)[ -]level\s*[:：]\s*([\w /-]{2,30})/i,
  /\bthis (?:is|will be) an? ((?:[\w-]+ ){1,2}?)(?:role|position|job|opening|opportunity)\b/i,
  /(?<!\balso )\b(?:hiring|seeking|looking for|recruiting|searching for)(?: to fill)? (?:an? |one )?((?:[\w+#./-]+ ){1,4}?(?:engineer|developer|programmer|architect|sre|scientist|administrator))s?\b/i,
];

function levelStatedIn(text: string): Seniority | null {
  for (const pattern of STATEMENTS) {
    const phrase = pattern.exec(text)?.[1];
    if (!phrase || /\b(?:leadership|management|executive)\b/i.test(phrase)) continue;
    const level = levelIn(phrase);
    // "a staff position" in a university means non-faculty staff, not the staff level.
    if (level === 'staff' && !/\bstaff[- ](?:level|engineer|software)/i.test(phrase)) continue;
    if (level) return level;
  }
  return null;
}
