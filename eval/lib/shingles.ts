/**
 * The article-extraction-benchmark metric (scrapinghub/article-extraction-benchmark, evaluate.py):
 * `\w+` tokens with case kept, 4-token shingles counted as a multiset, per-page TP/FP/FN, then
 * precision and recall averaged over pages and F1 taken from the two means.
 */

/** Per-page counts of shingles found in both (tp), only in the prediction (fp), only in the truth (fn). */
export interface ShingleCounts {
  tp: number;
  fp: number;
  fn: number;
}

// Python's re `\w` with re.UNICODE: letters, digits (any script), underscore, and combining marks.
const WORD = /[\p{L}\p{N}\p{M}_]+/gu;

/** The benchmark's tokens: every `\w+` run, case kept. */
export function wordTokens(text: string): string[] {
  return text.match(WORD) ?? [];
}

function shingles(text: string, n: number): Map<string, number> {
  const toks = wordTokens(text);
  // As upstream: a text shorter than n tokens yields one shorter shingle rather than none.
  const k = Math.min(toks.length, n);
  const out = new Map<string, number>();
  for (let i = 0; i + k <= toks.length && k > 0; i++) {
    const key = toks.slice(i, i + k).join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Shingle TP/FP/FN of one page. */
export function shingleCounts(truth: string, pred: string, n = 4): ShingleCounts {
  const t = shingles(truth, n);
  const p = shingles(pred, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, tc] of t) {
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fn += Math.max(0, tc - pc);
  }
  for (const [key, pc] of p) fp += Math.max(0, pc - (t.get(key) ?? 0));
  return { tp, fp, fn };
}

/** Upstream's edge cases: nothing expected and nothing predicted is a perfect page; nothing predicted scores 0. */
export function pagePrecision(c: ShingleCounts): number {
  if (c.fp === 0 && c.fn === 0) return 1;
  if (c.tp === 0 && c.fp === 0) return 0;
  return c.tp / (c.tp + c.fp);
}

/** Recall with the same edge cases as pagePrecision. */
export function pageRecall(c: ShingleCounts): number {
  if (c.fp === 0 && c.fn === 0) return 1;
  if (c.tp === 0 && c.fn === 0) return 0;
  return c.tp / (c.tp + c.fn);
}

/** Mean precision, mean recall over pages, and F1 of those two means. */
export function aggregate(pages: ShingleCounts[]): { precision: number; recall: number; f1: number; pages: number } {
  const n = pages.length || 1;
  const precision = pages.reduce((s, c) => s + pagePrecision(c), 0) / n;
  const recall = pages.reduce((s, c) => s + pageRecall(c), 0) / n;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, pages: pages.length };
}
