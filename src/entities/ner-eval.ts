/**
 * Entity-level scoring as conlleval counts it: a predicted entity is correct only when its span and
 * type both equal a gold entity's. Used by eval/ner.ts and by the trainer's progress report.
 */
import { NER_TYPES, type NerModel } from './ner-model.js';
import { recognizeNames } from './ner.js';
import { type CorpusDoc, type GmbConventions, learnGmbConventions, learnTitles, mapGmb, readConll, readGmb } from './ner-corpus.js';

/** Counts per label: true positives, predicted, gold. */
export type Counts = Map<string, { tp: number; pred: number; gold: number }>;

/** Precision, recall and F1 of one label or of a group of labels. */
export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  pred: number;
  gold: number;
}

/** Adds one document's gold and predicted labelled spans to the counts. */
export function addCounts(counts: Counts, gold: readonly { start: number; end: number; label: string }[], pred: readonly { start: number; end: number; label: string }[]): void {
  const bump = (label: string, field: 'tp' | 'pred' | 'gold'): void => {
    let c = counts.get(label);
    if (!c) counts.set(label, (c = { tp: 0, pred: 0, gold: 0 }));
    c[field]++;
  };
  const goldKeys = new Set(gold.map((g) => `${g.start}:${g.end}:${g.label}`));
  for (const g of gold) bump(g.label, 'gold');
  for (const p of pred) {
    bump(p.label, 'pred');
    if (goldKeys.has(`${p.start}:${p.end}:${p.label}`)) bump(p.label, 'tp');
  }
}

/** P/R/F1 over the given labels (all labels when omitted), micro-averaged. */
export function prf(counts: Counts, labels?: readonly string[]): Prf {
  let tp = 0;
  let pred = 0;
  let gold = 0;
  for (const [label, c] of counts) {
    if (labels && !labels.includes(label)) continue;
    tp += c.tp;
    pred += c.pred;
    gold += c.gold;
  }
  const precision = pred ? tp / pred : 0;
  const recall = gold ? tp / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tp, pred, gold };
}

// Collapsing newsgraph types back to CoNLL-2003's so the figure is comparable with published ones.
const TO_CONLL: Record<string, string> = { PERSON: 'PER', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC', NORP: 'MISC', MISC: 'MISC' };
// And to GMB's: geo covers GPE and LOC, gpe is nationalities, art/eve/nat are merged as misc.
const TO_GMB: Record<string, string> = { PERSON: 'per', ORG: 'org', GPE: 'geo', LOC: 'geo', NORP: 'gpe', MISC: 'misc' };

function predict(model: NerModel, doc: CorpusDoc, map: Record<string, string>): { start: number; end: number; label: string }[] {
  return recognizeNames(model, { words: doc.words, bounds: doc.bounds }).map((s) => ({
    start: s.start,
    end: s.end,
    label: map[NER_TYPES[s.type] ?? 'MISC'] ?? 'MISC',
  }));
}

/** Scores a model on a CoNLL-2003 file in CoNLL's own four types. */
export function evaluateConll(model: NerModel, path: string): Counts {
  const counts: Counts = new Map();
  for (const doc of readConll(path)) addCounts(counts, doc.spans, predict(model, doc, TO_CONLL));
  return counts;
}

/**
 * Scores a model on a GMB file in GMB's types (tim left out: dates are the values layer's job).
 * `normalized` scores against gold in newsgraph's conventions, mapped by exactly the function training
 * uses (`mapGmb`, with titles and place names learned from the training files): leading titles out of
 * person names (spans of titles alone dropped), countries tagged gpe and places GMB tags org for their
 * government counted as places (geo), nationality and group words counted as gpe; otherwise against
 * GMB's spans as they are (art/eve/nat merged as misc).
 */
export function evaluateGmb(model: NerModel, path: string, opts: { normalized: boolean; conllTrainPath: string }): Counts {
  const gaz = model.gazetteer;
  const docs = readGmb(path);
  const counts: Counts = new Map();
  let titles = new Set<string>();
  let conv: GmbConventions = {};
  if (opts.normalized) {
    const gmbTrain = readGmb(path.replace(/dev\.tsv$/, 'train.tsv'));
    titles = learnTitles(readConll(opts.conllTrainPath), gmbTrain);
    conv = learnGmbConventions(gmbTrain, gaz, titles);
  }
  for (const doc of docs) {
    const gold = opts.normalized
      ? mapGmb(doc, gaz, titles, conv).map((s) => ({ start: s.start, end: s.end, label: TO_GMB[NER_TYPES[s.type] ?? 'MISC'] ?? 'misc' }))
      : doc.spans
          .filter((s) => s.label !== 'tim')
          .map((s) => ({ start: s.start, end: s.end, label: s.label === 'art' || s.label === 'eve' || s.label === 'nat' ? 'misc' : s.label }));
    addCounts(counts, gold, predict(model, doc, TO_GMB));
  }
  return counts;
}

/** Formats counts as a small table, one label a line, then the overall line(s). */
export function formatCounts(title: string, counts: Counts, groups: Record<string, readonly string[] | undefined>): string {
  const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);
  const lines = [title, `  ${'label'.padEnd(14)} ${'prec'.padStart(6)} ${'rec'.padStart(6)} ${'F1'.padStart(6)}   gold   pred`];
  const labels = [...counts.keys()].sort();
  const row = (name: string, p: Prf): string =>
    `  ${name.padEnd(14)} ${pct(p.precision)} ${pct(p.recall)} ${pct(p.f1)} ${String(p.gold).padStart(6)} ${String(p.pred).padStart(6)}`;
  for (const l of labels) lines.push(row(l, prf(counts, [l])));
  for (const [name, ls] of Object.entries(groups)) lines.push(row(name, prf(counts, ls)));
  return lines.join('\n');
}
