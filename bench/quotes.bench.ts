/**
 * `npm run bench -- quotes`: what the 'quotes' component adds to the pipeline, on the PolNeAR dev
 * articles (../shared/data/quotes/polnear.dev.jsonl). Times the components before quotes (whatever
 * of segment, pos, ner, entities exists: see eval/quotes-doc.ts) and then quotes on the same Docs, in
 * the same process, article by article, and prints the ratio quotes / before (target: under 10%).
 * Run through `npm run bench` (node --expose-gc) so garbage is collected between the timed phases.
 * That full GC also frees V8 hidden classes no live object uses, which throws away optimised code
 * built on them: quotes keeps one Extractor alive for this (src/quotes/extract.ts, KEEP_SHAPES);
 * without it this bench showed ~17% where a run without forced GCs showed ~8%.
 * Prints the ratio over all rounds, the median round's ratio and the fastest round of each phase.
 * Flags: --rounds=N (default 5, after one warm-up pass).
 */
import { quotesComponent } from '../src/quotes/index.js';
import { componentsBeforeQuotes } from '../eval/quotes-doc.js';
import { polnearDevTexts, roundsArg } from './lib/corpus.js';

const rounds = roundsArg(5);

const texts = polnearDevTexts();

const gc = (globalThis as { gc?: () => void }).gc;
const pre = await componentsBeforeQuotes();
const quotes = quotesComponent();

let preMs = 0;
// The machine is shared: per-round ratios and per-phase minimums are steadier than one total.
const ratios: number[] = [];
let preMin = Infinity;
let qMin = Infinity;
let qMs = 0;
let sentences = 0;
let found = 0;
for (let r = 0; r <= rounds; r++) {
  gc?.();
  let preRound = 0;
  let qRound = 0;
  // Each article goes through both phases back to back, so both see the same machine load (the
  // machine is shared; load drifting between two long phases would skew the ratio).
  for (const t of texts) {
    const t0 = performance.now();
    const d = pre.run(t);
    const t1 = performance.now();
    quotes.run(d);
    const t2 = performance.now();
    preRound += t1 - t0;
    qRound += t2 - t1;
    if (r > 0) {
      sentences += d.sentences.length;
      found += d.quotes.length + d.attributions.length;
    }
  }
  if (r === 0) continue; // warm-up
  preMs += preRound;
  qMs += qRound;
  ratios.push(qRound / preRound);
  preMin = Math.min(preMin, preRound);
  qMin = Math.min(qMin, qRound);
}
ratios.sort((a, b) => a - b);
const median = ratios[Math.floor(ratios.length / 2)]!;
const secs = qMs / 1000;
console.log(`articles ${texts.length} x ${rounds} rounds; before quotes: ${pre.names.join(', ')}`);
console.log(`before quotes  ${(preMs / rounds).toFixed(1)} ms/round`);
console.log(`quotes         ${(qMs / rounds).toFixed(1)} ms/round  (${Math.round(sentences / secs)} sentences/s, ${found / rounds} quotes+attributions/round)`);
console.log(`fastest round: before quotes ${preMin.toFixed(1)} ms, quotes ${qMin.toFixed(1)} ms (${((100 * qMin) / preMin).toFixed(1)}%)`);
console.log(`added by quotes: ${((100 * qMs) / preMs).toFixed(1)}% over all rounds, median round ${(100 * median).toFixed(1)}% (target < 10%)`);
