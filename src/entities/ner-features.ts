/**
 * Feature extraction for the named-entity recogniser. Everything is integer hashing over char codes so
 * that tagging never builds feature strings: each token gets a few "atoms" (hashes of its form, lower
 * form, shape, affixes, gazetteer and document-case facts) and features are mixes of template ids and
 * atoms, folded into a fixed number of weight rows.
 */

/** Number of atoms stored per token. */
export const ATOMS = 18;
/** Atom slot: hash of the folded form, salted by sentence mode. */
export const A_FORM = 0;
/** Atom slot: hash of the lower-cased form. */
export const A_LOWER = 1;
/** Atom slot: hash of the word shape, salted by sentence mode. */
export const A_SHAPE = 2;
/** Prefixes 1..4 of the lower form: 3..6. */
export const A_P1 = 3;
/** Suffixes 1..4 of the lower form: 7..10. */
export const A_S1 = 7;
/** Atom slot: gazetteer bits (shifted left 8 inside a multi-word entry). */
export const A_GAZ = 11;
/** Atom slot: how the word is written elsewhere in the document. */
export const A_DOCCASE = 12;
/** Sentence mode, sentence-initial, initial capital, all caps. */
export const A_CTX = 13;
/** Lower form hash without mode salt: the key for document memory. */
export const A_RAWLOWER = 14;
/** Coarse token class: word, number, punctuation, other script. */
export const A_CLASS = 15;
/** The casing lexicon's level for the word. */
export const A_CASELEX = 16;
/** Atom slot: the word's cluster (0 when unknown), see ner-clusters.ts. */
export const A_CLUSTER = 17;

/** Sentence case modes: ordinary prose, every letter upper case, headline (title) case. */
export const MODE_NORMAL = 0;
/** Sentence mode: every letter upper case. */
export const MODE_UPPER = 1;
/** Sentence mode: headline (title) case. */
export const MODE_TITLE = 2;

/** Gazetteer categories, as bits. */
export const GAZ_COUNTRY = 1;
/** Gazetteer bit: city. */
export const GAZ_CITY = 2;
/** Gazetteer bit: US state. */
export const GAZ_STATE = 4;
/** Gazetteer bit: nationality word. */
export const GAZ_DEMONYM = 8;
/** Gazetteer bit: continent or broad region. */
export const GAZ_REGION = 16;
/** Gazetteer bit: given name (only when a list is passed at training). */
export const GAZ_FIRSTNAME = 32;
/** Political and religious groups (NORP that is not a nationality). */
export const GAZ_GROUP = 64;

/** Murmur3's finaliser: a cheap, well-spread 32-bit mix. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Mixes two 32-bit values into one. */
export function mix(a: number, b: number): number {
  return fmix((Math.imul(a, 0x9e3779b1) ^ b) + 0x7f4a7c15);
}

/**
 * Folds a character for hashing: typographic quotes to ASCII ones and digits to 0, so "’s" and "'s"
 * share weights and numbers generalise over their digits.
 */
function foldChar(c: number): number {
  if (c >= 48 && c <= 57) return 48;
  if (c === 0x2019 || c === 0x2018 || c === 0x201b || c === 0x2032) return 39;
  if (c === 0x201c || c === 0x201d || c === 0x201e) return 34;
  if (c === 0x2013 || c === 0x2014) return 45;
  return c;
}

function lowerChar(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c;
  const s = String.fromCharCode(c).toLowerCase();
  return s.length === 1 ? s.charCodeAt(0) : c;
}

function isUpperChar(c: number): boolean {
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isLowerChar(c: number): boolean {
  if (c >= 97 && c <= 122) return true;
  if (c < 128) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

const FNV = 0x811c9dc5;
const FNV_P = 0x01000193;

/** Hash of a string's lower-cased, folded form: the key gazetteers and document memory use. */
export function lowerHash(s: string): number {
  let h = FNV;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ lowerChar(foldChar(s.charCodeAt(i))), FNV_P);
  return h | 0;
}

/** Salts that keep templates apart in the hashed feature space. */
const SALT_MODE = [0x1234567, 0x2345678, 0x3456789];

/** Word-level facts about one token, independent of its neighbours. */
export interface WordFacts {
  form: number;
  lower: number;
  shape: number;
  pre: [number, number, number, number];
  suf: [number, number, number, number];
  initCap: boolean;
  allCaps: boolean;
  hasLower: boolean;
  hasLetter: boolean;
  cls: number;
}

/** Coarse token classes. */
export const CLS_WORD = 1;
/** Token class: number. */
export const CLS_NUM = 2;
/** Token class: punctuation. */
export const CLS_PUNCT = 3;
/** Letters of a caseless script, emoji, symbols. */
export const CLS_OTHER = 4;

/** Computes the word-level atoms of one token in a single pass over its characters. */
export function wordFacts(s: string, out: WordFacts): void {
  let form = FNV;
  let lower = FNV;
  let shape = FNV;
  let lastShape = -1;
  let shapeRun = 0;
  let upper = 0;
  let lowers = 0;
  let digits = 0;
  let others = 0;
  let puncts = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c0 = s.charCodeAt(i);
    const c = foldChar(c0);
    form = Math.imul(form ^ c, FNV_P);
    const lc = lowerChar(c);
    lower = Math.imul(lower ^ lc, FNV_P);
    if (i < 4) out.pre[i] = lower | 0;
    let sc: number;
    if (c0 >= 48 && c0 <= 57) {
      sc = 100;
      digits++;
    } else if (isUpperChar(c)) {
      sc = 88;
      upper++;
    } else if (isLowerChar(c)) {
      sc = 120;
      lowers++;
    } else if (c < 128) {
      sc = c;
      puncts++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      sc = 0xd800; // surrogate halves: emoji and rare scripts share one class
      others++;
    } else {
      sc = 0x3000; // caseless letters (CJK, Arabic, ...) and symbols
      others++;
    }
    // Collapse runs longer than two so "Xxxxxx" and "Xxx" share a shape but "X" and "XX" differ.
    if (sc === lastShape) {
      shapeRun++;
      if (shapeRun >= 2) continue;
    } else {
      shapeRun = 0;
      lastShape = sc;
    }
    shape = Math.imul(shape ^ sc, FNV_P);
  }
  for (let i = n; i < 4; i++) out.pre[i] = (lower ^ (0x55 + i)) | 0;
  let suf = FNV;
  for (let k = 0; k < 4; k++) {
    const i = n - 1 - k;
    if (i >= 0) suf = Math.imul(suf ^ lowerChar(foldChar(s.charCodeAt(i))), FNV_P);
    else suf = Math.imul(suf ^ 0x1f, FNV_P);
    out.suf[k] = suf | 0;
  }
  out.form = form | 0;
  out.lower = lower | 0;
  out.shape = shape | 0;
  const first = n > 0 ? foldChar(s.charCodeAt(0)) : 0;
  out.initCap = isUpperChar(first);
  out.hasLower = lowers > 0;
  out.hasLetter = upper + lowers > 0;
  out.allCaps = upper > 0 && lowers === 0;
  out.cls =
    upper + lowers > 0
      ? CLS_WORD
      : digits > 0
        ? CLS_NUM
        : others > 0
          ? CLS_OTHER
          : puncts > 0
            ? CLS_PUNCT
            : CLS_OTHER;
}

/** Makes an empty WordFacts record to be filled by `wordFacts`. */
export function newWordFacts(): WordFacts {
  return {
    form: 0,
    lower: 0,
    shape: 0,
    pre: [0, 0, 0, 0],
    suf: [0, 0, 0, 0],
    initCap: false,
    allCaps: false,
    hasLower: false,
    hasLetter: false,
    cls: 0,
  };
}

// Function words that stay lower case in headline case; used only to recognise a title-case sentence.
const SMALL_WORDS = new Set(
  'a an and as at but by for from in into nor of on or over per the to up via vs with is are was be its their his her'.split(
    ' ',
  ),
);

const SMALL_MAX = Math.max(...[...SMALL_WORDS].map((w) => w.length));

/**
 * Decides a sentence's case mode: all upper case (wire headlines), title case (web headlines) or
 * ordinary. In the first two, capitals say nothing about names, so features carry the mode.
 */
export function sentenceMode(words: readonly string[], from: number, to: number): number {
  const facts = new Int32Array(Math.max(0, to - from));
  for (let i = from; i < to; i++) facts[i - from] = wordModeFacts(words[i] ?? '');
  return modeOfWordFacts(facts, 0, facts.length);
}

/**
 * sentenceMode from its words' facts (wordModeFacts), facts[from, to): the tagger keeps them per word
 * in its cache, so it decides a sentence's mode without looking at characters again.
 */
export function modeOfWordFacts(facts: ArrayLike<number>, from: number, to: number): number {
  let letters = 0;
  let upperWords = 0;
  let lowerWords = 0;
  let contentWords = 0;
  let capWords = 0;
  for (let i = from; i < to; i++) {
    const m = facts[i]!;
    if (m === 0) continue;
    letters += m & 255;
    if (m & 256) lowerWords++;
    else upperWords++;
    if (m & 512) contentWords++;
    if (m & 1024) capWords++;
  }
  if (letters >= 4 && lowerWords === 0 && upperWords >= 2) return MODE_UPPER;
  if (contentWords >= 3 && capWords === contentWords && lowerWords > 0) return MODE_TITLE;
  return MODE_NORMAL;
}

/**
 * One word's part of sentenceMode, packed: letters (capped at 255; the mode only asks for 4 in all),
 * bit 8 some lower-case letter, bit 9 a content word, bit 10 a capitalised content word. Words without
 * letters give 0. Only words that begin with a letter are content words ("'s" or "3rd" say nothing
 * about headline case), and small words ("of", "the") are not; no small word is longer than five
 * letters, and lower-casing never shortens a word, so the length test spares a lower-cased copy of
 * every longer word.
 */
export function wordModeFacts(w: string): number {
  let up = 0;
  let lo = 0;
  for (let j = 0; j < w.length; j++) {
    const c = w.charCodeAt(j);
    if (c >= 65 && c <= 90) up++;
    else if (c >= 97 && c <= 122) lo++;
    else if (c > 127) {
      if (isUpperChar(c)) up++;
      else if (isLowerChar(c)) lo++;
    }
  }
  if (up + lo === 0) return 0;
  let out = Math.min(255, up + lo) | (lo > 0 ? 256 : 0);
  const c0 = w.charCodeAt(0);
  if ((isUpperChar(c0) || isLowerChar(c0)) && !(w.length <= SMALL_MAX && SMALL_WORDS.has(w.toLowerCase()))) {
    out |= 512;
    if (isUpperChar(c0)) out |= 1024;
  }
  return out;
}

/** Salts a hash by sentence mode so that case-bearing atoms learn separate weights per mode. */
export function modeSalt(h: number, mode: number): number {
  return mode === MODE_NORMAL ? h : mix(h, SALT_MODE[mode] ?? 0);
}
