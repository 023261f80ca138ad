/**
 * The named-entity recogniser as a pipeline component: finds names of people, organisations, places
 * and groups in the token layer and writes them to `doc.mentions` (kind 'name', not yet linked).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Doc, EntityType, Mention, Span, Token } from '../doc/types.js';
import { NgError } from '../errors.js';
import { tokenTexts, tokenWordIds } from '../doc/spans.js';
import type { Component } from '../pipeline/component.js';
import { NER_TYPES, NerModel, type NerInput, type TokenSpan } from './ner-model.js';
import { MODE_NORMAL, sentenceMode } from './ner-features.js';

/** The model class and type list, for callers that load or inspect a model. */
export { NerModel, NER_TYPES } from './ner-model.js';
/** Input and output shapes of word-level recognition. */
export type { NerInput, TokenSpan } from './ner-model.js';

/** A mention as the recogniser writes it. */
export type NameMention = Mention & { type: EntityType; entity: string | null };

/** Options of `nerComponent` and `loadNerModel`. */
export interface NerOptions {
  /** A model already loaded (shared between components or worker threads' pipelines). */
  model?: NerModel;
  /** Path of a model file; defaults to models/ner.model.gz of this package. */
  modelPath?: string;
  /**
   * Which weights to use: 'shared' (the default; the shipped model is trained jointly on CoNLL-2003
   * and GMB and has no others), or a domain section of a model trained with `--domains` ('conll',
   * 'gmb'), added to the shared weights. See models/NER-MODEL-CARD.md.
   */
  domain?: string;
}

/** The default weights for unseen news text; chosen on dev data, see the model card. */
export const DEFAULT_NER_DOMAIN = 'shared';

// Longest stretch tagged as one sequence: bounds memory on pathological input (a 10 MB line) while
// leaving every real sentence whole.
const MAX_SENTENCE_TOKENS = 400;
// Tokens per block whose document-level features are computed together.
const BLOCK_TOKENS = 50_000;

/** Finds models/ner.model.gz whether running from src (tsx) or from the compiled dist tree. */
export function defaultNerModelPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '../../models/ner.model.gz'), join(here, '../../../models/ner.model.gz')];
  return candidates.find((p) => existsSync(p)) ?? candidates[0]!;
}

const cache = new Map<string, NerModel>();

/** Loads (once per path and domain) the recogniser's model. */
export function loadNerModel(opts: Omit<NerOptions, 'model'> = {}): NerModel {
  const path = opts.modelPath ?? defaultNerModelPath();
  const domain = opts.domain ?? DEFAULT_NER_DOMAIN;
  const key = `${path}\u0000${domain}`;
  let m = cache.get(key);
  if (!m) {
    m = NerModel.load(path, { domain });
    cache.set(key, m);
  }
  return m;
}

/**
 * Recognises names in pre-tokenised text. Long inputs are tagged in blocks of whole sentences, and an
 * overlong "sentence" (text without punctuation) is cut into pieces, so memory stays bounded.
 */
export function recognizeWords(model: NerModel, input: NerInput): TokenSpan[] {
  const { words } = input;
  const bounds: number[] = [0];
  for (let k = 1; k < input.bounds.length; k++) {
    const e = input.bounds[k]!;
    let s = bounds[bounds.length - 1]!;
    while (e - s > MAX_SENTENCE_TOKENS) {
      s += MAX_SENTENCE_TOKENS;
      bounds.push(s);
    }
    if (e > s) bounds.push(e);
  }
  const ids = input.ids;
  if (words.length <= BLOCK_TOKENS) return model.recognize(ids ? { words, bounds, ids } : { words, bounds });
  const out: TokenSpan[] = [];
  let k = 0;
  while (k + 1 < bounds.length) {
    const from = bounds[k]!;
    let j = k + 1;
    while (j + 1 < bounds.length && bounds[j + 1]! - from <= BLOCK_TOKENS) j++;
    const to = bounds[j]!;
    const sub: NerInput = { words: words.slice(from, to), bounds: bounds.slice(k, j + 1).map((b) => b - from) };
    if (ids) sub.ids = ids.subarray(from, to);
    for (const s of model.recognize(sub)) out.push({ start: s.start + from, end: s.end + from, type: s.type });
    k = j;
  }
  return out;
}

/** Groups tokens by sentence: returns sentence bounds as token indices (tokens outside any sentence form their own groups). */
export function sentenceBounds(tokens: readonly Token[], sentences: readonly Span[]): number[] {
  const bounds = [0];
  let si = 0;
  let group = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (si < sentences.length && sentences[si]!.end <= t.start) si++;
    const inside = si < sentences.length && sentences[si]!.start <= t.start;
    // Odd groups are sentences, even ones the gaps before them.
    const g = 2 * si + (inside ? 1 : 0);
    if (g !== group && i > 0) bounds.push(i);
    group = g;
  }
  if (tokens.length > 0) bounds.push(tokens.length);
  return bounds;
}

/**
 * Everything the component does on words: recognition, then `trimPunctuation`, `attachThe` and `harmonizeTypes`. The
 * evaluation scores this, so its figures are the component's.
 */
export function recognizeNames(model: NerModel, input: NerInput): TokenSpan[] {
  const spans = attachThe(input.words, input.bounds, trimPunctuation(input.words, recognizeWords(model, input)));
  // With word ids, sentence modes come from the model's per-word facts instead of the characters.
  const ids = input.ids;
  return harmonizeTypes(input.words, input.bounds, spans, ids ? (from, to) => model.sentenceModeOf(input.words, ids, from, to) : undefined);
}

// Tokens of punctuation alone that no name begins or ends with: dashes, commas, colons, quotes.
const EDGE_PUNCT = /^[-\u2010-\u2015,;:"\u201c\u201d\u2018\u2019]+$/u;

/**
 * A name does not begin or end with a dash, comma, colon or quote mark, nor with a bracket it does not
 * close or open ("Mladost ( L )" keeps its brackets): such tokens at a span's edges are left out
 * ("U.S.-Mexico" split as "U.S." "-" "Mexico" gives "Mexico", not "-Mexico"), and a span of nothing
 * else is dropped.
 */
export function trimPunctuation(words: readonly string[], spans: TokenSpan[]): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (const s of spans) {
    let a = s.start;
    let b = s.end;
    for (;;) {
      const w = words[a] ?? '';
      if (a < b && (EDGE_PUNCT.test(w) || w === ')' || (w === '(' && !words.slice(a + 1, b).includes(')')))) a++;
      else break;
    }
    for (;;) {
      const w = words[b - 1] ?? '';
      if (b > a && (EDGE_PUNCT.test(w) || w === '(' || (w === ')' && !words.slice(a, b - 1).includes('(')))) b--;
      else break;
    }
    if (a === s.start && b === s.end) out.push(s);
    else if (a < b) out.push({ start: a, end: b, type: s.type });
  }
  return out;
}

/**
 * One name keeps one type within a document, as it does in news: a lone word that ends a multi-word
 * person name elsewhere in the document is a PERSON ("Sheinbaum" after "Claudia Sheinbaum"), and a name
 * written the same way several times takes the type the recogniser gave it most often. Only names in
 * ordinary sentences vote: decisions in ALL-CAPS or headline-case lines are the least reliable.
 */
export function harmonizeTypes(
  words: readonly string[],
  bounds: readonly number[],
  spans: TokenSpan[],
  /** sentenceMode(words, from, to), when the caller has a faster way to tell it. */
  modeOf: (from: number, to: number) => number = (from, to) => sentenceMode(words, from, to),
): TokenSpan[] {
  const PERSON = NER_TYPES.indexOf('PERSON');
  const surnames = new Set<string>();
  const votes = new Map<string, number[]>();
  // Each span's text, joined once for both passes.
  const keys = spans.map((s) => (s.end - s.start === 1 ? (words[s.start] ?? '') : words.slice(s.start, s.end).join(' ')));
  let k = 0;
  let mode = MODE_NORMAL;
  for (let j = 0; j < spans.length; j++) {
    const s = spans[j]!;
    // Spans come in text order, so the sentence index only moves forward.
    if (k + 1 >= bounds.length || s.start >= bounds[k + 1]! || s.start < bounds[k]!) {
      while (k + 1 < bounds.length && s.start >= bounds[k + 1]!) k++;
      mode = modeOf(bounds[k] ?? 0, bounds[k + 1] ?? words.length);
    }
    if (mode !== MODE_NORMAL) continue;
    const key = keys[j]!;
    let v = votes.get(key);
    if (!v) votes.set(key, (v = new Array<number>(NER_TYPES.length).fill(0)));
    v[s.type]!++;
    if (s.type === PERSON && s.end - s.start >= 2) surnames.add(words[s.end - 1]!);
  }
  return spans.map((s, j) => {
    const key = keys[j]!;
    if (s.end - s.start === 1 && surnames.has(key)) return s.type === PERSON ? s : { ...s, type: PERSON };
    const v = votes.get(key);
    if (!v) return s;
    let best = s.type;
    for (let t = 0; t < v.length; t++) if (v[t]! > v[best]!) best = t;
    return best === s.type ? s : { ...s, type: best };
  });
}

/**
 * A capitalised "The" inside a sentence, right before a name, is part of that name ("from The New York
 * Times", "in The Hague"); both training corpora leave the article out, so it is put back here. The
 * word before must not be capitalised, so headline case ("Trump Meets The Press") is left alone.
 */
export function attachThe(words: readonly string[], bounds: readonly number[], spans: TokenSpan[]): TokenSpan[] {
  const starts = new Set(bounds);
  const out: TokenSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    const next = spans[k + 1];
    // A lone "The" the model tagged as a name of its own, directly before another name: merge.
    if (next && s.end === s.start + 1 && next.start === s.end && words[s.start] === 'The' && isMidSentenceThe(words, starts, s.start)) {
      out.push({ start: s.start, end: next.end, type: next.type });
      k++;
      continue;
    }
    const t = s.start - 1;
    const prevEnd = out.length > 0 ? out[out.length - 1]!.end : 0;
    if (t >= prevEnd && words[t] === 'The' && NER_TYPES[s.type] !== 'PERSON' && isMidSentenceThe(words, starts, t)) {
      out.push({ start: t, end: s.end, type: s.type });
    } else out.push(s);
  }
  return out;
}

function isMidSentenceThe(words: readonly string[], starts: ReadonlySet<number>, t: number): boolean {
  if (t === 0 || starts.has(t)) return false;
  const before = words[t - 1] ?? '';
  return /^[a-z,:;(]/.test(before) && before !== ':';
}

const POSSESSIVE = /\p{L}['\u2019]s$/u;

/** Runs the recogniser over a Doc's tokens and returns the name mentions, in text order. */
export function recognizeDoc(model: NerModel, doc: Pick<Doc, 'text' | 'tokens' | 'sentences'>): NameMention[] {
  const { text, tokens } = doc;
  const words = tokenTexts(doc);
  const bounds = sentenceBounds(tokens, doc.sentences);
  // Word ids interned once per document and shared with POS (fetched here, so they are current).
  const spans = recognizeNames(model, { words, bounds, ids: tokenWordIds(doc) });
  const out: NameMention[] = [];
  for (const s of spans) {
    const start = tokens[s.start]!.start;
    // A possessive token tagged as part of the name ends it before the possessive.
    const lastTok = s.end - s.start > 1 && /^['\u2019]s?$/.test(words[s.end - 1]!) ? s.end - 2 : s.end - 1;
    let end = tokens[lastTok]!.end;
    // A tokenizer that keeps "Mexico's" whole would put the possessive inside the name.
    const last = words[lastTok]!;
    if (last.length > 2 && POSSESSIVE.test(last)) end -= 2;
    const type = NER_TYPES[s.type] ?? 'MISC';
    out.push({ start, end, text: text.slice(start, end), kind: 'name', type, entity: null });
  }
  return out;
}

/**
 * The 'ner' component: requires tokens and sentences, assigns mentions. The model is loaded when the
 * component is made, never per document.
 * @example buildPipeline([segmentComponent(), nerComponent()]).run(doc).mentions
 */
export function nerComponent(opts: NerOptions = {}): Component {
  let model: NerModel;
  try {
    model = opts.model ?? loadNerModel(opts);
  } catch (err) {
    if (err instanceof NgError) throw err;
    throw new NgError('NG_E021', `cannot load the NER model: ${(err as Error).message}`, {}, { cause: err });
  }
  return {
    name: 'ner',
    requires: ['tokens', 'sentences'],
    assigns: ['mentions'],
    run(doc: Doc): void {
      const found = recognizeDoc(model, doc);
      // Keep mentions other components added (pronouns, roles); replace earlier name mentions.
      const others = (doc.mentions ?? []).filter((m) => m.kind !== 'name');
      doc.mentions = [...others, ...found].sort((a, b) => a.start - b.start || b.end - a.end);
    },
  };
}
