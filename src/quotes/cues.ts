/**
 * The attribution cue lexicon: verb lemmas from cue-lexicon.json with their inflections generated
 * here (so the data file stays a readable list of lemmas), plus fixed multi-word cues.
 */
import lexicon from './cue-lexicon.json' with { type: 'json' };

/** What kind of attribution a cue makes. 'source' cues credit a source and go to doc.attributions. */
export type CueClass = 'speech' | 'cognition' | 'source' | 'evaluation' | 'intention';

/** One cue form: the lemma it comes from and how it behaves. */
export interface CueEntry {
  lemma: string;
  form: 'base' | 's' | 'past' | 'pp' | 'ing' | 'phrase';
  cls: CueClass;
  /** Takes a recipient before the content ("told reporters that ..."). */
  obj: boolean;
  /** Only a cue next to a colon or a quote ("he continued: ..."). */
  frameOnly: boolean;
  /** For phrases: where the source is ("according to X": after). */
  src: 'before' | 'after' | 'none';
}

/** The compiled lexicon: single-word forms and multi-word phrases (as lower-case word lists). */
export interface CueLexicon {
  single: Map<string, CueEntry>;
  phrases: { words: string[]; entry: CueEntry }[];
  /** The phrases by their first word, longest first. */
  phrasesByFirst: Map<string, { words: string[]; entry: CueEntry }[]>;
  /** foldHash of every single form and every phrase's first word: a cheap first test per token. */
  hashes: Set<number>;
  /**
   * Indexed by gateKey: 1 where some single form or phrase first word has that length bucket and
   * first two folded letters. Rejects most tokens before hashing them.
   */
  gate: Uint8Array;
  /** The same over the last two folded letters (gateEndKey): with gate, passes a third fewer tokens to hashing. */
  gateEnd: Uint8Array;
  /** Number of distinct forms, for reports. */
  size: number;
}

interface VerbSpec {
  cls: string;
  obj?: boolean;
  past?: string;
  pp?: string;
  dbl?: boolean;
  frameOnly?: boolean;
}

const VOWELS = /[aeiou]/;

/** English inflections of a regular (or partly irregular) verb: base, 3sg, past, participle, -ing. */
export function inflect(lemma: string, spec: { past?: string; pp?: string; dbl?: boolean } = {}): {
  base: string;
  s: string;
  past: string;
  pp: string;
  ing: string;
} {
  const last = lemma.slice(-1);
  const beforeLast = lemma.slice(-2, -1);
  const s = /(s|sh|ch|x|z|o)$/.test(lemma)
    ? `${lemma}es`
    : last === 'y' && !VOWELS.test(beforeLast)
      ? `${lemma.slice(0, -1)}ies`
      : `${lemma}s`;
  let past: string;
  let ing: string;
  if (spec.dbl) {
    past = `${lemma}${last}ed`;
    ing = `${lemma}${last}ing`;
  } else if (last === 'e') {
    past = `${lemma}d`;
    // "agree" keeps its e (agreeing); "note" drops it (noting).
    ing = /(ee|ye|oe)$/.test(lemma) ? `${lemma}ing` : `${lemma.slice(0, -1)}ing`;
  } else if (last === 'y' && !VOWELS.test(beforeLast)) {
    past = `${lemma.slice(0, -1)}ied`;
    ing = `${lemma}ing`;
  } else {
    past = `${lemma}ed`;
    ing = `${lemma}ing`;
  }
  if (spec.past) past = spec.past;
  const pp = spec.pp ?? past;
  return { base: lemma, s, past, pp, ing };
}

/**
 * FNV-1a hash of text[start, end) with ASCII letters lower-cased and ’ read as ', so a token can be
 * tested against the lexicon without slicing it out of the text.
 */
export function foldHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (c === 0x2019) c = 39;
    h ^= c;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Letter slot of a char code for gateKey: a-z (either case) 0-25, anything else 26. */
function slot(c: number): number {
  const l = c | 32;
  return l >= 97 && l <= 122 ? l - 97 : 26;
}

/**
 * Gate index of text[start, end): length (capped at 15), then the first two characters' letter
 * slots. Case and non-letters fold the same way foldHash does or coarser, so a form the hash would
 * accept always lands on a set gate entry.
 */
export function gateKey(text: string, start: number, end: number): number {
  const len = end - start;
  return ((len > 15 ? 15 : len) * 27 + slot(text.charCodeAt(start))) * 27 + slot(text.charCodeAt(start + 1));
}

/** Like gateKey, over the last two characters (the last, then the one before it). */
export function gateEndKey(text: string, start: number, end: number): number {
  const len = end - start;
  return ((len > 15 ? 15 : len) * 27 + slot(text.charCodeAt(end - 1))) * 27 + slot(text.charCodeAt(end - 2));
}

let cached: CueLexicon | null = null;

/** Loads (once) and compiles the cue lexicon. */
export function loadCueLexicon(): CueLexicon {
  if (cached) return cached;
  const single = new Map<string, CueEntry>();
  const verbs = lexicon.verbs as unknown as Record<string, VerbSpec>;
  for (const [lemma, spec] of Object.entries(verbs)) {
    const f = inflect(lemma, spec);
    const cls = spec.cls as CueClass;
    const obj = spec.obj === true;
    const frameOnly = spec.frameOnly === true;
    const forms: [string, CueEntry['form']][] = [
      [f.base, 'base'],
      [f.s, 's'],
      [f.past, 'past'],
      [f.pp, 'pp'],
      [f.ing, 'ing'],
    ];
    for (const [w, form] of forms) {
      if (!single.has(w)) single.set(w, { lemma, form, cls, obj, frameOnly, src: 'before' });
    }
  }
  const phrases = (lexicon.phrases as { text: string; cls: string; src?: string }[]).map((p) => ({
    words: p.text.split(' '),
    entry: {
      lemma: p.text,
      form: 'phrase' as const,
      cls: p.cls as CueClass,
      obj: false,
      frameOnly: false,
      src: (p.src ?? 'before') as CueEntry['src'],
    },
  }));
  // Longest phrases first so "in an interview with" wins over shorter overlaps.
  phrases.sort((a, b) => b.words.length - a.words.length);
  const phrasesByFirst = new Map<string, { words: string[]; entry: CueEntry }[]>();
  for (const p of phrases) {
    const k = p.words[0]!;
    const list = phrasesByFirst.get(k) ?? [];
    list.push(p);
    phrasesByFirst.set(k, list);
  }
  const hashes = new Set<number>();
  for (const w of single.keys()) hashes.add(foldHash(w, 0, w.length));
  for (const k of phrasesByFirst.keys()) hashes.add(foldHash(k, 0, k.length));
  const gate = new Uint8Array(16 * 27 * 27);
  const gateEnd = new Uint8Array(16 * 27 * 27);
  for (const w of [...single.keys(), ...phrasesByFirst.keys()]) {
    if (w.length < 2) continue;
    gate[gateKey(w, 0, w.length)] = 1;
    gateEnd[gateEndKey(w, 0, w.length)] = 1;
  }
  cached = { single, phrases, phrasesByFirst, hashes, gate, gateEnd, size: single.size + phrases.length };
  return cached;
}
