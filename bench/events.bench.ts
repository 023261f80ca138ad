/**
 * `npm run bench -- events`: sentences per second of the whole pipeline up to events (clean, segment, pos,
 * ner, entities, values, quotes as they exist, then events), on one core, over the PolNeAR dev articles
 * (../shared/data/quotes/polnear.dev.jsonl, real US news). Every stage is timed in the same run, so the
 * events stage's own rate and its share of the whole are printed next to the stages before it. Rates use
 * CPU time of this process (one thread), so a busy machine lowers them less. Flags: --rounds=N (default 3,
 * after one warm-up pass).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanArticle } from '../src/clean/index.js';
import type { Doc } from '../src/doc/types.js';
import { eventsComponent } from '../src/events/index.js';
import { stagesBeforeEvents } from '../src/events/pipeline.js';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const file = join(root, '..', 'shared', 'data', 'quotes', 'polnear.dev.jsonl');
const roundsArg = process.argv.find((a) => a.startsWith('--rounds='));
const rounds = roundsArg ? Math.max(1, Number(roundsArg.slice(9))) : 3;

const texts = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);

const t0 = process.cpuUsage();
const stages = [...stagesBeforeEvents(), eventsComponent()];
const loadMs = cpuMs(t0);

function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

const names = ['clean', ...stages.map((s) => s.name)];
const spent = new Map<string, number>(names.map((n) => [n, 0]));
let sentences = 0;
let events = 0;

function runOnce(timed: boolean): void {
  for (const text of texts) {
    let c = process.cpuUsage();
    const doc: Doc = cleanArticle({ input: null, format: 'text', content: text, meta: { published: '2016-10-01' } }, { raw: true });
    if (timed) spent.set('clean', spent.get('clean')! + cpuMs(c));
    for (const s of stages) {
      c = process.cpuUsage();
      s.run(doc);
      if (timed) spent.set(s.name, spent.get(s.name)! + cpuMs(c));
    }
    if (timed) {
      sentences += doc.sentences.length;
      events += doc.events.length;
    }
  }
}

runOnce(false);
for (let r = 0; r < rounds; r++) runOnce(true);

const total = [...spent.values()].reduce((a, b) => a + b, 0);
console.log(`${texts.length} articles x ${rounds} rounds: ${sentences} sentences, ${events} events; stages loaded in ${loadMs.toFixed(0)} ms CPU`);
console.log(`${'stage'.padEnd(10)} ${'ms CPU'.padStart(9)} ${'share'.padStart(7)} ${'sentences/s'.padStart(12)}`);
for (const n of names) {
  const ms = spent.get(n)!;
  console.log(`${n.padEnd(10)} ${ms.toFixed(0).padStart(9)} ${`${((100 * ms) / total).toFixed(1)}%`.padStart(7)} ${Math.round(sentences / (ms / 1000)).toLocaleString('en-US').padStart(12)}`);
}
console.log(`whole pipeline up to events: ${Math.round(sentences / (total / 1000)).toLocaleString('en-US')} sentences/s on one core (target 5,000)`);
console.log(`events stage alone: ${Math.round(sentences / (spent.get('events')! / 1000)).toLocaleString('en-US')} sentences/s`);
