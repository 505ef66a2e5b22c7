// Whether the words around an amount say it is this job's pay ("salary", "compensation") or
// some other money ("seed round", "signing bonus", "learning stipend"). The nearest such word
// decides, and a tie goes to "other": a wrong salary is worse than none.

/** What the words around an amount say it is. */
export type AmountContext = 'salary' | 'other' | 'none';

const SALARY_WORDS = new Set([
  ...['salary', 'salaries', 'compensation', 'comp', 'pay', 'pays', 'paying', 'wage', 'wages'],
  ...['rate', 'remuneration', 'ote', 'base', 'ctc', 'package', 'earn', 'earning', 'lpa'],
  ...['gehalt', 'vergütung', 'brutto', 'gross'],
]);

const OTHER_WORDS = new Set([
  ...['bonus', 'bonuses', 'equity', 'stock', 'stocks', 'options', 'signing', 'commission'],
  ...['relocation', 'stipend', 'stipends', 'allowance', 'budget', 'budgets', 'reimbursement'],
  ...['reimbursed', 'funding', 'funded', 'raised', 'raise', 'raising', 'round', 'seed', 'series'],
  ...['investment', 'investments', 'invested', 'investor', 'investors', 'valuation', 'valued'],
  ...['revenue', 'revenues', 'arr', 'mrr', 'grant', 'grants', 'endowment', 'worth', 'prize'],
  ...['prizes', 'award', 'awards', 'fee', 'fees', 'price', 'priced', 'pricing', 'cost', 'costs'],
  ...['subscription', 'subscriptions', 'license', 'licence', 'donation', 'donations'],
  ...['sales', 'gmv', 'turnover', 'loan', 'loans', 'tuition', 'savings', 'spend', 'spent'],
  ...['referral', 'insurance', 'deductible', 'matching', 'contribution'],
]);

// "The average salary is $105,000" and "customers pay $20,000" describe other people's money,
// however close "salary" or "pay" is.
const VETO_WORDS = new Set([
  'average',
  'median',
  'mean',
  'typical',
  'avg',
  'customers',
  'clients',
  'users',
]);
// What follows "plus", "and" or "with" is another thing: "$150,000 plus equity".
const CLAUSE_END = /[.;!?,\n\d+&]|\b(?:plus|and|with)\b/i;

const BEFORE_WORDS = 6;
const AFTER_WORDS = 4;
const WORD = /\p{L}[\p{L}'’-]*/gu;

/** Up to six words before an amount, nearest first, not reaching past a sentence or another number. */
export function wordsBefore(text: string, start: number): string[] {
  const slice = text.slice(Math.max(0, start - 120), start);
  const cut = Math.max(...[/[.;!?\n]/g, /\d/g].map((re) => lastIndex(slice, re)));
  const words =
    slice
      .slice(cut + 1)
      .toLowerCase()
      .match(WORD) ?? [];
  return words.reverse().slice(0, BEFORE_WORDS);
}

/** Up to four words after an amount, not reaching past a clause, a conjunction or another number. */
export function wordsAfter(text: string, end: number): string[] {
  const slice = text.slice(end, end + 80);
  const stop = slice.search(CLAUSE_END);
  const words = (stop < 0 ? slice : slice.slice(0, stop)).toLowerCase().match(WORD) ?? [];
  return words.slice(0, AFTER_WORDS);
}

/** Whether the words around an amount (nearest first on each side) call it pay, other money, or nothing. */
export function amountContext(before: string[], after: string[]): AmountContext {
  if (before.some((word) => VETO_WORDS.has(word))) return 'other';
  const salary = nearest([before, after], SALARY_WORDS);
  const other = nearest([before, after], OTHER_WORDS);
  if (other <= salary && other !== Number.POSITIVE_INFINITY) return 'other';
  return salary === Number.POSITIVE_INFINITY ? 'none' : 'salary';
}

function nearest(sides: string[][], words: Set<string>): number {
  const distances = sides.map((side) => side.findIndex((word) => words.has(word)));
  const found = distances.filter((d) => d >= 0);
  return found.length ? Math.min(...found) : Number.POSITIVE_INFINITY;
}

function lastIndex(text: string, re: RegExp): number {
  let last = -1;
  for (const match of text.matchAll(re)) last = match.index;
  return last;
}
