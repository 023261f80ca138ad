/**
 * `npm run bench -- events`: sentences per second of the whole pipeline up to events (clean, segment, pos,
 * ner, values, entities, quotes, then events), on one core, over real US news (PolNeAR, in
 * ../shared/data/quotes). Every stage is timed in the same run, so the events stage's own rate and its
 * share of the whole are printed next to the stages before it. Rates use CPU time of this process (one
 * thread), so a busy machine lowers them less.
 *
 * What is measured is a backfill: text the pipeline has not seen. After one warm-up pass over the dev
 * articles (JIT compilation, models loaded), the timed pass reads the 840 train articles once. Repeating
 * the same articles instead would flatter every per-word cache (a third pass over dev runs about 60%
 * faster than the first), so repeated rounds are only an option: --repeat=N times the dev articles N
 * times after the warm-up, as older versions of this benchmark did.
 */
import { cleanArticle } from '../src/clean/index.js';
import type { Doc } from '../src/doc/types.js';
import { eventsComponent } from '../src/events/index.js';
import { stagesBeforeEvents } from '../src/events/pipeline.js';
import { polnearTexts } from './lib/corpus.js';

const repeatArg = process.argv.find((a) => a.startsWith('--repeat='));
const repeat = repeatArg ? Math.max(1, Number(repeatArg.slice(9))) : 0;

const dev = polnearTexts('dev');
const timedTexts = repeat > 0 ? Array.from({ length: repeat }, () => dev).flat() : polnearTexts('train');

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

function run(texts: string[], timed: boolean): void {
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

run(dev, false);
run(timedTexts, true);

const total = [...spent.values()].reduce((a, b) => a + b, 0);
const what = repeat > 0 ? `PolNeAR dev (${dev.length} articles) x ${repeat} after the warm-up` : `PolNeAR train, ${timedTexts.length} articles not seen before (warm-up: the ${dev.length} dev articles)`;
console.log(`${what}: ${sentences} sentences, ${events} events; stages loaded in ${loadMs.toFixed(0)} ms CPU`);
console.log(`${'stage'.padEnd(10)} ${'ms CPU'.padStart(9)} ${'share'.padStart(7)} ${'sentences/s'.padStart(12)}`);
for (const n of names) {
  const ms = spent.get(n)!;
  console.log(`${n.padEnd(10)} ${ms.toFixed(0).padStart(9)} ${`${((100 * ms) / total).toFixed(1)}%`.padStart(7)} ${Math.round(sentences / (ms / 1000)).toLocaleString('en-US').padStart(12)}`);
}
console.log(`whole pipeline up to events: ${Math.round(sentences / (total / 1000)).toLocaleString('en-US')} sentences/s on one core (target 5,000)`);
console.log(`events stage alone: ${Math.round(sentences / (spent.get('events')! / 1000)).toLocaleString('en-US')} sentences/s`);
const mem = process.memoryUsage();
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; heap used at end ${(mem.heapUsed / 1e6).toFixed(0)} MB`);
