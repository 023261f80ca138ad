/**
 * The recogniser's model: a greedy left-to-right averaged-perceptron tagger over BIO tags with hashed
 * features (see ner-features.ts), plus the compact file format it is stored in. Training lives here too
 * (NerTrainer) so that training and tagging share one feature function and cannot drift apart.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { EntityType } from '../doc/types.js';
import { NgError } from '../errors.js';
import {
  ATOMS,
  A_CASELEX,
  A_CLASS,
  A_CLUSTER,
  A_CTX,
  A_DOCCASE,
  A_FORM,
  A_GAZ,
  A_LOWER,
  A_P1,
  A_RAWLOWER,
  A_S1,
  A_SHAPE,
  CLS_PUNCT,
  CLS_WORD,
  MODE_NORMAL,
  fmix,
  mix,
  modeSalt,
  newWordFacts,
  modeOfWordFacts,
  wordModeFacts,
  wordFacts,
} from './ner-features.js';
import { Gazetteer, type GazetteerEntry } from './ner-gazetteer.js';
import { caseMap, type CaseLexicon } from './ner-caselex.js';
import { clusterMap, type WordClusters } from './ner-clusters.js';
import { wordInterner } from '../doc/spans.js';

/** The word lists a model carries: place gazetteer, casing lexicon and word clusters. */
export interface NerLexicons {
  gazetteer: GazetteerEntry[];
  caseLexicon?: CaseLexicon;
  /** Word clusters learned from unlabelled text (feature version 3). */
  clusters?: WordClusters;
}

/** The entity types the recogniser emits, in tag order. */
export const NER_TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'MISC'];
/** Number of BIO tags: O, then B-type and I-type for each type. */
export const NUM_TAGS = 1 + 2 * NER_TYPES.length;

// decodeInt keeps one local variable per tag: it is written for exactly 13 tags.
if (NUM_TAGS !== 13) throw new Error(`decodeInt is unrolled for 13 tags, NER_TYPES gives ${NUM_TAGS}`);

/** Tag id of B-<type index>. */
export const bTag = (k: number): number => 1 + 2 * k;
/** Tag id of I-<type index>. */
export const iTag = (k: number): number => 2 + 2 * k;
/** Type index of a non-O tag. */
export const tagType = (t: number): number => (t - 1) >> 1;
/** Whether tag t is an I- tag. */
export const isInside = (t: number): boolean => t > 0 && (t & 1) === 0;

/** Pre-tokenised input: words and sentence boundaries (sentence k is words[bounds[k]..bounds[k+1])). */
export interface NerInput {
  words: readonly string[];
  /** Ascending token indices starting with 0 and ending with words.length. */
  bounds: readonly number[];
  /**
   * The words' ids in the shared wordInterner (doc/spans.ts), when the caller has them (tokenWordIds):
   * they must be current, i.e. interned since the interner's last reset. Interned here when absent.
   */
  ids?: Int32Array;
}

/** A recognised name as a token range [start, end) with its type index into NER_TYPES. */
export interface TokenSpan {
  start: number;
  end: number;
  type: number;
}

/** Bumped whenever features change: a model file from other features would tag garbage. */
export const NER_FEATURE_VERSION = 3;
const NF = 42; // static features per token
const WORD_FEATS = 12; // the first static features, which depend on the word and sentence mode alone
const WORD_CACHE = 1 << 15; // words whose summed word-feature scores are kept
const WORD_MASK = (WORD_CACHE << 1) - 1; // decodeInt's word table is at most half full
const ND = 6; // dynamic features per token (depend on earlier decisions)
// Static features that depend only on the token's own atoms (lower, shape, gazetteer, context,
// doc-case, case lexicon; the word cluster is a function of the lower form): decodeInt sums them
// once per distinct tuple.
const EXT_FEATS: readonly number[] = [22, 25, 26, 29, 30, 34, 35, 38, 39];
// The static features past the word-level ones that neither cache covers.
const REST_FEATS = Int8Array.from(Array.from({ length: NF - WORD_FEATS }, (_, j) => j + WORD_FEATS).filter((f) => !EXT_FEATS.includes(f)));
// Neighbour features that look at one neighbour alone: the left one's lower form, shape, gazetteer
// and form, and the same of the right one. decodeInt sums each group once per neighbour tuple.
const LEFT_FEATS: readonly number[] = [12, 16, 23, 31];
const RIGHT_FEATS: readonly number[] = [13, 17, 24, 32];
// Their template ids (computeFeats mixes feature f with id f + 1), in key order (lower, shape, gazetteer, form).
const LEFT_TEMPLATES: readonly number[] = LEFT_FEATS.map((f) => f + 1);
const RIGHT_TEMPLATES: readonly number[] = RIGHT_FEATS.map((f) => f + 1);
// The rest, read row by row for every token: word pairs, second neighbours, case-lexicon pairs.
const PAIR_FEATS = Int8Array.from(Array.from(REST_FEATS).filter((f) => !LEFT_FEATS.includes(f) && !RIGHT_FEATS.includes(f)));
const NB_MASK = (1 << 15) - 1;
const NB_FILL = ((NB_MASK + 1) * 3) >> 2;
const EXT_MASK = (1 << 16) - 1;
// Row stride of decodeInt's compact weight table (NUM_TAGS rounded up to a power of two).
const ROW = 16;
// Cleared at three quarters full so that probes stay short.
const EXT_FILL = ((EXT_MASK + 1) * 3) >> 2;
// Values the document-memory feature takes: 0, or a type index + 1.
const HIST = 1 + NER_TYPES.length;
const BOS = 0x0b05b05;
const EOS = 0x0e05e05;

/** Word-level atoms plus per-token static feature row offsets for one input. */
interface Prepared {
  n: number;
  atoms: Int32Array;
  feats: Int32Array;
}

const facts = newWordFacts();

// Per-word facts cache: a table of WF_SIZE integers per word (wordFacts' hashes and flags, the
// casing-lexicon level, sentenceMode's part and the word cluster), so frequent words skip the
// per-character hashing and two boxed-key lookups.
const WF_SIZE = 15;

/**
 * A model's cache of per-word facts (they depend on the word and the model's lexicons), indexed by the
 * word's id in the shared wordInterner, which POS has already looked up for the same tokens; an entry
 * is valid while its stamp equals the interner's epoch.
 */
class WordFactsCache {
  table = new Int32Array(wordInterner.limit * WF_SIZE);
  private stamp = new Int32Array(wordInterner.limit);

  constructor(
    private readonly caseLex: Map<number, number>,
    private readonly clusters: Map<number, number>,
  ) {}

  /** Slot offset in `table` of the facts of word w, whose interner id is `id`; computed on a miss. */
  get(w: string, id: number): number {
    const slot = id * WF_SIZE;
    if (id >= this.stamp.length) {
      // One input with more new words than the interner's limit: grow.
      let cap = this.stamp.length;
      while (cap <= id) cap *= 2;
      const stamp = new Int32Array(cap);
      stamp.set(this.stamp);
      this.stamp = stamp;
      const table = new Int32Array(cap * WF_SIZE);
      table.set(this.table);
      this.table = table;
    }
    if (this.stamp[id] !== wordInterner.epoch) {
      this.stamp[id] = wordInterner.epoch;
      wordFacts(w, facts);
      const t = this.table;
      t[slot] = facts.form;
      t[slot + 1] = facts.lower;
      t[slot + 2] = facts.shape;
      for (let j = 0; j < 4; j++) {
        t[slot + 3 + j] = facts.pre[j] ?? 0;
        t[slot + 7 + j] = facts.suf[j] ?? 0;
      }
      t[slot + 11] = (facts.initCap ? 1 : 0) | (facts.allCaps ? 2 : 0) | (facts.hasLower ? 4 : 0) | (facts.cls << 4);
      t[slot + 12] = facts.cls === CLS_WORD ? (this.caseLex.get(facts.lower) ?? 0) : 0;
      t[slot + 13] = wordModeFacts(w);
      t[slot + 14] = this.clusters.get(facts.lower) ?? 0;
    }
    return slot;
  }
}

/** Computes the atoms of every token of an input (document-level facts included). */
function computeAtoms(input: NerInput, gaz: Gazetteer, wf: WordFactsCache, scratch?: Int32Array): Int32Array {
  const { words, bounds } = input;
  const n = words.length;
  let ids = input.ids;
  if (!ids) {
    ids = new Int32Array(n);
    wordInterner.intern(words, 0, n, ids);
  }
  // Every slot of every token is written below, so a reused buffer needs no clearing.
  const atoms = scratch && scratch.length >= n * ATOMS ? scratch : new Int32Array(n * ATOMS);
  const initCap = new Uint8Array(n);
  const slots = new Int32Array(n);
  const modeFacts = new Int32Array(n);
  for (let k = 0; k + 1 < bounds.length; k++) {
    const s = bounds[k] ?? 0;
    const e = bounds[k + 1] ?? 0;
    // sentenceMode, from each word's cached part of it.
    for (let i = s; i < e; i++) {
      const f = wf.get(words[i] ?? '', ids[i]!);
      slots[i] = f;
      modeFacts[i] = wf.table[f + 13]!;
    }
    const mode = modeOfWordFacts(modeFacts, s, e);
    const wt = wf.table;
    for (let i = s; i < e; i++) {
      const w = words[i] ?? '';
      const f = slots[i]!;
      const lower = wt[f + 1]!;
      const flags = wt[f + 11]!;
      const cls = flags >> 4;
      const isInitCap = (flags & 1) !== 0;
      const o = i * ATOMS;
      atoms[o + A_FORM] = modeSalt(wt[f]!, mode);
      atoms[o + A_LOWER] = lower;
      atoms[o + A_RAWLOWER] = lower;
      atoms[o + A_SHAPE] = modeSalt(wt[f + 2]!, mode);
      for (let j = 0; j < 4; j++) {
        atoms[o + A_P1 + j] = wt[f + 3 + j]!;
        atoms[o + A_S1 + j] = wt[f + 7 + j]!;
      }
      atoms[o + A_CLASS] = cls;
      atoms[o + A_CASELEX] = wt[f + 12]!;
      atoms[o + A_CLUSTER] = wt[f + 14]!;
      const prevPunct = i > s && atoms[(i - 1) * ATOMS + A_CLASS] === CLS_PUNCT && i - 1 === s;
      const start = i === s || prevPunct ? 1 : 0;
      atoms[o + A_CTX] = mode * 8 + start * 4 + (isInitCap ? 2 : 0) + ((flags & 2) !== 0 && w.length > 1 ? 1 : 0);
      initCap[i] = isInitCap || (mode !== MODE_NORMAL && cls === CLS_WORD) ? 1 : 0;
      // Document memory of case: how this word is written where case is informative.
      if (mode === MODE_NORMAL && !start && cls === CLS_WORD) {
        atoms[o + A_DOCCASE] = isInitCap ? 1 : (flags & 4) !== 0 ? 2 : 0;
      } else atoms[o + A_DOCCASE] = 0;
    }
  }
  // Case memory over the document, keyed by the lower form's hash in an open-addressing table (int32
  // hashes as Map keys would mostly be boxed numbers).
  let cap = 64;
  while (cap < 2 * n) cap <<= 1;
  const seenKeys = new Int32Array(cap);
  const seenVals = new Int8Array(cap).fill(-1);
  const seenSlot = (key: number): number => {
    let h = fmix(key) & (cap - 1);
    while (seenVals[h] !== -1 && seenKeys[h] !== key) h = (h + 1) & (cap - 1);
    return h;
  };
  for (let i = 0; i < n; i++) {
    const b = atoms[i * ATOMS + A_DOCCASE] ?? 0;
    if (b !== 0) {
      const key = atoms[i * ATOMS + A_RAWLOWER] ?? 0;
      const h = seenSlot(key);
      seenKeys[h] = key;
      seenVals[h] = seenVals[h] === -1 ? b : seenVals[h]! | b;
    }
  }
  for (let i = 0; i < n; i++) {
    const h = seenSlot(atoms[i * ATOMS + A_RAWLOWER] ?? 0);
    atoms[i * ATOMS + A_DOCCASE] = seenVals[h] === -1 ? 0 : seenVals[h]!;
  }
  const lower = new Int32Array(n);
  for (let i = 0; i < n; i++) lower[i] = atoms[i * ATOMS + A_RAWLOWER] ?? 0;
  const gz = new Int32Array(n);
  for (let k = 0; k + 1 < bounds.length; k++) gaz.match(lower, initCap, bounds[k] ?? 0, bounds[k + 1] ?? 0, gz);
  for (let i = 0; i < n; i++) atoms[i * ATOMS + A_GAZ] = gz[i] ?? 0;
  return atoms;
}

/**
 * Writes the static features of token i that depend on its own atoms alone (the WORD_FEATS and
 * EXT_FEATS slots) as weight row offsets; decodeInt calls it only for tokens its caches miss.
 */
function ownFeats(atoms: Int32Array, i: number, feats: Int32Array, mask: number, T: number): void {
  const o = i * ATOMS;
  const F = i * NF;
  const w0 = atoms[o + A_LOWER] ?? 0;
  const s0 = atoms[o + A_SHAPE] ?? 0;
  const g0 = atoms[o + A_GAZ] ?? 0;
  const ctx = atoms[o + A_CTX] ?? 0;
  const dc = atoms[o + A_DOCCASE] ?? 0;
  const cl = atoms[o + A_CASELEX] ?? 0;
  feats[F + 0] = (mix(1, 0) & mask) * T;
  feats[F + 1] = (mix(2, w0) & mask) * T;
  feats[F + 2] = (mix(3, atoms[o + A_FORM] ?? 0) & mask) * T;
  feats[F + 3] = (mix(4, s0) & mask) * T;
  for (let j = 0; j < 4; j++) {
    feats[F + 4 + j] = (mix(5 + j, atoms[o + A_P1 + j] ?? 0) & mask) * T;
    feats[F + 8 + j] = (mix(9 + j, atoms[o + A_S1 + j] ?? 0) & mask) * T;
  }
  feats[F + 22] = (mix(23, g0) & mask) * T;
  feats[F + 25] = (mix(mix(26, ctx), dc) & mask) * T;
  feats[F + 26] = (mix(mix(27, ctx), s0) & mask) * T;
  feats[F + 29] = (mix(mix(30, w0), dc) & mask) * T;
  feats[F + 30] = (mix(mix(31, g0), ctx) & mask) * T;
  feats[F + 34] = (mix(35, cl) & mask) * T;
  feats[F + 35] = (mix(mix(36, cl), ctx) & mask) * T;
  const c0 = atoms[o + A_CLUSTER] ?? 0;
  feats[F + 38] = (mix(39, c0) & mask) * T;
  feats[F + 39] = (mix(mix(40, c0), ctx) & mask) * T;
}

/** ownFeats for decodeInt: the same slots, as offsets into the compact table (-1: an all-zero row). */
function ownFeatsCompact(atoms: Int32Array, i: number, feats: Int32Array, mask: number, cw: CompactWeights): void {
  ownFeats(atoms, i, feats, mask, 1);
  const F = i * NF;
  for (let f = 0; f < WORD_FEATS; f++) feats[F + f] = compactOff(cw, feats[F + f]!);
  for (let q = 0; q < EXT_FEATS.length; q++) feats[F + EXT_FEATS[q]!] = compactOff(cw, feats[F + EXT_FEATS[q]!]!);
}

/**
 * Fills the static feature row offsets of every token; with `own` false only the features that
 * look at neighbours (decodeInt computes the rest on a cache miss with ownFeats).
 */
function computeFeats(input: NerInput, atoms: Int32Array, mask: number, T: number, own = true, neighbours = true, scratch?: Int32Array): Int32Array {
  const { words, bounds } = input;
  const n = words.length;
  // A reused buffer keeps old values in the slots not written here (own features when `own` is
  // false, one-neighbour ones when `neighbours` is false); decodeInt writes those before reading them.
  const feats = scratch && scratch.length >= n * NF ? scratch : new Int32Array(n * NF);
  const at = (j: number, slot: number, s: number, e: number): number =>
    j < s ? BOS + slot : j >= e ? EOS + slot : (atoms[j * ATOMS + slot] ?? 0);
  for (let k = 0; k + 1 < bounds.length; k++) {
    const s = bounds[k] ?? 0;
    const e = bounds[k + 1] ?? 0;
    for (let i = s; i < e; i++) {
      if (own) ownFeats(atoms, i, feats, mask, T);
      const o = i * ATOMS;
      const w0 = atoms[o + A_LOWER] ?? 0;
      const s0 = atoms[o + A_SHAPE] ?? 0;
      const wm1 = at(i - 1, A_LOWER, s, e);
      const wp1 = at(i + 1, A_LOWER, s, e);
      const sm1 = at(i - 1, A_SHAPE, s, e);
      const sp1 = at(i + 1, A_SHAPE, s, e);
      const F = i * NF;
      if (neighbours) {
        feats[F + 12] = (mix(13, wm1) & mask) * T;
        feats[F + 13] = (mix(14, wp1) & mask) * T;
        feats[F + 16] = (mix(17, sm1) & mask) * T;
        feats[F + 17] = (mix(18, sp1) & mask) * T;
        feats[F + 23] = (mix(24, at(i - 1, A_GAZ, s, e)) & mask) * T;
        feats[F + 24] = (mix(25, at(i + 1, A_GAZ, s, e)) & mask) * T;
        feats[F + 31] = (mix(32, at(i - 1, A_FORM, s, e)) & mask) * T;
        feats[F + 32] = (mix(33, at(i + 1, A_FORM, s, e)) & mask) * T;
      }
      feats[F + 14] = (mix(15, at(i - 2, A_LOWER, s, e)) & mask) * T;
      feats[F + 15] = (mix(16, at(i + 2, A_LOWER, s, e)) & mask) * T;
      feats[F + 18] = (mix(mix(19, sm1), s0) & mask) * T;
      feats[F + 19] = (mix(mix(20, s0), sp1) & mask) * T;
      feats[F + 20] = (mix(mix(21, wm1), w0) & mask) * T;
      feats[F + 21] = (mix(mix(22, w0), wp1) & mask) * T;
      feats[F + 27] = (mix(mix(28, sm1), w0) & mask) * T;
      feats[F + 28] = (mix(mix(29, w0), sp1) & mask) * T;
      feats[F + 33] = (mix(mix(34, wm1), wp1) & mask) * T;
      const cl = atoms[o + A_CASELEX] ?? 0;
      feats[F + 36] = (mix(mix(37, at(i - 1, A_CASELEX, s, e)), cl) & mask) * T;
      feats[F + 37] = (mix(mix(38, cl), at(i + 1, A_CASELEX, s, e)) & mask) * T;
      const c0 = atoms[o + A_CLUSTER] ?? 0;
      feats[F + 40] = (mix(mix(41, at(i - 1, A_CLUSTER, s, e)), c0) & mask) * T;
      feats[F + 41] = (mix(mix(42, c0), at(i + 1, A_CLUSTER, s, e)) & mask) * T;
    }
  }
  return feats;
}

/** decodeInt's weights: the non-zero rows, ROW values apart, and a bitmap with ranks to find them. */
interface CompactWeights {
  bits: Uint32Array;
  rank: Int32Array;
  table: Int16Array;
}

function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Offset of hashed row r in the compact table, or -1 when every weight of the row is zero. */
function compactOff(cw: CompactWeights, r: number): number {
  const k = r >>> 5;
  const x = cw.bits[k]!;
  const b = 1 << (r & 31);
  if ((x & b) === 0) return -1;
  return (cw.rank[k]! + popcount(x & (b - 1))) * ROW;
}

// A NeighbourCache entry: the LEFT_FEATS sum at +0, the RIGHT_FEATS sum at +NB_RIGHT.
const NB_RIGHT = 16;
const NB_STRIDE = 32;

/**
 * decodeInt's cache of a token's summed weights as a neighbour, keyed by its exact (lower, shape,
 * gazetteer, form) atoms: both the sum of its features as the left neighbour (LEFT_FEATS) and as the
 * right one (RIGHT_FEATS), so one lookup of token i + 1 serves as token i's right neighbour now and
 * as token i + 2's left neighbour later. Open addressing, cleared when three quarters full; `gen`
 * counts the clears, so an offset kept from an earlier lookup is used only while still valid.
 */
class NeighbourCache {
  readonly keys = new Int32Array((NB_MASK + 1) * 4);
  readonly vals = new Int32Array((NB_MASK + 1) * NB_STRIDE);
  readonly used = new Uint8Array(NB_MASK + 1);
  count = 0;
  gen = 0;

  /**
   * Offset in `vals` of the sums for the tuple; on a miss hashes the features (template id with each
   * key, as computeFeats does) and sums their rows from the compact table.
   */
  slot(k0: number, k1: number, k2: number, k3: number, mask: number, cw: CompactWeights): number {
    let h = Math.imul(k0 ^ Math.imul(k1, 0x9e3779b1), 0x85ebca6b) ^ Math.imul(k2 + 31 * k3, 0xc2b2ae35);
    h = (h ^ (h >>> 15)) & NB_MASK;
    const keys = this.keys;
    for (;;) {
      const ko = h * 4;
      if (this.used[h] === 0) break;
      if (keys[ko] === k0 && keys[ko + 1] === k1 && keys[ko + 2] === k2 && keys[ko + 3] === k3) return h * NB_STRIDE;
      h = (h + 1) & NB_MASK;
    }
    if (this.count >= NB_FILL) {
      this.used.fill(0);
      this.count = 0;
      this.gen++;
      h = Math.imul(k0 ^ Math.imul(k1, 0x9e3779b1), 0x85ebca6b) ^ Math.imul(k2 + 31 * k3, 0xc2b2ae35);
      h = (h ^ (h >>> 15)) & NB_MASK;
    }
    this.used[h] = 1;
    this.count++;
    const ko = h * 4;
    keys[ko] = k0;
    keys[ko + 1] = k1;
    keys[ko + 2] = k2;
    keys[ko + 3] = k3;
    const vo = h * NB_STRIDE;
    const vals = this.vals;
    const W = cw.table;
    vals.fill(0, vo, vo + NB_STRIDE);
    const ks = [k0, k1, k2, k3];
    for (let q = 0; q < 4; q++) {
      const l = compactOff(cw, mix(LEFT_TEMPLATES[q]!, ks[q]!) & mask);
      if (l >= 0) for (let t = 0; t < NUM_TAGS; t++) vals[vo + t]! += W[l + t]!;
      const r = compactOff(cw, mix(RIGHT_TEMPLATES[q]!, ks[q]!) & mask);
      if (r >= 0) for (let t = 0; t < NUM_TAGS; t++) vals[vo + NB_RIGHT + t]! += W[r + t]!;
    }
    return vo;
  }
}

/** Weights and gazetteer; tags inputs. Load with `NerModel.load`, make with `NerTrainer`. */
export class NerModel {
  readonly T = NUM_TAGS;
  readonly mask: number;
  readonly gazetteer: Gazetteer;
  private readonly caseLex: Map<number, number>;
  private readonly clusterOf: Map<number, number>;
  private readonly wordFactsCache: WordFactsCache;
  /** decodeInt's reused atom and feature buffers. */
  private atomBuf = new Int32Array(0);
  private featBuf = new Int32Array(0);
  private modeBuf = new Int32Array(64);
  /** Scratch buffers reused across calls (a model is used by one thread at a time). */
  private readonly scores = new Float32Array(NUM_TAGS);
  private readonly dyn = new Int32Array(ND);
  private readonly wordSlots = new Map<number, number>();
  private readonly wordScores = new Float32Array(WORD_CACHE * NUM_TAGS);
  /** decodeInt's caches: dynamic-feature table and the (word, context) cache of EXT_FEATS sums. */
  private dynTab: Int32Array | null = null;
  private compact: CompactWeights | null = null;
  // decodeInt's word cache: open-addressing keys, slot per key, exact integer sums ROW apart.
  private readonly intKeys = new Int32Array(WORD_MASK + 1);
  private readonly intUsed = new Uint8Array(WORD_MASK + 1);
  private readonly intSlotOf = new Int32Array(WORD_MASK + 1);
  private readonly intScores = new Int32Array(WORD_CACHE * ROW);
  private intCount = 0;
  private readonly extKeys = new Int32Array((EXT_MASK + 1) * 6);
  private readonly extVals = new Int32Array((EXT_MASK + 1) * NUM_TAGS);
  private readonly extUsed = new Uint8Array(EXT_MASK + 1);
  private extCount = 0;
  private readonly nbCache = new NeighbourCache();

  constructor(
    readonly bits: number,
    /** Float weights while training; 16-bit integers (one common scale) once loaded from a file. */
    readonly weights: Float32Array | Int16Array,
    readonly lexicons: NerLexicons,
    readonly info: Record<string, unknown> = {},
  ) {
    this.mask = (1 << bits) - 1;
    this.gazetteer = new Gazetteer(lexicons.gazetteer);
    this.caseLex = caseMap(lexicons.caseLexicon);
    this.clusterOf = clusterMap(lexicons.clusters);
    this.wordFactsCache = new WordFactsCache(this.caseLex, this.clusterOf);
  }

  /**
   * Prepares atoms and static features for an input (`own` false: see computeFeats); feature offsets
   * are row index times `stride` (decodeInt takes plain row indices, stride 1, and maps them into its
   * compact table; with `neighbours` false the one-neighbour features are left to its caches).
   */
  prepare(input: NerInput, own = true, stride: number = this.T, neighbours = true): Prepared {
    const atoms = computeAtoms(input, this.gazetteer, this.wordFactsCache);
    const feats = computeFeats(input, atoms, this.mask, stride, own, neighbours);
    return { n: input.words.length, atoms, feats };
  }

  /** prepare() for decodeInt, into buffers reused from one call to the next (they only grow). */
  private prepareInto(input: NerInput): Prepared {
    const n = input.words.length;
    if (this.atomBuf.length < n * ATOMS) this.atomBuf = new Int32Array(Math.max(n * ATOMS, 2 * this.atomBuf.length));
    if (this.featBuf.length < n * NF) this.featBuf = new Int32Array(Math.max(n * NF, 2 * this.featBuf.length));
    const atoms = computeAtoms(input, this.gazetteer, this.wordFactsCache, this.atomBuf);
    const feats = computeFeats(input, atoms, this.mask, 1, false, false, this.featBuf);
    return { n, atoms, feats };
  }

  /**
   * Tags an input greedily, left to right, one sentence after another; `onToken` (training) sees each
   * decision with the feature offsets that produced it and may return the tag to continue with.
   */
  decode(
    input: NerInput,
    prep: Prepared = this.prepare(input),
    onToken?: (i: number, pred: number, feats: Int32Array, fo: number, dyn: Int32Array) => void,
    extra?: Float32Array,
  ): Uint8Array {
    const { bounds } = input;
    const T = this.T;
    const W = this.weights;
    const { atoms, feats } = prep;
    const out = new Uint8Array(prep.n);
    const scores = this.scores;
    const dyn = this.dyn;
    const mask = this.mask;
    const memory = new Map<number, number>();
    // Weights change while training, so the word cache serves tagging only.
    const cached = onToken === undefined && extra === undefined;
    const wordSlots = this.wordSlots;
    const wordScores = this.wordScores;
    for (let k = 0; k + 1 < bounds.length; k++) {
      const s = bounds[k] ?? 0;
      const e = bounds[k + 1] ?? 0;
      let p1 = 0;
      let p2 = 0;
      for (let i = s; i < e; i++) {
        const F = i * NF;
        const o = i * ATOMS;
        let first = 0;
        if (cached) {
          // The first WORD_FEATS features depend on the word (and sentence mode) alone: their sum is
          // cached per word, which saves a dozen scattered row reads for every frequent word.
          const wkey = atoms[o + A_FORM]!;
          let slot = wordSlots.get(wkey);
          if (slot === undefined) {
            if (wordSlots.size >= WORD_CACHE) wordSlots.clear();
            slot = wordSlots.size;
            wordSlots.set(wkey, slot);
            const base = slot * T;
            for (let t = 0; t < T; t++) wordScores[base + t] = 0;
            for (let f = 0; f < WORD_FEATS; f++) {
              const off = feats[F + f]!;
              for (let t = 0; t < T; t++) wordScores[base + t]! += W[off + t]!;
            }
          }
          const base = slot * T;
          for (let t = 0; t < T; t++) scores[t] = wordScores[base + t]!;
          first = WORD_FEATS;
        } else scores.fill(0);
        for (let f = first; f < NF; f++) {
          const off = feats[F + f] ?? 0;
          for (let t = 0; t < T; t++) scores[t]! += W[off + t]!;
          if (extra) for (let t = 0; t < T; t++) scores[t]! += extra[off + t]!;
        }
        const w0 = atoms[o + A_LOWER] ?? 0;
        const s0 = atoms[o + A_SHAPE] ?? 0;
        const key = atoms[o + A_RAWLOWER] ?? 0;
        const isWord = atoms[o + A_CLASS] === CLS_WORD;
        const hist = isWord ? (memory.get(key) ?? 0) : 0;
        dyn[0] = mix(101, p1);
        dyn[1] = mix(102, p1 * 32 + p2);
        dyn[2] = mix(mix(103, p1), w0);
        dyn[3] = mix(104, hist);
        dyn[4] = mix(mix(105, hist), s0);
        dyn[5] = mix(mix(106, p1), s0);
        for (let f = 0; f < ND; f++) {
          const off = ((dyn[f] ?? 0) & mask) * T;
          dyn[f] = off;
          for (let t = 0; t < T; t++) scores[t]! += W[off + t]!;
          if (extra) for (let t = 0; t < T; t++) scores[t]! += extra[off + t]!;
        }
        // BIO constraint: I-x only continues B-x or I-x.
        let best = 0;
        let bestScore = -Infinity;
        for (let t = 0; t < T; t++) {
          if (isInside(t) && p1 !== t && p1 !== t - 1) continue;
          const sc = scores[t]!;
          if (sc > bestScore) {
            bestScore = sc;
            best = t;
          }
        }
        if (onToken) onToken(i, best, feats, F, dyn);
        out[i] = best;
        if (best !== 0 && isWord) memory.set(key, tagType(best) + 1);
        p2 = p1;
        p1 = best;
      }
    }
    return out;
  }

  /**
   * sentenceMode(words, from, to) from the cached per-word facts; `ids` are the words' current ids in
   * the shared wordInterner (as NerInput.ids).
   */
  sentenceModeOf(words: readonly string[], ids: Int32Array, from: number, to: number): number {
    const wf = this.wordFactsCache;
    const n = Math.max(0, to - from);
    if (this.modeBuf.length < n) this.modeBuf = new Int32Array(Math.max(n, 2 * this.modeBuf.length));
    const facts = this.modeBuf;
    for (let i = from; i < to; i++) {
      const f = wf.get(words[i] ?? '', ids[i]!);
      facts[i - from] = wf.table[f + 13]!;
    }
    return modeOfWordFacts(facts, 0, n);
  }

  /** Recognises names in an input: token spans with type indices into NER_TYPES. */
  recognize(input: NerInput): TokenSpan[] {
    if (input.words.length === 0) return [];
    // The shipped (loaded) model has 16-bit integer weights, whose sums are exact in any order: the
    // fast cached path. A model fresh from NerTrainer (float weights, used only while training) takes
    // the plain loop.
    if (this.weights instanceof Int16Array) {
      const cw = this.compactWeights(this.weights);
      // Row indices (stride 1); decodeInt maps them into the compact table as it reads them.
      return tagsToSpans(this.decodeInt(input, this.prepareInto(input), cw));
    }
    return tagsToSpans(this.decode(input, this.prepare(input)));
  }

  /**
   * The table decodeInt reads, built on first use: only the rows with a non-zero weight (about a third
   * of the hashed rows), each padded from 13 to 16 values so a 32-byte row never straddles two cache
   * lines, found through a bitmap with per-word ranks (256 kB, which stays in cache). Tagging is bound
   * by scattered row reads: a table a third the size misses the cache less, and all-zero rows (one
   * read in seven) are not read at all.
   */
  private compactWeights(W: Int16Array): CompactWeights {
    if (this.compact) return this.compact;
    const rows = W.length / NUM_TAGS;
    const bits = new Uint32Array((rows + 31) >>> 5);
    let nz = 0;
    for (let r = 0; r < rows; r++) {
      for (let t = 0; t < NUM_TAGS; t++) {
        if (W[r * NUM_TAGS + t] !== 0) {
          bits[r >>> 5]! |= 1 << (r & 31);
          nz++;
          break;
        }
      }
    }
    const rank = new Int32Array(bits.length);
    for (let k = 1; k < bits.length; k++) rank[k] = rank[k - 1]! + popcount(bits[k - 1]!);
    const table = new Int16Array(nz * ROW);
    for (let r = 0, c = 0; r < rows; r++) {
      if ((bits[r >>> 5]! & (1 << (r & 31))) === 0) continue;
      table.set(W.subarray(r * NUM_TAGS, (r + 1) * NUM_TAGS), c * ROW);
      c++;
    }
    this.compact = { bits, rank, table };
    return this.compact;
  }

  /** Sum of three dynamic feature rows for every (p1, p2, hist), built on first use (weights are fixed by then). */
  private dynTable(W: Int16Array): Int32Array {
    if (this.dynTab) return this.dynTab;
    const T = NUM_TAGS;
    const tab = new Int32Array(T * T * HIST * T);
    for (let p1 = 0; p1 < T; p1++) {
      for (let p2 = 0; p2 < T; p2++) {
        for (let hist = 0; hist < HIST; hist++) {
          const base = ((p1 * T + p2) * HIST + hist) * T;
          for (const h of [mix(101, p1), mix(102, p1 * 32 + p2), mix(104, hist)]) {
            const off = (h & this.mask) * T;
            for (let t = 0; t < T; t++) tab[base + t]! += W[off + t]!;
          }
        }
      }
    }
    this.dynTab = tab;
    return tab;
  }

  /**
   * The tagging loop of `decode` for 16-bit integer weights, whose sums are exact in any order, read
   * from the compact table of non-zero rows. Beyond the per-word cache it caches the token's other own
   * features per exact (lower, shape, gazetteer, context, doc-case, case-lexicon) tuple, each
   * neighbour's own features per neighbour tuple, and takes the three dynamic features that depend only
   * on earlier tags from a table: far fewer scattered row reads per token, same tags (a test compares
   * it with `decode` over real articles).
   */
  private decodeInt(input: NerInput, prep: Prepared, cw: CompactWeights): Uint8Array {
    const W = cw.table;
    const { bounds } = input;
    const { atoms, feats } = prep;
    const out = new Uint8Array(prep.n);
    const mask = this.mask;
    // Int32 hashes outside V8's small-integer range would be boxed as Map keys on every lookup, so
    // both per-token lookups (word cache, document memory) use open-addressing typed tables.
    let memCap = 64;
    while (memCap < 2 * prep.n) memCap <<= 1;
    const memMask = memCap - 1;
    const memKeys = new Int32Array(memCap);
    const memVals = new Int8Array(memCap).fill(-1);
    const wordKeys = this.intKeys;
    const wordUsed = this.intUsed;
    const wordSlotOf = this.intSlotOf;
    const wordScores = this.intScores;
    const dynTab = this.dynTable(this.weights as Int16Array);
    const extKeys = this.extKeys;
    const extVals = this.extVals;
    const extUsed = this.extUsed;
    const rest = PAIR_FEATS;
    const nRest = rest.length;
    const rowOffs = new Int32Array(nRest + 3);
    const nb = this.nbCache;
    const NV = nb.vals;
    for (let k = 0; k + 1 < bounds.length; k++) {
      const s = bounds[k] ?? 0;
      // nbCache offsets of tokens i - 1 and i (looked up as right neighbours), with the cache's gen then.
      let nbPrev = -1;
      let nbPrevGen = -1;
      let nbCur = -1;
      let nbCurGen = -1;
      const e = bounds[k + 1] ?? 0;
      let p1 = 0;
      let p2 = 0;
      for (let i = s; i < e; i++) {
        const F = i * NF;
        const o = i * ATOMS;
        const wkey = atoms[o + A_FORM]!;
        let ws = fmix(wkey) & WORD_MASK;
        while (wordUsed[ws] !== 0 && wordKeys[ws] !== wkey) ws = (ws + 1) & WORD_MASK;
        let ownDone = false;
        let slot: number;
        if (wordUsed[ws] !== 0) slot = wordSlotOf[ws]!;
        else {
          if (this.intCount >= WORD_CACHE) {
            wordUsed.fill(0);
            this.intCount = 0;
            ws = fmix(wkey) & WORD_MASK;
          }
          slot = this.intCount++;
          wordUsed[ws] = 1;
          wordKeys[ws] = wkey;
          wordSlotOf[ws] = slot;
          ownFeatsCompact(atoms, i, feats, mask, cw);
          ownDone = true;
          const base = slot * ROW;
          for (let t = 0; t < NUM_TAGS; t++) wordScores[base + t] = 0;
          for (let f = 0; f < WORD_FEATS; f++) {
            const off = feats[F + f]!;
            if (off >= 0) for (let t = 0; t < NUM_TAGS; t++) wordScores[base + t]! += W[off + t]!;
          }
        }
        const b = slot * ROW;
        let a0 = wordScores[b]!;
        let a1 = wordScores[b + 1]!;
        let a2 = wordScores[b + 2]!;
        let a3 = wordScores[b + 3]!;
        let a4 = wordScores[b + 4]!;
        let a5 = wordScores[b + 5]!;
        let a6 = wordScores[b + 6]!;
        let a7 = wordScores[b + 7]!;
        let a8 = wordScores[b + 8]!;
        let a9 = wordScores[b + 9]!;
        let a10 = wordScores[b + 10]!;
        let a11 = wordScores[b + 11]!;
        let a12 = wordScores[b + 12]!;
        const w0 = atoms[o + A_LOWER]!;
        const s0 = atoms[o + A_SHAPE]!;
        const g0 = atoms[o + A_GAZ]!;
        const ctx = atoms[o + A_CTX]!;
        const dc = atoms[o + A_DOCCASE]!;
        const cl = atoms[o + A_CASELEX]!;
        // Open addressing over the exact tuple: a hit is only taken when all six atoms are equal.
        let h = Math.imul(w0 ^ Math.imul(s0, 0x9e3779b1), 0x85ebca6b) ^ Math.imul(g0 + 31 * ctx + 997 * dc, 0xc2b2ae35) ^ Math.imul(cl, 0x27d4eb2f);
        h = (h ^ (h >>> 15)) & EXT_MASK;
        for (;;) {
          const ko = h * 6;
          if (extUsed[h] === 0) {
            if (this.extCount >= EXT_FILL) {
              extUsed.fill(0);
              this.extCount = 0;
            }
            extUsed[h] = 1;
            this.extCount++;
            extKeys[ko] = w0;
            extKeys[ko + 1] = s0;
            extKeys[ko + 2] = g0;
            extKeys[ko + 3] = ctx;
            extKeys[ko + 4] = dc;
            extKeys[ko + 5] = cl;
            if (!ownDone) ownFeatsCompact(atoms, i, feats, mask, cw);
            const vo = h * NUM_TAGS;
            for (let t = 0; t < NUM_TAGS; t++) extVals[vo + t] = 0;
            for (let q = 0; q < EXT_FEATS.length; q++) {
              const off = feats[F + EXT_FEATS[q]!]!;
              if (off >= 0) for (let t = 0; t < NUM_TAGS; t++) extVals[vo + t]! += W[off + t]!;
            }
            break;
          }
          if (extKeys[ko] === w0 && extKeys[ko + 1] === s0 && extKeys[ko + 2] === g0 && extKeys[ko + 3] === ctx && extKeys[ko + 4] === dc && extKeys[ko + 5] === cl) break;
          h = (h + 1) & EXT_MASK;
        }
        const v = h * NUM_TAGS;
        a0 += extVals[v]!;
        a1 += extVals[v + 1]!;
        a2 += extVals[v + 2]!;
        a3 += extVals[v + 3]!;
        a4 += extVals[v + 4]!;
        a5 += extVals[v + 5]!;
        a6 += extVals[v + 6]!;
        a7 += extVals[v + 7]!;
        a8 += extVals[v + 8]!;
        a9 += extVals[v + 9]!;
        a10 += extVals[v + 10]!;
        a11 += extVals[v + 11]!;
        a12 += extVals[v + 12]!;
        // One neighbour's own features, summed once per neighbour tuple (BOS/EOS stand-ins past the sentence).
        // The left neighbour was looked up two tokens ago (as a right neighbour) unless it is the
        // sentence's first token or the cache was cleared since; its sums are read before the next
        // lookup, which may clear the cache.
        let lv: number;
        if (i === s) lv = nb.slot(BOS + A_LOWER, BOS + A_SHAPE, BOS + A_GAZ, BOS + A_FORM, mask, cw);
        else if (nbPrev >= 0 && nbPrevGen === nb.gen) lv = nbPrev;
        else {
          const l = (i - 1) * ATOMS;
          lv = nb.slot(atoms[l + A_LOWER]!, atoms[l + A_SHAPE]!, atoms[l + A_GAZ]!, atoms[l + A_FORM]!, mask, cw);
        }
        a0 += NV[lv]!;
        a1 += NV[lv + 1]!;
        a2 += NV[lv + 2]!;
        a3 += NV[lv + 3]!;
        a4 += NV[lv + 4]!;
        a5 += NV[lv + 5]!;
        a6 += NV[lv + 6]!;
        a7 += NV[lv + 7]!;
        a8 += NV[lv + 8]!;
        a9 += NV[lv + 9]!;
        a10 += NV[lv + 10]!;
        a11 += NV[lv + 11]!;
        a12 += NV[lv + 12]!;
        const r = i + 1 < e ? (i + 1) * ATOMS : -1;
        const rs =
          r >= 0
            ? nb.slot(atoms[r + A_LOWER]!, atoms[r + A_SHAPE]!, atoms[r + A_GAZ]!, atoms[r + A_FORM]!, mask, cw)
            : nb.slot(EOS + A_LOWER, EOS + A_SHAPE, EOS + A_GAZ, EOS + A_FORM, mask, cw);
        nbPrev = nbCur;
        nbPrevGen = nbCurGen;
        nbCur = r >= 0 ? rs : -1;
        nbCurGen = nb.gen;
        const rv = rs + NB_RIGHT;
        a0 += NV[rv]!;
        a1 += NV[rv + 1]!;
        a2 += NV[rv + 2]!;
        a3 += NV[rv + 3]!;
        a4 += NV[rv + 4]!;
        a5 += NV[rv + 5]!;
        a6 += NV[rv + 6]!;
        a7 += NV[rv + 7]!;
        a8 += NV[rv + 8]!;
        a9 += NV[rv + 9]!;
        a10 += NV[rv + 10]!;
        a11 += NV[rv + 11]!;
        a12 += NV[rv + 12]!;
        const key = atoms[o + A_RAWLOWER]!;
        const isWord = atoms[o + A_CLASS] === CLS_WORD;
        let ms = fmix(key) & memMask;
        let hist = 0;
        if (isWord) {
          while (memVals[ms] !== -1 && memKeys[ms] !== key) ms = (ms + 1) & memMask;
          hist = memVals[ms] === -1 ? 0 : memVals[ms]!;
        }
        const d = ((p1 * NUM_TAGS + p2) * HIST + hist) * NUM_TAGS;
        a0 += dynTab[d]!;
        a1 += dynTab[d + 1]!;
        a2 += dynTab[d + 2]!;
        a3 += dynTab[d + 3]!;
        a4 += dynTab[d + 4]!;
        a5 += dynTab[d + 5]!;
        a6 += dynTab[d + 6]!;
        a7 += dynTab[d + 7]!;
        a8 += dynTab[d + 8]!;
        a9 += dynTab[d + 9]!;
        a10 += dynTab[d + 10]!;
        a11 += dynTab[d + 11]!;
        a12 += dynTab[d + 12]!;
        // The rows read one by one: the pair features, then the three dynamic ones the table leaves out.
        for (let q = 0; q < nRest; q++) rowOffs[q] = compactOff(cw, feats[F + rest[q]!]!);
        rowOffs[nRest] = compactOff(cw, mix(mix(103, p1), w0) & mask);
        rowOffs[nRest + 1] = compactOff(cw, mix(mix(105, hist), s0) & mask);
        rowOffs[nRest + 2] = compactOff(cw, mix(mix(106, p1), s0) & mask);
        for (let q = 0; q < nRest + 3; q++) {
          const off = rowOffs[q]!;
          if (off < 0) continue;
          a0 += W[off]!;
          a1 += W[off + 1]!;
          a2 += W[off + 2]!;
          a3 += W[off + 3]!;
          a4 += W[off + 4]!;
          a5 += W[off + 5]!;
          a6 += W[off + 6]!;
          a7 += W[off + 7]!;
          a8 += W[off + 8]!;
          a9 += W[off + 9]!;
          a10 += W[off + 10]!;
          a11 += W[off + 11]!;
          a12 += W[off + 12]!;
        }
        // BIO constraint: I-x only continues B-x or I-x (tags 2, 4, ..., 12 are I- tags).
        let best = 0;
        let bs = a0;
        if (a1 > bs) { bs = a1; best = 1; }
        if ((p1 === 1 || p1 === 2) && a2 > bs) { bs = a2; best = 2; }
        if (a3 > bs) { bs = a3; best = 3; }
        if ((p1 === 3 || p1 === 4) && a4 > bs) { bs = a4; best = 4; }
        if (a5 > bs) { bs = a5; best = 5; }
        if ((p1 === 5 || p1 === 6) && a6 > bs) { bs = a6; best = 6; }
        if (a7 > bs) { bs = a7; best = 7; }
        if ((p1 === 7 || p1 === 8) && a8 > bs) { bs = a8; best = 8; }
        if (a9 > bs) { bs = a9; best = 9; }
        if ((p1 === 9 || p1 === 10) && a10 > bs) { bs = a10; best = 10; }
        if (a11 > bs) { bs = a11; best = 11; }
        if ((p1 === 11 || p1 === 12) && a12 > bs) { bs = a12; best = 12; }
        out[i] = best;
        if (best !== 0 && isWord) {
          memKeys[ms] = key;
          memVals[ms] = tagType(best) + 1;
        }
        p2 = p1;
        p1 = best;
      }
    }
    return out;
  }

  /**
   * Writes the model: gzip of a JSON header and, per weight section, the non-zero rows quantised to
   * 16 bits. Sections are the shared weights and, when trained with domains, one delta per domain.
   */
  save(path: string, extraInfo: Record<string, unknown> = {}, domains: Record<string, Float32Array> = {}): { bytes: number; rows: number } {
    const T = this.T;
    if (!(this.weights instanceof Float32Array)) throw new NgError('NG_E099', 'only a model made by NerTrainer can be saved');
    const sections: { name: string; W: Float32Array }[] = [
      { name: 'shared', W: this.weights },
      ...Object.entries(domains).map(([name, W]) => ({ name, W })),
    ];
    let maxAbs = 0;
    for (const { W } of sections) for (let i = 0; i < W.length; i++) maxAbs = Math.max(maxAbs, Math.abs(W[i]!));
    const scale = maxAbs / 32767 || 1;
    const bufs: Buffer[] = [];
    const meta: { name: string; rows: number }[] = [];
    let total = 0;
    for (const { name, W } of sections) {
      const nRows = W.length / T;
      const rows: number[] = [];
      for (let r = 0; r < nRows; r++) {
        for (let t = 0; t < T; t++) {
          if (Math.round(W[r * T + t]! / scale) !== 0) {
            rows.push(r);
            break;
          }
        }
      }
      // Delta-coded row ids compress far better than absolute ones.
      const rowArr = new Uint32Array(rows.length);
      const vals = new Int16Array(rows.length * T);
      let prev = 0;
      rows.forEach((r, i) => {
        rowArr[i] = r - prev;
        prev = r;
        for (let t = 0; t < T; t++) vals[i * T + t] = Math.round(W[r * T + t]! / scale);
      });
      bufs.push(Buffer.from(rowArr.buffer), Buffer.from(vals.buffer));
      meta.push({ name, rows: rows.length });
      total += rows.length;
    }
    const header = Buffer.from(
      JSON.stringify({
        format: 'newsgraph/ner@1',
        featureVersion: NER_FEATURE_VERSION,
        bits: this.bits,
        tags: T,
        types: NER_TYPES,
        scale,
        sections: meta,
        info: { ...this.info, ...extraInfo },
        gazetteer: this.lexicons.gazetteer,
        caseLexicon: this.lexicons.caseLexicon,
        clusters: this.lexicons.clusters,
      }),
    );
    const lenBuf = Buffer.alloc(4);
    lenBuf.writeUInt32LE(header.length);
    const gz = gzipSync(Buffer.concat([lenBuf, header, ...bufs]), { level: 9 });
    writeFileSync(path, gz);
    return { bytes: gz.length, rows: total };
  }

  /**
   * Reads a model written by `save`. `domain` adds that domain's weights to the shared ones (for
   * scoring on a corpus of that domain); the default, shared weights only, is for unseen news text.
   */
  static load(path: string, opts: { domain?: string } = {}): NerModel {
    let raw: Buffer;
    try {
      raw = gunzipSync(readFileSync(path));
    } catch (err) {
      throw new NgError(
        'NG_E021',
        `cannot read the NER model at ${path}: ${(err as Error).message}; train one with \`npm run train -- ner\``,
        { input: path },
        { cause: err },
      );
    }
    const hlen = raw.readUInt32LE(0);
    const header = JSON.parse(raw.subarray(4, 4 + hlen).toString('utf8')) as {
      format: string;
      featureVersion?: number;
      bits: number;
      tags: number;
      scale: number;
      sections: { name: string; rows: number }[];
      info: Record<string, unknown>;
      gazetteer: GazetteerEntry[];
      caseLexicon?: CaseLexicon;
      clusters?: WordClusters;
    };
    if (header.format !== 'newsgraph/ner@1' || header.tags !== NUM_TAGS) {
      throw new NgError('NG_E021', `${path} is not a newsgraph/ner@1 model with ${NUM_TAGS} tags (found ${header.format}, ${header.tags} tags)`, { input: path });
    }
    if (header.featureVersion !== NER_FEATURE_VERSION) {
      throw new NgError('NG_E021', `the NER model at ${path} was trained with features version ${header.featureVersion ?? 1}, this code computes version ${NER_FEATURE_VERSION}; retrain with \`npm run train -- ner\``, { input: path });
    }
    const names = header.sections.map((x) => x.name);
    if (opts.domain !== undefined && opts.domain !== 'shared' && !names.includes(opts.domain)) {
      throw new NgError('NG_E021', `the NER model at ${path} has no domain "${opts.domain}" (has: ${names.join(', ')})`, { input: path });
    }
    const T = header.tags;
    const size = (1 << header.bits) * T;
    // Sum the sections wanted in 32 bits, then keep 16-bit integers: half the memory of floats, so
    // more of the table stays in cache while tagging, and argmax does not care about the scale.
    const acc = new Int32Array(size);
    let off = 4 + hlen;
    for (const sec of header.sections) {
      const n = sec.rows;
      if (sec.name === 'shared' || sec.name === opts.domain) {
        // Copy into aligned arrays: the gunzipped Buffer's offset need not be a multiple of 4.
        const rowArr = new Uint32Array(n);
        Buffer.from(rowArr.buffer).set(raw.subarray(off, off + n * 4));
        const vals = new Int16Array(n * T);
        Buffer.from(vals.buffer).set(raw.subarray(off + n * 4, off + n * 4 + n * T * 2));
        let r = 0;
        for (let i = 0; i < n; i++) {
          r += rowArr[i]!;
          const base = r * T;
          for (let t = 0; t < T; t++) acc[base + t]! += vals[i * T + t]!;
        }
      }
      off += n * 4 + n * T * 2;
    }
    let maxAbs = 0;
    for (let i = 0; i < size; i++) {
      const v = acc[i]!;
      if (v > maxAbs) maxAbs = v;
      else if (-v > maxAbs) maxAbs = -v;
    }
    const W = new Int16Array(size);
    if (maxAbs <= 32767) W.set(acc);
    else {
      const k = 32767 / maxAbs;
      for (let i = 0; i < size; i++) W[i] = Math.round(acc[i]! * k);
    }
    return new NerModel(header.bits, W, { gazetteer: header.gazetteer, ...(header.caseLexicon ? { caseLexicon: header.caseLexicon } : {}), ...(header.clusters ? { clusters: header.clusters } : {}) }, { ...header.info, domain: opts.domain ?? 'shared', domains: names.slice(1) });
  }
}

/** Converts BIO tag ids to token spans. */
export function tagsToSpans(tags: Uint8Array): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let cur: TokenSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (t === 0) {
      if (cur) spans.push(cur);
      cur = null;
    } else if (isInside(t) && cur && cur.type === tagType(t)) {
      cur.end = i + 1;
    } else {
      if (cur) spans.push(cur);
      cur = { start: i, end: i + 1, type: tagType(t) };
    }
  }
  if (cur) spans.push(cur);
  return spans;
}

/** Converts token spans to BIO tag ids over n tokens. */
export function spansToTags(spans: readonly TokenSpan[], n: number): Uint8Array {
  const tags = new Uint8Array(n);
  for (const s of spans) {
    for (let i = s.start; i < s.end; i++) tags[i] = i === s.start ? bTag(s.type) : iTag(s.type);
  }
  return tags;
}

/** A training example: an input with its gold BIO tags and the index of the domain it comes from. */
export interface NerExample {
  input: NerInput;
  gold: Uint8Array;
  domain: number;
  /**
   * Partial labels: types (indices into NER_TYPES) this corpus does not annotate consistently. A
   * prediction of one of them on a token the corpus leaves untagged is neither penalised nor
   * rewarded (GMB leaves many groups, events and adjectives like "European" untagged).
   */
  unannotated?: readonly number[];
}

/**
 * Averaged-perceptron training of a NerModel. With domains, every feature has a shared weight and a
 * per-domain weight ("frustratingly easy" domain adaptation, Daumé 2007): corpora whose conventions
 * differ (CoNLL-2003 and GMB) then no longer fight over the shared weights.
 */
export class NerTrainer {
  readonly model: NerModel;
  readonly domainWeights: Float32Array[];
  private readonly W: Float32Array;
  private readonly acc: Float64Array;
  private readonly domainAcc: Float64Array[];
  private c = 1;

  constructor(bits: number, lexicons: NerLexicons, domains = 0) {
    const size = (1 << bits) * NUM_TAGS;
    this.W = new Float32Array(size);
    this.model = new NerModel(bits, this.W, lexicons);
    this.acc = new Float64Array(size);
    this.domainWeights = Array.from({ length: domains }, () => new Float32Array(size));
    this.domainAcc = Array.from({ length: domains }, () => new Float64Array(size));
  }

  /** One pass over an example; returns the number of token errors. */
  train(ex: NerExample): number {
    const W = this.W;
    const U = this.acc;
    const D = this.domainWeights[ex.domain];
    const DU = this.domainAcc[ex.domain];
    let errors = 0;
    const free = new Uint8Array(NUM_TAGS);
    for (const k of ex.unannotated ?? []) free[bTag(k)] = free[iTag(k)] = 1;
    const update = (off: number, gold: number, pred: number, c: number): void => {
      W[off + gold]! += 1;
      W[off + pred]! -= 1;
      U[off + gold]! += c;
      U[off + pred]! -= c;
      if (D && DU) {
        D[off + gold]! += 1;
        D[off + pred]! -= 1;
        DU[off + gold]! += c;
        DU[off + pred]! -= c;
      }
    };
    this.model.decode(
      ex.input,
      undefined,
      (i, pred, feats, F, dyn) => {
        const gold = ex.gold[i]!;
        const c = this.c++;
        if (pred === gold || (gold === 0 && free[pred] === 1)) return;
        errors++;
        for (let f = 0; f < NF; f++) update(feats[F + f]!, gold, pred, c);
        for (let f = 0; f < ND; f++) update(dyn[f]!, gold, pred, c);
      },
      D,
    );
    return errors;
  }

  /** A model scoring with the shared weights plus those of one domain (after `average`). */
  modelFor(domain: number): NerModel {
    const D = this.domainWeights[domain];
    if (!D) return this.model;
    const W = Float32Array.from(this.W);
    for (let i = 0; i < W.length; i++) W[i]! += D[i]!;
    return new NerModel(this.model.bits, W, this.model.lexicons, this.model.info);
  }

  /** Replaces all weights by their averages over all updates (call once, after the last epoch). */
  average(): NerModel {
    const c = this.c;
    const avg = (W: Float32Array, U: Float64Array): void => {
      for (let i = 0; i < W.length; i++) W[i] = W[i]! - U[i]! / c;
    };
    avg(this.W, this.acc);
    this.domainWeights.forEach((D, k) => avg(D, this.domainAcc[k]!));
    return this.model;
  }
}
