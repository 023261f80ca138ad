/**
 * `npm run bench -- quotes`: what the 'quotes' component adds to the pipeline, on the PolNeAR dev
 * articles (../shared/data/quotes/polnear.dev.jsonl). Times the components before quotes (whatever
 * of segment, pos, ner, entities exists: see eval/quotes-doc.ts) and then quotes on the same Docs, in
 * the same process, article by article, and prints the ratio quotes / before (target: under 10%).
 * Run through `npm run bench` (node --expose-gc) so garbage is collected between the timed phases.
 * Flags: --rounds=N (default 5, after one warm-up pass).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quotesComponent } from '../src/quotes/index.js';
import { componentsBeforeQuotes } from '../eval/quotes-doc.js';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const file = join(root, '..', 'shared', 'data', 'quotes', 'polnear.dev.jsonl');
const roundsArg = process.argv.find((a) => a.startsWith('--rounds='));
const rounds = roundsArg ? Math.max(1, Number(roundsArg.slice(9))) : 5;

const texts = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);

const gc = (globalThis as { gc?: () => void }).gc;
const pre = await componentsBeforeQuotes();
const quotes = quotesComponent();

let preMs = 0;
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
}
const secs = qMs / 1000;
console.log(`articles ${texts.length} x ${rounds} rounds; before quotes: ${pre.names.join(', ')}`);
console.log(`before quotes  ${(preMs / rounds).toFixed(1)} ms/round`);
console.log(`quotes         ${(qMs / rounds).toFixed(1)} ms/round  (${Math.round(sentences / secs)} sentences/s, ${found / rounds} quotes+attributions/round)`);
console.log(`added by quotes: ${((100 * qMs) / preMs).toFixed(1)}% of the pipeline before it (target < 10%)`);
