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

/**
 * Maps GMB spans to newsgraph types: per->PERSON (with leading titles removed, see `stripTitles`),
 * org->ORG, geo->GPE/LOC, gpe->NORP (GPE when the name is a country), art/eve/nat->MISC, tim dropped.
 */
export function mapGmb(doc: CorpusDoc, gaz: Gazetteer, titles: ReadonlySet<string>): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (const s of doc.spans) {
    const words = doc.words.slice(s.start, s.end);
    let start = s.start;
    let t: string;
    switch (s.label) {
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
      case 'tim':
        continue;
      default:
        t = 'MISC';
    }
    if (start < s.end) out.push({ start, end: s.end, type: typeIndex(t) });
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
 * CoNLL-2003, which leaves titles outside names, tags O in at least 80% of their capitalised uses.
 */
export function learnTitles(conll: readonly CorpusDoc[], gmb: readonly CorpusDoc[]): Set<string> {
  const inName = new Map<string, number>();
  const outName = new Map<string, number>();
  for (const d of conll) {
    const covered = new Uint8Array(d.words.length);
    for (const s of d.spans) for (let i = s.start; i < s.end; i++) covered[i] = 1;
    d.words.forEach((w, i) => {
      if (!/^[A-Z]/.test(w)) return;
      const k = w.toLowerCase();
      const m = covered[i] ? inName : outName;
      m.set(k, (m.get(k) ?? 0) + 1);
    });
  }
  const candidates = new Set<string>();
  for (const d of gmb) {
    for (const s of d.spans) {
      if (s.label !== 'per') continue;
      for (let i = s.start; i < s.end - 1; i++) {
        const k = (d.words[i] ?? '').toLowerCase();
        candidates.add(k);
        const o = outName.get(k) ?? 0;
        const n = inName.get(k) ?? 0;
        if (!(o >= 2 && o / (o + n) >= 0.8)) break;
      }
    }
  }
  const titles = new Set<string>();
  for (const k of candidates) {
    const o = outName.get(k) ?? 0;
    const n = inName.get(k) ?? 0;
    if (o >= 2 && o / (o + n) >= 0.8) titles.add(k);
  }
  return titles;
}
