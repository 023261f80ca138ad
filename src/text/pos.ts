import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Component } from '../pipeline/component.js';
import type { Doc, Token } from '../doc/types.js';
import { NgError } from '../errors.js';
import { tokenTexts, tokenWordIds, wordInterner } from '../doc/spans.js';
import {
  BIAS_KEY,
  FEATURE_VERSION,
  PAD_N1,
  PAD_N2,
  PAD_P1,
  PAD_P2,
  START1,
  START2,
  T,
  key,
  n1wKey,
  normWord,
  p1wKey,
  t1Key,
  t1t2Key,
  t1wKey,
  t2Key,
  wordKeys,
  type WordKeys,
} from './pos-features.js';

/*
 * Greedy averaged-perceptron part-of-speech tagger (Collins 2002; the feature set follows Honnibal's
 * "A good POS tagger in about 200 lines"), trained by scripts/train-pos.ts.
 *
 * Speed: a word's own features and its features as a neighbour are looked up once per word type and
 * cached; per token only the tag-history features need a table lookup. Weights are stored sparse
 * (feature -> the few tags it has a weight for), so scoring touches only non-zero weights.
 */

/** A trained model in memory. */
export interface PosModel {
  tags: string[];
  /** Feature keys, one per row. */
  keys: Uint32Array;
  /** Row r's weights are at [offsets[r], offsets[r + 1]). */
  offsets: Uint32Array;
  tagIdx: Uint8Array;
  weights: Float32Array;
  /** Frequent unambiguous words and their tag index (tagged without scoring). */
  tagdict: Map<string, number>;
  /** Free-form facts about training, kept in the file for people. */
  info: Record<string, unknown>;
}

const MAGIC = 'NGPOS001';

/** Serialises a model: gzip of magic, header JSON, keys, offsets, int16 weights, tag indices. */
export function encodeModel(m: PosModel): Buffer {
  let maxAbs = 0;
  for (const w of m.weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const header = Buffer.from(
    JSON.stringify({
      featureVersion: FEATURE_VERSION,
      tags: m.tags,
      tagdict: Object.fromEntries(m.tagdict),
      rows: m.keys.length,
      nonzeros: m.weights.length,
      scale,
      info: m.info,
    }),
    'utf8',
  );
  const pad = (n: number): number => (4 - (n % 4)) % 4;
  const headLen = 8 + 4 + header.length;
  const parts: Buffer[] = [Buffer.from(MAGIC, 'latin1'), u32(header.length), header, Buffer.alloc(pad(headLen))];
  parts.push(Buffer.from(m.keys.buffer, m.keys.byteOffset, m.keys.byteLength));
  parts.push(Buffer.from(m.offsets.buffer, m.offsets.byteOffset, m.offsets.byteLength));
  const q = new Int16Array(m.weights.length);
  for (let i = 0; i < q.length; i++) q[i] = Math.round(m.weights[i]! / scale);
  parts.push(Buffer.from(q.buffer));
  parts.push(Buffer.from(m.tagIdx.buffer, m.tagIdx.byteOffset, m.tagIdx.byteLength));
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

/** Reads a model written by encodeModel. */
export function decodeModel(gz: Buffer, source = 'model'): PosModel {
  const buf = gunzipSync(gz);
  if (buf.toString('latin1', 0, 8) !== MAGIC) throw new NgError('NG_E021', `${source} is not a newsgraph POS model (bad magic)`);
  const hlen = buf.readUInt32LE(8);
  const h = JSON.parse(buf.toString('utf8', 12, 12 + hlen)) as {
    featureVersion: number;
    tags: string[];
    tagdict: Record<string, number>;
    rows: number;
    nonzeros: number;
    scale: number;
    info: Record<string, unknown>;
  };
  if (h.featureVersion !== FEATURE_VERSION) {
    throw new NgError('NG_E021', `${source} uses feature version ${h.featureVersion}, this code expects ${FEATURE_VERSION}; retrain with npm run train -- pos`);
  }
  let off = 12 + hlen;
  off += (4 - (off % 4)) % 4;
  // Copy into fresh, aligned arrays: the gunzip buffer may come from a shared pool.
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  const keys = new Uint32Array(ab, off, h.rows);
  off += 4 * h.rows;
  const offsets = new Uint32Array(ab, off, h.rows + 1);
  off += 4 * (h.rows + 1);
  const q = new Int16Array(ab, off, h.nonzeros);
  off += 2 * h.nonzeros;
  const tagIdx = new Uint8Array(ab, off, h.nonzeros);
  const weights = new Float32Array(h.nonzeros);
  for (let i = 0; i < q.length; i++) weights[i] = q[i]! * h.scale;
  return { tags: h.tags, keys, offsets, tagIdx, weights, tagdict: new Map(Object.entries(h.tagdict)), info: h.info };
}

/*
 * Per word type, kept in two slabs (struct of arrays, one id per word type): `base`, the bias plus the
 * weights of the word's own features summed once (nt integers), and FIELDS integers: the model rows of
 * its shape-first feature (not first / first in the sentence) and of its features as a neighbour, its
 * lower-form hash and its fixed tag (-1: scored). Ids 0-3 are the sentence pads.
 */
const F_FIRST0 = 0;
const F_FIRST1 = 1;
const F_P1 = 2;
const F_P2 = 3;
const F_N1 = 4;
const F_N2 = 5;
const F_P1SUF = 6;
const F_N1SUF = 7;
const F_N1SHAPE = 8;
const F_LOWER = 9;
const F_FIXED = 10;
const FIELDS = 11;
const PADS = 4;
const ID_P1 = 0;
const ID_P2 = 1;
const ID_N1 = 2;
const ID_N2 = 3;


/** A loaded tagger. Create once (loading and indexing the model) and share; tagging is pure. */
export class PosTagger {
  readonly tags: readonly string[];
  private readonly m: PosModel;
  private readonly slotKey: Uint32Array;
  private readonly slotRow: Int32Array;
  private readonly mask: number;
  /**
   * Slab entry PADS + id holds the word with id `id` in the shared wordInterner (one Map lookup per
   * token for POS and NER together), valid while stamp[id] equals the interner's epoch.
   */
  private base: Int32Array;
  private fields: Int32Array;
  private stamp: Int32Array;
  /** Slab indices of the sentence being tagged, and its tags (reused, grown as needed). */
  private slabIds = new Int32Array(256);
  private tagBuf = new Uint8Array(256);
  /** Summed weights of the tag-history features (T1, T2, T1T2) for each (t1, t2), nt integers each. */
  private readonly history: Int32Array;
  private readonly scores: Int32Array;
  private readonly rowBuf = new Int32Array(32);
  /**
   * The weights as the file stores them, 16-bit integers (one common scale, which argmax ignores),
   * packed with their tag: (weight << 8) | tag, row after row. A row is referred to by
   * (start << 6) | count, so scoring a row reads one stretch of one array.
   */
  private readonly ent: Int32Array;

  constructor(model: PosModel) {
    this.m = model;
    this.tags = model.tags;
    const n = model.keys.length;
    let size = 1;
    while (size < n * 2) size <<= 1;
    this.mask = size - 1;
    this.slotKey = new Uint32Array(size);
    this.slotRow = new Int32Array(size).fill(-1);
    const nt = model.tags.length;
    if (nt > 63 || model.weights.length >= 1 << 25) throw new NgError('NG_E021', `POS model too large for the packed tables (${nt} tags, ${model.weights.length} weights)`);
    for (let r = 0; r < n; r++) {
      const k = model.keys[r]!;
      let s = k & this.mask;
      while (this.slotKey[s] !== 0) s = (s + 1) & this.mask;
      this.slotKey[s] = k;
      this.slotRow[s] = (model.offsets[r]! << 6) | (model.offsets[r + 1]! - model.offsets[r]!);
    }
    // The quantisation encodeModel applies (exact for a model read from a file).
    let maxAbs = 0;
    for (const w of model.weights) maxAbs = Math.max(maxAbs, Math.abs(w));
    const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
    this.ent = new Int32Array(model.weights.length);
    for (let j = 0; j < model.weights.length; j++) this.ent[j] = (Math.round(model.weights[j]! / scale) << 8) | model.tagIdx[j]!;
    // Tag-history rows, indexed by tag + 2 so START2 (-2) and START1 (-1) fit.
    // Tag-history weights depend only on (t1, t2), indexed by tag + 2 so START2 (-2) and START1 (-1)
    // fit: summing them once here saves three sparse rows per token.
    this.history = new Int32Array((nt + 2) * (nt + 2) * nt);
    for (let a = -2; a < nt; a++) {
      for (let b = -2; b < nt; b++) {
        const h = ((a + 2) * (nt + 2) + b + 2) * nt;
        for (const r of [this.row(t1Key(a)), this.row(t2Key(b)), this.row(t1t2Key(a, b))]) this.addRow(this.history, h, r);
      }
    }
    const cap = wordInterner.limit;
    this.base = new Int32Array((cap + PADS) * nt);
    this.fields = new Int32Array((cap + PADS) * FIELDS);
    this.stamp = new Int32Array(cap);
    [PAD_P1, PAD_P2, PAD_N1, PAD_N2].forEach((k, id) => this.fill(id, k, -1));
    this.scores = new Int32Array(nt);
  }

  /** Adds a row's weights (r as `row` returns it) to out[at + tag]. */
  private addRow(out: Int32Array, at: number, r: number): void {
    if (r < 0) return;
    const ent = this.ent;
    for (let j = r >>> 6, e = j + (r & 63); j < e; j++) {
      const x = ent[j]!;
      out[at + (x & 255)]! += x >> 8;
    }
  }

  /** The model row of a feature key as (start << 6) | count in the packed weights, -1 when the model has no weights for it. */
  private row(k: number): number {
    let s = k & this.mask;
    for (;;) {
      const x = this.slotKey[s]!;
      if (x === k) return this.slotRow[s]!;
      if (x === 0) return -1;
      s = (s + 1) & this.mask;
    }
  }

  /** Fills slab entry `id` for a word type. */
  private fill(id: number, k: WordKeys, fixed: number): void {
    const nt = this.tags.length;
    const base = this.base;
    base.fill(0, id * nt, (id + 1) * nt);
    for (const f of [BIAS_KEY, ...k.self]) this.addRow(base, id * nt, this.row(f));
    const o = id * FIELDS;
    const fl = this.fields;
    fl[o + F_FIRST0] = this.row(k.shapeFirst[0]);
    fl[o + F_FIRST1] = this.row(k.shapeFirst[1]);
    fl[o + F_P1] = this.row(key(T.P1W, k.lowerH));
    fl[o + F_P2] = this.row(key(T.P2W, k.lowerH));
    fl[o + F_N1] = this.row(key(T.N1W, k.lowerH));
    fl[o + F_N2] = this.row(key(T.N2W, k.lowerH));
    fl[o + F_P1SUF] = this.row(key(T.P1SUF3, k.suf3H));
    fl[o + F_N1SUF] = this.row(key(T.N1SUF3, k.suf3H));
    fl[o + F_N1SHAPE] = this.row(key(T.N1SHAPE, k.shapeH));
    fl[o + F_LOWER] = k.lowerH;
    fl[o + F_FIXED] = fixed;
  }

  /**
   * Typographic double quotes and the opening single quote say which side they are on; the corpora's
   * ASCII quotes did not, so their tag is fixed here instead of guessed from context.
   */
  private directional(word: string): number | undefined {
    if (word.length !== 1) return undefined;
    const c = word.charCodeAt(0);
    const tag = c === 0x201c || c === 0x2018 || c === 0xab ? '``' : c === 0x201d || c === 0xbb ? "''" : null;
    if (tag === null) return undefined;
    const i = this.tags.indexOf(tag);
    return i >= 0 ? i : undefined;
  }

  /** Grows the per-word slabs to hold interner ids below `n` (a huge input may go past the limit). */
  private grow(n: number): void {
    const nt = this.tags.length;
    let cap = this.stamp.length;
    while (cap < n) cap *= 2;
    const base = new Int32Array((cap + PADS) * nt);
    base.set(this.base);
    this.base = base;
    const fields = new Int32Array((cap + PADS) * FIELDS);
    fields.set(this.fields);
    this.fields = fields;
    const stamp = new Int32Array(cap);
    stamp.set(this.stamp);
    this.stamp = stamp;
  }

  /**
   * Slab indices of words[from, to) (their interner ids `wids[at...]`) into this.slabIds, filling the
   * slab entries of words not seen since the interner's last reset. Returns the buffer.
   */
  private slabOf(words: readonly string[], from: number, to: number, wids: Int32Array, at: number): Int32Array {
    const n = to - from;
    if (this.slabIds.length < n) this.slabIds = new Int32Array(Math.max(n, 2 * this.slabIds.length));
    const out = this.slabIds;
    const epoch = wordInterner.epoch;
    for (let i = 0; i < n; i++) {
      const id = wids[at + i]!;
      if (id >= this.stamp.length) this.grow(id + 1);
      if (this.stamp[id] !== epoch) {
        const word = words[from + i]!;
        const nw = normWord(word);
        this.fill(id + PADS, wordKeys(nw), this.directional(word) ?? this.m.tagdict.get(nw) ?? -1);
        this.stamp[id] = epoch;
      }
      out[i] = id + PADS;
    }
    return out;
  }

  /** Tags one sentence given as words; returns tag indices into `tags`. */
  tagIndices(words: readonly string[]): Uint8Array {
    const n = words.length;
    const wids = new Int32Array(n);
    wordInterner.intern(words, 0, n, wids);
    return this.tagIds(this.slabOf(words, 0, n, wids, 0), n).slice(0, n);
  }

  /** Tags the sentence whose slab indices are ids[0, n); the tags are in this.tagBuf[0, n) until the next call. */
  private tagIds(ids: Int32Array, n: number): Uint8Array {
    if (this.tagBuf.length < n) this.tagBuf = new Uint8Array(Math.max(n, 2 * this.tagBuf.length));
    const out = this.tagBuf;
    const nt = this.tags.length;
    const fl = this.fields;
    const baseSlab = this.base;
    const ent = this.ent;
    const sc = this.scores;
    const rows = this.rowBuf;
    const hist = this.history;
    let t1 = START1;
    let t2 = START2;
    for (let i = 0; i < n; i++) {
      const w = ids[i]! * FIELDS;
      let best = fl[w + F_FIXED]!;
      if (best < 0) {
        const p1 = (i >= 1 ? ids[i - 1]! : ID_P1) * FIELDS;
        const p2 = (i >= 2 ? ids[i - 2]! : i === 1 ? ID_P1 : ID_P2) * FIELDS;
        const n1 = (i + 1 < n ? ids[i + 1]! : ID_N1) * FIELDS;
        const n2 = (i + 2 < n ? ids[i + 2]! : i + 1 < n ? ID_N1 : ID_N2) * FIELDS;
        const lowerH = fl[w + F_LOWER]!;
        let m = 0;
        rows[m++] = fl[w + (i === 0 ? F_FIRST1 : F_FIRST0)]!;
        rows[m++] = fl[p1 + F_P1]!;
        rows[m++] = fl[p2 + F_P2]!;
        rows[m++] = fl[n1 + F_N1]!;
        rows[m++] = fl[n2 + F_N2]!;
        rows[m++] = fl[p1 + F_P1SUF]!;
        rows[m++] = fl[n1 + F_N1SUF]!;
        rows[m++] = fl[n1 + F_N1SHAPE]!;
        rows[m++] = this.row(t1wKey(t1, lowerH));
        rows[m++] = this.row(p1wKey(fl[p1 + F_LOWER]!, lowerH));
        rows[m++] = this.row(n1wKey(fl[n1 + F_LOWER]!, lowerH));
        const b = ids[i]! * nt;
        const h = ((t1 + 2) * (nt + 2) + t2 + 2) * nt;
        for (let t = 0; t < nt; t++) sc[t] = baseSlab[b + t]! + hist[h + t]!;
        for (let q = 0; q < m; q++) {
          const r = rows[q]!;
          if (r < 0) continue;
          for (let k = r >>> 6, e = k + (r & 63); k < e; k++) {
            const x = ent[k]!;
            sc[x & 255]! += x >> 8;
          }
        }
        best = 0;
        let bs = sc[0]!;
        for (let t = 1; t < nt; t++) {
          const v = sc[t]!;
          if (v > bs) {
            bs = v;
            best = t;
          }
        }
      }
      out[i] = best;
      t2 = t1;
      t1 = best;
    }
    return out;
  }

  /** Tags one sentence given as words; returns PTB tags. */
  tagWords(words: readonly string[]): string[] {
    return Array.from(this.tagIndices(words), (t) => this.tags[t]!);
  }

  /** Fills `pos` of tokens[from, to) (one sentence) from their text. */
  tagTokens(text: string, tokens: Token[], from: number, to: number, words?: readonly string[]): void {
    const ws = words ?? Array.from({ length: to }, (_, i) => (i >= from ? text.slice(tokens[i]!.start, tokens[i]!.end) : ''));
    const wids = new Int32Array(to - from);
    wordInterner.intern(ws, from, to, wids);
    this.tagRange(ws, wids, 0, tokens, from, to);
  }

  /** Tags tokens[from, to) whose words are words[from, to) and interner ids wids[at, at + to - from). */
  private tagRange(words: readonly string[], wids: Int32Array, at: number, tokens: Token[], from: number, to: number): void {
    const t = this.tagIds(this.slabOf(words, from, to, wids, at), to - from);
    for (let i = from; i < to; i++) tokens[i]!.pos = this.tags[t[i - from]!]!;
  }

  /** Tags every sentence of a Doc (doc.tokens must already be cut inside doc.sentences). */
  tagDoc(doc: Doc): void {
    const toks = doc.tokens;
    const words = tokenTexts(doc);
    // Interned once per document, and shared with NER (see tokenWordIds).
    const wids = tokenWordIds(doc);
    let k = 0;
    for (const s of doc.sentences) {
      while (k < toks.length && toks[k]!.start < s.start) {
        // A token outside every sentence (should not happen): tag it alone.
        this.tagRange(words, wids, k, toks, k, k + 1);
        k++;
      }
      const a = k;
      while (k < toks.length && toks[k]!.end <= s.end) k++;
      if (k > a) this.tagRange(words, wids, a, toks, a, k);
    }
    if (k < toks.length) this.tagRange(words, wids, k, toks, k, toks.length);
  }
}

/** Where the shipped model lives (from src/text in development, from dist/src/text once built). */
export const DEFAULT_POS_MODEL = ((): string => {
  const dev = fileURLToPath(new URL('../../models/pos.bin.gz', import.meta.url));
  const built = fileURLToPath(new URL('../../../models/pos.bin.gz', import.meta.url));
  return existsSync(dev) || !existsSync(built) ? dev : built;
})();

let shared: PosTagger | null = null;

/** Loads the shipped tagger once per process (later calls return the same instance). */
export function loadPosTagger(path: string = DEFAULT_POS_MODEL): PosTagger {
  if (path === DEFAULT_POS_MODEL && shared) return shared;
  if (!existsSync(path)) {
    throw new NgError('NG_E021', `POS model not found at ${path}; train it with: npm run train -- pos`);
  }
  const t = new PosTagger(decodeModel(readFileSync(path), path));
  if (path === DEFAULT_POS_MODEL) shared = t;
  return t;
}

/** The 'pos' component: requires tokens and sentences, assigns pos (PTB tags in Token.pos). */
export function posComponent(opts: { modelPath?: string } = {}): Component {
  const tagger = loadPosTagger(opts.modelPath ?? DEFAULT_POS_MODEL);
  return {
    name: 'pos',
    requires: ['tokens', 'sentences'],
    assigns: ['pos'],
    run: (doc) => tagger.tagDoc(doc),
  };
}
