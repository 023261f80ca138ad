/**
 * Word clusters for the recogniser, learned from unlabelled text at training time and stored in the
 * model: words that occur between the same neighbours fall into the same cluster ("Pirelli", "Fiat",
 * "Ericsson"), so a name never seen in the labelled data still shares weights with names that were.
 *
 * The clustering is the exchange algorithm (Kneser and Ney 1993; Martin, Liermann and Ney 1998) on a
 * two-sided context model: each token's class generates its left and its right neighbour, and words
 * are moved one at a time to the class that most raises the likelihood
 * sum over classes c and contexts x of N(c,x) log N(c,x) - sum over c of N(c) log N(c).
 * Words are keyed by `lowerHash` (lower case, digits folded), the key the features use.
 */
import { lowerHash } from './ner-features.js';

/** The clusters as stored: parallel arrays of word hashes (see lowerHash) and cluster ids (1..k). */
export interface WordClusters {
  words: number[];
  ids: number[];
}

/** Options of `learnClusters`. */
export interface ClusterOptions {
  /** Number of clusters. */
  k?: number;
  /** Words seen fewer times are left out (cluster 0, unknown). */
  minCount?: number;
  /** Neighbours that count as contexts: the most frequent words; the rest share one context. */
  contexts?: number;
  /** Passes over the vocabulary. */
  iterations?: number;
}

const xlogx = (x: number): number => (x > 0 ? x * Math.log(x) : 0);

/**
 * Learns word clusters from sentences (arrays of words). Deterministic: words are visited in a fixed
 * order (frequency, then hash) and ties go to the lowest cluster.
 */
export function learnClusters(sentences: Iterable<readonly string[]>, opts: ClusterOptions = {}): WordClusters {
  const K = opts.k ?? 256;
  const minCount = opts.minCount ?? 5;
  const C = opts.contexts ?? 5000;
  const iterations = opts.iterations ?? 6;
  // Sentences as hash arrays; word frequencies.
  const sents: Int32Array[] = [];
  const freq = new Map<number, number>();
  for (const s of sentences) {
    const a = Int32Array.from(s, (w) => lowerHash(w));
    sents.push(a);
    for (const h of a) freq.set(h, (freq.get(h) ?? 0) + 1);
  }
  const byFreq = [...freq.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  // Context ids: the C most frequent words, then "other", then the sentence boundary; right
  // contexts are offset by M/2.
  const ctxId = new Map<number, number>();
  for (let i = 0; i < Math.min(C, byFreq.length); i++) ctxId.set(byFreq[i]![0], i);
  const OTHER = C;
  const BOUND = C + 1;
  const half = C + 2;
  const M = 2 * half;
  const vocab = byFreq.filter(([, n]) => n >= minCount).map(([h]) => h);
  const V = vocab.length;
  const wid = new Map<number, number>();
  vocab.forEach((h, i) => wid.set(h, i));
  // Sparse context counts per word.
  const rows: Map<number, number>[] = Array.from({ length: V }, () => new Map());
  for (const a of sents) {
    for (let i = 0; i < a.length; i++) {
      const v = wid.get(a[i]!);
      if (v === undefined) continue;
      const l = i === 0 ? BOUND : (ctxId.get(a[i - 1]!) ?? OTHER);
      const r = half + (i + 1 === a.length ? BOUND : (ctxId.get(a[i + 1]!) ?? OTHER));
      const row = rows[v]!;
      row.set(l, (row.get(l) ?? 0) + 1);
      row.set(r, (row.get(r) ?? 0) + 1);
    }
  }
  const ctxStart = new Int32Array(V + 1);
  for (let v = 0; v < V; v++) ctxStart[v + 1] = ctxStart[v]! + rows[v]!.size;
  const ctxIdx = new Int32Array(ctxStart[V]!);
  const ctxCnt = new Float64Array(ctxStart[V]!);
  const total = new Float64Array(V);
  for (let v = 0; v < V; v++) {
    const entries = [...rows[v]!.entries()].sort((x, y) => x[0] - y[0]);
    let o = ctxStart[v]!;
    for (const [c, n] of entries) {
      ctxIdx[o] = c;
      ctxCnt[o++] = n;
      total[v]! += n;
    }
  }
  rows.length = 0;
  // Initial classes by frequency rank; class-context and class totals.
  const cls = new Int32Array(V);
  const N = new Float64Array(K * M);
  const T = new Float64Array(K);
  const move = (v: number, c: number, sign: number): void => {
    const base = c * M;
    for (let o = ctxStart[v]!; o < ctxStart[v + 1]!; o++) N[base + ctxIdx[o]!]! += sign * ctxCnt[o]!;
    T[c]! += sign * total[v]!;
  };
  for (let v = 0; v < V; v++) {
    cls[v] = v % K;
    move(v, v % K, 1);
  }
  const gain = new Float64Array(K);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let v = 0; v < V; v++) {
      const a = cls[v]!;
      move(v, a, -1);
      const s = ctxStart[v]!;
      const e = ctxStart[v + 1]!;
      const t = total[v]!;
      for (let c = 0; c < K; c++) {
        const base = c * M;
        let g = 0;
        for (let o = s; o < e; o++) {
          const n = N[base + ctxIdx[o]!]!;
          g += xlogx(n + ctxCnt[o]!) - xlogx(n);
        }
        gain[c] = g - (xlogx(T[c]! + t) - xlogx(T[c]!));
      }
      let best = a;
      for (let c = 0; c < K; c++) if (gain[c]! > gain[best]! + 1e-9) best = c;
      cls[v] = best;
      move(v, best, 1);
      if (best !== a) moved++;
    }
    if (moved === 0) break;
  }
  const order = vocab.map((h, i) => [h, cls[i]! + 1] as const).sort((x, y) => x[0] - y[0]);
  return { words: order.map((x) => x[0]), ids: order.map((x) => x[1]) };
}

/** Makes the lookup map (word hash -> cluster id) of stored clusters. */
export function clusterMap(c: WordClusters | undefined): Map<number, number> {
  const m = new Map<number, number>();
  if (!c) return m;
  for (let i = 0; i < c.words.length; i++) m.set(c.words[i]!, c.ids[i]!);
  return m;
}
