/**
 * Event coding on the gold standards in ../shared/data/events (dev splits only):
 *   npm run eval -- events [--verbose]
 *
 * Each gold sentence is analysed on its own through the real stages that exist (src/events/pipeline.ts:
 * segment, pos, ner, entities, values, quotes as available; the stages used are printed), then events.
 *
 * PLOVER (plover_gsr.dev.jsonl). Labels are normalised to PLOVER 0.5 names used by newsgraph
 * (DEMAND -> REQUEST, DISAPPROVE -> ACCUSE). Events coded as plain CAMEO statements (01: claims of responsibility,
 * condolences) have no PLOVER type and are left out of the PLOVER comparison; the CAMEO comparison counts them.
 *  - event type: per sentence, the set of predicted types against the set of gold types; a type in both is a
 *    true positive, predicted only a false positive, gold only a false negative; micro precision/recall/F1.
 *  - triples: per sentence, the set of (type, source country, target country). Gold triples are the product
 *    of each event's source and target actor codes (an empty list stands for "none"); a predicted event gives
 *    (PLOVER type, actorCountry, targetCountry), with null for "none". Codes compare as their first three
 *    letters (gold "IGO..." matches our IGO); sets per sentence, micro P/R/F1.
 *  - triples, mutual: the same, except that where the record's markup marks conjoined actors as both source
 *    and target ("(SRC/TAR: Jordan) and (SRC/TAR: Britain) have agreed") and the event lists no target, the
 *    gold triples are the ordered pairs of those actors (Jordan->Britain, Britain->Jordan), as the markup says;
 *    the JSON conversion of the records keeps them only as sources. Both figures are printed.
 * CAMEO (cameo_gsr.dev.jsonl): per sentence, the set of (source country, target country, CAMEO root) with
 *    the country the first three letters of the gold actor code ("---" = none); micro precision/recall.
 *    Sentences marked noevents count for precision only.
 * Mode: of the gold events with a PLOVER mode whose type was found, how many carry the same mode.
 * A confusion table of PLOVER types follows: rows gold, columns predicted ("-" = nothing predicted).
 * Negated events ("did not sign", the refused action in "refused to meet") are left out of the comparison:
 * they report that something did not happen, and the gold standards list only what happened.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { Doc } from '../src/doc/types.js';
import { analyzeTextForEvents, stagesBeforeEvents } from '../src/events/pipeline.js';
import { normalizePlover } from '../src/events/ontology.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, '..', 'shared', 'data', 'events');
const verbose = process.argv.includes('--verbose');

interface PloverActor { text: string; code: string | null; sector: string | null }
interface PloverRecord { id: string; text: string; markup?: string; expected: { event: string; mode?: string | null; source: PloverActor[]; target: PloverActor[] }[] }
interface CameoRecord { id: string; text: string; expected: { source: string; target: string; code: string }[] }

function readJsonl<T>(name: string): T[] {
  return readFileSync(join(dataDir, name), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

/** Analyses one sentence through every available stage (raw mode: the text is already clean), then events. */
function analyzeSentence(text: string): Doc {
  const doc = analyzeTextForEvents(text);
  doc.events = doc.events.filter((e) => !e.negated);
  return doc;
}

const c3 = (code: string | null | undefined): string => {
  if (!code) return '-';
  const c = code.slice(0, 3).toUpperCase();
  return c === '---' || c === '***' ? '-' : c;
};

class Prf {
  tp = 0;
  fp = 0;
  fn = 0;
  add(pred: Set<string>, gold: Set<string>): void {
    for (const p of pred) if (gold.has(p)) this.tp++; else this.fp++;
    for (const g of gold) if (!pred.has(g)) this.fn++;
  }
  get p(): number { return this.tp + this.fp === 0 ? 0 : this.tp / (this.tp + this.fp); }
  get r(): number { return this.tp + this.fn === 0 ? 0 : this.tp / (this.tp + this.fn); }
  get f(): number { return this.p + this.r === 0 ? 0 : (2 * this.p * this.r) / (this.p + this.r); }
  line(name: string): string {
    return `${name.padEnd(34)} P ${this.p.toFixed(3)}  R ${this.r.toFixed(3)}  F1 ${this.f.toFixed(3)}  (tp ${this.tp}, fp ${this.fp}, fn ${this.fn})`;
  }
}

const t0 = performance.now();
// ---------------------------------------------------------------- PLOVER
const plover = readJsonl<PloverRecord>('plover_gsr.dev.jsonl');
const types = new Prf();
const triples = new Prf();
const mutual = new Prf();
let modeGold = 0;
let modeFound = 0;
let modeRight = 0;
const pairs = new Prf();
const confusion = new Map<string, Map<string, number>>();
const bump = (g: string, p: string): void => {
  const row = confusion.get(g) ?? new Map<string, number>();
  row.set(p, (row.get(p) ?? 0) + 1);
  confusion.set(g, row);
};
for (const rec of plover) {
  const doc = analyzeSentence(rec.text);
  // Plain statements (CAMEO 01) have no PLOVER type: PLOVER does not code them, so they are not compared here.
  doc.events = doc.events.filter((e) => e.action.plover !== '');
  const predTypes = new Set(doc.events.map((e) => e.action.plover));
  const goldTypes = new Set(rec.expected.map((e) => normalizePlover(e.event)));
  types.add(predTypes, goldTypes);
  const predTriples = new Set(doc.events.map((e) => `${e.action.plover}|${c3(e.actorCountry)}|${c3(e.targetCountry)}`));
  const predPairs = new Set(doc.events.map((e) => `${e.action.plover}|${c3(e.actorCountry)}`));
  const goldTriples = new Set<string>();
  const goldPairs = new Set<string>();
  for (const e of rec.expected) {
    const t = normalizePlover(e.event);
    const src = e.source.length ? e.source : [null];
    const tgt = e.target.length ? e.target : [null];
    for (const s of src) {
      goldPairs.add(`${t}|${c3(s?.code)}`);
      for (const g of tgt) goldTriples.add(`${t}|${c3(s?.code)}|${c3(g?.code)}`);
    }
  }
  triples.add(predTriples, goldTriples);
  for (const e of rec.expected) {
    if (!e.mode) continue;
    modeGold++;
    const same = doc.events.filter((p) => p.action.plover === normalizePlover(e.event));
    if (same.length) modeFound++;
    if (same.some((p) => p.action.mode === e.mode)) modeRight++;
  }
  const goldMutual = new Set<string>();
  for (const e of rec.expected) {
    const t = normalizePlover(e.event);
    if ((rec.markup ?? '').includes('SRC/TAR:') && e.target.length === 0 && e.source.length >= 2) {
      for (const a of e.source) for (const b of e.source) if (a !== b) goldMutual.add(`${t}|${c3(a.code)}|${c3(b.code)}`);
    } else {
      for (const s of e.source.length ? e.source : [null]) for (const g of e.target.length ? e.target : [null]) goldMutual.add(`${t}|${c3(s?.code)}|${c3(g?.code)}`);
    }
  }
  mutual.add(predTriples, goldMutual);
  pairs.add(predPairs, goldPairs);
  for (const g of goldTypes) {
    if (predTypes.has(g)) bump(g, g);
    else {
      const wrong = [...predTypes].filter((p) => !goldTypes.has(p));
      bump(g, wrong[0] ?? '-');
    }
  }
  if (goldTypes.size === 0) for (const p of predTypes) bump('-', p);
  if (verbose && (![...goldTriples].every((g) => predTriples.has(g)) || predTriples.size > goldTriples.size)) {
    console.log(`${rec.id}\n  ${rec.text}\n  gold ${[...goldTriples].join(' ')}\n  pred ${doc.events.map((e) => `${e.action.plover}|${c3(e.actorCountry)}|${c3(e.targetCountry)} "${e.actorText}" -${e.action.cameo} "${e.action.text}"-> "${e.targetText}"`).join('; ') || '(none)'}`);
  }
}

// ---------------------------------------------------------------- CAMEO
const cameo = readJsonl<CameoRecord>('cameo_gsr.dev.jsonl');
const ctriples = new Prf();
const croots = new Prf();
for (const rec of cameo) {
  const doc = analyzeSentence(rec.text);
  const pred = new Set(doc.events.map((e) => `${c3(e.actorCountry)}|${c3(e.targetCountry)}|${e.action.cameo.slice(0, 2)}`));
  const gold = new Set(rec.expected.map((e) => `${c3(e.source)}|${c3(e.target)}|${e.code.slice(0, 2)}`));
  ctriples.add(pred, gold);
  croots.add(new Set(doc.events.map((e) => e.action.cameo.slice(0, 2))), new Set(rec.expected.map((e) => e.code.slice(0, 2))));
  if (verbose && ([...gold].some((g) => !pred.has(g)) || [...pred].some((p) => !gold.has(p)))) {
    console.log(`${rec.id}\n  ${rec.text}\n  gold ${[...gold].join(' ')}\n  pred ${doc.events.map((e) => `${c3(e.actorCountry)}|${c3(e.targetCountry)}|${e.action.cameo} "${e.actorText}" "${e.action.text}" "${e.targetText}"`).join('; ') || '(none)'}`);
  }
}
const secs = (performance.now() - t0) / 1000;

console.log(`stages before events: ${stagesBeforeEvents().map((c) => c.name).join(' > ')}`);
console.log(`\nPLOVER gold standard, dev (${plover.length} sentences)`);
console.log(types.line('event type per sentence'));
console.log(triples.line('(type, source, target) triples'));
console.log(mutual.line('triples, SRC/TAR read as mutual'));
console.log(pairs.line('(type, source) pairs'));
console.log(`mode: ${modeRight} of ${modeFound} gold modes right where the type was found (${modeGold} gold events have a mode)`);
console.log(`\nCAMEO / PETRARCH2 gold standard, dev (${cameo.length} sentences)`);
console.log(ctriples.line('(source, target, root) triples'));
console.log(croots.line('root code per sentence'));
console.log('  (PETRARCH2 on these records: recall 0.69, precision 0.73)');

const cols = ['-', ...new Set([...confusion.values()].flatMap((r) => [...r.keys()]).filter((k) => k !== '-'))].sort();
const short = (s: string): string => s.slice(0, 5);
console.log('\nConfusion (rows gold, columns predicted)');
console.log(`${''.padEnd(12)}${cols.map((c) => short(c).padStart(6)).join('')}`);
for (const [g, row] of [...confusion.entries()].sort()) {
  console.log(`${g.padEnd(12)}${cols.map((c) => String(row.get(c) ?? '').padStart(6)).join('')}`);
}
console.log(`\n${plover.length + cameo.length} sentences in ${secs.toFixed(1)} s`);
