/**
 * The event coder: shallow patterns over the words of a sentence. A verb-phrase lexicon finds the action;
 * the actor is the subject found left of it in the same clause (or the "by" phrase of a passive); the target
 * is the first actor-like phrase right of it (or inside the pattern's gap: "designated X as terrorists").
 * Wrapper verbs change the code the way CAMEO does: "threatened to impose sanctions" is a threat (13x),
 * "offered to withdraw" an intent (03x), "refused to meet" a rejection (12x); "accused X of attacking" and
 * "demanded that X ..." are only the accusation or the demand. Speech is not an event: "X said Y attacked Z"
 * codes Y's attack, reported by X.
 */
import type { Doc, Entity, EntityType, Modality, NewsEvent, Span } from '../doc/types.js';
import { sectorOf } from '../entities/actors.js';
import { findActorHits, isCountryName, type ActorHit } from './actors.js';
import { LEXICON } from './lexicon.js';
import { isRegexSpace } from '../util/strings.js';
import { isDigit } from '../text/abbreviations.js';
import { nounForms, verbForms } from './morph.js';
import { goldstein, ploverMode, ploverOf, quadClass } from './ontology.js';

/** A word of a sentence, with its tag when a tagger has run. */
export interface Word {
  start: number;
  end: number;
  lower: string;
  pos: string;
  /** Starts with a capital letter (names, not verbs: "Secretary of State" is no speech verb). */
  cap: boolean;
  /** A verb of saying used as a verb (set by the coder; present from the start so all words share one shape). */
  speech: boolean;
}

// Words are what this regex matches, in order (test/events/words.test.ts runs it against the scanner):
//   /\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?:[A-Za-z]\.){2,}|[\p{L}]+(?=n['’]t\b)|n['’]t\b|['’]s\b|[\p{L}\p{N}]+(?:[-.'’][\p{L}\p{N}]+)*|[^\s]/gu
// numbers with thousands separators, dotted abbreviations ("U.S."), "do|n't", "'s", words with inner
// hyphens, dots and apostrophes, else any one non-space character.

const UPPER_START = /^\p{Lu}/u;

/** Part-of-speech tags by token start, for the coder's words: starts ascending, tag of each ('' for none). */
export interface PosIndex {
  starts: Int32Array;
  tags: string[];
}

/** Builds the tag index of a Doc's tokens (sorted by start, as segmentation leaves them). */
export function posIndex(tokens: readonly { start: number; pos?: string }[]): PosIndex {
  const starts = new Int32Array(tokens.length);
  const tags = new Array<string>(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    starts[i] = tokens[i]!.start;
    tags[i] = tokens[i]!.pos ?? '';
  }
  return { starts, tags };
}

/** Index of the first token starting at or after `at`. */
function firstFrom(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The tag of the token starting exactly at `at`, or ''. */
export function posAt(index: PosIndex, at: number): string {
  const k = firstFrom(index.starts, at);
  return k < index.starts.length && index.starts[k] === at ? index.tags[k]! : '';
}

// ---------------------------------------------------------------- the word scanner
// The word regex by hand: V8 tries the regex's seven branches at every word, and the coder splits every
// sentence. Offsets never look past `end`, as the regex never looked past the end of the sliced sentence.
const LETTER_RE = /^\p{L}$/u;
const ALNUM_RE = /^[\p{L}\p{N}]$/u;
/** Character classes of non-ASCII code points, answered once per code point (bit 1: \p{L}, bit 2: \p{N}). */
const classOf = new Map<number, number>();
function nonAsciiClass(cp: number): number {
  let k = classOf.get(cp);
  if (k === undefined) {
    const ch = String.fromCodePoint(cp);
    k = LETTER_RE.test(ch) ? 1 : ALNUM_RE.test(ch) ? 2 : 0;
    classOf.set(cp, k);
  }
  return k;
}
/** The code point at i, a surrogate pair read whole only when both halves lie before `end`. */
function codePointBefore(t: string, i: number, end: number): number {
  const c = t.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = t.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + d - 0xdc00 + 0x10000;
  }
  return c;
}
const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** \w as \b reads it (the regex has no i flag, so ASCII only). */
const isWordChar = (c: number): boolean => isDigit(c) || isAsciiLetter(c) || c === 95;
const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;
/** Whether the code point cp is \p{L} (letters only) or [\p{L}\p{N}]. */
function isLetterCp(cp: number): boolean {
  return cp < 128 ? isAsciiLetter(cp) : nonAsciiClass(cp) === 1;
}
function isAlnumCp(cp: number): boolean {
  return cp < 128 ? isAsciiLetter(cp) || isDigit(cp) : nonAsciiClass(cp) !== 0;
}
/** End of the run of letters (or, with `digits`, letters and digits) from i. */
function runEnd(t: string, i: number, end: number, digits: boolean): number {
  while (i < end) {
    const c = t.charCodeAt(i);
    if (c < 128) {
      if (!(isAsciiLetter(c) || (digits && isDigit(c)))) break;
      i++;
      continue;
    }
    const cp = codePointBefore(t, i, end);
    if (!(digits ? isAlnumCp(cp) : isLetterCp(cp))) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}
/** Whether text[q, q+4) is a thousands group ",ddd". */
function thousands(t: string, q: number, end: number): boolean {
  return q + 3 < end && t.charCodeAt(q) === 44 && isDigit(t.charCodeAt(q + 1)) && isDigit(t.charCodeAt(q + 2)) && isDigit(t.charCodeAt(q + 3));
}
/** n['’]t\b at q. */
function notAt(t: string, q: number, end: number): boolean {
  return q + 2 < end && t.charCodeAt(q) === 110 && isApostrophe(t.charCodeAt(q + 1)) && t.charCodeAt(q + 2) === 116 && (q + 3 >= end || !isWordChar(t.charCodeAt(q + 3)));
}

/** End of the word the regex would match at p (a non-space character), trying its branches in order. */
function wordEnd(t: string, p: number, end: number): number {
  const c = t.charCodeAt(p);
  // \d{1,3}(?:,\d{3})+(?:\.\d+)?  ("1,200", "3,000,000.5")
  if (isDigit(c)) {
    let d = p + 1;
    while (d < end && isDigit(t.charCodeAt(d))) d++;
    if (d - p <= 3 && thousands(t, d, end)) {
      let q = d + 4;
      while (thousands(t, q, end)) q += 4;
      if (q + 1 < end && t.charCodeAt(q) === 46 && isDigit(t.charCodeAt(q + 1))) {
        q += 2;
        while (q < end && isDigit(t.charCodeAt(q))) q++;
      }
      return q;
    }
  }
  // (?:[A-Za-z]\.){2,}  ("U.S.")
  if (isAsciiLetter(c)) {
    let q = p;
    while (q + 1 < end && isAsciiLetter(t.charCodeAt(q)) && t.charCodeAt(q + 1) === 46) q += 2;
    if (q - p >= 4) return q;
  }
  const cp = c < 128 ? c : codePointBefore(t, p, end);
  // [\p{L}]+(?=n['’]t\b)  ("do" of "don't"): the n must end the letter run, with letters before it.
  if (isLetterCp(cp)) {
    const e = runEnd(t, p, end, false);
    if (e - 1 > p && notAt(t, e - 1, end)) return e - 1;
  }
  // n['’]t\b
  if (notAt(t, p, end)) return p + 3;
  // ['’]s\b
  if (isApostrophe(c) && p + 1 < end && t.charCodeAt(p + 1) === 115 && (p + 2 >= end || !isWordChar(t.charCodeAt(p + 2)))) return p + 2;
  // [\p{L}\p{N}]+(?:[-.'’][\p{L}\p{N}]+)*
  if (isAlnumCp(cp)) {
    let q = runEnd(t, p, end, true);
    for (;;) {
      const sep = q < end ? t.charCodeAt(q) : 0;
      if (!(sep === 45 || sep === 46 || isApostrophe(sep)) || q + 1 >= end || !isAlnumCp(codePointBefore(t, q + 1, end))) break;
      q = runEnd(t, q + 1, end, true);
    }
    return q;
  }
  // [^\s]: one code point.
  return p + (cp > 0xffff ? 2 : 1);
}

/** Splits text[start, end) into words (the coder's own, stable granularity; tags come from the doc's tokens). */
export function words(text: string, start: number, end: number, pos?: PosIndex): Word[] {
  const out: Word[] = [];
  // Words and tokens both come in text order: one pointer walks the tokens.
  const starts = pos?.starts;
  const n = starts?.length ?? 0;
  let k = starts ? firstFrom(starts, start) : 0;
  let a = start;
  for (;;) {
    while (a < end && isRegexSpace(text.charCodeAt(a))) a++;
    if (a >= end) break;
    const b = wordEnd(text, a, end);
    let tag = '';
    if (starts) {
      while (k < n && starts[k]! < a) k++;
      if (k < n && starts[k] === a) tag = pos!.tags[k]!;
    }
    const w = text.slice(a, b);
    // ASCII first letters answer the capital test without a Unicode regex (most words).
    const c = w.charCodeAt(0);
    out.push({ start: a, end: b, lower: w.toLowerCase(), pos: tag, cap: c < 128 ? c >= 65 && c <= 90 : UPPER_START.test(w), speech: false });
    a = b;
  }
  return out;
}

// ---------------------------------------------------------------- lexicon, compiled once
interface Pattern {
  slots: Set<string>[];
  gapBefore: boolean[];
  cameo: string;
  noun: boolean;
  sym: boolean;
  base: string;
  flags: string;
}
const INDEX = new Map<string, Pattern[]>();
for (const [pattern, cameo, flags = ''] of LEXICON) {
  const parts = pattern.split(' ');
  const slots: Set<string>[] = [];
  const gapBefore: boolean[] = [];
  const noun = flags.split(' ').includes('n');
  let gap = false;
  for (const p of parts) {
    if (p === '~') { gap = true; continue; }
    const alts = p.split('|');
    const forms = new Set<string>();
    for (const a of alts) {
      const fs = slots.length === 0 ? (noun ? nounForms(a) : verbForms(a)) : [a, ...nounForms(a)];
      for (const f of fs) forms.add(f);
    }
    slots.push(forms);
    gapBefore.push(gap);
    gap = false;
  }
  const pat: Pattern = { slots, gapBefore, cameo, noun, sym: flags.split(' ').includes('sym'), base: parts[0]!.split('|')[0]!, flags };
  for (const f of slots[0]!) {
    const list = INDEX.get(f) ?? [];
    list.push(pat);
    INDEX.set(f, list);
  }
}
for (const list of INDEX.values()) list.sort((a, b) => b.slots.length - a.slots.length);

// ---------------------------------------------------------------- word classes
const set = (s: string): Set<string> => new Set(s.split(' '));
const PUNCT = /^[,;:.!?()[\]{}"“”‘’'—–]$/;
const DETERMINERS = set('a an the this these those its their his her our my your any no such some several every each another');
const BE = set('is are was were be been being am get got gets');
const TEMPORAL = set('today yesterday tonight tomorrow morning evening night week month year weekend');
const DENY = set('deny denies denied denying');
const NEG = set('not n\'t n’t never no neither nor');
const PLANNED = set('will would shall \'ll going plans plan planned planning intends intend intended aims aim set wants want wanted seeks seek sought');
const HYPOTHETICAL = set('may might could can');
const WILLING = set('willing ready prepared committed determined eager');
const SPEECH = new Set([
  ...verbForms('say'), ...verbForms('tell'), ...verbForms('announce'), ...verbForms('state'), ...verbForms('add'),
  ...verbForms('report'), ...verbForms('claim'), ...verbForms('insist'), ...verbForms('affirm'), ...verbForms('note'),
  ...verbForms('clarify'), ...verbForms('stress'), ...verbForms('explain'), ...verbForms('confirm'),
  ...verbForms('reiterate'), ...verbForms('assert'), ...verbForms('argue'), ...verbForms('declare'),
  ...verbForms('express'), ...verbForms('emphasize'), ...verbForms('highlight'), ...verbForms('indicate'),
  ...verbForms('suggest'), ...verbForms('acknowledge'), ...verbForms('admit'), ...verbForms('hope'),
  ...verbForms('believe'), ...verbForms('write'), ...verbForms('conclude'), ...verbForms('deny'), 'wrote', 'written',
]);
function isSpeech(w: Word): boolean {
  return w.speech === true;
}

/** Marks speech verbs: lower case, and not a noun after "of", "the"... ("Secretary of state", "the report"). */
function markSpeech(ws: Word[]): void {
  for (let t = 0; t < ws.length; t++) {
    const w = ws[t]!;
    if (w.cap || !SPEECH.has(w.lower)) continue;
    const prev = ws[t - 1]?.lower ?? '';
    if (DETERMINERS.has(prev) || prev === 'of') continue;
    if (w.pos && !w.pos.startsWith('VB')) continue;
    w.speech = true;
  }
}
const LIGHT = new Set(['issue', 'make', 'repeat', 'renew', 'launch', 'undertake', 'stage', 'hold', 'begin', 'start', 'voice', 'reiterate', 'press', 'announce', 'declare', 'mount', 'conduct', 'carry', 'complete', 'speed', 'order', 'continue', 'step', 'lead', 'join', 'call'].flatMap((v) => verbForms(v)));
const FUNCTION_SLOT = set('as to with on for from of against into at');
const ADJECTIVAL = set('opposed committed prepared determined willing ready concerned involved');
const SUBORD = set('although though while whereas because since if unless after before when whenever once despite following as until');
// "to" is left out: "resorted to throwing stones" is an action, not a circumstance.
const PREPS = set('in on at for with by from under over during amid after before since into against among between through despite following according of');
const PRONOUNS = set('he she it they we i');
const LINK = set('of the in for to and \'s ’s - – senior top former new local ethnic radical armed drug rebel rival visiting exiled interim acting deputy chief foreign throughout across');
const STOP = set('is are was were be been being has have had will would can could may might must should shall do did does not no to that which who whom whose and or but if as at by on with from into over after before than then also only just this these those it its they their he she his her we our a an said says today yesterday tonight');
const RIOTERS = /\b(?:protest[eo]rs?|demonstrators?|rioters?|mobs?|marchers)\b/i;
const RIGHT_STOP = set('said says say told tells while but although whereas because after before saying adding according which who whose when where whom');

/** The code a wrapper verb gives to the action it governs ("threatened to X", "offered to X", "refused to X"). */
function intentCode(code: string): string {
  const r = code.slice(0, 2);
  const m: Record<string, string> = { '03': code, '04': '036', '05': '032', '06': '031', '07': '033', '08': '035', '02': code };
  return m[r] ?? threatCode(code);
}
function threatCode(code: string): string {
  const r = code.slice(0, 2);
  if (code === '163' || code === '172') return '132';
  const m: Record<string, string> = { '14': '133', '16': '131', '17': '137', '18': '138', '19': '138', '20': '138', '08': '136', '13': code };
  return m[r] ?? '130';
}
function refuseCode(code: string): string {
  const m: Record<string, string> = { '03': '125', '04': '125', '05': '120', '06': '121', '07': '122', '08': '124' };
  return m[code.slice(0, 2)] ?? '120';
}
const coop = (code: string): boolean => { const r = Number(code.slice(0, 2)); return r >= 2 && r <= 8; };

// ---------------------------------------------------------------- actor phrases
/** A phrase that can be an actor or target: a group of adjacent names, demonyms and sector words. */
export interface Group {
  start: number;
  end: number;
  entity: string | null;
  country: string | null;
  sector: string | null;
  activity: boolean;
  /** Conjuncts when the group is "X and Y" with a country each ("Jordan and Britain"). Always present, so
   * that every group has one shape (V8 deoptimises code that meets a second one). */
  parts: Group[] | undefined;
}

interface Atom {
  start: number;
  end: number;
  entity: Entity | null;
  type: EntityType | null;
  country: string | null;
  sector: string | null;
  activity: boolean;
}

/** Per-document context the coder needs: entity mentions by position, and earlier actors for anaphora. */
export interface DocContext {
  doc: Doc;
  mentions: { start: number; end: number; entity: Entity }[];
  pos: PosIndex;
  history: Group[];
  atomCache?: { start: number; end: number; atoms: Atom[] } | undefined;
  sentences: Span[];
}

/** Builds the per-document context once. */
export function docContext(doc: Doc): DocContext {
  const mentions: DocContext['mentions'] = [];
  for (const e of doc.entities) for (const m of e.mentions) mentions.push({ start: m.start, end: m.end, entity: e });
  mentions.sort((a, b) => a.start - b.start);
  // atomCache is set per sentence later; it exists from the start so that every context has one shape.
  return { doc, mentions, pos: posIndex(doc.tokens), history: [], atomCache: undefined, sentences: doc.sentences };
}

const CAP_RUN = /(?:[A-Z][\p{L}'’.-]*|al-|bin|de|of)(?:\s+(?:[A-Z][\p{L}'’.-]*|al-[A-Z][\p{L}-]*|bin|bin|de|of|al))*/gu;
const CAP_SKIP = set('The A An In On At For But And As If When While Although After Before Earlier Later Recent According Under With Up Some About Angry Thousands Tens Newly It He She They We This That There Its Their His Her Mr Mrs Ms Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December');

function atomsIn(ctx: DocContext, a: number, b: number): Atom[] {
  // Atoms of the current sentence are found once; phrases inside it are filtered from them.
  const c = ctx.atomCache;
  if (c && a >= c.start && b <= c.end) return c.atoms.filter((x) => x.start >= a && x.end <= b);
  return findAtoms(ctx, a, b);
}

function findAtoms(ctx: DocContext, a: number, b: number): Atom[] {
  const text = ctx.doc.text;
  const atoms: Atom[] = [];
  for (const m of ctx.mentions) {
    if (m.end <= a) continue;
    if (m.start >= b) break;
    if (m.start < a || m.end > b) continue;
    const isPron = /^(?:he|she|it|they|we|him|her|them|his|its|their)$/i.test(text.slice(m.start, m.end));
    if (isPron) continue;
    atoms.push({ start: m.start, end: m.end, entity: m.entity, type: m.entity.type, country: m.entity.country, sector: m.entity.sector ?? null, activity: false });
  }
  for (const h of findActorHits(text, a, b)) {
    const inside = atoms.find((x) => x.start <= h.start && h.end <= x.end);
    if (inside) {
      // The country lexicon is exact for a country's own name or demonym; it wins over a gazetteer guess.
      if (inside.start === h.start && inside.end === h.end && h.country) inside.country = h.country;
      // "South Lebanon", "southern Guyana": a place named after its country ends with the country's name.
      else if (h.country && h.end === inside.end && (inside.type === 'GPE' || inside.type === 'LOC')) inside.country = h.country;
      inside.country ??= h.country;
      inside.sector ??= h.sector;
      continue;
    }
    const overlapping = atoms.filter((x) => x.start < h.end && h.start < x.end);
    // A country name the recogniser cut in pieces ("Democratic People" + "Republic of Korea") is one actor.
    if (overlapping.length > 0 && !(h.country && overlapping.every((x) => h.start <= x.start && x.end <= h.end))) continue;
    for (const x of overlapping) atoms.splice(atoms.indexOf(x), 1);
    atoms.push({ start: h.start, end: h.end, entity: null, type: null, country: h.country, sector: h.sector, activity: h.activity ?? false });
  }
  if (ctx.doc.entities.length === 0) {
    // No entity layer: capitalised runs stand in for names so that "President Bush" can be an actor.
    const s = text.slice(a, b);
    CAP_RUN.lastIndex = 0;
    for (let m = CAP_RUN.exec(s); m; m = CAP_RUN.exec(s)) {
      let st = a + m.index;
      let en = st + m[0].length;
      const ws = m[0].split(/\s+/);
      while (ws.length > 0 && (CAP_SKIP.has(ws[0]!) || !/^[A-Z]/.test(ws[0]!))) { st += ws[0]!.length; ws.shift(); st = skipSpace(text, st); }
      while (ws.length > 0 && !/^[A-Z]/.test(ws.at(-1)!)) { en -= ws.at(-1)!.length; ws.pop(); en = trimEnd(text, en); }
      if (ws.length === 0 || en <= st) continue;
      // Keep the capitalised words no country or sector word covers ("Ambassador to Mexico [Ronald Johnson]").
      const re = /[^\s]+/g;
      let pieceStart = -1;
      let pieceEnd = -1;
      const flush = (): void => {
        if (pieceStart >= 0) atoms.push({ start: pieceStart, end: pieceEnd, entity: null, type: 'PERSON', country: null, sector: null, activity: false });
        pieceStart = -1;
      };
      const run = text.slice(st, en);
      for (let w = re.exec(run); w; w = re.exec(run)) {
        const ws0 = st + w.index;
        const we0 = ws0 + w[0].length;
        const word = w[0].replace(/[.,;:]+$/, '');
        const covered = atoms.some((x) => x.start < we0 && ws0 < x.end);
        // A tagger knows "Speaking", "Last" and "Of" are no names even when capitalised.
        const tag = posAt(ctx.pos, ws0);
        const notName = tag !== undefined && tag !== '' && !tag.startsWith('NNP');
        if (covered || !/^[A-Z]/.test(word) || CAP_SKIP.has(word) || notName) { flush(); continue; }
        if (pieceStart < 0) pieceStart = ws0;
        // "U.S." keeps its dots; a sentence's full stop is not part of the name.
        pieceEnd = /^(?:[A-Z]\.)+$/.test(w[0]) ? we0 : ws0 + word.length;
      }
      flush();
    }
  }
  // "Al Qaeda-linked militants", "Iranian-backed groups", "pro-Russia rebels", "anti-Israel protesters": a name
  // that only qualifies the phrase is neither its actor nor its country.
  return atoms.filter((x) => !AFFILIATE_AFTER.test(text.slice(x.end, x.end + 14)) && !AFFILIATE_BEFORE.test(text.slice(Math.max(0, x.start - 5), x.start)))
    .sort((x, y) => x.start - y.start);
}
const AFFILIATE_AFTER = /^[-–](?:linked|backed|allied|affiliated|inspired|aligned|supported|sponsored|funded)\b/i;
const AFFILIATE_BEFORE = /\b(?:pro|anti)[-–]$/i;
function skipSpace(t: string, i: number): number { while (i < t.length && /\s/.test(t[i]!)) i++; return i; }
function trimEnd(t: string, i: number): number { while (i > 0 && /\s/.test(t[i - 1]!)) i--; return i; }

function linkable(ctx: DocContext, prev: Atom, gapStart: number, gapEnd: number): boolean {
  if (gapEnd - gapStart > 40) return false;
  // Most gaps are a space or "'s"; only longer ones need splitting into words.
  if (/^\s*(?:['’]s)?\s*$/.test(ctx.doc.text.slice(gapStart, gapEnd))) return true;
  const ws = words(ctx.doc.text, gapStart, gapEnd, ctx.pos);
  if (ws.length > 3) return false;
  for (const w of ws) {
    // "Ambassador to Mexico" is one title; "intelligence to Macedonia" is two phrases.
    if (w.lower === 'to' && !(prev.sector === 'GOV' && ws.length === 1)) return false;
    if (LINK.has(w.lower)) continue;
    if (w.cap) continue;
    if (w.pos) {
      if (/^(?:JJ|NN|CD|POS|HYPH)/.test(w.pos) && !BE.has(w.lower)) continue;
      return false;
    }
    // Untagged: a content word that does not look like a verb or adverb ("junior", "groups", "army").
    if (STOP.has(w.lower) || PUNCT.test(w.lower) || /(?:ed|ing|ly)$/.test(w.lower) || INDEX.has(w.lower) || SPEECH.has(w.lower)) return false;
  }
  return true;
}

/** Groups atoms in [a, b) into actor phrases; "X and Y" with a country each becomes one group with parts. */
/**
 * The first group in [a, b), or undefined. One function for every caller that wants only the first:
 * indexing groupsIn's result at each call site deoptimised those callers ("out of bounds", "wrong
 * map") whenever one first met an empty result, whose array is of another elements kind.
 */
function firstGroupIn(ctx: DocContext, a: number, b: number): Group | undefined {
  const gs = groupsIn(ctx, a, b);
  return gs.length > 0 ? gs[0] : undefined;
}

function groupsIn(ctx: DocContext, a: number, b: number): Group[] {
  const atoms = atomsIn(ctx, a, b);
  const runs: Atom[][] = [];
  for (const at of atoms) {
    const last = runs.at(-1);
    const prev = last?.at(-1);
    // "The US, Russia, and Switzerland": a list of countries is one conjoined phrase.
    const list = !!prev && !!prev.country && !!at.country && /^\s*,\s*(?:and\s+)?$/.test(ctx.doc.text.slice(prev.end, at.start));
    if (last && prev && (list || linkable(ctx, prev, prev.end, at.start))) last.push(at);
    else runs.push([at]);
  }
  const text = ctx.doc.text;
  return runs.map((run) => {
    // Split at "and" between atoms that each name a country: conjoined actors.
    const parts: Atom[][] = [[]];
    for (let i = 0; i < run.length; i++) {
      const at = run[i]!;
      const prev = run[i - 1];
      if (prev && /\band\b|,/.test(text.slice(prev.end, at.start)) && at.country && parts.at(-1)!.some((x) => x.country)) parts.push([]);
      parts.at(-1)!.push(at);
    }
    const g = toGroup(run, text);
    if (parts.length > 1) {
      const gs = parts.map((p) => toGroup(p, text));
      const sector = gs.at(-1)!.sector;
      for (const p of gs) p.sector ??= sector;
      g.parts = gs;
    }
    return g;
  });
}

function toGroup(run: Atom[], text: string): Group {
  // A nationality word only modifies a head ("Mexican drug cartels"); it is the actor only standing alone.
  // A place is the actor only as the phrase's head, its first word ("U.S. military", not "envoy in Geneva").
  const first = run[0]!;
  const named = run.find((x) => x.type === 'PERSON' || x.type === 'ORG') ??
    (first.entity && (first.type !== 'NORP' || run.length === 1) ? first : undefined);
  let country = named && named.type !== 'GPE' && named.type !== 'LOC' ? named.entity?.country ?? null : null;
  if (!country) for (const x of run) if (x.country) { country = x.country; break; }
  // The sector comes from the phrase's head (the entity layer's actorCodes reads it from the head noun
  // leftwards), else from a sector noun ("protesters in Jerusalem" are OPP, not the capital's GOV).
  let sector: string | null = named?.entity?.sector ?? null;
  const phrase = text.slice(run[0]!.start, run.at(-1)!.end);
  // sectorOf is what actorCodes(phrase).sector reads, without actorCodes' country lookup, unused here.
  if (!sector) sector = sectorOf(phrase);
  if (!sector) sector = run.find((x) => x.sector && !x.country && !x.entity)?.sector ?? null;
  if (!sector) for (const x of run) if (x.sector) sector = x.sector;
  // CAMEO writes international organisations in the country slot ("IGO"); the entity layer calls it a sector.
  if (!country && sector === 'IGO') country = 'IGO';
  if (sector === 'IGO') sector = null;
  return {
    start: run[0]!.start,
    end: run.at(-1)!.end,
    entity: named?.entity?.id ?? null,
    country,
    sector,
    activity: run.every((x) => x.activity),
    parts: undefined,
  };
}

// ---------------------------------------------------------------- matching
interface Match {
  i: number; // trigger word index
  j: number; // last word index
  pat: Pattern;
  gaps: [number, number][]; // word index ranges skipped inside the pattern
  cameo: string;
  text: string;
  absorbed: boolean;
  /** Folded into the action it governs ("threatened" in "threatened to impose"). */
  merged: boolean;
  /** The action a refusal governs ("refused to [meet]"), coded again as a negated event. */
  refused: { cameo: string; text: string } | undefined;
  negated: boolean;
  modality: Modality;
  wrapperEnd: number;
  actorFrom: number | undefined; // word index where the subject search should end (wrapper start)
}

function matchAt(ws: Word[], i: number, pat: Pattern): { j: number; gaps: [number, number][] } | null {
  let j = i;
  const gaps: [number, number][] = [];
  for (let k = 1; k < pat.slots.length; k++) {
    const slot = pat.slots[k]!;
    if (pat.gapBefore[k]) {
      let found = -1;
      for (let t = j + 1; t < ws.length && t <= j + 7; t++) {
        if (PUNCT.test(ws[t]!.lower)) break;
        if (slot.has(ws[t]!.lower)) { found = t; break; }
      }
      if (found < 0) return null;
      if (found > j + 1) gaps.push([j + 1, found - 1]);
      j = found;
    } else {
      const w = ws[j + 1];
      if (!w || !slot.has(w.lower)) return null;
      j++;
    }
  }
  return { j, gaps };
}

function isNounUse(ws: Word[], i: number): boolean {
  const w = ws[i]!;
  // "aid agencies", "strike force": a noun modifying the next noun names no event.
  const nx = ws[i + 1];
  if (w.pos && /^NN/.test(w.pos) && nx && /^NNS?$/.test(nx.pos) && !TEMPORAL.has(nx.lower)) return false;
  if (w.pos) return /^NN/.test(w.pos);
  const prev = ws[i - 1];
  return !!prev && (DETERMINERS.has(prev.lower) || /^(?:of|'s|’s)$/.test(prev.lower));
}
function isVerbUse(ws: Word[], i: number): boolean {
  const w = ws[i]!;
  const before = ws[i - 1]?.lower ?? '';
  // After a modal or "to" it is a verb, whatever a tagger thought ("would blockade Paris").
  if (/^(?:will|would|shall|should|can|could|may|might|must|to)$/.test(before)) return true;
  // "A roadside bombing near ...", "the shelling of": an -ing word after a determiner (and modifiers) with
  // no object after it is a noun; "a directive authorizing force" keeps its object and is a verb.
  if (w.lower.endsWith('ing')) {
    let p = i - 1;
    while (p >= 0 && /^(?:JJ|NN)/.test(ws[p]!.pos) && !ws[p]!.cap && i - p <= 2) p--;
    const next = ws[i + 1];
    const noObject = !next || (next.lower !== 'that' && /^(?:IN|TO|VB|MD|CC|,|\.|:)/.test(next.pos)) || PUNCT.test(next.lower);
    if (noObject && p >= 0 && DETERMINERS.has(ws[p]!.lower)) return false;
  }
  // "his alleged part", "the occupied West Bank": a participle after a determiner is an adjective.
  if (DETERMINERS.has(ws[i - 1]?.lower ?? '') && (w.pos === 'VBN' || w.pos === 'JJ' || (!w.pos && /ed$/.test(w.lower)))) return false;
  if (w.pos) return /^(?:VB|MD)/.test(w.pos) || (/^(?:NN|JJ)/.test(w.pos) && /(?:ed|en)$/.test(w.lower));
  return !isNounUse(ws, i);
}

function findMatches(text: string, ws: Word[]): Match[] {
  const found: Match[] = [];
  // In running text a capitalised trigger is part of a name ("Free Trade Agreement"); headlines capitalise all.
  // Computed on first need: most sentences have no capitalised trigger.
  let titleCase: boolean | undefined;
  for (let i = 0; i < ws.length; i++) {
    const pats = INDEX.get(ws[i]!.lower);
    if (!pats) continue;
    if (ws[i]!.cap && i > 0 && !PUNCT.test(ws[i - 1]!.lower)) {
      titleCase ??= ws.filter((w) => w.cap).length > 0.6 * ws.filter((w) => /^\p{L}/u.test(w.lower)).length;
      if (!titleCase) continue;
    }
    for (const pat of pats) {
      if (pat.noun) {
        // A one-word event noun must be used as a noun ("aid agencies" is not aid), unless a hyphenated or
        // capitalised pair names the sides ("U.S.-Mexico collaboration").
        const prev = ws[i - 1];
        const paired = !!prev && (prev.lower === '-' || prev.cap || /-/.test(prev.lower));
        if (pat.slots.length === 1 && !isNounUse(ws, i) && !paired) continue;
      } else if (!isVerbUse(ws, i)) continue;
      const r = matchAt(ws, i, pat);
      if (!r) continue;
      found.push({
        i, j: r.j, pat, gaps: r.gaps, cameo: pat.cameo, text: text.slice(ws[i]!.start, ws[r.j]!.end),
        absorbed: false, merged: false, refused: undefined, negated: false, modality: 'asserted', wrapperEnd: -1, actorFrom: undefined,
      });
      break;
    }
  }
  // Longest match wins where matches overlap ("suspended part of a military aid program" over "aid").
  const byLen = [...found].sort((a, b) => (b.j - b.i) - (a.j - a.i) || a.i - b.i);
  const kept: Match[] = [];
  for (const m of byLen) if (!kept.some((k) => m.i >= k.i && m.i <= k.j)) kept.push(m);
  return kept.sort((a, b) => a.i - b.i);
}

const HEAVY_WEAPON = /^(?:missiles?|rockets?|mortars?|shells?|artillery|cannons?|howitzers?|surface-to-air|ground-to-ground)$/;
const WISH = set('hope hopes hoped hoping wish wishes wished wishing');
const CLAIM = set('claim claims claimed claiming');
/** Index of a claim verb ("claimed (that)") opening the clause that holds the word at head, or -1. */
function claimBefore(ws: Word[], head: number): number {
  for (let t = head - 1; t >= 0 && t >= head - 10; t--) {
    const w = ws[t]!;
    if (isBoundaryWord(w) || w.lower === '.' || (isSpeech(w) && !CLAIM.has(w.lower))) return -1;
    if (CLAIM.has(w.lower)) return t;
  }
  return -1;
}

function isBoundaryWord(w: Word): boolean {
  return w.lower === ';' || w.lower === ':' || w.lower === '"' || w.lower === '“' || w.lower === '”';
}

// ---------------------------------------------------------------- the coder
/** One event as the coder sees it, before it becomes a NewsEvent. */
export interface CodedEvent {
  actor: Group | null;
  target: Group | null;
  cameo: string;
  text: string;
  negated: boolean;
  modality: Modality;
  reporter: Group | null;
  trigger: Span;
}

const WRAP_INTENT = set('agree offer promise pledge vow');
const WRAP_THREAT = set('threaten warn');
const WRAP_REFUSE = set('refuse decline');
const WRAP_ABSORB = set('demand accuse blame allege urge call appeal criticize criticise condemn denounce reject dismiss press ultimatum request ask insist');

/** Codes the events of one sentence. */
export function codeSentence(ctx: DocContext, sent: Span): CodedEvent[] {
  const text = ctx.doc.text;
  const ws = words(text, sent.start, sent.end, ctx.pos);
  const matches = findMatches(text, ws);
  if (matches.length === 0 && !ws.some((w) => w.lower === 'must')) return [];
  // Speech verbs matter only from here on (findMatches does not read them), and most sentences stop above.
  markSpeech(ws);
  ctx.atomCache = { start: sent.start, end: sent.end, atoms: findAtoms(ctx, sent.start, sent.end) };
  // The steps are separate functions: V8, run --single-threaded, compiles each on the pipeline's own
  // thread, and one function this size took over 200 ms to optimise (and again after each deoptimisation).
  mergeWrappers(text, ws, matches, sent);
  absorbAdjuncts(ws, matches);
  const out = mustEvents(ctx, ws, matches, sent);
  let prevActor: Group | null = null;
  for (const m of matches) if (!m.absorbed) prevActor = codeMatch(ctx, ws, matches, m, sent, out, prevActor);
  finishEvents(ctx, ws, sent, out);
  return out;
}

/** Wrappers: the action right after "threatened to", "offered to", "refused to", "accused X of" ... */
function mergeWrappers(text: string, ws: Word[], matches: Match[], sent: Span): void {
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    if (m.merged) continue;
    const base = m.pat.base;
    const next = matches[k + 1];
    if (!next || next.i - m.j > 8 || ws.slice(m.j + 1, next.i).some((w) => isBoundaryWord(w) || isSpeech(w))) continue;
    const wrap = WRAP_INTENT.has(base) ? 'intent' : WRAP_THREAT.has(base) ? 'threat' : WRAP_REFUSE.has(base) ? 'refuse' : WRAP_ABSORB.has(base) || m.cameo.startsWith('11') || m.cameo.startsWith('10') ? 'absorb' : null;
    if (!wrap) continue;
    // Inside an absorbed complement ("rejected a US offer to host a summit") everything is absorbed.
    if (wrap === 'absorb' || m.absorbed) {
      next.absorbed = true;
      // The whole complement goes: "called on Trump to stop attacking Machado and apologize".
      const end = rightLimit(ws, m.j, sent.end);
      for (const o of matches.slice(k + 2)) if (ws[o.i]!.start < end && !ws.slice(m.j + 1, o.i).some((w) => isSpeech(w) || isBoundaryWord(w))) o.absorbed = true;
      continue;
    }
    // "threatened to X", "offered to X", "warned that ... will X"; not "vowed opposition to".
    // The words between are read in place: a sliced and mapped copy is an array of another elements
    // kind when empty, and indexing it deoptimised this function the first time one was.
    const lo = m.j + 1;
    const len = Math.max(0, next.i - lo);
    const toNext = len > 0 && len <= 3 && ws[lo]!.lower === 'to';
    if (!(toNext || (len <= 8 && hasWord(ws, lo, next.i, 'that')) || (len === 0 && m.j === next.i - 1))) continue;
    // Agreeing to do something is agreement whatever it is ("agreed to postpone the demonstration");
    // offering, promising or vowing a hostile act is a threat.
    // A refusal is a rejection, and the refused action itself did not happen: keep it, negated.
    if (wrap === 'refuse') next.refused = { cameo: next.cameo, text: next.text };
    next.cameo = wrap === 'intent' ? (base === 'agree' && !coop(next.cameo) ? '030' : intentCode(next.cameo)) : wrap === 'threat' ? threatCode(next.cameo) : refuseCode(next.cameo);
    next.text = text.slice(ws[m.i]!.start, ws[next.j]!.end);
    next.actorFrom = m.i;
    if (wrap === 'intent' && next.modality === 'asserted') next.modality = 'planned';
    m.absorbed = true;
    m.merged = true;
  }
}

/** Whether a word in ws[from, to) is `lower`. */
function hasWord(ws: Word[], from: number, to: number, lower: string): boolean {
  for (let t = from; t < to; t++) if (ws[t]!.lower === lower) return true;
  return false;
}

function absorbAdjuncts(ws: Word[], matches: Match[]): void {
  // "staged demonstrations to demand reforms", "demonstrated on Sunday calling for independence": an
  // infinitive of purpose or an -ing adjunct after an event belongs to it and is no event of its own.
  for (let k = 1; k < matches.length; k++) {
    const n = matches[k]!;
    if (n.absorbed || n.pat.noun) continue;
    const prev = matches.slice(0, k).reverse().find((o) => !o.absorbed || o.merged);
    if (!prev) continue;
    const between = ws.slice(prev.j + 1, n.i);
    const adjunct = ws[n.i]!.lower.endsWith('ing') && !BE.has(ws[n.i - 1]?.lower ?? '') && !n.actorFrom;
    // Coordinated participles ("suspending X and arresting Y") stay adjuncts; a finite "and" starts a new event.
    const stops = adjunct ? /^(?:but|while|who|which|that|after|before|when|as)$/ : /^(?:and|but|while|who|which|that|after|before|when|as)$/;
    if (between.length > (adjunct ? 20 : 14) || between.some((w) => isBoundaryWord(w) || isSpeech(w) || stops.test(w.lower))) continue;
    const purpose = ws[n.i - 1]?.lower === 'to' && !n.actorFrom;
    if (purpose || adjunct) n.absorbed = true;
  }
}

function mustEvents(ctx: DocContext, ws: Word[], matches: Match[], sent: Span): CodedEvent[] {
  const text = ctx.doc.text;
  // "X said (that) Y must ..." is a demand by X on Y.
  const found: CodedEvent[] = [];
  for (let i = 0; i < ws.length; i++) {
    if (ws[i]!.lower !== 'must') continue;
    let sp = -1;
    for (let t = i - 1; t >= 0 && t >= i - 12; t--) if (isSpeech(ws[t]!) || ws[t]!.lower === 'demanded') { sp = t; break; }
    if (sp < 0) continue;
    const actor = subjectOf(ctx, ws, sp, sent);
    const tg = firstGroupIn(ctx, ws[sp]!.end, ws[i]!.start) ?? null;
    found.push({ actor, target: tg, cameo: '100', text: text.slice(ws[sp]!.start, ws[Math.min(i + 1, ws.length - 1)]!.end), negated: false, modality: 'asserted', reporter: null, trigger: { start: ws[sp]!.start, end: ws[i]!.end } });
    for (const m of matches) if (m.i > i && m.i - i < 6) m.absorbed = true;
  }
  return found;
}

/** Codes one match into `out`; returns the actor a following "and <verb>" without a subject takes. */
function codeMatch(ctx: DocContext, ws: Word[], matches: Match[], m: Match, sent: Span, out: CodedEvent[], prevActor: Group | null): Group | null {
  const text = ctx.doc.text;
  const head = m.actorFrom ?? m.i;
  // "killed two youths and wounded five others": a coordinated verb of the same kind is the same event.
  const lastOut = out.at(-1);
  if (lastOut && /^(?:and|or)$/.test(ws[m.i - 1]?.lower ?? '') && lastOut.cameo.slice(0, 2) === m.cameo.slice(0, 2)) return prevActor;
  const md = modalityOf(ws, m, head);
  let cameo = md.cameo;
  let negated = md.negated;
  const modality = md.modality;
  // Plain statements (01) have no PLOVER type; only the lexicon's explicit ones are coded (CAMEO still counts them).
  if (ploverOf(cameo) === null && !cameo.startsWith('01')) return prevActor;
  // "for helping militants", "by alleging": a gerund after a preposition is a circumstance, not a report.
  const before = ws[head - 1]?.lower ?? '';
  if (!m.pat.noun && ws[m.i]!.lower.endsWith('ing') && PREPS.has(before) && !m.actorFrom) return prevActor;
  // "seizing on his comments" is an idiom, not a seizure.
  if (m.pat.base === 'seize' && /^(?:on|upon)$/.test(ws[m.j + 1]?.lower ?? '')) return prevActor;
  // "offered no proof": the object is negated.
  if (ws[m.j + 1]?.lower === 'no') negated = true;
  // "helped to plan killings": the help is for what follows, not aid.
  if (m.pat.base === 'help' && (ws[m.j + 1]?.lower === 'to' || ws[m.j + 1]?.pos === 'VB')) return prevActor;
  // A bare "vowed" with no action after it is no event ("Mexico vows strong opposition" is the opposition).
  if (m.pat.base === 'vow' && !m.actorFrom && ws[m.j + 1]?.lower !== 'to') return prevActor;

  const passive = isPassive(ws, m);
  const rightEnd = rightLimit(ws, m.j, sent.end);
  let actor: Group | null;
  let target: Group | null = null;
  if (passive) {
    const sides = passiveSides(ctx, ws, m, head, sent, rightEnd, cameo);
    actor = sides.actor;
    target = sides.target;
    cameo = sides.cameo;
  } else {
    const sides = activeSides(ctx, ws, matches, m, head, sent, rightEnd, prevActor);
    // A bare noun that names no event.
    if (!sides) return prevActor;
    actor = sides.actor;
    target = sides.target;
  }
  if (target?.activity) target = resolveActivity(ctx, target, sent);
  // Resigning has no target ("resigned Sunday as ... in Tbilisi").
  if (m.pat.flags.includes('intr') && !passive) target = null;
  // "a member of Hamas jailed a year ago": a participle right after a noun, with no auxiliary and no
  // by-phrase, is background to the sentence's main event; its actor is unknown.
  if (!m.pat.noun && !m.actorFrom && isReducedRelative(ws, m, matches) && !(passive && actor)) return prevActor;
  // Killing by armed forces is fighting (CAMEO 19), by anyone else assault (18); police force against
  // civilians or protesters is violent repression (175).
  if (cameo.startsWith('18') && actor?.sector === 'MIL') cameo = '190';
  // CAMEO codes damage and beatings done by protesters as violent protest (145, "protest violently, riot"),
  // not as the repression (17) or assault (18) the same verb names when a state or an armed group does it.
  if (/^(?:17|18[02])/.test(cameo) && actor && RIOTERS.test(text.slice(actor.start, actor.end))) cameo = '145';
  if (cameo.startsWith('19') && actor?.sector === 'COP' && /^(?:CVL|OPP|EDU|LAB|REF)$/.test(target?.sector ?? '')) cameo = '175';
  // "X received weapons from Y": the giver is in the from-phrase, the receiver is the target.
  if (m.pat.flags.includes('inv') && !passive) {
    const fromIdx = ws.findIndex((w, t) => t > m.j && w.lower === 'from' && w.start < rightEnd);
    const giver = fromIdx >= 0 ? firstGroupIn(ctx, ws[fromIdx]!.end, rightEnd) ?? null : null;
    target = actor;
    actor = giver;
  }
  // "X claimed that Y attacked Z": CAMEO codes the claim, not the claimed attack. X accuses Y (112), or
  // claims responsibility (015) when Y is X itself ("the US claimed that they had attacked Iraq").
  const claimAt = claimBefore(ws, head);
  if (claimAt >= 0 && actor && /^(?:1[4-9]|20)/.test(cameo)) {
    const claimant = subjectOf(ctx, ws, claimAt, sent);
    if (claimant) {
      const actorText = text.slice(actor.start, actor.end).toLowerCase();
      const same = claimant.start === actor.start || PRONOUNS.has(actorText) || (!!actor.country && actor.country === claimant.country) || (!!actor.entity && actor.entity === claimant.entity);
      if (same) { cameo = '015'; actor = claimant; } else { target = actor; actor = claimant; cameo = '112'; }
    }
  }
  if (!actor && !target) return prevActor;
  if (!actor && modality === 'hypothetical') return prevActor;
  // Victims with no nationality take the country where they were hit ("four children were killed ...
  // in the Gaza Strip"), also the victims of an attack someone claims.
  if (target && !target.country && (/^(?:18|19|20)/.test(cameo) || cameo === '015')) {
    const place = placeCountry(ctx, ws, m.j, rightLimit(ws, m.j, sent.end), actor);
    if (place) target = { ...target, country: place };
  }
  // "the militant group that has seized parts of Iraq": a perfect-tense relative clause on a noun describes
  // the noun (background), not a new event of the sentence.
  if (!m.pat.noun && !m.actorFrom && /^(?:has|have|had)$/.test(ws[m.i - 1]?.lower ?? '') && /^(?:that|which|who)$/.test(ws[m.i - 2]?.lower ?? '') &&
    /^NN/.test(ws[m.i - 3]?.pos ?? '') && out.length > 0) return prevActor;
  // "Adli Yaish, who had been arrested": a passive without an agent inside a relative clause is background.
  if (passive && !actor && ws.slice(Math.max(0, m.i - 5), m.i).some((w) => w.lower === 'who' || w.lower === 'which')) return prevActor;
  prevActor = actor ?? prevActor;
  emit(m, out, { actor, target, cameo, text: m.text, negated, modality, reporter: null, trigger: { start: ws[m.i]!.start, end: ws[m.j]!.end } });
  return prevActor;
}

/** Negation, modality and the code they change, from the words just before the action (or its wrapper). */
function modalityOf(ws: Word[], m: Match, head: number): { negated: boolean; modality: Modality; cameo: string } {
  let negated = false;
  let modality: Modality = m.modality;
  let cameo = m.cameo;
  for (let t = head - 1; t >= 0 && t >= head - 4; t--) {
    const w = ws[t]!;
    // "denied attacking", "denies that its troops attacked": the actor says it did not happen.
    if (DENY.has(w.lower)) { modality = 'denied'; break; }
    if (PUNCT.test(w.lower) || isSpeech(w)) break;
    if (NEG.has(w.lower)) negated = true;
    if (PLANNED.has(w.lower) || (WILLING.has(w.lower) && ws[t + 1]?.lower === 'to')) {
      modality = 'planned';
      // Future cooperation is an expressed intent (03x), future force or sanctions a threat (13x);
      // a planned investigation or demand stays what it is.
      if (!m.actorFrom) cameo = coop(cameo) ? intentCode(cameo) : Number(cameo.slice(0, 2)) >= 14 ? threatCode(cameo) : cameo;
    } else if (HYPOTHETICAL.has(w.lower)) modality = 'hypothetical';
  }
  if (modality === 'planned' && coop(cameo) && ws.slice(m.j + 1).some((w) => w.lower === 'unless')) cameo = threatCode(m.cameo);
  // Inside "if ..." the action is only supposed.
  for (let t = head - 1; t >= 0 && t >= head - 8; t--) {
    const w = ws[t]!;
    if (w.lower === ',' || isBoundaryWord(w)) break;
    if (w.lower === 'if' || w.lower === 'unless') { modality = 'hypothetical'; break; }
  }
  // "She hoped the officials would be indicted": what someone hopes or wishes for has not happened.
  for (let t = head - 1; t >= 0 && t >= head - 30; t--) {
    const w = ws[t]!;
    if (isBoundaryWord(w) || w.lower === '.') break;
    if (WISH.has(w.lower)) { modality = 'hypothetical'; break; }
    if (isSpeech(w)) break;
  }
  if (ws[head - 1] && /^(?:refuses|refused|refusing|refuse)$/.test(ws[head - 2]?.lower ?? '') && ws[head - 1]!.lower === 'to') cameo = refuseCode(cameo);
  return { negated, modality, cameo };
}

/** Passive: "was attacked by X". */
function isPassive(ws: Word[], m: Match): boolean {
  // The two words before the participle, undefined at the sentence start: read by index only when
  // present, since reading ws[-1] deoptimised this function ("out of bounds") the first time it came.
  const w1 = m.i >= 1 ? ws[m.i - 1] : undefined;
  const w2 = m.i >= 2 ? ws[m.i - 2] : undefined;
  return !m.pat.noun && !ADJECTIVAL.has(ws[m.i]!.lower) && /(?:ed|en|wn|ld|ot|ht|ne|un)$/.test(ws[m.i]!.lower) &&
    ((w1 !== undefined && BE.has(w1.lower)) || (w2 !== undefined && BE.has(w2.lower)) || existentialBefore(ws, m.i)) &&
    !(w1 !== undefined && w1.lower === 'being' && w2 !== undefined && !BE.has(w2.lower));
}

/** "There were ten soldiers killed": after an existential "there is/was", a participle at i is passive too. */
function existentialBefore(ws: Word[], i: number): boolean {
  for (let t = i - 2; t >= 1 && t >= i - 7; t--) {
    if (ws[t - 1]!.lower === 'there' && BE.has(ws[t]!.lower)) return true;
    if (PUNCT.test(ws[t]!.lower) || /^VB/.test(ws[t]!.pos)) return false;
  }
  return false;
}

/** Actor and target of a passive: the subject is the target, the agent is in a by-phrase (or an in-phrase). */
function passiveSides(ctx: DocContext, ws: Word[], m: Match, head: number, sent: Span, rightEnd: number, cameo: string): { actor: Group | null; target: Group | null; cameo: string } {
  let actor: Group | null;
  let target: Group | null;
  target = subjectOf(ctx, ws, head, sent);
  actor = null;
  // The by-phrase may come after a long complement ("accused of misusing ... by government officials").
  let byIdx = ws.findIndex((w, t) => t > m.j && w.lower === 'by' && !ws.slice(m.j + 1, t).some((x) => isSpeech(x) || isBoundaryWord(x)));
  if (byIdx >= 0) {
    // The agent is the by-phrase's own noun phrase, not a name in a clause hanging off it ("by an
    // explosion that the mayor described").
    let stop = byIdx + 1;
    while (stop < ws.length && !/^(?:that|which|who|,|;)$/.test(ws[stop]!.lower)) stop++;
    const end = Math.min(rightLimit(ws, byIdx, sent.end), ws[stop]?.start ?? sent.end);
    actor = firstGroupIn(ctx, ws[byIdx]!.end, end) ?? null;
    // "blown up by a missile (fired by rebels)": a heavy weapon is the means, not the agent; the attack is
    // fighting with artillery and rockets (194), and its agent is whoever the weapon is said to be used by.
    let np = byIdx + 1;
    while (np < ws.length && np - byIdx <= 8 && !/^VB[DNG]?$/.test(ws[np]!.pos) && !/^(?:that|which|by|,|;)$/.test(ws[np]!.lower)) np++;
    if (ws.slice(byIdx + 1, np).some((w) => HEAVY_WEAPON.test(w.lower))) {
      if (/^(?:17|18)/.test(cameo)) cameo = '194';
      const by2 = ws.findIndex((w, t) => t > np && t - np <= 6 && w.lower === 'by');
      actor = by2 >= 0 ? firstGroupIn(ctx, ws[by2]!.end, rightLimit(ws, by2, sent.end)) ?? null : null;
    }
  }
  else {
    // "killed in Israeli tank shelling": an "in" phrase names the actor only through a force or a nationality.
    const inIdx = ws.findIndex((w, t) => t > m.j && w.lower === 'in' && w.start < rightEnd);
    const g = inIdx >= 0 ? firstGroupIn(ctx, ws[inIdx]!.end, rightEnd) : undefined;
    if (g && g.sector && g.sector !== 'GOV' && g.start - ws[inIdx]!.end < 30) actor = g;
  }
  return { actor, target, cameo };
}

/** Actor and target of an active verb or an event noun; null when a noun names no event here. */
function activeSides(ctx: DocContext, ws: Word[], matches: Match[], m: Match, head: number, sent: Span, rightEnd: number, prevActor: Group | null): { actor: Group | null; target: Group | null } | null {
  const text = ctx.doc.text;
  let actor: Group | null;
  let target: Group | null = null;
  // Nominal: "U.S.-Mexico collaboration", "collaboration between X and Y".
  let pair: [Group, Group] | null = null;
  if (m.pat.noun) pair = hyphenPair(ctx, ws, m.i) ?? betweenPair(ctx, ws, m.j, rightEnd);
  if (pair) {
    [actor, target] = pair;
  } else {
    actor = subjectOf(ctx, ws, head, sent);
    if (!actor && ws[head - 1] && /^(?:and|but|or)$/.test(ws[head - 1]!.lower)) actor = prevActor;
    for (const [ga, gb] of m.gaps) {
      // "designated [Mexican drug cartels] as": an actor in the gap is the target; a bare modifier of the
      // pattern's noun ("conducting [military] exercises") is not.
      const nextSlot = ws[gb + 1]?.lower ?? '';
      const modifierOnly = !FUNCTION_SLOT.has(nextSlot);
      target = groupsIn(ctx, ws[ga]!.start, ws[gb]!.end).find((g) => g.country || g.entity || !modifierOnly) ?? null;
      if (target) break;
    }
    if (!target) {
      // The first phrase naming a country or entity; a bare sector phrase only when nothing better follows.
      let gs = groupsIn(ctx, ws[m.j]!.end, rightEnd).filter((g) => !actor || g.start !== actor.start);
      // Where a meeting happens is no party to it ("met in Lima").
      if (m.pat.sym) gs = gs.filter((g) => !/\b(?:in|at|near)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, g.start - 10), g.start)));
      target = gs.find((g) => g.country || g.entity) ?? gs[0] ?? null;
    }
  }
  // A noun alone ("cooperation", "criticism") is an event only when the sentence has no verbal one,
  // or when it names both sides itself ("U.S.-Mexico collaboration").
  // A noun governed by a light or speech verb is the event itself ("issued an ultimatum", "reiterated its demand").
  let lightIdx = -1;
  for (let t = m.i - 1; t >= 0 && t >= m.i - 3; t--) if (LIGHT.has(ws[t]!.lower) || isSpeech(ws[t]!)) { lightIdx = t; break; }
  const light = lightIdx >= 0;
  // Its actor is the light verb's subject ("The ILO reiterated its demand that ...").
  if (m.pat.noun && light && !actor) actor = subjectOf(ctx, ws, lightIdx, sent);
  // Otherwise a noun is an event only with both sides and no verbal event ("demand from China cooled" is
  // no demand: a bare noun needs a light verb, a pair, or "that"/"for"/"with"/"against" after it).
  const governed = /^(?:that|for|with|against|between|on)$/.test(ws[m.j + 1]?.lower ?? '');
  if (m.pat.noun && !m.actorFrom && !pair && !(light && actor) && (!governed || matches.some((o) => !o.absorbed && !o.pat.noun) || !actor || !target)) return null;
  return { actor, target };
}

/** Adds the event to `out`, once per conjoined side, and the refused action as a negated event. */
function emit(m: Match, out: CodedEvent[], ev: CodedEvent): void {
  const { actor, target } = ev;
  const refusedEv: CodedEvent | null = m.refused && ploverOf(m.refused.cameo) ? { ...ev, cameo: m.refused.cameo, text: m.refused.text, negated: true } : null;
  // Conjoined actors ("Jordan and Britain have agreed") each take part; mutual events pair them up.
  const targets = target?.parts && target.parts.length > 1 ? target.parts : null;
  if (targets) {
    for (const t of targets) out.push({ ...ev, target: t });
  } else if (actor?.parts && actor.parts.length > 1) {
    for (const p of actor.parts) {
      if (m.pat.sym && !target) for (const q of actor.parts) { if (q !== p) out.push({ ...ev, actor: p, target: q }); }
      else out.push({ ...ev, actor: p });
    }
  } else out.push(ev);
  if (refusedEv) out.push(refusedEv);
}

/** Reporters, the one-country rule and the anaphora history, over the sentence's events. */
function finishEvents(ctx: DocContext, ws: Word[], sent: Span, out: CodedEvent[]): void {
  const text = ctx.doc.text;
  for (const ev of out) {
    ev.reporter = reporterOf(ctx, ws, ev.trigger, sent, ev.actor);
    // "Our troops attacked ...," the Colombian minister said: first person is the speaker's side.
    const a = ev.actor;
    if (a && !a.country && ev.reporter?.country && /^(?:our|we|us)\b/i.test(text.slice(a.start, a.end))) ev.actor = { ...a, country: ev.reporter.country };
  }
  // A sentence that names one country only is about that country's actors ("Rebels in the Ivory Coast
  // dismissed an appeal from President Gbagbo"): a side with no country of its own takes it, unless
  // that country is the other side.
  if (out.some((ev) => (ev.actor && !ev.actor.country) || (ev.target && !ev.target.country))) {
    const countries = new Set(groupsIn(ctx, sent.start, sent.end).flatMap((g) => (g.parts ?? [g]).map((p) => p.country)).filter((c): c is string => !!c && c !== 'IGO'));
    if (countries.size === 1) {
      const only = [...countries][0]!;
      for (const ev of out) {
        // Not when the one country named is the other side itself ("Putin threatened Ukraine"): then
        // the sentence says nothing of this side's country. A country inside the other side's phrase
        // ("opposition leaders in Zambia ... the president") still sets the scene.
        const isCountry = (side: typeof ev.actor): boolean =>
          !!side?.entity && ctx.doc.entities.some((e) => e.id === side.entity && e.type === 'GPE' && e.country === only) &&
          isCountryName(text.slice(side.start, side.end));
        const actorFree = ev.actor && !ev.actor.country && !ev.actor.activity && !isCountry(ev.target);
        const targetFree = ev.target && !ev.target.country && !ev.target.activity && !isCountry(ev.actor);
        if (actorFree && ev.actor) ev.actor = { ...ev.actor, country: only };
        if (targetFree && ev.target) ev.target = { ...ev.target, country: only };
      }
    }
  }
  for (const ev of out) {
    if (ev.actor && !ev.actor.activity) ctx.history.push(ev.actor);
    if (ev.target && !ev.target.activity) ctx.history.push(ev.target);
  }
}

function speechVerbUse(ws: Word[], t: number): boolean {
  const w = ws[t]!;
  if (w.pos) return w.pos.startsWith('VB');
  const prev = ws[t - 1]?.lower ?? '';
  return !DETERMINERS.has(prev) && !/^(?:following|of|despite|amid|after|on|news|media|press)$/.test(prev);
}

const PARTICIPLE = /(?:ed|en|wn|ld|ot|ht|ne|un|nt)$/;
function isReducedRelative(ws: Word[], m: Match, all: Match[]): boolean {
  const w = ws[m.i]!;
  if (w.pos ? !(w.pos === 'VBN' || (w.pos === 'JJ' && /(?:ed|en)$/.test(w.lower))) : !PARTICIPLE.test(w.lower)) return false;
  // Skip adverbs back to the word that decides ("has again offered" has its auxiliary).
  let p = m.i - 1;
  while (p > 0 && (ws[p]!.pos.startsWith('RB') || ws[p]!.lower.endsWith('ly'))) p--;
  const prev = ws[p];
  if (!prev || prev.lower === ',' || BE.has(prev.lower) || /^(?:has|have|had|and|or|but|not|n't|who|which|that|to)$/.test(prev.lower) || prev.lower.endsWith('ly')) return false;
  // "A report released Tuesday ... alleged": a participle after a noun, with the finite verb still to come.
  if (prev.pos.startsWith('NN')) {
    for (let t = m.i + 1; t < ws.length; t++) {
      const x = ws[t]!;
      // A verb in a clause of its own ("after a coup toppled ...") is not the main verb still to come.
      if (x.lower === ',' || isBoundaryWord(x) || SUBORD.has(x.lower) || /^(?:that|which|who|whom)$/.test(x.lower)) break;
      if (x.pos === 'VBD' || x.pos === 'VBZ' || x.pos === 'VBP') return true;
    }
  }
  // Only when a main verb came before it in the sentence: the first verb is the main clause's own.
  const finite = (x: Word): boolean => (x.pos === 'VBD' || x.pos === 'VBZ' || x.pos === 'VBP') && !BE.has(x.lower) && !/^(?:has|have|had|do|does|did)$/.test(x.lower);
  return all.some((o) => o.i < m.i && !o.pat.noun && !o.absorbed) || ws.slice(0, m.i).some(finite);
}

/** The country of a place named after in/near/at right of word j (not the actor's own phrase), or null. */
function placeCountry(ctx: DocContext, ws: Word[], j: number, end: number, actor: Group | null): string | null {
  for (let t = j + 1; t < ws.length && ws[t]!.start < end; t++) {
    if (!/^(?:in|near|at)$/.test(ws[t]!.lower)) continue;
    const g = firstGroupIn(ctx, ws[t]!.end, end);
    if (g && g.country && g.country !== 'IGO' && !g.sector && (!actor || g.start !== actor.start) && g.start - ws[t]!.end < 30) return g.country;
  }
  return null;
}

function rightLimit(ws: Word[], j: number, sentEnd: number): number {
  let commas = 0;
  for (let t = j + 1; t < ws.length; t++) {
    const w = ws[t]!;
    if (isBoundaryWord(w) || RIGHT_STOP.has(w.lower) || isSpeech(w) && t > j + 1) return w.start;
    if (w.lower === ',' || w.lower === '—' || w.lower === '–') {
      commas++;
      // Stop before ", officials said" and after the second comma.
      const rest = ws.slice(t + 1, t + 10);
      if (commas > 1 || rest.some((x) => isSpeech(x)) || (rest[0] && RIGHT_STOP.has(rest[0].lower))) return w.start;
    }
    if (t - j > 18) return w.start;
  }
  return sentEnd;
}

/** The subject of the verb at word `head`: the first actor phrase of the clause that ends there. */
function subjectOf(ctx: DocContext, ws: Word[], head: number, sent: Span): Group | null {
  // Clause start: the nearest hard boundary, speech verb, complementiser or relative pronoun.
  let from = 0;
  let relative = -1;
  let afterSpeech = -1;
  for (let t = head - 1; t >= 0; t--) {
    const w = ws[t]!;
    if (isBoundaryWord(w)) { from = t + 1; break; }
    if (w.lower === 'who' || w.lower === 'which' || w.lower === 'whom' || w.lower === 'whose') { relative = t; from = t + 1; break; }
    const nx = ws[t + 1];
    // "that" opens a clause before a determiner, pronoun or name ("said that its troops", "that Israel");
    // before a plain noun it is a determiner ("that decision").
    if (w.lower === 'that' && t > 0 && nx && (DETERMINERS.has(nx.lower) || PRONOUNS.has(nx.lower) || nx.cap || isSpeech(ws[t - 1]!))) {
      from = t + 1;
      // "Nigeria announced that it will ...": remember the speech verb, whose subject a pronoun refers to.
      for (let u = t - 1; u >= 0 && u >= t - 4; u--) if (isSpeech(ws[u]!)) { afterSpeech = u; break; }
      break;
    }
    if (isSpeech(w) && !(ws[t - 1] && DETERMINERS.has(ws[t - 1]!.lower))) { from = t + 1; afterSpeech = t; break; }
    // "... resigned as the opposition threatened": a subordinate clause with its own subject.
    if (SUBORD.has(w.lower) && t > 0 && groupsIn(ctx, w.end, ws[head]!.start).length > 0) { from = t + 1; break; }
  }
  // "X noted ... and emphasized ...": a verb coordinated with the speech verb shares its subject.
  if (afterSpeech >= 0 && ws[head - 1]?.lower === 'and' && !groupsIn(ctx, ws[afterSpeech]!.end, ws[head]!.start).length) {
    return subjectOf(ctx, ws, afterSpeech, sent);
  }
  if (from >= head) {
    if (relative >= 0) return lastGroupBefore(ctx, ws, relative, sent);
    // "The army denied shelling the town": no subject of its own, so the speaker's.
    if (afterSpeech >= 0 && afterSpeech === head - 1) return subjectOf(ctx, ws, afterSpeech, sent);
    return null;
  }
  // Comma segments; fronted phrases ("On Friday,", "According to X,", "Although ...,") are skipped.
  const segs: [number, number][] = [];
  let s0 = from;
  for (let t = from; t < head; t++) if (ws[t]!.lower === ',' || ws[t]!.lower === '(' || ws[t]!.lower === ')') { if (t > s0) segs.push([s0, t - 1]); s0 = t + 1; }
  if (s0 < head) segs.push([s0, head - 1]);
  let subject: Group | null = null;
  for (let k = 0; k < segs.length; k++) {
    const [a, b] = segs[k]!;
    const first = ws[a]!.lower;
    if (k < segs.length - 1 && (SUBORD.has(first) || PREPS.has(first) || first === 'according')) continue;
    const g = firstGroupIn(ctx, ws[a]!.start, ws[b]!.end);
    // A pronoun before any name is the subject ("they would blockade Paris").
    const pron = ws.slice(a, b + 1).find((w) => PRONOUNS.has(w.lower) && (!g || w.end <= g.start));
    if (pron) {
      const pg = pronounGroup(ctx, ws, pron, afterSpeech, sent);
      if (pg) { subject = pg; break; }
    }
    if (!g) continue;
    subject = g;
    // "Bosnian Serbs said their forces had ...": a possessive ties a bare sector phrase to the speaker.
    if (!g.country && !g.entity && afterSpeech >= 0 && /^(?:their|its|his|her|our)$/.test(ws[a]!.lower)) {
      const sp = subjectOf(ctx, ws, afterSpeech, sent);
      if (sp?.country) subject = { ...g, country: sp.country };
    }
    // "The US, Russia, and Switzerland met": a list of countries spans the commas the segments split at.
    const whole = groupsIn(ctx, ws[a]!.start, ws[head - 1]!.end).find((x) => x.start === g.start);
    if (whole?.parts && whole.parts.length > 1) { subject = whole; break; }
    // An appositive right after the subject adds what the name lacks ("Kenzo Oshima, the UN coordinator,").
    const nxt = segs[k + 1];
    if (nxt && ws[nxt[0]] && DETERMINERS.has(ws[nxt[0]]!.lower)) {
      const ap = firstGroupIn(ctx, ws[nxt[0]]!.start, ws[nxt[1]]!.end);
      if (ap) subject = { ...g, country: g.country ?? ap.country, sector: g.sector ?? ap.sector };
    }
    break;
  }
  if (!subject && relative >= 0) return lastGroupBefore(ctx, ws, relative, sent);
  return subject;
}

function lastGroupBefore(ctx: DocContext, ws: Word[], idx: number, sent: Span): Group | null {
  const gs = groupsIn(ctx, sent.start, ws[idx]!.start);
  return gs.at(-1) ?? null;
}

function pronounGroup(ctx: DocContext, ws: Word[], pron: Word, afterSpeech: number, sent: Span): Group | null {
  // The entity layer's pronoun resolution wins; else a pronoun right after "X said" is X.
  const m = ctx.mentions.find((x) => x.start === pron.start);
  if (m) {
    return { start: pron.start, end: pron.end, entity: m.entity.id, country: m.entity.country, sector: m.entity.sector ?? null, activity: false, parts: undefined };
  }
  if (afterSpeech >= 0) return subjectOf(ctx, ws, afterSpeech, sent);
  return null;
}

function hyphenPair(ctx: DocContext, ws: Word[], i: number): [Group, Group] | null {
  // "U.S.-Mexico" may be one word or three, depending on the tokenizer; look at the characters.
  const w1 = ws[i - 1];
  if (!w1) return null;
  const from = ws[i - 3] && /^[-–]$/.test(ws[i - 2]!.lower) ? ws[i - 3]!.start : w1.start;
  const hits = findActorHits(ctx.doc.text, from, w1.end).filter((h) => h.country);
  if (hits.length !== 2 || !/^\s*[-–]\s*$/.test(ctx.doc.text.slice(hits[0]!.end, hits[1]!.start))) return null;
  const side = (h: ActorHit): Group => ({
    start: h.start, end: h.end,
    entity: ctx.mentions.find((m) => m.start === h.start && m.end === h.end)?.entity.id ??
      ctx.doc.entities.find((e) => e.country === h.country && (e.type === 'GPE' || e.type === 'NORP'))?.id ?? null,
    country: h.country, sector: h.sector, activity: false, parts: undefined,
  });
  return [side(hits[0]!), side(hits[1]!)];
}

function betweenPair(ctx: DocContext, ws: Word[], j: number, rightEnd: number): [Group, Group] | null {
  if (ws[j + 1]?.lower !== 'between') return null;
  const gs = groupsIn(ctx, ws[j + 1]!.end, rightEnd);
  const g = gs[0];
  if (g?.parts && g.parts.length >= 2) return [g.parts[0]!, g.parts[1]!];
  return gs.length >= 2 ? [gs[0]!, gs[1]!] : null;
}

/** "the fight against drug trafficking": the target is who does it, the last such actor named before. */
function resolveActivity(ctx: DocContext, g: Group, sent: Span): Group {
  const like = (h: Group): boolean => h.sector === g.sector && !h.activity;
  const here = groupsIn(ctx, sent.start, g.start).filter(like).at(-1);
  if (here) return here;
  // Earlier sentences, nearest first (looked at only when an activity needs it: rare, so not cached).
  const saved = ctx.atomCache;
  ctx.atomCache = undefined;
  try {
    const prev = ctx.sentences.filter((s) => s.end <= sent.start).slice(-8).reverse();
    for (const s of prev) {
      const h = groupsIn(ctx, s.start, s.end).filter(like).at(-1);
      if (h) return h;
    }
  } finally {
    ctx.atomCache = saved;
  }
  for (let k = ctx.history.length - 1; k >= 0; k--) if (like(ctx.history[k]!)) return ctx.history[k]!;
  return g;
}

const ACCORDING = /\baccording to (?:(?:a|the|an) (?:\w+ )?(?:report|statement|story|article|source|sources|survey|study) (?:from|by|in|of) )?/i;

function reporterOf(ctx: DocContext, ws: Word[], trig: Span, sent: Span, actor: Group | null): Group | null {
  const doc = ctx.doc;
  const given = quoteReporter(doc, trig) ?? attributionReporter(doc, trig, sent);
  if (given) return given;
  const text = doc.text.slice(sent.start, sent.end);
  const acc = ACCORDING.exec(text);
  if (acc) {
    const a = sent.start + acc.index + acc[0].length;
    const g = firstGroupIn(ctx, a, Math.min(sent.end, a + 80));
    if (g && g.start - a < 30) return g;
  }
  // "X said (that) <event>": a speech verb before the event whose complement holds the event's subject.
  for (let t = 0; t < ws.length; t++) {
    const w = ws[t]!;
    if (w.end > trig.start) break;
    if (!isSpeech(w) || !speechVerbUse(ws, t)) continue;
    const complement = ws[t + 1]?.lower === 'that' || (actor !== null && actor.start >= w.end);
    if (!complement) continue;
    const g = subjectOf(ctx, ws, t, sent);
    if (g) return g;
  }
  // "<event>, officials said Thursday." / "<event>, said a spokesman": the phrase around a late speech verb.
  for (let t = ws.length - 1; t >= 0; t--) {
    const w = ws[t]!;
    if (w.start < trig.end) break;
    if (!isSpeech(w) || !speechVerbUse(ws, t)) continue;
    let c = t - 1;
    while (c >= 0 && ws[c]!.lower !== ',' && ws[c]!.start >= trig.end && t - c < 10) c--;
    if (c < 0 || ws[c]!.lower !== ',') continue;
    const g = firstGroupIn(ctx, ws[c]!.end, w.start) ??
      (c === t - 1 && /^(?:said|says|told)$/.test(w.lower) ? firstGroupIn(ctx, w.end, sent.end) : undefined);
    if (g) return g;
  }
  return null;
}

// The quotes stage's quotes and attributions come in several shapes (optional fields): reading them in
// functions of their own keeps the deoptimisations that causes from recompiling the whole of reporterOf.
/** The speaker of a quote around the trigger, or null. */
function quoteReporter(doc: Doc, trig: Span): Group | null {
  for (const q of doc.quotes) {
    if (q.start <= trig.start && trig.end <= q.end && (q.speaker || q.speakerText)) {
      const sp = q.speakerSpan ?? { start: q.start, end: q.start };
      return { start: sp.start, end: sp.end, entity: q.speaker, country: doc.entities.find((e) => e.id === q.speaker)?.country ?? null, sector: null, activity: false, parts: undefined };
    }
  }
  return null;
}

/** The source of an attribution around the trigger or cued in its sentence, or null. */
function attributionReporter(doc: Doc, trig: Span, sent: Span): Group | null {
  for (const a of doc.attributions) {
    const covers = a.start <= trig.start && trig.end <= a.end;
    const sameSentence = a.cue.start >= sent.start && a.cue.end <= sent.end;
    if (covers || sameSentence) {
      const sp = a.sourceSpan ?? a.cue;
      return { start: sp.start, end: sp.end, entity: a.source, country: null, sector: null, activity: false, parts: undefined };
    }
  }
  return null;
}

/** Turns coded events into NewsEvents with ids, codes, dates and places, merging repeats into moreEvidence. */
export function toNewsEvents(ctx: DocContext, coded: { ev: CodedEvent; sent: Span }[]): NewsEvent[] {
  const doc = ctx.doc;
  const out: NewsEvent[] = [];
  const seen = new Map<string, NewsEvent>();
  const published = doc.meta.published ? doc.meta.published.slice(0, 10) : null;
  const key = (g: Group | null): string => (g ? (g.entity ?? `${doc.text.slice(g.start, g.end).toLowerCase()}|${g.country ?? ''}`) : '-');
  for (const { ev, sent } of coded) {
    const k = `${key(ev.actor)}#${ev.cameo}#${key(ev.target)}#${ev.negated}`;
    const prior = seen.get(k);
    if (prior) {
      (prior.moreEvidence ??= []).push({ start: sent.start, end: sent.end });
      continue;
    }
    const date = dateIn(doc, sent) ?? published;
    const place = placeIn(ctx, sent, ev);
    const reportedText = ev.reporter ? doc.text.slice(ev.reporter.start, ev.reporter.end) || null : null;
    const modality: Modality = ev.modality === 'asserted' && ev.reporter ? 'reported' : ev.modality;
    const ne: NewsEvent = {
      actor: ev.actor?.entity ?? null,
      actorText: ev.actor ? doc.text.slice(ev.actor.start, ev.actor.end) : null,
      actorCountry: ev.actor?.country ?? null,
      actorSector: ev.actor?.sector ?? null,
      action: {
        cameo: ev.cameo, plover: ploverOf(ev.cameo) ?? '', text: ev.text,
        goldstein: goldstein(ev.cameo), quadClass: quadClass(ev.cameo), mode: ploverMode(ev.cameo, ev.text),
      },
      target: ev.target?.entity ?? null,
      targetText: ev.target ? doc.text.slice(ev.target.start, ev.target.end) : null,
      targetCountry: ev.target?.country ?? null,
      targetSector: ev.target?.sector ?? null,
      negated: ev.negated,
      modality,
      reportedBy: ev.reporter?.entity ?? null,
      reportedByText: reportedText,
      date,
      place,
      evidence: { start: sent.start, end: sent.end },
    };
    seen.set(k, ne);
    out.push(ne);
  }
  return out;
}

/** The normalised date of the first DATE value in the sentence that has one (values come in several shapes, see quoteReporter). */
function dateIn(doc: Doc, sent: Span): string | null {
  return doc.values.find((v) => v.type === 'DATE' && v.start >= sent.start && v.end <= sent.end && v.normalized)?.normalized ?? null;
}

function placeIn(ctx: DocContext, sent: Span, ev: CodedEvent): string | null {
  const text = ctx.doc.text;
  for (const m of ctx.mentions) {
    if (m.start < sent.start || m.end > sent.end) continue;
    if (m.entity.type !== 'GPE' && m.entity.type !== 'LOC') continue;
    if (ev.actor && m.start >= ev.actor.start && m.end <= ev.actor.end) continue;
    if (ev.target && m.start >= ev.target.start && m.end <= ev.target.end) continue;
    const before = text.slice(Math.max(sent.start, m.start - 12), m.start);
    if (/\b(?:in|at|near|outside|inside)\s+(?:the\s+)?$/i.test(before)) return m.entity.id;
  }
  return null;
}
