/**
 * Quote and attribution extraction over a segmented Doc. Works on tokens and sentences, uses part of
 * speech when a tagger has filled it and closed word classes otherwise, and links speakers through
 * the entity layer. Pure: returns what it found; the component applies it to the Doc.
 */
import type { Attribution, Diagnostic, Doc, Quote, QuoteKind, Span, TextSpan } from '../doc/types.js';
import { foldHash, gateEndKey, gateKey, loadCueLexicon, type CueEntry, type CueLexicon } from './cues.js';
import { createDoc } from '../doc/doc.js';
import { tokenTexts, tokenWordIds, wordInterner } from '../doc/spans.js';
import { isRegexSpace } from '../util/strings.js';
import { findQuoteRegions, type QuoteRegion } from './marks.js';
import { MentionIndex, resolveSpeaker } from './speaker.js';
import {
  ADVERBIALS,
  DETERMINERS,
  EVIDENCE_NOUNS,
  NP_STOPS,
  SOURCE_NOUNS,
  PREPOSITIONS,
  PRONOUNS,
  RELATIVES,
  TIME_WORDS,
  isCapitalized,
  isPunct,
  isQuoteMark,
} from './words.js';

/** What extraction found in one document. */
export interface QuoteResult {
  quotes: Quote[];
  attributions: Attribution[];
  diagnostics: Diagnostic[];
}

interface Cue {
  i: number;
  j: number;
  entry: CueEntry;
  sent: number;
  /** Subject token range [a, b), or null. */
  subj: [number, number] | null;
  /** Subject taken from an earlier clause ("..., adding that"). */
  inherited: boolean;
  /** Content token range chosen for an indirect reading. */
  content: [number, number] | null;
  /** The content's character span as emitted (it may run on to a closing quote mark). */
  contentSpan?: Span;
  used: boolean;
}

interface Sent {
  start: number;
  end: number;
  a: number;
  b: number;
  para: number;
}

/** `PENCE: ...`, `"WALLACE: ...`: a name in capitals, then a colon, at a paragraph start. */
const TURN = /^(["\u201c]?[ \t]*)([A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,2})([ \t]*:[ \t]*)/;
/** Capitalised labels that are not speakers. */
const NOT_SPEAKERS = new Set(['UPDATE', 'NOTE', 'EDITOR\'S NOTE', 'WATCH', 'READ', 'RELATED', 'PHOTOS', 'PHOTO', 'VIDEO', 'CORRECTION', 'ABSTRACT', 'SOURCE', 'SOURCES', 'BREAKING', 'EXCLUSIVE', 'NEW', 'MORE', 'ALSO', 'UPDATED']);
const COLON_CUE: CueEntry = { lemma: ':', form: 'phrase', cls: 'speech', obj: false, frameOnly: false, src: 'before' };
const DASH_CUE: CueEntry = { lemma: '\u2015', form: 'phrase', cls: 'speech', obj: false, frameOnly: false, src: 'after' };
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
/** Verbs that pass their subject to a following "to" + cue. */
const RAISERS = new Set(['seem', 'seems', 'seemed', 'appear', 'appears', 'appeared', 'continue', 'continues', 'continued', 'began', 'begin', 'begins', 'decline', 'declines', 'declined', 'refuse', 'refuses', 'refused', 'tried', 'try', 'tries', 'went', 'go', 'goes', 'used', 'wants', 'want', 'wanted', 'plans', 'plan', 'planned', 'hopes', 'hoped', 'needs', 'need', 'needed']);
/** Word and tag sets the rules test tokens against (a Set lookup instead of a regex test per token). */
const FINITE_TAGS = new Set(['VBD', 'VBZ', 'VBP', 'MD']);
const VERB_TAGS = new Set(['VB', 'VBD', 'VBZ', 'VBP']);
const ADJUNCT_PREPS = new Set(['at', 'in', 'on', 'during', 'after', 'before', 'since', 'over', 'from', 'through']);
const CALL_PREPS = new Set(['to', 'in', 'on', 'at', 'with', 'for', 'about', 'during', 'after', 'before']);
const TIME_EXTRAS = new Set(['late', 'early', 'mid', 'years', 'months', 'weeks', 'days', 'ago', 'time']);
const CONTRACTIONS = new Set(["'s", "'re", "'ve", "'d", "'ll", "'m"]);
/** Forms of "be" (a passive before a participle), and with "get" (word sets: a lookup instead of a regex test per word). */
const BE_FORMS = new Set(['be', 'been', 'being', 'is', 'was', 'were', 'are']);
const BE_GET_FORMS = new Set([...BE_FORMS, 'get', 'got']);

/** Does a part-of-speech tag start a clause or a verb group (VB*, MD, IN, WDT, WP*, CC, TO, RB*)? The test /^(VB|MD|IN|WDT|WP|CC|TO|RB)/ by prefixes. */
function isBreakTag(tag: string): boolean {
  return (
    tag.startsWith('VB') || tag.startsWith('MD') || tag.startsWith('IN') || tag.startsWith('WDT') || tag.startsWith('WP') ||
    tag.startsWith('CC') || tag.startsWith('TO') || tag.startsWith('RB')
  );
}

/** /^(VB|MD)/ by prefixes. */
function isVerbGroupTag(tag: string): boolean {
  return tag.startsWith('VB') || tag.startsWith('MD');
}

/** /^(JJ|NN)/ by prefixes. */
function isNominalTag(tag: string): boolean {
  return tag.startsWith('JJ') || tag.startsWith('NN');
}
/** Words that begin a clause, so a "that" after them is not the cue's complementiser. */
const SUBJECT_START = new Set(['i', 'he', 'she', 'we', 'they', 'there', 'it', 'you', 'who', 'which']);
/** Scratch array reused from one document to the next (see the Extractor constructor). */
const SCRATCH = {
  inRegion: new Int32Array(0),
  grow(n: number): void {
    this.inRegion = new Int32Array(Math.max(n, this.inRegion.length * 2, 1024));
  },
};

/**
 * Per word type, by its id in the shared wordInterner (doc/spans.ts, which POS and NER have already
 * filled for the document): the lower-case form, and whether the word can start a cue of `lex`
 * (CAND_YES) or not (CAND_NO), 0 while unknown. A word is lower-cased and tested against the lexicon
 * once while the interner keeps its id, not once per token; the interner's epoch says when ids were
 * reused, and everything is dropped then.
 */
const CAND_NO = 1;
const CAND_YES = 2;
const WORDS = {
  epoch: -1,
  lex: null as CueLexicon | null,
  low: [] as (string | undefined)[],
  cand: new Uint8Array(0),
  /** Makes the tables valid for the interner's current epoch and `lex`, with room for `maxId`. */
  sync(lex: CueLexicon, maxId: number): void {
    if (this.epoch !== wordInterner.epoch || this.lex !== lex) {
      this.epoch = wordInterner.epoch;
      this.lex = lex;
      this.low.fill(undefined);
      this.cand.fill(0);
    }
    if (maxId >= this.cand.length) {
      // `low` grows by pushes: writing far past the end of a JS array (or a large new Array(n))
      // would make it a slow dictionary.
      const size = Math.max(maxId + 1, this.cand.length * 2, 4096);
      const cand = new Uint8Array(size);
      cand.set(this.cand);
      this.cand = cand;
      const low = this.low;
      while (low.length < size) low.push(undefined);
    }
  },
};
const NO_PHRASES: CueLexicon['phrases'] = [];
const CLAUSE_END = new Set(['.', '!', '?', ';']);

/** The form the rules compare: lower case, ’ read as '. Most words are lower-case ASCII already. */
function lowerForm(w: string): string {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) {
      const l = w.toLowerCase();
      return l.includes('\u2019') ? l.replace(/\u2019/g, "'") : l;
    }
  }
  return w;
}

/**
 * Can token text `w` be a single cue form or a phrase's first word? The same cheap tests findCues
 * made per token (length, the two letter gates, the folded hash): only a word that passes them is
 * looked up in the lexicon's maps.
 */
function cueCandidate(lex: CueLexicon, w: string): boolean {
  const n = w.length;
  return n >= 2 && lex.gate[gateKey(w, 0, n)] !== 0 && lex.gateEnd[gateEndKey(w, 0, n)] !== 0 && lex.hashes.has(foldHash(w, 0, n));
}

/** The first cue whose reported clause holds region r (a function: a closure over r would be allocated per region). */
function hostCue(cues: Cue[], r: QuoteRegion): Cue | undefined {
  for (const c of cues) if (c.contentSpan && c.contentSpan.start <= r.start && c.contentSpan.end >= r.inner.end) return c;
  return undefined;
}

/** Extracts quotes and attributions; `lexicon` defaults to the shipped cue lexicon. */
export function extractQuotes(doc: Doc, lexicon: CueLexicon = loadCueLexicon()): QuoteResult {
  KEEP_SHAPES ??= new Extractor(createDoc('', []), lexicon);
  return new Extractor(doc, lexicon).run();
}

/**
 * One Extractor (with its MentionIndex) kept for the life of the process, built on an empty Doc.
 * V8 holds the hidden classes of constructor-built objects only through live instances: when a
 * full GC finds no Extractor alive (between articles, every few articles in the pipeline) it frees
 * them, and all optimised quotes code that depends on them is thrown away ("weak objects"), so
 * quotes ran mostly unoptimised inside the pipeline. This instance keeps those classes alive.
 */
let KEEP_SHAPES: Extractor | null = null;

class Extractor {
  private readonly text: string;
  private readonly toks: Doc['tokens'];
  /** Token texts (shared with POS and NER) and their ids in the shared word interner. */
  private readonly words: readonly string[];
  private readonly ids: Int32Array;
  /** WORDS.low, WORDS.cand for this document. */
  private readonly low: (string | undefined)[];
  private readonly cand: Uint8Array;
  private readonly n: number;
  private readonly hasPos: boolean;
  private readonly regions: QuoteRegion[];
  /** Per token: index+1 of the region whose marks or inside it lies in, 0 outside. */
  private readonly inRegion: Int32Array;
  private readonly sents: Sent[] = [];
  private readonly index: MentionIndex;
  private readonly quotes: Quote[] = [];
  private readonly attributions: Attribution[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly regionCue = new Map<number, Cue>();
  private readonly quoteSpans = new Set<number>();
  private readonly paraStarts: number[];
  private readonly turns: { name: Span; colon: number; region: QuoteRegion }[] = [];

  constructor(
    private readonly doc: Doc,
    private readonly lex: CueLexicon,
  ) {
    this.text = doc.text;
    const toks = doc.tokens;
    this.toks = toks;
    // Per-token scratch space is shared between documents (extraction is synchronous), so a long
    // batch does not allocate a token-sized array per article.
    if (SCRATCH.inRegion.length < toks.length) SCRATCH.grow(toks.length);
    // Both are cached on the Doc's tokens by the POS and NER stages, so in the pipeline this is a lookup.
    this.words = tokenTexts(doc);
    this.ids = tokenWordIds(doc);
    let maxId = -1;
    for (let i = 0; i < this.ids.length; i++) if (this.ids[i]! > maxId) maxId = this.ids[i]!;
    WORDS.sync(lex, maxId);
    this.low = WORDS.low;
    this.cand = WORDS.cand;
    this.n = toks.length;
    // A tagger fills every token or none: the first few tell.
    let hasPos = false;
    for (let t = 0; t < 8 && t < toks.length; t++) if (toks[t]!.pos !== '') hasPos = true;
    this.hasPos = hasPos;
    const paras = doc.paragraphs.length > 0 ? doc.paragraphs : [{ start: 0, end: this.text.length }];
    this.regions = findQuoteRegions(this.text, paras);
    this.findTranscriptTurns(paras);
    this.inRegion = SCRATCH.inRegion;
    this.inRegion.fill(0, 0, toks.length);
    // Regions and sentences come in text order, so one forward walk over the tokens finds their
    // token ranges: sequential reads, where binary searches would each probe cold token objects
    // (this runs right after the NER stage has filled the caches with its model).
    let rt = 0;
    for (let r = 0; r < this.regions.length; r++) {
      const reg = this.regions[r]!;
      rt = this.walkTo(rt, reg.start);
      for (let t = rt; t < toks.length && toks[t]!.start < reg.end; t++) this.inRegion[t] = r + 1;
    }
    let p = 0;
    let st = 0;
    for (const s of doc.sentences) {
      const a = (st = this.walkTo(st, s.start));
      const b = (st = this.walkTo(st, s.end));
      while (p + 1 < paras.length && paras[p]!.end <= s.start) p++;
      this.sents.push({ start: s.start, end: s.end, a, b, para: p });
    }
    this.paraStarts = paras.map((p) => p.start);
    this.index = new MentionIndex(doc);
  }

  /**
   * Transcript turns: a paragraph opening with a speaker's name in capitals and a colon
   * (`PENCE: Well, look, ...`) is that speaker's quote, whatever quote marks it carries.
   */
  private findTranscriptTurns(paras: readonly Span[]): void {
    for (const p of paras) {
      // Cheap test first: a turn starts with two capital letters, perhaps after a quote mark.
      let q = p.start;
      const c0 = this.text.charCodeAt(q);
      if (c0 === 34 || c0 === 0x201c) q++;
      const c1 = this.text.charCodeAt(q);
      const c2 = this.text.charCodeAt(q + 1);
      if (!(c1 >= 65 && c1 <= 90 && c2 >= 65 && c2 <= 90)) continue;
      const m = TURN.exec(this.text.slice(p.start, Math.min(p.end, p.start + 60)));
      if (!m || NOT_SPEAKERS.has(m[2]!)) continue;
      const nameStart = p.start + m[1]!.length;
      const nameEnd = nameStart + m[2]!.length;
      const start = p.start + m[0].length;
      let end = p.end;
      while (end > start && /[\s"\u201d]/.test(this.text[end - 1]!)) end--;
      if (end - start < 2) continue;
      const region: QuoteRegion = { start, end, inner: { start, end }, multiParagraph: false };
      // A loop, not filter with a closure: a closure over `p` would put the loop variable in a heap
      // context for every paragraph, turn or not.
      const kept: QuoteRegion[] = [];
      for (const r of this.regions) if (r.end <= p.start || r.start >= p.end) kept.push(r);
      kept.push(region);
      kept.sort((a, b) => a.start - b.start);
      this.regions.length = 0;
      this.regions.push(...kept);
      this.turns.push({ name: { start: nameStart, end: nameEnd }, colon: start - m[3]!.length, region });
    }
  }

  private emitTurns(): void {
    for (const t of this.turns) {
      const i = this.tokenAt(t.colon);
      const a = this.tokenAt(t.name.start);
      const b = this.tokenAt(t.name.end - 1);
      if (i < 0 || a < 0 || b < 0) continue;
      let sent = 0;
      while (sent + 1 < this.sents.length && this.sents[sent]!.b <= i) sent++;
      const cue: Cue = { i, j: i + 1, entry: COLON_CUE, sent, subj: [a, b + 1], inherited: false, content: null, used: true };
      this.regionCue.set(t.region.start, cue);
      this.emitRegion(t.region, cue, 'direct');
    }
  }

  /**
   * firstTokenFrom(pos) for a caller that asks in text order: walks on from `t`, the previous
   * answer, and falls back to the binary search when `pos` lies before it.
   */
  private walkTo(t: number, pos: number): number {
    const toks = this.toks;
    if (t > 0 && toks[t - 1]!.start >= pos) return this.firstTokenFrom(pos);
    while (t < toks.length && toks[t]!.start < pos) t++;
    return t;
  }

  /** Index of the first token starting at or after `pos`. */
  private firstTokenFrom(pos: number): number {
    const toks = this.toks;
    let lo = 0;
    let hi = toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (toks[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private rw(i: number): string | undefined {
    return i < 0 || i >= this.n ? undefined : this.words[i];
  }

  private lw(i: number): string | undefined {
    if (i < 0 || i >= this.n) return undefined;
    const id = this.ids[i]!;
    let v = this.low[id];
    if (v === undefined) {
      v = lowerForm(this.words[i]!);
      this.low[id] = v;
    }
    return v;
  }

  /**
   * Whether word i is the one character `code` ("(" is 40). Comparing lw(i) with "(" deoptimised the
   * noun-phrase walks ("wrong instance type") when a lower-cased form that is not an internalized
   * string first met the comparison; a character code is a number either way.
   */
  private isChar(i: number, code: number): boolean {
    const w = this.words[i];
    return w !== undefined && w.length === 1 && w.charCodeAt(0) === code;
  }

  private tg(i: number): string {
    return this.toks[i]?.pos ?? '';
  }

  run(): QuoteResult {
    this.emitTurns();
    const allCues: Cue[] = [];
    for (let s = 0; s < this.sents.length; s++) {
      const cues = this.findCues(s);
      // Subjects first (content ends need every cue's subject), then content in order.
      for (const c of cues) this.findSubject(c, cues);
      for (const c of cues) this.attach(c, cues);
      allCues.push(...cues);
    }
    this.leftoverRegions(allCues);
    this.quotes.sort((x, y) => x.start - y.start || x.end - y.end);
    this.attributions.sort((x, y) => x.start - y.start);
    return { quotes: this.quotes, attributions: this.attributions, diagnostics: this.diagnostics };
  }

  // ---- cues -------------------------------------------------------------------------------

  private findCues(s: number): Cue[] {
    const { a, b } = this.sents[s]!;
    const out: Cue[] = [];
    const cand = this.cand;
    const ids = this.ids;
    for (let i = a; i < b; i++) {
      if (this.inRegion[i]) continue;
      // Most tokens are no cue: a per-word answer (see WORDS) rules them out without a lexicon lookup.
      const id = ids[i]!;
      let k = cand[id]!;
      if (k === 0) cand[id] = k = cueCandidate(this.lex, this.words[i]!) ? CAND_YES : CAND_NO;
      if (k === CAND_NO) continue;
      let hit: { j: number; entry: CueEntry } | null = null;
      for (const ph of this.lex.phrasesByFirst.get(this.lw(i)!) ?? NO_PHRASES) {
        const n = ph.words.length;
        if (i + n > b) continue;
        let ok = true;
        for (let k = 0; k < n && ok; k++) ok = this.lw(i + k) === ph.words[k];
        if (ok && ph.entry.lemma === 'citing' && !this.citesSource(i + n, b)) ok = false;
        if (ok) {
          hit = { j: i + n, entry: ph.entry };
          break;
        }
      }
      if (!hit) {
        const e = this.lex.single.get(this.lw(i)!);
        if (e && this.isVerbUse(i, e, a)) hit = { j: i + 1, entry: e };
      }
      if (!hit) continue;
      // "statement" alone is a noun cue only in "in a statement", which the phrase list covers.
      if (hit.entry.lemma === 'statement') continue;
      out.push({ i, j: hit.j, entry: hit.entry, sent: s, subj: null, inherited: false, content: null, used: false });
      i = hit.j - 1;
    }
    return out;
  }

  private isVerbUse(i: number, e: CueEntry, a: number): boolean {
    const tag = this.tg(i)!;
    // "said" and "told" are verbs whatever a tagger makes of a capitalised "Said Ellis:".
    if (this.hasPos && tag !== '' && !tag.startsWith('VB') && e.lemma !== 'say' && e.lemma !== 'tell' && !e.frameOnly) return false;
    const prev = i > a ? this.lw(i - 1)! : '';
    if (DETERMINERS.has(prev) && prev !== 'that' && prev !== 'all') return false;
    if (prev === "'s") return false;
    // "reports of ..." after a preposition is a noun; "had been informed" is a passive, not a cue.
    if ((e.form === 's' || e.form === 'base') && PREPOSITIONS.has(prev)) return false;
    // A participle opening the sentence ("Asked about ..., she said") heads an adverbial phrase.
    if (i === a && (e.form === 'ing' || e.form === 'past' || e.form === 'pp') && e.lemma !== 'say') return false;
    if (e.lemma === 'call') return this.quoteSoon(i + 1);
    if (e.cls === 'evaluation' || e.lemma === 'question') return true;
    if (e.frameOnly) {
      let n1 = i + 1;
      while (n1 < this.n && (ADVERBIALS.has(this.lw(n1)!) || TIME_WORDS.has(this.lw(n1)!))) n1++;
      const next = this.rw(n1) ?? '';
      if (next === ':' || isQuoteMark(next) || (next === ',' && isQuoteMark(this.rw(n1 + 1) ?? '')) || this.hasThatClause(i + 1)) return true;
      // `"...," the article read.` / `..., the source added.`: a quote or a comma, at most a short
      // subject, then the cue.
      const final = this.isFinalFrame(i + 1);
      for (let q = i - 1; q >= a && i - q <= 7; q--) {
        if (this.inRegion[q] || (final && this.lw(q) === ',')) return true;
        if (CLAUSE_END.has(this.lw(q)!) || this.isVerbTag(q)) return false;
      }
      return false;
    }
    if (e.form === 'past' || e.form === 'pp') {
      let q = i - 1;
      while (q > a && ADVERBIALS.has(this.lw(q)!) && !BE_FORMS.has(this.lw(q)!)) q--;
      if (BE_GET_FORMS.has(this.lw(q) ?? '')) return false;
    }
    if (i > a && isCapitalized(this.rw(i)!) && !isQuoteMark(prev)) {
      // Headlines capitalise every word: "Trump Says He Never Pledged ..." is still a report.
      if (!((e.lemma === 'say' || e.lemma === 'tell') && this.titleCase(i))) return false;
    }
    // Cognition, evaluation and finding verbs are attributions only with a reported clause or frame.
    if (e.cls === 'source' && this.evidenceSubject(i, a)) return true;
    // Plans and refusals report what someone intends: "wants to ...", "declined to say whether ...".
    if (e.cls === 'intention' || ((e.lemma === 'hope' || e.lemma === 'expect') && e.cls === 'cognition')) {
      if (this.lw(i + 1) === 'to' && this.lw(i + 2) !== undefined && !isPunct(this.lw(i + 2)!)) return true;
      if (e.cls === 'intention') return false;
    }
    if (e.cls === 'cognition' && this.bareClause(i + 1)) return true;
    if (e.cls !== 'speech' || e.lemma === 'post' || e.lemma === 'text' || e.lemma === 'order' || e.lemma === 'question') {
      return this.hasThatClause(i + 1) || this.isFinalFrame(i + 1) || this.lw(i + 1) === ':';
    }
    if (e.form === 'base' && (prev === 'to' || prev === 'not' || prev === "n't")) {
      // "declined to say", "did not say": reported speech only with a clause.
      return this.hasThatClause(i + 1);
    }
    return true;
  }

  /** "citing officials" / "citing The Times" credit a source; "citing the costs" reports a reason. */
  private citesSource(k: number, b: number): boolean {
    const np = this.forwardNP(k, b, true);
    if (!np) return false;
    const head = this.lw(np[1] - 1)!;
    return SOURCE_NOUNS.has(head) || isCapitalized(this.rw(np[1] - 1)!);
  }

  /** The subject right before the cue is a poll, study, report...: "Polls show Clinton ahead". */
  private evidenceSubject(i: number, a: number): boolean {
    let q = i - 1;
    while (q >= a && this.skippable(q)) q--;
    return q >= a && EVIDENCE_NOUNS.has(this.lw(q)!);
  }

  /** A finite clause starts at k without "that": "believes he will win", "thinks Biden was right". */
  private bareClause(k: number): boolean {
    if (!this.hasPos || k >= this.n) return false;
    const w = this.lw(k)!;
    if (w === 'it' || w === 'you' || !(SUBJECT_START.has(w) || DETERMINERS.has(w) || isCapitalized(this.rw(k)!))) return false;
    for (let t = k + 1; t < Math.min(this.n, k + 6); t++) {
      const tag = this.tg(t);
      if (FINITE_TAGS.has(tag)) return true;
      if (CLAUSE_END.has(this.lw(t)!) || this.lw(t) === ',' || tag === 'IN' || tag === 'TO') return false;
    }
    return false;
  }

  /** A quote mark within a few words after the cue ("called him “a loser”"). */
  private quoteSoon(k: number): boolean {
    const end = Math.min(this.n, k + 8);
    for (let t = k; t < end; t++) {
      if (this.inRegion[t]) return true;
      if (CLAUSE_END.has(this.lw(t)!)) return false;
    }
    return false;
  }

  /** Most words of the sentence around token i are capitalised (a headline). */
  private titleCase(i: number): boolean {
    let s = 0;
    while (s + 1 < this.sents.length && this.sents[s]!.b <= i) s++;
    const { a, b } = this.sents[s]!;
    let words = 0;
    let caps = 0;
    for (let t = a; t < b && t < a + 16; t++) {
      const r = this.rw(t)!;
      if (!/^[\p{L}]/u.test(r)) continue;
      words++;
      if (isCapitalized(r)) caps++;
    }
    return words >= 3 && caps / words >= 0.7;
  }

  /** "that" soon after (skipping adverbials, a recipient or a short prepositional phrase). */
  private hasThatClause(k: number, reach = 10): boolean {
    const end = Math.min(this.n, k + reach);
    for (let t = k; t < end; t++) {
      const w = this.lw(t)!;
      // A complementiser, not a relative ("a law that requires") or a determiner ("that location").
      if (w === 'that') return !this.hasPos || this.tg(t) === 'IN' || this.tg(t) === '';
      if (w === ',' && this.lw(t + 1) === 'that' && t > k) continue;
      if (CLAUSE_END.has(w) || w === ',' || this.inRegion[t]) return false;
      // Only a recipient or an adjunct may stand between the cue and "that"; a verb or a subject
      // pronoun means the reported clause has already begun.
      if (this.isVerbTag(t) || SUBJECT_START.has(w)) return false;
    }
    return false;
  }

  /** The cue ends its sentence (perhaps after a time word or "in a statement"): "..., officials said." */
  private isFinalFrame(k: number): boolean {
    let t = k;
    let n = 0;
    while (t < this.n && n < 6) {
      const w = this.lw(t)!;
      if (CLAUSE_END.has(w)) return true;
      if (w === ',' || isQuoteMark(w)) return n === 0 ? this.lw(t + 1) === undefined || CLAUSE_END.has(this.lw(t + 1)!) || isQuoteMark(this.lw(t + 1)!) : false;
      t++;
      n++;
    }
    return t >= this.n;
  }

  // ---- subjects ---------------------------------------------------------------------------

  private findSubject(c: Cue, cues: Cue[]): void {
    const s = this.sents[c.sent]!;
    let prevCue: Cue | undefined;
    for (const x of cues) if (x.j <= c.i && x.subj && !x.entry.obj) prevCue = x;
    let k = c.i - 1;
    // Skip what stands between a subject and its verb: "has, however, revealed", "He's not saying".
    for (;;) {
      if (k < s.a || this.inRegion[k]) break;
      if (this.skippable(k)) k--;
      else if (this.lw(k) === ',' && k - 1 >= s.a && this.skippable(k - 1) && this.lw(k - 1) !== 'and') k--;
      else break;
    }
    const before = k >= s.a ? this.lw(k)! : '';
    if (c.entry.src === 'after') {
      c.subj = this.forwardNP(c.j, s.b, true);
      return;
    }
    if (c.entry.form === 'ing' && (before === ',' || before === 'and' || before === '\u2014' || before === '-' || before === 'by' || k < s.a || this.inRegion[k])) return this.inherit(c, prevCue);
    if ((before === 'and' || before === 'but') && !this.inRegion[k]) return this.inherit(c, prevCue);
    const lo = prevCue ? prevCue.j : s.a;
    let back = this.backwardNP(k, lo);
    // Adjuncts between subject and cue: "Trump at the time said", "Wells Fargo just this month
    // announced", "A poll released in late August found", "prosecutors in April charged".
    for (let hop = 0; back && hop < 3; hop++) {
      let p = back[0] - 1;
      const timeOnly = this.isTimeNP(back);
      const afterPrep = p >= lo && ADJUNCT_PREPS.has(this.lw(p)!) && (timeOnly || !isCapitalized(this.rw(back[0])!));
      if (!afterPrep && !timeOnly) break;
      while (p >= lo && (PREPOSITIONS.has(this.lw(p)!) || this.skippable(p) || (this.tg(p) === 'VBN' || this.tg(p) === 'VBG'))) p--;
      const further = p < back[0] - 1 || timeOnly ? this.backwardNP(p, lo) : null;
      if (!further) break;
      back = further;
    }
    if (back && c.entry.form === 'ing' && this.hasPos) {
      // "Trump unleashed a series of tweets saying ...": a participle after an object reports what
      // the clause's subject said, not the object.
      let verbBefore = false;
      for (let t = s.a; t < back[0]; t++) if (VERB_TAGS.has(this.tg(t)) || this.tg(t) === 'MD') verbBefore = true;
      if (verbBefore && !PRONOUNS.has(this.lw(back[0])!)) return this.inherit(c, prevCue);
    }
    if (back) {
      c.subj = back;
      return;
    }
    if (before === ',' && !c.entry.obj) {
      // "..., said Batchelder." is inverted: the speaker follows, whatever commas precede.
      const fwd = this.forwardNP(c.j, s.b, false);
      if (fwd && fwd[0] === c.j && this.endsFrame(fwd[1], s.b) && (isCapitalized(this.rw(fwd[0])!) || DETERMINERS.has(this.lw(fwd[0])!))) {
        c.subj = fwd;
        return;
      }
    }
    if (before === ',' && k - 1 >= lo && !this.inRegion[k - 1]) {
      // Apposition: "Carter's press secretary, Peter Cook, told"; "Morton Blackwell, the ... from Virginia, told".
      // The parenthetical may hold a relative clause or an adjunct: "a historian who attended the
      // session", "at a later press gaggle", "82".
      let p = k - 1;
      while (p > lo && c.i - p < 26 && !this.inRegion[p] && !CLAUSE_END.has(this.lw(p)!)) {
        if (this.lw(p) === ',') {
          const head = this.backwardNP(p - 1, lo);
          if (head && (isCapitalized(this.rw(head[0])!) || isCapitalized(this.rw(head[1] - 1)!) || PRONOUNS.has(this.lw(head[0])!) || DETERMINERS.has(this.lw(head[0])!))) {
            c.subj = [head[0], k];
            return;
          }
        }
        p--;
      }
    }
    // Inversion: "..., said Sheinbaum." / "\"...\", said the source."
    if (!c.entry.obj && (before === ',' || (k >= s.a && this.inRegion[k]) || k < s.a)) {
      const fwd = this.forwardNP(c.j, s.b, false);
      if (fwd && this.endsFrame(fwd[1], s.b)) c.subj = fwd;
    }
  }

  /** The cue takes its subject from the cue before it, or from the sentence (a method: no closure per cue). */
  private inherit(c: Cue, prevCue: Cue | undefined): void {
    c.inherited = true;
    c.subj = prevCue?.subj ?? this.sentenceSubject(c.sent, c.i);
  }

  /** A phrase made only of time words: "this month", "late August", "Friday", "years". */
  private isTimeNP(span: [number, number]): boolean {
    for (let t = span[0]; t < span[1]; t++) {
      const w = this.lw(t)!;
      if (!(TIME_WORDS.has(w) || MONTHS.has(w) || DETERMINERS.has(w) || /^\d+$/.test(w) || TIME_EXTRAS.has(w))) return false;
    }
    return true;
  }

  /** Adverbs, auxiliaries and contracted auxiliaries between a subject and its cue. */
  private skippable(k: number): boolean {
    const w = this.lw(k)!;
    if (ADVERBIALS.has(w)) return true;
    // "seemed to suggest", "continued to argue", "declined to say": the subject is before the raiser.
    if (w === 'to' && RAISERS.has(this.lw(k - 1) ?? '')) return true;
    if (RAISERS.has(w) && this.lw(k + 1) === 'to') return true;
    if (CONTRACTIONS.has(w) && k > 0 && PRONOUNS.has(this.lw(k - 1)!)) return true;
    const tag = this.tg(k)!;
    if (tag.startsWith('RB') && w !== 'not') return !isCapitalized(this.rw(k)!) || tag === 'RB';
    // "-ly" adverbs, but not names (Kelly, Italy) or nouns the tagger saw (family, ally).
    if (isCapitalized(this.rw(k)!) || tag.startsWith('NN') || tag.startsWith('JJ')) return false;
    return w.endsWith('ly') && /^[a-z]+ly$/.test(w) && w !== 'only' && w !== 'family' && w !== 'ally';
  }

  private isVerbTag(k: number): boolean {
    return this.hasPos && isVerbGroupTag(this.tg(k)!);
  }

  private endsFrame(t: number, b: number): boolean {
    if (t >= b) return true;
    const w = this.lw(t)!;
    return CLAUSE_END.has(w) || w === ',' || w === ':' || isQuoteMark(w) || w === 'in' || w === 'on' || w === 'at';
  }

  /** The subject of the main clause: the first noun phrase after an introductory phrase. */
  private sentenceSubject(s: number, limit: number): [number, number] | null {
    const { a } = this.sents[s]!;
    let start = a;
    const w0 = this.lw(a) ?? '';
    if (PREPOSITIONS.has(w0) || ADVERBIALS.has(w0) || TIME_WORDS.has(w0) || w0.endsWith('ly')) {
      // "Earlier in the year, Trump designated ...": skip the introductory phrase.
      for (let t = a; t < Math.min(limit, a + 10); t++) {
        if (this.lw(t) === ',') {
          start = t + 1;
          break;
        }
      }
    }
    while (start < limit && this.inRegion[start]) start++;
    // Dateline: "WASHINGTON — ..." or "WASHINGTON (AP) — ...".
    const first = this.rw(start) ?? '';
    if (first.length > 2 && first === first.toUpperCase() && /\p{Lu}/u.test(first)) {
      for (let t = start + 1; t < Math.min(limit, start + 6); t++) {
        if (this.lw(t) === '\u2014' || this.lw(t) === '--' || this.lw(t) === '-') {
          start = t + 1;
          break;
        }
      }
    }
    return this.forwardNP(start, limit, false);
  }

  /** Noun phrase ending at token k (inclusive), not before lo. */
  private backwardNP(k: number, lo: number): [number, number] | null {
    if (k < lo || this.inRegion[k]) return null;
    const w0 = this.lw(k)!;
    if (PRONOUNS.has(w0)) return [k, k + 1];
    if (RELATIVES.has(w0)) {
      let t = k - 1;
      if (t >= lo && this.lw(t) === ',') t--;
      return this.backwardNP(t, lo);
    }
    let t = k;
    let n = 0;
    while (t >= lo && n < 10) {
      const w = this.lw(t)!;
      const raw = this.rw(t)!;
      if (this.inRegion[t]) break;
      if (w === ')') {
        let u = t - 1;
        while (u >= lo && !this.isChar(u, 40) && t - u < 8) u--;
        if (u >= lo && this.isChar(u, 40)) {
          n += t - u + 1;
          t = u - 1;
          continue;
        }
        break;
      }
      if (w === "'s" || w === "'") {
        t--;
        n++;
        continue;
      }
      if (isPunct(w) && w !== '-' && w !== '&') break;
      if (w === 'of' || w === 'for' || w === 'and' || w === 'to') {
        const next1 = this.rw(t + 1) ?? '';
        // "Mr. Morgan of the Sierra Club", "the mother of three": the phrase goes on past "of".
        const after = w === 'of' && (DETERMINERS.has(next1.toLowerCase()) || /^\d/.test(next1)) ? (/^\d/.test(next1) ? 'X' : (this.rw(t + 2) ?? '')) : next1;
        const beforeW = this.rw(t - 1) ?? '';
        const joinsNames =
          isCapitalized(after) &&
          (isCapitalized(beforeW) || (w !== 'and' && w !== 'to' && !NP_STOPS.has(beforeW.toLowerCase()) && !isPunct(beforeW)));
        if (t < k && joinsNames && t - 1 >= lo) {
          t--;
          n++;
          continue;
        }
        break;
      }
      if (NP_STOPS.has(w) || PRONOUNS.has(w) || RELATIVES.has(w)) break;
      if (this.hasPos) {
        const tag = this.tg(t)!;
        if (isBreakTag(tag) && !(tag === 'VBN' && t < k && isNominalTag(this.tg(t + 1) ?? ''))) break;
      } else if (t < k && !isCapitalized(raw) && (w.endsWith('ed') || w.endsWith('ing')) && !DETERMINERS.has(this.lw(t - 1) ?? '')) {
        break;
      } else if (ADVERBIALS.has(w) && !isCapitalized(raw)) {
        break;
      }
      t--;
      n++;
    }
    let a = t + 1;
    while (a <= k && (this.lw(a) === 'of' || this.lw(a) === 'and' || this.lw(a) === 'for' || isPunct(this.lw(a)!))) a++;
    if (a > k) return null;
    return [a, k + 1];
  }

  /** Noun phrase starting at token k. `through` lets it run on through "from/by/of" ("a report from X"). */
  private forwardNP(k: number, b: number, through: boolean): [number, number] | null {
    let t = k;
    while (t < b && (ADVERBIALS.has(this.lw(t)!) || this.lw(t) === ',')) t++;
    const a = t;
    if (t < b && PRONOUNS.has(this.lw(t)!)) return [t, t + 1];
    let n = 0;
    let sawName = false;
    while (t < b && n < 12) {
      const w = this.lw(t)!;
      const raw = this.rw(t)!;
      if (this.inRegion[t]) break;
      if (w === '(') {
        let u = t + 1;
        while (u < b && !this.isChar(u, 41) && u - t < 8) u++;
        if (u < b && this.isChar(u, 41)) {
          t = u + 1;
          n += 2;
          continue;
        }
        break;
      }
      if (w === "'s" || w === "'" || w === '-' || w === '&') {
        t++;
        n++;
        continue;
      }
      if (isPunct(w)) break;
      if (w === 'of' || w === 'and' || w === 'from' || w === 'by' || w === 'for' || w === 'to') {
        const next = this.rw(t + 1) ?? '';
        const next2 = this.rw(t + 2) ?? '';
        const namey = isCapitalized(next) || (DETERMINERS.has(next.toLowerCase()) && isCapitalized(next2));
        const nameBefore = isCapitalized(this.rw(t - 1) ?? '');
        if (t > a && namey && (w === 'of' || w === 'and' || through || w === 'for' || (w === 'to' && nameBefore))) {
          t++;
          n++;
          continue;
        }
        break;
      }
      if (NP_STOPS.has(w) || RELATIVES.has(w)) break;
      if (this.hasPos) {
        const tag = this.tg(t)!;
        if (isBreakTag(tag) && !(tag === 'VBN' && isNominalTag(this.tg(t + 1) ?? ''))) break;
      } else {
        if (t > a && !isCapitalized(raw) && (sawName || (w.endsWith('ed') || w.endsWith('s'))) && !DETERMINERS.has(this.lw(t - 1)!)) break;
        if (this.lex.single.has(w) && t > a && !DETERMINERS.has(this.lw(t - 1)!)) break;
      }
      if (isCapitalized(raw)) sawName = true;
      t++;
      n++;
    }
    return t > a ? [a, t] : null;
  }

  // ---- content ----------------------------------------------------------------------------

  private attach(c: Cue, cues: Cue[]): void {
    const s = this.sents[c.sent]!;
    // A: the quote follows the cue: `X said: "..."`, `said Sheinbaum, "..."`.
    let t = c.j;
    if (c.subj && c.subj[0] === c.j) t = c.subj[1];
    else if (c.entry.obj || c.entry.lemma === 'ask') {
      // "told his radio audience on Monday, \"...\"": step over the recipient.
      const rec = this.forwardNP(t, s.b, false);
      if (rec && rec[1] < s.b && (this.lw(rec[1]) === ',' || this.lw(rec[1]) === ':')) t = rec[1];
    }
    let gap = 0;
    while (t < s.b && !this.inRegion[t] && gap < 4 && (this.lw(t) === ',' || this.lw(t) === ':' || TIME_WORDS.has(this.lw(t)!) || ADVERBIALS.has(this.lw(t)!))) {
      t++;
      gap++;
    }
    const toks = this.doc.tokens;
    const found: QuoteRegion[] = [];
    if (t < this.n && this.inRegion[t] && c.entry.src !== 'after') {
      const r = this.regions[this.inRegion[t]! - 1]!;
      if (r.start >= toks[c.j - 1]!.end && this.endsClause(r)) found.push(r);
    } else if (t < this.n && this.lw(t - 1) === ':' && (t >= s.b || isQuoteMark(this.lw(t)!) === false)) {
      // "Cruz continued:" closing its paragraph, the quote opening the next one.
      const r = this.regionAfter(toks[t - 1]!.end);
      if (r && c.entry.src !== 'after') found.push(r);
    }
    // B: the quote precedes the cue: `"...," she affirmed.`, `"...," said X`.
    if (c.entry.src !== 'after' && !c.inherited) {
      let u = c.i - 1;
      const subjA = c.subj && c.subj[1] <= c.i ? c.subj[0] : c.i;
      while (u >= 0 && !this.inRegion[u]) {
        const w = this.lw(u)!;
        const inSubj = u >= subjA && u < c.i;
        if (!(inSubj || w === ',' || ADVERBIALS.has(w) || w === '\u2014' || w === '-')) break;
        u--;
      }
      const paraStart = this.paraStarts[s.para] ?? 0;
      if (u >= 0 && this.inRegion[u] && c.i - u < 14 && this.regions[this.inRegion[u]! - 1]!.end > paraStart) {
        const r = this.regions[this.inRegion[u]! - 1]!;
        // `"...," she said` or `"...?" asked X`; after a closed sentence (`"..." He said ...`) the
        // cue starts a new statement unless it is inverted.
        const last = this.lastCharBefore(r.inner.start, r.inner.end, true);
        const after = this.text[r.end] ?? '';
        const inverted = c.subj !== null && c.subj[0] >= c.j;
        let v = c.subj && c.subj[0] === c.j ? c.subj[1] : c.j;
        while (v < s.b && (ADVERBIALS.has(this.lw(v)!) || TIME_WORDS.has(this.lw(v)!))) v++;
        if (c.entry.obj || c.entry.lemma === 'ask') {
          const rec = this.forwardNP(v, s.b, false);
          if (rec) v = rec[1];
          while (v < s.b && (ADVERBIALS.has(this.lw(v)!) || TIME_WORDS.has(this.lw(v)!))) v++;
        }
        const quoteNext = this.lw(v) === ',' && v + 1 < this.n && this.inRegion[v + 1] !== 0;
        const nothingAfter = !quoteNext && (v >= s.b || CLAUSE_END.has(this.lw(v)!) || this.lw(v) === ',' || this.adjunctToEnd(v, s.b));
        // A cue with its own clause after it (`On "Face the Nation," Ryan said the ...`) reports that
        // clause, not the quote before it.
        const framed = /[,!?\u2014-]/.test(last) || after === ',' || !isCapitalized(this.rw(u + 1) ?? '');
        const closed = /[.!?]/.test(last) && isCapitalized(this.rw(u + 1) ?? '');
        const ok = this.regionKind(r) === 'partial' ? inverted || (nothingAfter && !closed) : framed || inverted || nothingAfter;
        if (ok && !found.includes(r)) found.unshift(r);
      }
    }
    if (found.length > 0) {
      for (const r of found) {
        if (this.regionCue.has(r.start)) continue;
        this.regionCue.set(r.start, c);
        const kind = this.regionKind(r);
        if (kind === 'partial' && r.end <= toks[c.i]!.start) {
          // `However laudable the goal, using the tax ''is a misguided approach,'' said Mr. Burman`:
          // the report is the whole clause; the quoted words are part of it.
          const sr = this.sents.find((x) => x.start <= r.start && r.start < x.end);
          if (sr) {
            const a = this.frameStart(sr, this.tokenAt(r.start));
            if (a < this.n && toks[a]!.start < r.start) {
              c.contentSpan = { start: toks[a]!.start, end: r.end };
              this.pushQuote('indirect', toks[a]!.start, r.end, c);
            }
          }
        }
        this.emitRegion(r, c, kind);
      }
      c.used = true;
      return;
    }
    if (t > 0 && this.lw(t - 1) === ':' && c.entry.src !== 'after') {
      // "The governor added:" closing its paragraph introduces a block quote without marks.
      const colonEnd = toks[t - 1]!.end;
      const para = this.doc.paragraphs.find((p) => p.start > colonEnd);
      if (para && !/\S/.test(this.text.slice(colonEnd, para.start)) && !this.regions.some((r) => r.start >= para.start && r.start < para.start + 2)) {
        c.used = true;
        c.contentSpan = { start: para.start, end: para.end };
        this.pushQuote('direct', para.start, para.end, c);
        return;
      }
    }
    const content = this.clauseContent(c, cues);
    if (!content) return;
    c.content = content;
    c.used = true;
    this.emitIndirect(c, content);
  }

  /** Nothing but punctuation or a frame follows the quote in its sentence. */
  private endsClause(r: QuoteRegion): boolean {
    // American style puts the clause's comma or stop inside the marks: `"...military," adding`.
    if (/[,.!?;:\u2014-]/.test(this.lastCharBefore(r.inner.start, r.inner.end, false))) return true;
    let p = r.end;
    while (p < this.text.length && /[ \t]/.test(this.text[p]!)) p++;
    const c = this.text[p];
    return c === undefined || /[\n.,;:!?\u2014)]/.test(c);
  }

  /**
   * The last character of text[start, end) after trailing whitespace (and, with `marks`, trailing
   * ' " ’ ” too), or '' when nothing is left: a backward scan instead of slicing the whole quote
   * and running an end-anchored regex over it.
   */
  private lastCharBefore(start: number, end: number, marks: boolean): string {
    let e = end;
    while (e > start) {
      const c = this.text.charCodeAt(e - 1);
      if (!(isRegexSpace(c) || (marks && (c === 39 || c === 34 || c === 0x2019 || c === 0x201d)))) break;
      e--;
    }
    return e > start ? this.text[e - 1]! : '';
  }

  /** The region that starts right after `pos`, with only whitespace between. */
  private regionAfter(pos: number): QuoteRegion | null {
    let p = pos;
    while (p < this.text.length && /\s/.test(this.text[p]!)) p++;
    for (const r of this.regions) {
      if (r.start === p) return r;
      if (r.start > p) break;
    }
    return null;
  }

  private regionKind(r: QuoteRegion): QuoteKind {
    let p = r.start - 1;
    while (p >= 0 && /[ \t]/.test(this.text[p]!)) p--;
    const before = p >= 0 ? this.text[p]! : '\n';
    return /[\n,:.!?;\u2014(]/.test(before) || /[\u201c"\u00ab]/.test(before) ? 'direct' : 'partial';
  }

  /** Token range of an indirect reading: after the cue, or the clause before a final frame. */
  private clauseContent(c: Cue, cues: Cue[]): [number, number] | null {
    const s = this.sents[c.sent]!;
    const end = this.clauseEnd(c, cues, s);
    if (c.entry.src === 'after') {
      // "According to X, CLAUSE" / "CLAUSE, according to X."
      const np = c.subj;
      const after = np ? np[1] : c.j;
      if (after < s.b && this.lw(after) === ',' && this.isClauseStart(c.i, s)) return this.trim(after + 1, s.b);
      if (c.i - 1 >= s.a && this.lw(c.i - 1) === ',') return this.trim(this.frameStart(s, c.i - 1), c.i - 1);
      return null;
    }
    let k = c.j;
    if (c.subj && c.subj[0] === c.j) {
      k = c.subj[1];
    }
    while (k < end && (ADVERBIALS.has(this.lw(k)!) || TIME_WORDS.has(this.lw(k)!))) k++;
    if (this.lw(k) === 'to' && (c.entry.cls === 'intention' || c.entry.lemma === 'hope' || c.entry.lemma === 'expect')) {
      if (c.subj === null && !c.inherited) return null;
      return this.trim(k, end);
    }
    if (k < end && this.lw(k) === ':') return this.trim(k + 1, end);
    if (k < end && this.lw(k) === 'that') return this.trim(k + 1, end);
    // A recipient and an adjunct can be long: "told reporters outside a polling place in Greenville that".
    if (this.hasThatClause(k, c.entry.obj ? 18 : 10)) {
      let t = k;
      while (this.lw(t) !== 'that') t++;
      return this.trim(t + 1, end);
    }
    if (c.entry.obj || c.entry.lemma === 'ask') {
      const rec = this.forwardNP(k, end, false);
      if (rec) k = rec[1];
      if (k < end && (this.lw(k) === 'that' || this.lw(k) === 'whether' || this.lw(k) === 'if')) k++;
    }
    // Final frame: "CLAUSE, X said." / "CLAUSE, said X."
    const startsFinal = k >= end || CLAUSE_END.has(this.lw(k)!) || (this.lw(k) === ',' && c.subj !== null) || this.adjunctToEnd(k, end);
    if (startsFinal) {
      const left = c.subj && c.subj[1] <= c.i ? c.subj[0] : c.i;
      const comma = left - 1;
      if (comma > s.a && (this.lw(comma) === ',' || this.lw(comma) === '\u2014')) {
        const from = this.frameStart(s, comma);
        const w0 = this.lw(from)!;
        const intro = PREPOSITIONS.has(w0) || TIME_WORDS.has(w0) || ADVERBIALS.has(w0) || comma - from < 4;
        // "During his years in office, Mr. Obama said, a majority ...": the frame is medial and the
        // part before it an introductory phrase, so the report follows.
        if (intro && k < end && this.lw(k) === ',' && end - k > 4) return this.trim(k + 1, end);
        return this.trim(from, comma);
      }
      if (k < end && this.lw(k) === ',' && end - k > 4 && c.subj !== null && c.subj[1] <= c.i) return this.trim(k + 1, end);
      return null;
    }
    if (PREPOSITIONS.has(this.lw(k)!) && this.lw(k) !== 'of' && this.lw(k) !== 'about') {
      // "said after the convention he would ...", "said at an event in Colorado Springs that ...".
      const pp = this.forwardNP(k + 1, end, true);
      if (pp) {
        let t = pp[1];
        if (this.lw(t) === ',') t++;
        if (this.lw(t) === 'that') return this.trim(t + 1, end);
        const w = this.lw(t) ?? '';
        if (t < end && (SUBJECT_START.has(w) || DETERMINERS.has(w) || isCapitalized(this.rw(t)!)) && w !== 'which' && w !== 'who') return this.trim(t, end);
      }
      return null;
    }
    if (this.lw(k) === ',' || CALL_PREPS.has(this.lw(k)!)) {
      if (c.entry.lemma !== 'call' && this.lw(k) !== 'to') return null;
    }
    if (c.entry.cls !== 'speech' && c.entry.cls !== 'evaluation' && !(c.entry.cls === 'source' && this.evidenceSubject(c.i, s.a)) && !(c.entry.cls === 'cognition' && this.bareClause(k))) return null;
    if (c.subj === null && !c.inherited) return null;
    return this.trim(k, end);
  }

  /** From k to the clause end there is only a short adjunct: "on Tuesday", "in a statement", "to CNN". */
  private adjunctToEnd(k: number, end: number): boolean {
    if (k >= end || !PREPOSITIONS.has(this.lw(k)!) && this.lw(k) !== 'to') return false;
    let t = k;
    while (t < end && t - k < 8 && !this.inRegion[t] && !this.lex.single.has(this.lw(t)!) && this.lw(t) !== 'that') t++;
    return t >= end || (t - k < 8 && (CLAUSE_END.has(this.lw(t)!) || this.lw(t) === ','));
  }

  private isClauseStart(i: number, s: Sent): boolean {
    for (let t = s.a; t < i; t++) if (!isPunct(this.lw(t)!) && !isQuoteMark(this.lw(t)!)) return false;
    return true;
  }

  /** Where a clause reported by a final frame starts: the sentence start, after an opening mark. */
  private frameStart(s: Sent, before: number): number {
    let a = s.a;
    for (let t = before - 1; t > s.a; t--) {
      if (this.lw(t) === ':' || this.lw(t) === ';') {
        a = t + 1;
        break;
      }
    }
    return a;
  }

  /** The content of a cue ends where a coordinated cue or a later frame begins, or at the sentence end. */
  private clauseEnd(c: Cue, cues: Cue[], s: Sent): number {
    let end = s.b;
    for (const d of cues) {
      if (d.i <= c.j) continue;
      const start = d.subj && d.subj[1] <= d.i && !d.inherited ? d.subj[0] : d.i;
      let t = start - 1;
      while (t > c.j && ADVERBIALS.has(this.lw(t)!)) t--;
      const w = this.lw(t);
      // "says X and tells Y" coordinates with the cue; "would sit down and tell him" does not.
      const coordinated = !d.inherited || d.entry.form === c.entry.form || d.entry.form === 'ing' || (c.entry.form === 'past' && d.entry.form === 'pp');
      if ((w === ',' || w === 'and' || w === 'but' || w === ';' || w === '\u2014') && coordinated) {
        if (w === 'and' && this.lw(t - 1) === ',') t--;
        end = Math.min(end, t);
        break;
      }
    }
    return end;
  }

  private trim(a: number, b: number): [number, number] | null {
    while (b > a && (CLAUSE_END.has(this.lw(b - 1)!) || this.lw(b - 1) === ',' || this.lw(b - 1) === ':')) b--;
    while (a < b && (this.lw(a) === ',' || this.lw(a) === ':')) a++;
    return b - a >= 2 ? [a, b] : null;
  }

  // ---- output -----------------------------------------------------------------------------

  private cueSpan(c: Cue): TextSpan {
    const toks = this.doc.tokens;
    const start = toks[c.i]!.start;
    const end = toks[c.j - 1]!.end;
    return { start, end, text: this.text.slice(start, end) };
  }

  private speaker(c: Cue | null): { speaker: string | null; speakerText: string | null; speakerSpan: Span | null } {
    if (!c || !c.subj) return { speaker: null, speakerText: null, speakerSpan: null };
    const toks = this.doc.tokens;
    const span = { start: toks[c.subj[0]]!.start, end: toks[c.subj[1] - 1]!.end };
    return { speaker: resolveSpeaker(this.doc, this.index, span), speakerText: this.text.slice(span.start, span.end), speakerSpan: span };
  }

  private emitRegion(r: QuoteRegion, c: Cue | null, kind: QuoteKind): void {
    let a = r.inner.start;
    let b = r.inner.end;
    while (a < b && /\s/.test(this.text[a]!)) a++;
    while (b > a && /[\s,]/.test(this.text[b - 1]!)) b--;
    if (kind === 'partial') while (b > a && /[.,]/.test(this.text[b - 1]!)) b--;
    this.pushQuote(kind, a, b, c);
  }

  private emitIndirect(c: Cue, range: [number, number]): void {
    const toks = this.doc.tokens;
    const a = toks[range[0]]!.start;
    let b = toks[range[1] - 1]!.end;
    // A quotation opened inside the clause runs to its closing mark, past sentence ends.
    const inside = this.inRegion[range[1] - 1]!;
    if (inside) {
      const r = this.regions[inside - 1]!;
      if (r.end > b && r.start >= a) b = r.end;
    }
    c.contentSpan = { start: a, end: b };
    if (c.entry.cls === 'source') {
      const sp = this.speaker(c);
      this.attributions.push({
        source: sp.speaker,
        sourceText: sp.speakerText,
        sourceSpan: sp.speakerSpan,
        start: a,
        end: b,
        text: this.text.slice(a, b),
        cue: this.cueSpan(c),
      });
      return;
    }
    this.pushQuote('indirect', a, b, c);
    if (c.entry.lemma === 'tell') this.toldOutlet(c, a, b);
  }

  /**
   * "Sheinbaum told Reuters that ...": the organisation told is where the claim was published, so the
   * claim is also credited to it as a source attribution.
   */
  private toldOutlet(c: Cue, a: number, b: number): void {
    const rec = this.forwardNP(c.j, this.sents[c.sent]!.b, false);
    if (!rec) return;
    const toks = this.doc.tokens;
    const span = { start: toks[rec[0]]!.start, end: toks[rec[1] - 1]!.end };
    const org = this.index.overlapping(span.start, span.end).find((m) => m.type === 'ORG' && m.kind !== 'pronoun');
    if (!org) return;
    this.attributions.push({
      source: org.entity,
      sourceText: this.text.slice(span.start, span.end),
      sourceSpan: span,
      start: a,
      end: b,
      text: this.text.slice(a, b),
      cue: this.cueSpan(c),
    });
  }

  private pushQuote(kind: QuoteKind, a: number, b: number, c: Cue | null): void {
    // A number, not a template string: no string is built per quote (offsets stay far below 2^26).
    const key = a * 0x4000000 + b;
    if (b <= a || this.quoteSpans.has(key)) return;
    this.quoteSpans.add(key);
    const sp = this.speaker(c);
    const q: Quote = {
      kind,
      start: a,
      end: b,
      text: this.text.slice(a, b),
      speaker: sp.speaker,
      speakerText: sp.speakerText,
      speakerSpan: sp.speakerSpan,
      cue: c ? this.cueSpan(c) : null,
    };
    this.quotes.push(q);
    if (!sp.speakerText) {
      this.diagnostics.push({
        ruleId: 'quotes/no-speaker',
        severity: 'info',
        reason: 'quote without a speaker the text names',
        place: { text: { start: a, end: b } },
      });
    }
  }

  /** Quote regions no cue claimed: partial quotes inside reported clauses, carried-over speakers. */
  private leftoverRegions(cues: Cue[]): void {
    const toks = this.doc.tokens;
    const n = this.regions.length;
    const paraOf = new Int32Array(n);
    let si = 0;
    for (let ri = 0; ri < n; ri++) {
      const r = this.regions[ri]!;
      while (si + 1 < this.sents.length && this.sents[si]!.end <= r.start) si++;
      paraOf[ri] = this.sents[si]?.para ?? 0;
    }
    // Both built by push and slice, so they have one elements kind whatever the regions (an array from
    // map and one from spread differ in kind and size, and the loops below were deoptimised by each).
    const attached: (Cue | null)[] = [];
    for (let ri = 0; ri < n; ri++) attached.push(this.regionCue.get(this.regions[ri]!.start) ?? null);
    const cueOf = attached.slice();
    for (let ri = 0; ri < n; ri++) {
      if (attached[ri]) continue;
      const r = this.regions[ri]!;
      const words = this.wordCount(r.inner.start, r.inner.end, 3);
      // Inside the reported clause of a cue: a partial quote of that speaker.
      const host = hostCue(cues, r);
      if (host) {
        if (words > 2) this.emitRegion(r, host, this.regionKind(r) === 'direct' ? 'direct' : 'partial');
        continue;
      }
      if (words <= 2) continue; // scare quotes
      const kind = this.regionKind(r);
      if (kind !== 'direct') {
        // An embedded quote no cue reports is a title, slogan or scare quote more often than speech.
        continue;
      }
      const para = paraOf[ri]!;
      const byline = this.dashSignature(r);
      if (byline) {
        cueOf[ri] = byline;
        this.regionCue.set(r.start, byline);
        this.emitRegion(r, byline, 'direct');
        continue;
      }
      let carry: Cue | null = null;
      // Same paragraph: the speaker of the quote before ("A," she said. "B."), else of the one after.
      for (let k = ri - 1; k >= 0 && paraOf[k] === para && !carry; k--) carry = cueOf[k] ?? null;
      for (let k = ri + 1; k < n && paraOf[k] === para && !carry; k++) carry = attached[k] ?? null;
      // A paragraph that is one quote continues the speaker of the previous paragraph's last quote.
      if (!carry && this.startsParagraph(r)) {
        for (let k = ri - 1; k >= 0 && paraOf[k] === para - 1 && !carry; k--) carry = cueOf[k] ?? null;
      }
      if (carry) {
        cueOf[ri] = carry;
        this.regionCue.set(r.start, carry);
      }
      this.emitRegion(r, carry, 'direct');
    }
  }

  /** Whitespace-separated words with a letter or digit in [start, end), counting no further than `max`. */
  private wordCount(start: number, end: number, max: number): number {
    let n = 0;
    let inWord = false;
    let hasAlnum = false;
    for (let i = start; i <= end; i++) {
      const c = i < end ? this.text.charCodeAt(i) : 32;
      if (c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0) {
        if (inWord && hasAlnum && ++n >= max) return n;
        inWord = false;
        hasAlnum = false;
      } else {
        inWord = true;
        if (!hasAlnum && !isPunct(String.fromCharCode(c))) hasAlnum = true;
      }
    }
    return n;
  }

  /** A quote signed with a dash and a name: `“...” ― Beck Pimentel`. The dash is the cue. */
  private dashSignature(r: QuoteRegion): Cue | null {
    const m = /^[ \t]*[\u2015\u2014\u2013][ \t]*/.exec(this.text.slice(r.end, r.end + 8));
    if (!m) return null;
    const d = this.tokenAt(r.end + m[0].search(/[\u2015\u2014\u2013]/));
    if (d < 0 || !/^[\u2015\u2014\u2013]$/.test(this.rw(d)!)) return null;
    let b = d + 1;
    while (b < this.n && this.doc.tokens[b]!.start < this.text.length && !this.text.slice(this.doc.tokens[b - 1]!.end, this.doc.tokens[b]!.start).includes('\n')) b++;
    const np = this.forwardNP(d + 1, b, false);
    if (!np || !isCapitalized(this.rw(np[0])!) || (np[1] < b && !CLAUSE_END.has(this.lw(np[1])!) && this.lw(np[1]) !== ',')) return null;
    let sent = 0;
    while (sent + 1 < this.sents.length && this.sents[sent]!.b <= d) sent++;
    return { i: d, j: d + 1, entry: DASH_CUE, sent, subj: np, inherited: false, content: null, used: true };
  }

  /** Index of the token covering or starting at `pos`, or -1. */
  private tokenAt(pos: number): number {
    const toks = this.doc.tokens;
    let lo = 0;
    let hi = toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (toks[mid]!.end <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo < toks.length && toks[lo]!.start <= pos + 1 ? lo : -1;
  }

  private startsParagraph(r: QuoteRegion): boolean {
    let p = r.start - 1;
    while (p >= 0 && /[ \t]/.test(this.text[p]!)) p--;
    return p < 0 || this.text[p] === '\n';
  }
}
