/**
 * Normalisation used to recognise the same paragraph written twice: case, whitespace, quote and dash
 * styles and invisible characters do not make two paragraphs different.
 */

const QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const DQUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** The comparison key of a paragraph: NFKC, lower case, one quote and dash style, single spaces. */
export function normalizeForCompare(s: string): string {
  return s
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(QUOTES, "'")
    .replace(DQUOTES, '"')
    .replace(DASHES, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Word 3-shingles of a normalised string, for near-duplicate detection. */
export function shingles(norm: string, n = 3): Set<string> {
  const words = norm.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const out = new Set<string>();
  if (words.length < n) {
    if (words.length > 0) out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return out;
}

/** Jaccard similarity of two sets. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (big.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}
