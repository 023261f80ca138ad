/*
 * Feature keys of the part-of-speech tagger, shared by the trainer (scripts/train-pos.ts) and the tagger
 * (src/text/pos.ts) so both compute exactly the same numbers. A feature is never a string: it is a
 * 32-bit key mixed from a template number and a hash of the value, so the tagger computes each word's
 * keys once (and caches them) and combines neighbours' hashes with a few multiplications.
 */

/** Feature templates. Numbers are part of the model format: never renumber, only add. */
export const T = {
  BIAS: 0,
  WORD: 1,
  LOWER: 2,
  SUF1: 3,
  SUF2: 4,
  SUF3: 5,
  PRE1: 6,
  SHAPE: 7,
  SHAPE_FIRST: 8,
  P1W: 9,
  P2W: 10,
  N1W: 11,
  N2W: 12,
  P1SUF3: 13,
  N1SUF3: 14,
  T1: 15,
  T2: 16,
  T1T2: 17,
  T1W: 18,
  N1SHAPE: 19,
  PRE3: 20,
  SUF4: 21,
  P1W_W: 22,
  N1W_W: 23,
} as const;

/** Version of the feature set; a model trained with another version is refused. */
export const FEATURE_VERSION = 2;

/** FNV-1a over UTF-16 code units. */
export function hashStr(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes a template number and a value hash into a non-zero 32-bit key (murmur3 finaliser). */
export function key(template: number, v: number): number {
  let h = (v ^ Math.imul(template + 1, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}

/** Combines two hashes into one (for pair features). */
export function pair(a: number, b: number): number {
  return (Math.imul(a ^ (b >>> 15), 0x2c1b3c6d) ^ Math.imul(b, 0x297a2d39)) >>> 0;
}

/**
 * Maps typographic forms to the ASCII forms of the training corpora (Reuters and GMB write ' " -- ...),
 * so "Sheinbaum’s" tags like "Sheinbaum's".
 */
export function normWord(w: string): string {
  if (w.length === 1) {
    const c = w.charCodeAt(0);
    if (c === 0x2019 || c === 0x2018 || c === 0x60) return "'";
    if (c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb || c === 0x201e) return '"';
    if (c === 0x2014 || c === 0x2013) return '--';
    if (c === 0x2026) return '...';
    return w;
  }
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === 0x2019 || c === 0x2018 || c === 0x2014 || c === 0x2013 || c === 0x201c || c === 0x201d) {
      return w.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2013\u2014]/g, '--');
    }
  }
  return w;
}

/** Word shape with runs collapsed: "Sheinbaum" -> "Xx", "U.S." -> "X.X.", "1,000" -> "d,d". */
export function shape(w: string): string {
  let out = '';
  let last = -1;
  for (let i = 0; i < w.length && out.length < 8; i++) {
    const c = w.charCodeAt(i);
    let k: number;
    if (c >= 65 && c <= 90) k = 88; // X
    else if (c >= 97 && c <= 122) k = 120; // x
    else if (c >= 48 && c <= 57) k = 100; // d
    else if (c > 127) {
      const s = String.fromCharCode(c);
      k = s !== s.toLowerCase() ? 88 : s !== s.toUpperCase() ? 120 : c;
    } else k = c;
    if (k !== last) out += String.fromCharCode(k);
    last = k;
  }
  return out;
}

/** The hashes of one word type that every feature of, or next to, that word is made from. */
export interface WordKeys {
  /** Keys of the features of the word itself (WORD, LOWER, SUF1-4, PRE1, PRE3, SHAPE). */
  self: number[];
  /** SHAPE_FIRST keys: [not first in sentence, first in sentence]. */
  shapeFirst: [number, number];
  lowerH: number;
  suf3H: number;
  shapeH: number;
}

/** Computes the hashes of a (normalised) word. */
export function wordKeys(w: string): WordKeys {
  const lw = w.toLowerCase();
  const n = lw.length;
  const lowerH = hashStr(lw);
  const suf3H = hashStr(n > 3 ? lw.slice(n - 3) : lw);
  const sh = shape(w);
  const shapeH = hashStr(sh);
  const self = [
    key(T.WORD, hashStr(w)),
    key(T.LOWER, lowerH),
    key(T.SUF1, hashStr(lw.slice(Math.max(0, n - 1)))),
    key(T.SUF2, hashStr(lw.slice(Math.max(0, n - 2)))),
    key(T.SUF3, suf3H),
    key(T.PRE1, hashStr(w.slice(0, 1))),
    key(T.PRE3, hashStr(lw.slice(0, 3))),
    key(T.SHAPE, shapeH),
    key(T.SUF4, hashStr(lw.slice(Math.max(0, n - 4)))),
  ];
  return { self, shapeFirst: [key(T.SHAPE_FIRST, pair(shapeH, 1)), key(T.SHAPE_FIRST, pair(shapeH, 2))], lowerH, suf3H, shapeH };
}

/** Padding words before and after a sentence. */
export const PAD_P1 = wordKeys('<s>');
export const PAD_P2 = wordKeys('<s2>');
export const PAD_N1 = wordKeys('</s>');
export const PAD_N2 = wordKeys('</s2>');

/** The T1W key: previous tag together with the current word. */
export function t1wKey(t1: number, lowerH: number): number {
  return key(T.T1W, pair(lowerH, t1 + 7));
}

/** The T1T2 key: the two previous tags. */
export function t1t2Key(t1: number, t2: number): number {
  return key(T.T1T2, pair(t1 + 3, t2 + 11));
}

/** Context keys of position i given the words' hashes (prev/next words, suffixes, shape). */
export function contextKeys(ks: readonly WordKeys[], i: number, out: number[]): void {
  const p1 = i >= 1 ? ks[i - 1]! : PAD_P1;
  const p2 = i >= 2 ? ks[i - 2]! : i === 1 ? PAD_P1 : PAD_P2;
  const n1 = i + 1 < ks.length ? ks[i + 1]! : PAD_N1;
  const n2 = i + 2 < ks.length ? ks[i + 2]! : i + 1 < ks.length ? PAD_N1 : PAD_N2;
  out.push(
    key(T.P1W, p1.lowerH),
    key(T.P2W, p2.lowerH),
    key(T.N1W, n1.lowerH),
    key(T.N2W, n2.lowerH),
    key(T.P1SUF3, p1.suf3H),
    key(T.N1SUF3, n1.suf3H),
    key(T.N1SHAPE, n1.shapeH),
    p1wKey(p1.lowerH, ks[i]!.lowerH),
    n1wKey(n1.lowerH, ks[i]!.lowerH),
  );
}

/** The P1W_W key: the previous word together with the current one. */
export function p1wKey(prevLowerH: number, lowerH: number): number {
  return key(T.P1W_W, pair(prevLowerH, lowerH));
}

/** The N1W_W key: the next word together with the current one. */
export function n1wKey(nextLowerH: number, lowerH: number): number {
  return key(T.N1W_W, pair(nextLowerH, lowerH));
}

/** Tag index used for "before the sentence" (t-1 at position 0). */
export const START1 = -1;
/** Tag index used for t-2 at positions 0 and 1. */
export const START2 = -2;

/** The T1 key: the previous tag (or START1). */
export function t1Key(t1: number): number {
  return key(T.T1, t1 + 3);
}

/** The T2 key: the tag before the previous one (or START1/START2). */
export function t2Key(t2: number): number {
  return key(T.T2, t2 + 3);
}

/** The bias key, present at every position. */
export const BIAS_KEY = key(T.BIAS, 0);
