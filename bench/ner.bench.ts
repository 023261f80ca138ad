/**
 * Speed of name recognition over real news: the PolNeAR dev article texts (../shared/data). Measures,
 * on one core, (a) recognition alone over already tokenised text, (b) split + tokenize + recognise and
 * (c) split + tokenize + POS + recognise, as tokens/s, plus peak RSS; and wink-nlp's whole pipeline
 * (wink-eng-lite-web-model: tokens, sentences, POS, entities) over the same texts in the same run, with
 * the ratio. Run: `npm run bench -- ner` (add --seconds=N to change the time per measurement, default 3).
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import type { Doc } from '../src/doc/types.js';
import { createDoc } from '../src/doc/doc.js';
import { segmentDoc } from '../src/text/segment.js';
import { loadPosTagger } from '../src/text/pos.js';
import { loadNerModel, recognizeDoc } from '../src/entities/ner.js';
import { polnearDevTexts, blankLineParagraphs } from './lib/corpus.js';

// `--seconds=N` (the bench runner passes on only arguments that start with "-").
const secArg = process.argv.find((a) => a.startsWith('--seconds='));
const SECONDS = secArg ? Number(secArg.slice('--seconds='.length)) || 3 : 3;

const texts = polnearDevTexts();
const chars = texts.reduce((n, t) => n + t.length, 0);

const paragraphs = blankLineParagraphs;

function segment(t: string): Doc {
  const doc = createDoc(t, paragraphs(t).map((p) => ({ ...p, role: 'body' as const })));
  segmentDoc(doc);
  return doc;
}

/**
 * Runs `fn` over the corpus repeatedly for about SECONDS; returns passes per second of wall time and of
 * this process's CPU time (on a shared machine the CPU figure is the steadier one: it leaves out the
 * time other processes held the core).
 */
function measure(fn: () => number): { perSec: number; perCpuSec: number; tokens: number } {
  fn(); // warm-up: JIT
  let passes = 0;
  let tokens = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let el = 0;
  while (el < SECONDS * 1000) {
    tokens = fn();
    passes++;
    el = performance.now() - t0;
  }
  const cpu = process.cpuUsage(c0);
  return { perSec: passes / (el / 1000), perCpuSec: passes / ((cpu.user + cpu.system) / 1e6), tokens };
}

const tl0 = performance.now();
const model = loadNerModel();
const loadMs = performance.now() - tl0;
const tagger = loadPosTagger();
const pre = texts.map(segment);

let names = 0;
const nerOnly = measure(() => {
  let k = 0;
  names = 0;
  for (const d of pre) {
    names += recognizeDoc(model, d).length;
    k += d.tokens.length;
  }
  return k;
});
const segNer = measure(() => {
  let k = 0;
  for (const t of texts) {
    const d = segment(t);
    recognizeDoc(model, d);
    k += d.tokens.length;
  }
  return k;
});
const segPosNer = measure(() => {
  let k = 0;
  for (const t of texts) {
    const d = segment(t);
    // Recognition does not read POS, but a full pipeline pays for it, so it is in the figure.
    tagger.tagDoc(d);
    recognizeDoc(model, d);
    k += d.tokens.length;
  }
  return k;
});

const require = createRequire(import.meta.url);
const winkNLP = require('wink-nlp') as (m: unknown) => { readDoc(t: string): { tokens(): { length(): number }; entities(): { length(): number } } };
const winkModel = require('wink-eng-lite-web-model') as unknown;
const nlp = winkNLP(winkModel);
let winkEntities = 0;
const wink = measure(() => {
  let k = 0;
  winkEntities = 0;
  for (const t of texts) {
    const d = nlp.readDoc(t);
    k += d.tokens().length();
    winkEntities += d.entities().length();
  }
  return k;
});

const rss = process.resourceUsage().maxRSS / 1024;
const line = (name: string, m: { perSec: number; perCpuSec: number; tokens: number }): string =>
  `${name.padEnd(48)} ${Math.round(m.perSec * m.tokens).toLocaleString('en-US').padStart(10)} tokens/s wall ${Math.round(m.perCpuSec * m.tokens).toLocaleString('en-US').padStart(10)} tokens/s CPU  ${(m.perSec * texts.length).toFixed(0).padStart(5)} docs/s`;
const load = os.loadavg()[0]!;
console.log(`PolNeAR dev: ${texts.length} articles, ${chars.toLocaleString('en-US')} chars, ${nerOnly.tokens.toLocaleString('en-US')} tokens (ours), ${wink.tokens.toLocaleString('en-US')} tokens (wink); model loaded in ${loadMs.toFixed(0)} ms`);
console.log(line('recognise only (tokens given)', nerOnly));
console.log(line('split + tokenize + recognise', segNer));
console.log(line('split + tokenize + POS + recognise', segPosNer));
console.log(line('wink-nlp readDoc (tokens, sentences, POS, NER)', wink));
console.log(`names found: ours ${names}, wink-nlp entities (all kinds, incl. dates and numbers) ${winkEntities}`);
console.log(`ratio, same texts, documents per CPU second: split+tokenize+POS+recognise / wink-nlp = ${(segPosNer.perCpuSec / wink.perCpuSec).toFixed(2)}x; split+tokenize+recognise / wink-nlp = ${(segNer.perCpuSec / wink.perCpuSec).toFixed(2)}x (wall: ${(segPosNer.perSec / wink.perSec).toFixed(2)}x, ${(segNer.perSec / wink.perSec).toFixed(2)}x)`);
console.log(`machine load average during the run: ${load.toFixed(1)} on ${os.cpus().length} cores`);
console.log(`peak RSS ${rss.toFixed(0)} MB`);
