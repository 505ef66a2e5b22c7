// Reading time and topics of a career article. A topic counts when the title or a tag names
// it, or when the text comes back to it: at least two hits and at least one per 1,000 words,
// so a long article that mentions "hiring" once in passing is not filed under hiring.
import { careerTopics } from '../../../config/career-topics.ts';
import type { ArticleIntel } from '../../domain/job-intel.ts';
import { escapeRegExp } from '../../domain/regex-escape.ts';
import { matchStackTags } from './stack-tags.ts';

/** Words read per minute. */
export const WORDS_PER_MINUTE = 230;
// Chinese and Japanese run without spaces; about two characters read like one English word.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

const TOPIC_PATTERNS = careerTopics.map((topic) => ({
  slug: topic.slug,
  pattern: new RegExp(
    `(?<![\\p{L}\\p{N}_])(?:${topic.phrases.map(phrasePattern).join('|')})(?![\\p{L}\\p{N}_])`,
    'giu',
  ),
}));

/** Reading minutes, career topics plus stack tags, and stack tags of an article. */
export function articleIntel(input: { title: string; text: string; tags: string[] }): ArticleIntel {
  const words = countWords(input.text);
  const stackTags = matchStackTags(input.title, input.text, input.tags);
  const topics = careerTopicsOf(input.title, input.text, input.tags, words);
  return {
    readingMinutes: isExcerpt(input.text, words)
      ? null
      : Math.max(1, Math.ceil(words / WORDS_PER_MINUTE)),
    topics: [...new Set([...topics, ...stackTags])],
    stackTags,
  };
}

// Where a feed gives only a teaser, its length says nothing of the article's: "1 min read" on
// every summary-only item would be a guess passed off as a fact. A text under 100 words, or
// one that ends by pointing at the rest ("…", "[…]", "Read more", "Continue reading"), is a
// teaser. A real 80-word note loses its "1 min read", which says little anyway.
const MIN_FULL_WORDS = 100;
const POINTS_ELSEWHERE =
  /(?:\.\.\.|…|\[(?:…|\.\.\.)\]|\bread more|\bcontinue reading(?: [^\n]{0,80})?|\bread the (?:full|rest)[^\n]{0,40}|»|→)[\s\p{P}]*$/iu;

function isExcerpt(text: string, words: number): boolean {
  return words < MIN_FULL_WORDS || POINTS_ELSEWHERE.test(text);
}

/** Words in plain text, CJK characters counted as half a word each. */
export function countWords(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  const words = text.replace(CJK, ' ').match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu);
  return (words?.length ?? 0) + Math.ceil(cjk / 2);
}

function careerTopicsOf(title: string, text: string, tags: string[], words: number): string[] {
  const named = [title, ...tags].join('\n');
  return TOPIC_PATTERNS.filter(({ pattern }) => {
    if (count(pattern, named) > 0) return true;
    const hits = count(pattern, text);
    return hits >= 2 && hits * 1000 >= words;
  })
    .map(({ slug }) => slug)
    .sort();
}

function count(pattern: RegExp, text: string): number {
  return [...text.matchAll(pattern)].length;
}

function phrasePattern(phrase: string): string {
  return phrase
    .split(/[\s-]+/)
    .map((word) =>
      word.endsWith('*') ? `${escapeRegExp(word.slice(0, -1))}[\\p{L}\\p{N}]*` : escapeRegExp(word),
    )
    .join('[\\s-]+');
}
