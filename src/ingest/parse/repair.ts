import { fixAtomTextLinks, setAsideBadAtomDates } from './repair-atom.ts';
import {
  escapeAmpersands,
  escapeStrayLessThan,
  expandDoctype,
  type Repaired,
} from './repair-escapes.ts';
import { addMissingChannel, closeTruncated } from './repair-structure.ts';

/** A document after one repair round, and one sentence per change. */
export type RepairRound = { text: string; notes: string[] };

// Each step is pure and touches only constructs a strict parser rejects or rss-parser throws
// on, so running every step that finds something is safe; order matters only in that the
// structural steps see the escaped text.
const STEPS: Array<(text: string) => Repaired | null> = [
  expandDoctype,
  escapeAmpersands,
  escapeStrayLessThan,
  fixAtomTextLinks,
  setAsideBadAtomDates,
  closeTruncated,
  addMissingChannel,
];

/** Runs every repair step that applies; null when none does, i.e. nothing more can be tried. */
export function repairDocument(text: string): RepairRound | null {
  let current = text;
  const notes: string[] = [];
  for (const step of STEPS) {
    const repaired = step(current);
    if (!repaired) continue;
    current = repaired.text;
    notes.push(repaired.note);
  }
  return notes.length > 0 ? { text: current, notes } : null;
}
