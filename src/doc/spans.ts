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
