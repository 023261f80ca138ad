import type { Span, Token } from './types.js';

/**
 * Index of the last span starting at or before `pos` in spans sorted by start (0 when none does):
 * the sentence or paragraph a position falls in. Binary search, so callers can ask per mention.
 */
export function spanIndexAt(spans: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let ans = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= pos) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

const tokenTextCache = new WeakMap<readonly Token[], { text: string; words: string[] }>();

/**
 * The text of each token of a Doc, sliced once and shared by the stages that read words (POS, NER):
 * one string per token instead of one per stage, and a string hashed for one stage's lookup tables is
 * already hashed for the next. Recomputed when the token array or the text changes.
 */
export function tokenTexts(doc: { readonly text: string; readonly tokens: readonly Token[] }): readonly string[] {
  const hit = tokenTextCache.get(doc.tokens);
  if (hit && hit.text === doc.text && hit.words.length === doc.tokens.length) return hit.words;
  const words = doc.tokens.map((t) => doc.text.slice(t.start, t.end));
  tokenTextCache.set(doc.tokens, { text: doc.text, words });
  return words;
}

/**
 * Gives each distinct word string a small integer id, so the stages that keep per-word data (POS,
 * NER) find a token's entry with one Map lookup between them instead of one each. Ids are dense from 0.
 * When more than `limit` words are held the map is emptied and `epoch` goes up: users keep per-id data
 * stamped with the epoch it was filled in, so data of an old epoch is recomputed, never misread. A reset
 * happens only before a call whose words might not all fit, so the ids one call returns stay valid
 * together (a single call with more new words than `limit` gets ids past it: users grow their arrays).
 */
export class WordInterner {
  private readonly ids = new Map<string, number>();
  /** Starts at 1 so that a stamp of 0 (a fresh typed array) never matches. */
  epoch = 1;

  constructor(readonly limit: number) {}

  /** Writes the ids of words[from, to) to out[at, at + to - from). */
  intern(words: readonly string[], from: number, to: number, out: Int32Array, at = 0): void {
    const ids = this.ids;
    if (ids.size + (to - from) > this.limit) {
      // Words follow Zipf's law, so a bounded table that is simply reset when full keeps hit rates high.
      ids.clear();
      this.epoch++;
    }
    for (let i = from; i < to; i++) {
      const w = words[i]!;
      let id = ids.get(w);
      if (id === undefined) {
        id = ids.size;
        ids.set(w, id);
      }
      out[at + i - from] = id;
    }
  }
}

/** The interner POS and NER share (one per thread: each worker thread loads its own modules). */
export const wordInterner = new WordInterner(100_000);

const tokenIdCache = new WeakMap<readonly string[], { ids: Int32Array; epoch: number }>();

/**
 * Word ids (from `wordInterner`) of a Doc's tokens, one per token of tokenTexts(doc), interned once
 * per document and shared by POS and NER; interned again if the interner was reset in between.
 */
export function tokenWordIds(doc: { readonly text: string; readonly tokens: readonly Token[] }): Int32Array {
  const words = tokenTexts(doc);
  const hit = tokenIdCache.get(words);
  if (hit && hit.epoch === wordInterner.epoch) return hit.ids;
  const ids = new Int32Array(words.length);
  wordInterner.intern(words, 0, words.length, ids);
  tokenIdCache.set(words, { ids, epoch: wordInterner.epoch });
  return ids;
}
