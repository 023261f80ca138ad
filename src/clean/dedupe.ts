import { jaccard, normalizeForCompare, shingles } from './normalize.js';

/** Near-duplicate threshold on word 3-shingle Jaccard similarity (for blocks of at least 8 words). */
export const NEAR_DUPLICATE_JACCARD = 0.85;

export type DuplicateVerdict = { kind: 'exact' | 'near'; of: number; similarity: number } | null;

/**
 * Remembers the blocks kept so far and says whether a new one repeats one of them, exactly (after
 * normalisation) or nearly. Candidates come from an inverted index of shingles, so an article with
 * thousands of blocks is not compared pairwise.
 */
export class DuplicateIndex {
  private readonly exact = new Map<string, number>();
  private readonly byShingle = new Map<string, number[]>();
  private readonly sets: Set<string>[] = [];
  private readonly numbers: string[] = [];

  /** Checks `text` against the kept blocks; does not add it. */
  check(text: string): DuplicateVerdict {
    const norm = normalizeForCompare(text);
    const hit = this.exact.get(norm);
    if (hit !== undefined) return { kind: 'exact', of: hit, similarity: 1 };
    const sh = shingles(norm);
    if (sh.size < 6) return null;
    const counts = new Map<number, number>();
    for (const s of sh) {
      const ids = this.byShingle.get(s);
      if (!ids) continue;
      for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    let best: DuplicateVerdict = null;
    for (const [id, shared] of counts) {
      // Jaccard can only reach the threshold if enough shingles are shared; skip the rest cheaply.
      if (shared < NEAR_DUPLICATE_JACCARD * sh.size * 0.5) continue;
      const other = this.sets[id];
      if (!other) continue;
      // Paragraphs that differ in a number ("item 22222" vs "item 33333", "5 killed" vs "50 killed")
      // say different things, however similar their words.
      if (this.numbers[id] !== numberKey(norm)) continue;
      const sim = jaccard(sh, other);
      if (sim >= NEAR_DUPLICATE_JACCARD && (!best || sim > best.similarity)) best = { kind: 'near', of: id, similarity: sim };
    }
    return best;
  }

  /** Adds a kept block under the id the caller gives it. */
  add(id: number, text: string): void {
    const norm = normalizeForCompare(text);
    if (!this.exact.has(norm)) this.exact.set(norm, id);
    const sh = shingles(norm);
    this.sets[id] = sh;
    this.numbers[id] = numberKey(norm);
    for (const s of sh) {
      const ids = this.byShingle.get(s);
      if (ids) ids.push(id);
      else this.byShingle.set(s, [id]);
    }
  }
}

/** The numbers a text contains, in order: near duplicates must agree on them. */
function numberKey(norm: string): string {
  return (norm.match(/\d+(?:[.,]\d+)*/g) ?? []).join(' ');
}
