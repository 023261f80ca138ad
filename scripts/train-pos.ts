/**
 * Trains the averaged-perceptron POS tagger: `npm run train -- pos [--epochs 8] [--min-count 1]
 * [--prune 0.1] [--seed 1] [--out models/pos.bin.gz]`.
 *
 * Data (read in place): the POS columns of CoNLL-2003 eng.train and GMB train.tsv (../shared/data).
 * Deterministic: sentence order is shuffled each epoch by a seeded PRNG, and every step is otherwise
 * fixed, so the same data and flags give the same model file. Dev sets are only read by eval/pos.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CORPORA, readConll, readGmb } from './pos-corpus.js';
import {
  BIAS_KEY,
  FEATURE_VERSION,
  START1,
  START2,
  contextKeys,
  normWord,
  t1Key,
  t1t2Key,
  t1wKey,
  t2Key,
  wordKeys,
  type WordKeys,
} from '../src/text/pos-features.js';
import { encodeModel, type PosModel } from '../src/text/pos.js';
import { mulberry32 } from '../src/util/random.js';

function flag(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : dflt;
}

const EPOCHS = Number(flag('epochs', '8'));
const MIN_COUNT = Number(flag('min-count', '1'));
const PRUNE = Number(flag('prune', '0.1'));
const SEED = Number(flag('seed', '1'));
const OUT = flag('out', 'models/pos.bin.gz');
// Words seen at least this often with one tag at least this share of the time are tagged by lookup.
const DICT_MIN = 20;
const DICT_SHARE = 0.97;

const t0 = Date.now();
const log = (m: string): void => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

const sents = [...readConll(CORPORA.conllTrain), ...readGmb(CORPORA.gmbTrain)];
const tags = [...new Set(sents.flatMap((s) => s.tags))].sort();
if (tags.length > 255) throw new Error(`too many tags (${tags.length}) for a byte index`);
const tagIx = new Map(tags.map((t, i) => [t, i]));
const NT = tags.length;
let nTok = 0;
for (const s of sents) nTok += s.words.length;
log(`read ${sents.length} sentences, ${nTok} tokens, ${NT} tags`);

// Tag dictionary.
const wordTagCounts = new Map<string, Map<number, number>>();
for (const s of sents) {
  s.words.forEach((w0, i) => {
    const w = normWord(w0);
    let m = wordTagCounts.get(w);
    if (!m) wordTagCounts.set(w, (m = new Map()));
    const t = tagIx.get(s.tags[i]!)!;
    m.set(t, (m.get(t) ?? 0) + 1);
  });
}
const tagdict = new Map<string, number>();
for (const [w, m] of wordTagCounts) {
  let n = 0;
  let best = -1;
  let bestN = 0;
  for (const [t, c] of m) {
    n += c;
    if (c > bestN) [best, bestN] = [t, c];
  }
  if (n >= DICT_MIN && bestN / n >= DICT_SHARE) tagdict.set(w, best);
}
log(`tag dictionary: ${tagdict.size} words`);

// Static feature keys per token (everything but the tag history), computed once.
// 9 own-word keys, SHAPE_FIRST, 9 context keys, bias.
const NS = 20;
const staticKeys = new Uint32Array(nTok * NS);
const gold = new Uint8Array(nTok);
const fixed = new Int16Array(nTok).fill(-1);
const lowerH = new Uint32Array(nTok);
const sentStart = new Int32Array(sents.length + 1);
{
  const wk = new Map<string, WordKeys>();
  const ctx: number[] = [];
  let tok = 0;
  sents.forEach((s, si) => {
    sentStart[si] = tok;
    const ks = s.words.map((w0) => {
      const w = normWord(w0);
      let k = wk.get(w);
      if (!k) wk.set(w, (k = wordKeys(w)));
      return k;
    });
    for (let i = 0; i < ks.length; i++, tok++) {
      const k = ks[i]!;
      let b = tok * NS;
      for (const f of k.self) staticKeys[b++] = f;
      staticKeys[b++] = k.shapeFirst[i === 0 ? 1 : 0];
      ctx.length = 0;
      contextKeys(ks, i, ctx);
      for (const f of ctx) staticKeys[b++] = f;
      staticKeys[b++] = BIAS_KEY;
      gold[tok] = tagIx.get(s.tags[i]!)!;
      fixed[tok] = tagdict.get(normWord(s.words[i]!)) ?? -1;
      lowerH[tok] = k.lowerH;
    }
  });
  sentStart[sents.length] = tok;
}
log('feature keys computed');

// Feature selection: keep features seen at least MIN_COUNT times on tokens the dictionary does not tag.
const counts = new Map<number, number>();
const bump = (k: number): void => {
  counts.set(k, (counts.get(k) ?? 0) + 1);
};
for (let si = 0; si < sents.length; si++) {
  let t1 = START1;
  let t2 = START2;
  for (let tok = sentStart[si]!; tok < sentStart[si + 1]!; tok++) {
    if (fixed[tok]! < 0) {
      for (let j = tok * NS; j < tok * NS + NS; j++) bump(staticKeys[j]!);
      bump(t1wKey(t1, lowerH[tok]!));
    }
    t2 = t1;
    t1 = gold[tok]!;
  }
}
const rowOf = new Map<number, number>();
const rowKeys: number[] = [];
const addRow = (k: number): number => {
  let r = rowOf.get(k);
  if (r === undefined) {
    r = rowKeys.length;
    rowOf.set(k, r);
    rowKeys.push(k);
  }
  return r;
};
const t1Rows = new Int32Array(NT + 2);
const t2Rows = new Int32Array(NT + 2);
const t1t2Rows = new Int32Array((NT + 2) * (NT + 2));
for (let a = -2; a < NT; a++) {
  t1Rows[a + 2] = addRow(t1Key(a));
  t2Rows[a + 2] = addRow(t2Key(a));
  for (let b = -2; b < NT; b++) t1t2Rows[(a + 2) * (NT + 2) + b + 2] = addRow(t1t2Key(a, b));
}
for (const [k, c] of counts) if (c >= MIN_COUNT) addRow(k);
counts.clear();
const R = rowKeys.length;
const staticRows = new Int32Array(nTok * NS);
for (let j = 0; j < staticRows.length; j++) staticRows[j] = rowOf.get(staticKeys[j]!) ?? -1;
log(`${R} feature rows (min count ${MIN_COUNT}), ${((R * NT * 16) / 2 ** 20).toFixed(0)} MB of training weights`);

// Averaged perceptron with lazy averaging (each weight remembers when it last changed).
const W = new Float32Array(R * NT);
const TOT = new Float64Array(R * NT);
const TS = new Int32Array(R * NT);
const scores = new Float64Array(NT);
const rows = new Int32Array(NS + 4);
let clock = 0;
const upd = (r: number, t: number, v: number): void => {
  const ix = r * NT + t;
  TOT[ix]! += (clock - TS[ix]!) * W[ix]!;
  TS[ix] = clock;
  W[ix]! += v;
};
const order = Array.from({ length: sents.length }, (_, i) => i);
const rand = mulberry32(SEED);
for (let ep = 1; ep <= EPOCHS; ep++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  let correct = 0;
  for (const si of order) {
    let t1 = START1;
    let t2 = START2;
    for (let tok = sentStart[si]!; tok < sentStart[si + 1]!; tok++) {
      clock++;
      let guess = fixed[tok]!;
      const g = gold[tok]!;
      if (guess < 0) {
        let n = 0;
        for (let j = tok * NS; j < tok * NS + NS; j++) {
          const r = staticRows[j]!;
          if (r >= 0) rows[n++] = r;
        }
        rows[n++] = t1Rows[t1 + 2]!;
        rows[n++] = t2Rows[t2 + 2]!;
        rows[n++] = t1t2Rows[(t1 + 2) * (NT + 2) + t2 + 2]!;
        const rw = rowOf.get(t1wKey(t1, lowerH[tok]!));
        if (rw !== undefined) rows[n++] = rw;
        scores.fill(0);
        for (let q = 0; q < n; q++) {
          const b = rows[q]! * NT;
          for (let t = 0; t < NT; t++) scores[t]! += W[b + t]!;
        }
        guess = 0;
        for (let t = 1; t < NT; t++) if (scores[t]! > scores[guess]!) guess = t;
        if (guess !== g) {
          for (let q = 0; q < n; q++) {
            upd(rows[q]!, g, 1);
            upd(rows[q]!, guess, -1);
          }
        }
      }
      if (guess === g) correct++;
      t2 = t1;
      t1 = guess;
    }
  }
  log(`epoch ${ep}/${EPOCHS}: training accuracy ${((100 * correct) / nTok).toFixed(2)}%`);
}

// Average, prune small weights, and pack sparse rows.
const keepKeys: number[] = [];
const offsets: number[] = [0];
const tIdx: number[] = [];
const wts: number[] = [];
for (let r = 0; r < R; r++) {
  const start = tIdx.length;
  for (let t = 0; t < NT; t++) {
    const ix = r * NT + t;
    const avg = (TOT[ix]! + (clock - TS[ix]!) * W[ix]!) / clock;
    if (Math.abs(avg) >= PRUNE) {
      tIdx.push(t);
      wts.push(avg);
    }
  }
  if (tIdx.length > start) {
    keepKeys.push(rowKeys[r]!);
    offsets.push(tIdx.length);
  }
}
const model: PosModel = {
  tags,
  keys: Uint32Array.from(keepKeys),
  offsets: Uint32Array.from(offsets),
  tagIdx: Uint8Array.from(tIdx),
  weights: Float32Array.from(wts),
  tagdict,
  info: {
    trainedOn: ['conll2003/eng.train', 'gmb/train.tsv'],
    sentences: sents.length,
    tokens: nTok,
    epochs: EPOCHS,
    minCount: MIN_COUNT,
    prune: PRUNE,
    seed: SEED,
    featureVersion: FEATURE_VERSION,
  },
};
const bytes = encodeModel(model);
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, bytes);
log(`wrote ${OUT}: ${keepKeys.length} rows, ${wts.length} weights, ${(bytes.length / 1024).toFixed(0)} KiB`);
