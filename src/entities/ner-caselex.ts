/**
 * A casing lexicon: how each word is usually written inside ordinary sentences (lower case, capitalised,
 * all capitals), counted over plain English text at training time and stored in the model. It tells
 * the recogniser what capitals cannot: in an ALL-CAPS headline or at a sentence start, "MEETS" and
 * "Microsoft" look alike, but one is almost always written lower case and the other never.
 */
import { lowerHash, MODE_NORMAL, sentenceMode } from './ner-features.js';

/** Levels of the lexicon: 0 unknown, then by the dominant written form and how dominant it is. */
export const CASE_UNKNOWN = 0;
/** >= 90% lower case. */
export const CASE_LOWER = 1;
/** Casing level: lower case in 50-90% of uses. */
export const CASE_MOSTLY_LOWER = 2;
/** Casing level: capitalised in 50-90% of uses. */
export const CASE_MOSTLY_CAP = 3;
/** >= 90% capitalised. */
export const CASE_CAP = 4;
/** Mostly all capitals (NATO, FBI). */
export const CASE_ACRONYM = 5;

/** The lexicon as stored: parallel arrays of word hashes (see lowerHash) and levels. */
export interface CaseLexicon {
  words: number[];
  levels: number[];
}

/** Counts casing over tokenised sentences; only non-initial tokens of ordinary-case sentences count. */
export class CaseCounter {
  private readonly counts = new Map<number, [number, number, number]>();

  /** Adds one sentence (its words). */
  add(words: readonly string[]): void {
    if (sentenceMode(words, 0, words.length) !== MODE_NORMAL) return;
    for (let i = 1; i < words.length; i++) {
      const w = words[i]!;
      const c0 = w.charCodeAt(0);
      // Words after an opening quote or bracket may start a quoted sentence: skip them too.
      const prev = words[i - 1]!;
      if (prev === '"' || prev === '“' || prev === '(' || prev === ':' || prev === '-' || prev === '--') continue;
      if (!/^\p{L}/u.test(w)) continue;
      const h = lowerHash(w);
      let c = this.counts.get(h);
      if (!c) this.counts.set(h, (c = [0, 0, 0]));
      const upper = w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();
      if (upper) c[2]++;
      else if (c0 >= 65 && c0 <= 90 || (c0 > 127 && w[0] !== w[0]!.toLowerCase())) c[1]++;
      else c[0]++;
    }
  }

  /** The lexicon of words seen at least `minCount` times. */
  build(minCount = 3): CaseLexicon {
    const words: number[] = [];
    const levels: number[] = [];
    const keys = [...this.counts.keys()].sort((a, b) => a - b);
    for (const h of keys) {
      const [lo, cap, up] = this.counts.get(h)!;
      const n = lo + cap + up;
      if (n < minCount) continue;
      let level: number;
      if (up / n >= 0.5) level = CASE_ACRONYM;
      else if (lo / n >= 0.9) level = CASE_LOWER;
      else if (lo / n >= 0.5) level = CASE_MOSTLY_LOWER;
      else if ((cap + up) / n >= 0.9) level = CASE_CAP;
      else level = CASE_MOSTLY_CAP;
      words.push(h);
      levels.push(level);
    }
    return { words, levels };
  }
}

/** Makes the lookup map of a stored lexicon. */
export function caseMap(lex: CaseLexicon | undefined): Map<number, number> {
  const m = new Map<number, number>();
  if (!lex) return m;
  for (let i = 0; i < lex.words.length; i++) m.set(lex.words[i]!, lex.levels[i]!);
  return m;
}
