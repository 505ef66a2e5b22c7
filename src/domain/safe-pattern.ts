// Operators' keep/block rules, run safely. A rule is a plain keyword (whole word or phrase,
// any case: "java" does not match "javascript") or a regular expression written /pattern/flags.
// Regular expressions are checked before use — syntax, allowed flags, and a conservative static
// check refusing the shapes that make backtracking explode: backreferences, a repeated group
// that itself contains a variable-length part ((a+)+, (a|ab)*, (\w+\s?)+) — and then run
// inside node:vm with a hard time limit, so a pattern that slips past the check still cannot
// hang a worker: it fails with a RuleError instead.
import vm from 'node:vm';
import { AppError } from '../lib/errors.ts';
import { escapeRegExp } from './regex-escape.ts';

/** Why a rule was refused or stopped. */
export type RuleErrorCode = 'rule_invalid' | 'rule_unsafe' | 'rule_timeout';

/** A keep/block rule that cannot be used; the message is written for the operator. */
export class RuleError extends AppError {
  constructor(
    readonly ruleCode: RuleErrorCode,
    readonly rule: string,
    message: string,
  ) {
    super(ruleCode, message);
    this.name = 'RuleError';
  }
}

/** A compiled rule: `source` is the rule as the operator wrote it. */
export type CompiledRule = { test(text: string): boolean; source: string };

/** Time one regular expression may run on one text. */
export const RULE_TIMEOUT_MS = 50;
const MAX_PATTERN_LENGTH = 500;
const ALLOWED_FLAGS = /^[imsu]*$/;

/** Compiles a keyword or /pattern/flags rule, throwing a RuleError an operator can act on. */
export function compileRule(rule: string): CompiledRule {
  const source = rule.trim();
  if (!source) throw new RuleError('rule_invalid', rule, 'The rule is empty.');
  if (!source.startsWith('/')) return keywordRule(source);
  const parts = /^\/(.+)\/([a-z]*)$/s.exec(source);
  if (!parts) {
    throw new RuleError(
      'rule_invalid',
      source,
      `Rule ${source} starts with "/" but does not end with "/flags". Write /pattern/flags for a regular expression, or the keyword without slashes.`,
    );
  }
  const [, pattern = '', flags = ''] = parts;
  const regex = checkedRegex(source, pattern, flags);
  return { source, test: (text) => testWithTimeout(regex, text, source) };
}

function checkedRegex(source: string, pattern: string, flags: string): RegExp {
  const refuse = (code: RuleErrorCode, why: string) =>
    new RuleError(code, source, `Rule ${source} ${why}`);
  if (!ALLOWED_FLAGS.test(flags) || new Set(flags).size !== flags.length) {
    throw refuse(
      'rule_invalid',
      `uses flags "${flags}"; only i, m, s and u are allowed, once each.`,
    );
  }
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw refuse('rule_invalid', `is longer than ${MAX_PATTERN_LENGTH} characters.`);
  }
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, flags);
  } catch (error) {
    const detail = (error as Error).message.replace(
      /^Invalid regular expression: \/.*\/[a-z]*: /s,
      '',
    );
    throw refuse('rule_invalid', `is not a valid regular expression: ${detail}.`);
  }
  const hazard = findHazard(pattern, flags.includes('i'));
  if (hazard) throw refuse('rule_unsafe', `was refused: ${hazard}`);
  return regex;
}

// One context and one script for every rule: the regex and text are handed over per call.
let sandbox: { context: vm.Context; script: vm.Script } | null = null;

/** Runs `regex.test(text)` with a hard time limit; a RuleError (rule_timeout) when it runs over. */
export function testWithTimeout(
  regex: RegExp,
  text: string,
  source = `/${regex.source}/${regex.flags}`,
  timeoutMs = RULE_TIMEOUT_MS,
): boolean {
  sandbox ??= {
    context: vm.createContext({ re: null, input: '' }),
    script: new vm.Script('re.lastIndex = 0; re.test(input)'),
  };
  sandbox.context.re = regex;
  sandbox.context.input = text;
  try {
    return sandbox.script.runInContext(sandbox.context, { timeout: timeoutMs }) === true;
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw error;
    throw new RuleError(
      'rule_timeout',
      source,
      `Rule ${source} took longer than ${timeoutMs} ms on one listing and was stopped. Simplify it: avoid stacked repeats such as \\w*\\w* or .*.*.`,
    );
  } finally {
    sandbox.context.input = '';
  }
}

function keywordRule(keyword: string): CompiledRule {
  const phrase = keyword.normalize('NFKC').split(/\s+/).map(escapeRegExp).join('\\s+');
  // Same boundaries as the keyword rules at normalize time: a trailing + or # continues a word.
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${phrase}(?![\\p{L}\\p{N}_+#])`, 'iu');
  return { source: keyword, test: (text) => pattern.test(text.normalize('NFKC')) };
}

type Group = { start: number; variable: boolean; branches: number[] };

/** A reason the pattern can backtrack exponentially, or null; conservative by design. */
export function findHazard(pattern: string, ignoreCase = false): string | null {
  const stack: Group[] = [{ start: -1, variable: false, branches: [] }];
  let atom: { start: number; variable: boolean; group?: Group } | null = null;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    const top = stack[stack.length - 1] as Group;
    if (char === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && pattern[i + 2] === '<')) {
        return 'backreferences (\\1, \\k<name>) are not allowed: they can take exponential time.';
      }
      const braced = /^[pPux]\{[^}]*\}/.exec(pattern.slice(i + 1));
      atom = { start: i, variable: false };
      i += braced ? braced[0].length : 1;
    } else if (char === '[') {
      const end = classEnd(pattern, i);
      atom = { start: i, variable: false };
      i = end;
    } else if (char === '(') {
      stack.push({ start: i, variable: false, branches: [] });
      atom = null;
      const prefix = /^\(\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(pattern.slice(i));
      if (prefix) i += prefix[0].length - 1;
    } else if (char === ')') {
      const group = stack.pop() as Group;
      if (group.branches.length > 0)
        group.variable ||= !distinctLiterals(pattern, group, i, ignoreCase);
      const parent = stack[stack.length - 1];
      if (parent) parent.variable ||= group.variable;
      atom = { start: group.start, variable: group.variable, group };
    } else if (char === '|') {
      top.branches.push(i);
      atom = null;
    } else if (atom && /[*+?{]/.test(char ?? '')) {
      const quantifier = /^(?:[*+?]|\{(\d+)(?:(,)(\d*))?\})\??/.exec(pattern.slice(i));
      if (!quantifier) continue;
      const [text, min, comma, max] = quantifier;
      const repeats = /^[*+]/.test(text) || (comma !== undefined && max !== '1') || Number(min) > 1;
      const variable = /^[*+?]/.test(text) || (comma !== undefined && max !== min);
      if (repeats && atom.group?.variable) {
        const shown = pattern.slice(atom.start, i + text.length);
        return `"${shown}" repeats a group that itself varies in length, which can take exponential time on some text. Rewrite it without the nesting (for example (a+)+ → a+).`;
      }
      top.variable ||= variable || Boolean(atom.group?.variable);
      i += text.length - 1;
      atom = null;
    } else {
      atom = { start: i, variable: false };
    }
  }
  return null;
}

function classEnd(pattern: string, start: number): number {
  for (let i = start + 1; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === ']' && i > start + 1) return i;
  }
  return pattern.length;
}

// (?:get|post)+ is safe: plain words with distinct first letters cannot match the same text
// two ways. Anything else under alternation counts as variable length.
function distinctLiterals(
  pattern: string,
  group: Group,
  end: number,
  ignoreCase: boolean,
): boolean {
  const bodyStart = pattern.slice(group.start).match(/^\((?:\?:)?/)?.[0].length ?? 1;
  const cuts = [group.start + bodyStart - 1, ...group.branches, end];
  const firsts = new Set<string>();
  for (let b = 0; b + 1 < cuts.length; b++) {
    const branch = pattern.slice((cuts[b] as number) + 1, cuts[b + 1]);
    if (!/^[\p{L}\p{N} _-]+$/u.test(branch)) return false;
    firsts.add(ignoreCase ? (branch[0] ?? '').toLowerCase() : (branch[0] ?? ''));
  }
  return firsts.size === cuts.length - 1;
}
