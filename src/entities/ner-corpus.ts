/**
 * Readers for the NER corpora (CoNLL-2003, GMB) and the mapping of their label sets to newsgraph's
 * types. Used by training and evaluation; the mapping is documented in models/NER-MODEL-CARD.md.
 */
import { readColumnSentences } from '../util/column-corpus.js';
import { GAZ_CITY, GAZ_COUNTRY, GAZ_DEMONYM, GAZ_GROUP, GAZ_REGION, GAZ_STATE } from './ner-features.js';
import type { Gazetteer } from './ner-gazetteer.js';
import { NER_TYPES, type TokenSpan } from './ner-model.js';

/** A labelled span in a corpus, with the corpus's own label. */
export interface LabelSpan {
  start: number;
  end: number;
  label: string;
}

/** A document of a corpus: words, sentence bounds and gold spans. */
export interface CorpusDoc {
  words: string[];
  bounds: number[];
  spans: LabelSpan[];
}

/**
 * Chunks as conlleval reads them: a chunk starts at B-X, or at I-X after anything but X; works for
 * IOB1 (CoNLL-2003) and IOB2 (GMB) alike.
 */
export function chunksOf(tags: readonly string[], offset = 0): LabelSpan[] {
  const out: LabelSpan[] = [];
  let cur: LabelSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i] ?? 'O';
    if (t === 'O' || t.length < 3) {
      if (cur) out.push(cur);
      cur = null;
      continue;
    }
    const prefix = t[0];
    const label = t.slice(2);
    if (prefix === 'I' && cur && cur.label === label) {
      cur.end = offset + i + 1;
    } else {
      if (cur) out.push(cur);
      cur = { start: offset + i, end: offset + i + 1, label };
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** Appends one sentence (words and their IOB tags) to a document. */
function addSentence(doc: CorpusDoc, words: string[], tags: string[]): void {
  doc.spans.push(...chunksOf(tags, doc.words.length));
  doc.words.push(...words);
  doc.bounds.push(doc.words.length);
}

const emptyDoc = (): CorpusDoc => ({ words: [], bounds: [0], spans: [] });

/** Reads CoNLL-2003 (word POS chunk NER, IOB1), one CorpusDoc per -DOCSTART- document. */
export function readConll(path: string): CorpusDoc[] {
  const docs: CorpusDoc[] = [];
  let doc = emptyDoc();
  for (const { rows, docStart } of readColumnSentences(path, ' ')) {
    if (docStart && doc.words.length > 0) {
      docs.push(doc);
      doc = emptyDoc();
    }
    addSentence(doc, rows.map((c) => c[0] ?? ''), rows.map((c) => c[c.length - 1] ?? 'O'));
  }
  if (doc.words.length > 0) docs.push(doc);
  return docs;
}

/**
 * Reads the GMB export (word TAB POS TAB IOB2). It has no document breaks, so consecutive sentences
 * are grouped into pseudo-documents of `perDoc` sentences (the sentences are in corpus order, so a
 * group mostly comes from one article, which is what document-level features need).
 */
export function readGmb(path: string, perDoc = 12): CorpusDoc[] {
  const docs: CorpusDoc[] = [];
  let doc = emptyDoc();
  let nSent = 0;
  for (const { rows } of readColumnSentences(path, '\t')) {
    addSentence(doc, rows.map((c) => c[0] ?? ''), rows.map((c) => (c[2] ?? 'O').trim()));
    if (++nSent % perDoc === 0) {
      docs.push(doc);
      doc = emptyDoc();
    }
  }
  if (doc.words.length > 0) docs.push(doc);
  return docs;
}

const TYPE_INDEX = new Map(NER_TYPES.map((t, i) => [t as string, i]));
const typeIndex = (t: string): number => TYPE_INDEX.get(t) ?? TYPE_INDEX.get('MISC')!;

// Words that name a natural feature: a location with such a head is not a political unit.
const NATURAL =
  /^(river|mountains?|mount|mt\.?|lake|sea|ocean|gulf|bay|islands?|isles?|valley|desert|peninsula|strait|straits|coast|canal|basin|plateau|hills?|range|delta|forest|park|channel|cape|glacier)$/i;

/**
 * Decides GPE (countries, cities, states) or LOC (other places) for a place name: listed political
 * units are GPE, listed regions and names with a natural-feature word are LOC, and unlisted names
 * default to GPE because most places news names are towns and cities.
 */
export function placeType(words: readonly string[], gaz: Gazetteer): 'GPE' | 'LOC' {
  const bits = gaz.lookup(words);
  if (bits & (GAZ_COUNTRY | GAZ_STATE)) return 'GPE';
  if (bits & GAZ_REGION) return 'LOC';
  if (bits & GAZ_CITY) return 'GPE';
  if (words.some((w) => NATURAL.test(w))) return 'LOC';
  return 'GPE';
}

/** Maps CoNLL-2003 spans (PER/ORG/LOC/MISC) to newsgraph types (MISC nationalities and groups become NORP). */
export function mapConll(doc: CorpusDoc, gaz: Gazetteer): TokenSpan[] {
  return doc.spans.map((s) => {
    const words = doc.words.slice(s.start, s.end);
    let t: string;
    switch (s.label) {
      case 'PER':
        t = 'PERSON';
        break;
      case 'ORG':
        t = 'ORG';
        break;
      case 'LOC':
        t = placeType(words, gaz);
        break;
      default:
        t = gaz.lookup(words) & (GAZ_DEMONYM | GAZ_GROUP) ? 'NORP' : 'MISC';
    }
    return { start: s.start, end: s.end, type: typeIndex(t) };
  });
}

/** What `mapGmb` learns from GMB's training file besides titles (see the learn* functions). */
export interface GmbConventions {
  /** Org names that are places (`learnPlaceNames`). */
  placeNames?: ReadonlySet<string>;
  /** Names GMB mostly tags as people (`learnPersonNames`). */
  personNames?: ReadonlySet<string>;
  /** Every name GMB tags on its own (`learnNames`). */
  names?: ReadonlySet<string>;
}

/** Learns everything `mapGmb` needs besides titles from GMB's training documents. */
export function learnGmbConventions(gmb: readonly CorpusDoc[], gaz: Gazetteer, titles: ReadonlySet<string>): GmbConventions {
  return { placeNames: learnPlaceNames(gmb, gaz), personNames: learnPersonNames(gmb, titles), names: learnNames(gmb) };
}

/** Every name (span text) GMB tags, in any type, in the given documents. */
export function learnNames(gmb: readonly CorpusDoc[]): Set<string> {
  const out = new Set<string>();
  for (const d of gmb) for (const s of d.spans) out.add(d.words.slice(s.start, s.end).join(' '));
  return out;
}

/**
 * GMB's partly automatic chunking sometimes makes one span of two coordinated names ("India and
 * Pakistan", "Associated Press and Reuters", tagged org). Such a span is cut in two when both sides
 * are names GMB tags on their own and the whole is not a listed place ("Bosnia and Herzegovina").
 */
function splitCoordinated(doc: CorpusDoc, gaz: Gazetteer, names: ReadonlySet<string> | undefined): LabelSpan[] {
  if (!names) return doc.spans;
  const out: LabelSpan[] = [];
  for (const s of doc.spans) {
    let cut = -1;
    for (let i = s.start + 1; i < s.end - 1; i++) if (doc.words[i] === 'and') cut = cut === -1 ? i : -2;
    if (
      cut > 0 &&
      names.has(doc.words.slice(s.start, cut).join(' ')) &&
      names.has(doc.words.slice(cut + 1, s.end).join(' ')) &&
      !gaz.lookup(doc.words.slice(s.start, s.end))
    ) {
      out.push({ start: s.start, end: cut, label: s.label }, { start: cut + 1, end: s.end, label: s.label });
    } else out.push(s);
  }
  return out;
}

/**
 * Maps GMB spans to newsgraph types: per->PERSON (with leading titles removed, see `stripTitles`),
 * org->ORG, geo->GPE/LOC, gpe->NORP (GPE when the name is a country), art/eve/nat->MISC, tim dropped.
 * Two GMB habits are brought to newsgraph's (OntoNotes-style) type definitions, the same in training
 * and in the normalised evaluation:
 * - a place name standing for its government ("U.S. said", "Tehran rejected") is tagged org by GMB in
 *   some sentences and geo in others; OntoNotes keeps such names GPE in every sense. An org span that
 *   the gazetteer lists as a country, US state or region, or a city in `placeNames` (see
 *   `learnPlaceNames`), is therefore a place (GPE/LOC as for geo);
 * - a nationality or religious/political group word tagged org, per or geo ("Muslim", "Sunni") is
 *   NORP, as CoNLL's MISC nationalities are: the gazetteer lists it as a demonym or group and not as
 *   a country, state or city;
 * - an org span made of title words and a name GMB mostly tags as a person ("General Musharraf")
 *   is that person, titles removed (see `learnPersonNames`);
 * - a span of two coordinated names is two names (see `splitCoordinated`);
 * - leading lower-case words of a name other than a person's ("southern Iraq", "the Gaza Strip") are
 *   left out, as CoNLL and OntoNotes leave them out.
 */
export function mapGmb(doc: CorpusDoc, gaz: Gazetteer, titles: ReadonlySet<string>, conv: GmbConventions = {}): TokenSpan[] {
  const placeNames = conv.placeNames ?? new Set<string>();
  const personNames = conv.personNames ?? new Set<string>();
  const out: TokenSpan[] = [];
  for (const s of splitCoordinated(doc, gaz, conv.names)) {
    const words = doc.words.slice(s.start, s.end);
    let start = s.start;
    let t: string;
    let label = s.label;
    if (label === 'org' && (gaz.lookup(words) & (GAZ_COUNTRY | GAZ_STATE | GAZ_REGION) || placeNames.has(words.join(' ')))) label = 'geo';
    // "General Musharraf", "State Colin Powell" (from "Secretary of State Colin Powell") tagged org:
    // a title followed by a name GMB mostly tags as a person is that person.
    if (label === 'org') {
      const k = stripTitles(doc.words, s.start, s.end, titles);
      if (k > s.start && k < s.end && personNames.has(doc.words.slice(k, s.end).join(' '))) label = 'per';
    }
    if ((label === 'org' || label === 'per' || label === 'geo') && isGroupWord(words, gaz)) label = 'norp';
    switch (label) {
      case 'per':
        start = stripTitles(doc.words, s.start, s.end, titles);
        t = 'PERSON';
        break;
      case 'org':
        t = 'ORG';
        break;
      case 'geo':
        t = placeType(words, gaz);
        break;
      case 'gpe':
        t = gaz.lookup(words) & GAZ_COUNTRY ? 'GPE' : 'NORP';
        break;
      case 'norp':
        t = 'NORP';
        break;
      case 'tim':
        continue;
      default:
        t = 'MISC';
    }
    // GMB often starts a place or organisation with a lower-case modifier or article ("southern
    // Iraq", "the Gaza Strip"); CoNLL and OntoNotes leave such words out of the name.
    if (label !== 'per') while (start < s.end - 1 && /^[a-z]+$/.test(doc.words[start]!)) start++;
    if (start < s.end) out.push({ start, end: s.end, type: typeIndex(t) });
  }
  return out;
}

/**
 * Learns the names GMB tags as a person (leading titles removed) in most of their uses, and at least
 * twice; `mapGmb` uses them to recognise titled people that GMB's partly automatic annotation filed
 * as organisations.
 */
export function learnPersonNames(gmb: readonly CorpusDoc[], titles: ReadonlySet<string>): Set<string> {
  const per = new Map<string, number>();
  const other = new Map<string, number>();
  for (const d of gmb) {
    for (const s of d.spans) {
      const start = s.label === 'per' ? stripTitles(d.words, s.start, s.end, titles) : s.start;
      if (start >= s.end) continue;
      const m = s.label === 'per' ? per : other;
      const k = d.words.slice(start, s.end).join(' ');
      m.set(k, (m.get(k) ?? 0) + 1);
    }
  }
  const out = new Set<string>();
  for (const [k, n] of per) if (n >= 2 && n > (other.get(k) ?? 0)) out.add(k);
  return out;
}

/** A name that the gazetteer lists as a nationality or group and not as a political place. */
function isGroupWord(words: readonly string[], gaz: Gazetteer): boolean {
  const bits = gaz.lookup(words);
  return (bits & (GAZ_DEMONYM | GAZ_GROUP)) !== 0 && (bits & (GAZ_COUNTRY | GAZ_STATE | GAZ_CITY)) === 0;
}

/**
 * Learns which city names GMB tags org are places standing for their government: listed cities GMB
 * itself tags as a place (geo or gpe) in more of its uses than as org ("Tehran", "Pyongyang"; not
 * "Delta", also an airline). Counted over GMB's training file only.
 */
export function learnPlaceNames(gmb: readonly CorpusDoc[], gaz: Gazetteer): Set<string> {
  const place = new Map<string, number>();
  const org = new Map<string, number>();
  for (const d of gmb) {
    for (const s of d.spans) {
      const m = s.label === 'org' ? org : s.label === 'geo' || s.label === 'gpe' ? place : null;
      if (!m) continue;
      const k = d.words.slice(s.start, s.end).join(' ');
      m.set(k, (m.get(k) ?? 0) + 1);
    }
  }
  const out = new Set<string>();
  for (const [k, o] of org) {
    // A city name ("Tehran"; not "Delta", also an airline) only when GMB itself mostly tags it as a
    // place; country, state and region names are places in every sense (see mapGmb).
    if (gaz.lookup(k.split(' ')) & GAZ_CITY && (place.get(k) ?? 0) > o) out.add(k);
  }
  return out;
}

/**
 * GMB puts titles inside person names ("President Mahmoud Abbas"); CoNLL and newsgraph do not. Returns
 * the index after the leading title words of [start, end): `end` when the span is nothing but titles
 * (GMB has lone "Prime" or "Mr." spans), which then is no name at all.
 */
export function stripTitles(words: readonly string[], start: number, end: number, titles: ReadonlySet<string>): number {
  let i = start;
  while (i < end && titles.has((words[i] ?? '').toLowerCase())) i++;
  return i;
}

/**
 * Learns the title words to strip from GMB person spans: words that begin GMB person spans and that
 * CoNLL-2003, which leaves titles outside names, either tags O in at least 80% of their capitalised
 * uses ("President"), or, capitalised and untagged, puts directly before a person's name at least
 * four times as often as at the start of one ("General", which CoNLL also has inside "General Motors").
 */
export function learnTitles(conll: readonly CorpusDoc[], gmb: readonly CorpusDoc[]): Set<string> {
  const inName = new Map<string, number>();
  const outName = new Map<string, number>();
  const beforePer = new Map<string, number>();
  const startsPer = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
  for (const d of conll) {
    const covered = new Uint8Array(d.words.length);
    for (const s of d.spans) for (let i = s.start; i < s.end; i++) covered[i] = 1;
    d.words.forEach((w, i) => {
      if (!/^[A-Z]/.test(w)) return;
      bump(covered[i] ? inName : outName, w.toLowerCase());
    });
    for (const s of d.spans) {
      if (s.label !== 'PER') continue;
      bump(startsPer, (d.words[s.start] ?? '').toLowerCase());
      const b = d.words[s.start - 1] ?? '';
      if (s.start > 0 && !covered[s.start - 1] && /^[A-Z]/.test(b)) bump(beforePer, b.toLowerCase());
    }
  }
  const isTitle = (k: string): boolean => {
    const o = outName.get(k) ?? 0;
    const n = inName.get(k) ?? 0;
    if (o >= 2 && o / (o + n) >= 0.8) return true;
    const b = beforePer.get(k) ?? 0;
    const f = startsPer.get(k) ?? 0;
    return b >= 2 && b / (b + f) >= 0.8;
  };
  const titles = new Set<string>();
  for (const d of gmb) {
    for (const s of d.spans) {
      if (s.label !== 'per') continue;
      for (let i = s.start; i < s.end - 1; i++) {
        const k = (d.words[i] ?? '').toLowerCase();
        if (!isTitle(k)) break;
        titles.add(k);
      }
    }
  }
  return titles;
}
