// Whether a job belongs on a backend board. The title decides when it names the work; the
// text and stack tags decide only for generic titles ("Senior Developer"). In order:
//   1. a non-engineering function or research/science role → other ("Sales Engineer", "Data
//      Scientist", "Product Manager", "Manager, Computational Scientific Programming");
//   2. full-stack, devops-sre, data-engineering, platform, backend title words, or backend
//      stack in the title ("Senior Rails Developer"); front-end next to backend → full-stack;
//   3. another engineering specialty → other (front-end, mobile, desktop, hardware, games,
//      QA, security, machine learning);
//   4. a generic engineering title: the text saying "full-stack", else backend stack tags
//      (backend when they are at least as many as front-end/mobile ones, full-stack when
//      fewer, other when there are none).
// Source rules then apply on top: block wins, keep forces relevant. A block rule that cannot
// run holds the listing back (the reason says why); a keep rule that cannot run is skipped.
import { stackTaxonomy } from '../../../config/stack-taxonomy.ts';
import type { JobCategory, Relevance } from '../../domain/job-intel.ts';
import { compileRule, RuleError } from '../../domain/safe-pattern.ts';
import { detectSeniority } from './seniority.ts';
import { matchStackTags } from './stack-tags.ts';

/** What the classifier reads: the role title, plain text, stack tags and per-source rules. */
export type RelevanceInput = {
  title: string;
  text: string;
  tags: string[];
  rules?: { keep?: string[]; block?: string[] };
  /**
   * For the rules only: the listing's whole title and its company, where the role title leaves
   * them out ("Initech: Platform Engineer" → "Platform Engineer"). An operator blocking
   * "Initech" means the company, wherever the listing names it.
   */
  listing?: { title: string; company: string | null };
};

type Signal = readonly [pattern: RegExp, why: string];
const ROLE = '(?:\\s+(?:software\\s+)?(?:engineer|developer|programmer|architect)s?)?';

// Management titles (manager, director, head, VP, group leader) are kept but hidden by
// default: the board is for hands-on backend work (test/eval/LABELING.md fixes the rule).
const NOT_ENGINEERING: Signal[] = [
  [/\bgroup leader\b/i, 'line management, not hands-on engineering'],
  // "Platform Solutions", "Solutions Architect": customer-facing pre-sales and consulting.
  [/\bsolutions\b/i, 'pre-sales or consulting'],
  // AI/ML in a title marks model work, unless it is the platform or infrastructure under it.
  [
    /^(?!.*\b(?:platform|infrastructure|mlops|ops|data|pipelines?|systems)\b).*\b(?:ai|ml|machine learning|llm|genai)\b/i,
    'ML/AI model work, not backend',
  ],
  [
    /(?<!\bhigh[- ])\bperformance\b(?!\s+comput)|\bbenchmark\w*/i,
    'application performance engineering',
  ],
  [
    /\bsales(?:\s+(?:engineer|executive|representative|manager|director|development))?\b|\baccount (?:executive|manager)\b|\bbusiness development\b|\bpre-?sales\b|\bsolutions? (?:engineer|architect|consultant)\b|\bcustomer success\b/i,
    'not engineering',
  ],
  [
    /\b(?:(?:product|ux|ui|visual|graphic|web|interaction|brand|motion)\s+)?designer\b|\bux\b/i,
    'not engineering',
  ],
  [
    /\b(?:\w+\s+)?marketing(?:\s+\w+)?\b|\bseo\b|\bcopywriter\b|\bsocial media\b/i,
    'not engineering',
  ],
  [
    /\b(?:technical\s+)?recruit(?:er|ing|ment)\b|\btalent (?:acquisition|partner|sourcer)\b|\bhuman resources\b/i,
    'not engineering',
  ],
  [
    /\b(?:technical\s+|engineering\s+)?(?:product|program|programme|project)\s+(?:manager|management|owner|lead|director)\b|\bproduct owner\b|\bscrum master\b|\bdirector,?\s+product\b/i,
    'not engineering',
  ],
  [
    /\b(?:technical|customer|it|product)?\s*support(?:\s+(?:engineer\w*|specialist|agent))?\b|\bhelp ?desk\b/i,
    'not engineering',
  ],
  [
    /\bdeveloper (?:relations|advocate|evangelist)\b|\bdevrel\b|\bevangelist\b|\bcommunity manager\b/i,
    'not engineering',
  ],
  [
    /\b(?:technical\s+)?writer\b|\b(?:\w+\s+)?analyst\b|\bmentor\b|\binstructor\b|\blecturer\b|\bteacher\b|\btutor\b|\bwebmaster\b/i,
    'not engineering',
  ],
  [
    /\bchief (?:operating|financial|executive|marketing) officer\b|\b(?:coo|ceo|cfo)\b|\boperations (?:manager|director|lead|specialist)\b|\bcoordinator\b|\bfacility\b/i,
    'not engineering',
  ],
  [
    /\b(?:(?:data|research|applied|staff|clinical|social)\s+)?scien(?:tist|ces?)\b|\bresearcher\b|\bstatistic\w*|\bbioinformatic\w*|\bcomputational(?:\s+(?!and\b)\w+){0,2}|\bscientific\s+(?:programming|computing|software)\b|\bresearch computing\b|\bgenomic\w*|\bquantum\b|\bclinical\b|\bprofessor\b|\bpostdoc\w*/i,
    'research/science, not backend engineering',
  ],
];

const CATEGORIES: Array<readonly [RegExp, JobCategory]> = [
  [new RegExp(`\\bfull[- ]?stack${ROLE}`, 'i'), 'full-stack'],
  [
    /\bsite reliability(?:\s+engineer\w*)?|\bsre\b|\breliability engineer\w*|\bdev ?(?:sec)?ops(?:\s+engineer)?\b|\bsys(?:tems?)? ?admin\w*|\bsystems? administrator\b|\blinux (?:engineer\w*|administrator)\b|\b(?:production|operations|release|network) engineer\b|\bdatabase (?:administrator|reliability)\b|\bdba\b/i,
    'devops-sre',
  ],
  [
    /\bdata (?:engineer\w*|platform|infrastructure|pipelines?|warehous\w+)\b|\banalytics engineer\b|\betl\b|\bbig data\b/i,
    'data-engineering',
  ],
  [
    /\bplatform (?:engineer\w*|team|infrastructure|reliability)\b|\b(?:ai|ml|cloud|developer|internal|research|compute)(?:\s*\/\s*\w+)?\s+platforms?\b|\binfrastructure\b|\bcloud (?:engineer\w*|architect\w*|infrastructure|services|operations)\b|\bkubernetes\b|\bhpc\b|\bhigh[- ]performance comput\w+|\bsupercomput\w+|\bstorage (?:engineer\w*|systems)\b|\bdistributed systems\b|\bmlops\b/i,
    'platform',
  ],
  [
    new RegExp(
      `\\bback[- ]?end${ROLE}|\\bserver[- ]side${ROLE}|\\bapi (?:engineer|developer)\\b|\\bmiddleware\\b`,
      'i',
    ),
    'backend',
  ],
];

const SPECIALTIES: Signal[] = [
  [
    new RegExp(`\\bfront[- ]?end${ROLE}|\\bui (?:engineer|developer)\\b`, 'i'),
    'front-end, not backend',
  ],
  [new RegExp(`\\b(?:ios|android|mobile)${ROLE}`, 'i'), 'mobile, not backend'],
  [/\bmac ?os(?: x)?\b|\bos x\b|\bdesktop\b/i, 'desktop, not backend'],
  [
    /\bembedded\b|\bfirmware\b|\bhardware\b|\bfpga\b|\bgpu\b|\brobotics\b/i,
    'hardware/embedded, not backend',
  ],
  [/\bgame(?:play)?\b|\bunity\b|\bunreal\b/i, 'games, not backend'],
  [
    /\bqa\b|\bquality assurance\b|\btest(?:ing)? (?:engineer|automation)\b|\bsdet\b/i,
    'QA, not backend',
  ],
  [/\bsecurity\b|\bappsec\b|\bpenetration\b/i, 'security, not backend'],
  [
    /\bmachine learning\b|\bml\b|\bai\b|\bartificial intelligence\b|\bdeep learning\b|\bllm\b|\bnlp\b/i,
    'machine learning/AI, not backend',
  ],
];

const GENERIC =
  /\b(?:engineer\w*|developer|programmer|architect|software|coder|cto|tech(?:nical)? lead|development)\b/i;
const SIDE = new Map(stackTaxonomy.map((tag) => [tag.slug, tag]));

/** Relevance for a backend board with a human-readable reason, source rules applied on top. */
export function classifyRelevance(input: RelevanceInput): Relevance {
  return applyRules(input, byTitle(input));
}

function byTitle({ title, text, tags }: RelevanceInput): Relevance {
  const other = (reason: string): Relevance => ({ relevant: false, category: 'other', reason });
  const says = (match: RegExpExecArray) => `title says '${match[0].trim()}'`;
  if (detectSeniority(title) === 'manager')
    return other(`title '${title.trim()}' is a management role`);
  for (const [pattern, why] of NOT_ENGINEERING) {
    const match = pattern.exec(title);
    if (match) return other(`${says(match)} (${why})`);
  }
  const frontEnd = SPECIALTIES[0]?.[0].exec(title) ?? null;
  for (const [pattern, category] of CATEGORIES) {
    const match = pattern.exec(title);
    if (!match) continue;
    if (category === 'backend' && frontEnd) return bothSides(match[0], frontEnd[0]);
    return { relevant: true, category, reason: says(match) };
  }
  const titleStack = sided(matchStackTags(title));
  if (titleStack.backend.length > 0) {
    if (frontEnd) return bothSides(titleStack.backend[0] ?? '', frontEnd[0]);
    return {
      relevant: true,
      category: 'backend',
      reason: `title names backend stack (${titleStack.backend.join(', ')})`,
    };
  }
  for (const [pattern, why] of SPECIALTIES) {
    const match = pattern.exec(title);
    if (match) return other(`${says(match)} (${why})`);
  }
  const foreign = inAnotherScript(title);
  if (!GENERIC.test(title) && !foreign)
    return other(`title '${title.trim()}' names no engineering role`);
  return byEvidence(
    title.trim(),
    text,
    tags,
    foreign ? 'is in a script we cannot read' : undefined,
  );
}

/**
 * A title mostly in a script other than Latin ("مهندس برمجيات خلفية", "Бэкенд-разработчик"):
 * its role words are not ours to read, so the description decides, as for a generic title.
 */
function inAnotherScript(title: string): boolean {
  const letters = title.match(/\p{L}/gu) ?? [];
  const latin = title.match(/\p{Script=Latin}/gu) ?? [];
  return letters.length > 0 && latin.length * 2 < letters.length;
}

function bothSides(backend: string, frontEnd: string): Relevance {
  const reason = `title says '${backend.trim()}' and '${frontEnd.trim()}' (both sides)`;
  return { relevant: true, category: 'full-stack', reason };
}

function byEvidence(title: string, text: string, tags: string[], why = 'is generic'): Relevance {
  const generic = `title '${title}' ${why}`;
  // "a full-stack engineer", "full-stack Ruby-on-Rails development"; not "the full stack of".
  const fullStack =
    /\bfull[- ]?stack\s+(?:[\w-]+\s+)?(?:engineer|developer|web|application|development|experience|role|position)s?\b/i.exec(
      text,
    );
  if (fullStack) {
    return {
      relevant: true,
      category: 'full-stack',
      reason: `${generic}; the text says '${fullStack[0]}'`,
    };
  }
  const { backend, front } = sided(matchStackTags(tags));
  if (backend.length > 0) {
    const category = backend.length >= front.length ? 'backend' : 'full-stack';
    return {
      relevant: true,
      category,
      reason: `${generic}; the text names backend stack (${backend.join(', ')})`,
    };
  }
  if (front.length > 0) {
    return {
      relevant: false,
      category: 'other',
      reason: `${generic}; the text names only front-end/mobile stack (${front.join(', ')})`,
    };
  }
  return {
    relevant: false,
    category: 'other',
    reason: `${generic} and the text names no backend stack`,
  };
}

/** Display names of backend and front-end/mobile tags among slugs. */
function sided(slugs: string[]): { backend: string[]; front: string[] } {
  const names = (sides: string[]) =>
    slugs.flatMap((slug) => {
      const tag = SIDE.get(slug);
      return tag && sides.includes(tag.side) ? [tag.name] : [];
    });
  return { backend: names(['backend']), front: names(['frontend', 'mobile']) };
}

function applyRules(input: RelevanceInput, base: Relevance): Relevance {
  const haystack = [
    input.title,
    input.listing?.title ?? '',
    input.listing?.company ?? '',
    input.text,
    ...input.tags,
  ].join('\n');
  const failed: string[] = [];
  const run = (rule: string): boolean | RuleError => {
    try {
      return compileRule(rule).test(haystack);
    } catch (error) {
      if (error instanceof RuleError) return error;
      throw error;
    }
  };
  for (const rule of usable(input.rules?.block)) {
    const result = run(rule);
    if (result instanceof RuleError) {
      return {
        ...base,
        relevant: false,
        reason: `held back: block rule ${shown(rule)} could not run (${result.message})`,
      };
    }
    if (result)
      return { ...base, relevant: false, reason: `blocked by source rule ${shown(rule)}` };
  }
  for (const rule of usable(input.rules?.keep)) {
    const result = run(rule);
    if (result instanceof RuleError)
      failed.push(`keep rule ${shown(rule)} could not run (${result.message})`);
    else if (result)
      return {
        ...base,
        relevant: true,
        reason: `kept by source rule ${shown(rule)}; ${base.reason}`,
      };
  }
  return failed.length ? { ...base, reason: [base.reason, ...failed].join('; ') } : base;
}

function usable(rules: string[] | undefined): string[] {
  return (rules ?? []).map((rule) => rule.trim()).filter(Boolean);
}

function shown(rule: string): string {
  return rule.startsWith('/') ? rule : `"${rule}"`;
}
