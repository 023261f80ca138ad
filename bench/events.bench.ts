/**
 * `npm run bench -- events`: sentences per second of the whole pipeline up to events (clean, segment, pos,
 * ner, values, entities, quotes, then events), on one core, over real US news (PolNeAR, in
 * ../shared/data/quotes). Every stage is timed in the same run, so the events stage's own rate and its
 * share of the whole are printed next to the stages before it.
 *
 * "One core" is taken literally: bench/run.ts starts this benchmark with V8's --single-threaded, so
 * garbage collection and compilation run on the same thread as the pipeline instead of on helper
 * threads on the other core. The headline rate is the process's CPU time over the timed pass, read
 * once at each end (reading it is a system call, too slow to wrap every stage of every article: it
 * cost about 3% of the total); the stages' shares come from the monotonic clock, which is cheap. Wall
 * time is printed too; on a quiet machine it matches the CPU time.
 *
 * What is measured is a backfill: text the pipeline has not seen. After a warm-up (models loaded, JIT
 * compilation), the timed pass reads the 840 train articles once. Repeating the same articles instead
 * would flatter every per-word cache (a third pass over dev runs about 60% faster than the first), so
 * repeated rounds are only an option: --repeat=N times the dev articles N times after the warm-up, as
 * older versions of this benchmark did.
 *
 * The warm-up is the 84 PolNeAR dev articles and then the 88 article bodies of the extraction
 * benchmark (news from other publishers), none of them in the timed text. With the dev articles alone,
 * code paths they never took were still being compiled during the timed pass: --trace-opt counted 184
 * optimising compilations taking 1.7 s there (after 56 deoptimisations, mostly for type feedback the
 * warm-up had not gathered), work a long backfill does once and --single-threaded puts on the timed
 * thread. With the AEB bodies as well it counted 143 taking 1.2 s (tracing inflates these times), so
 * the figure still includes some compilation. --warmup=dev keeps the shorter warm-up.
 */
import { cleanArticle } from '../src/clean/index.js';
import type { Doc } from '../src/doc/types.js';
import { eventsComponent } from '../src/events/index.js';
import { stagesBeforeEvents } from '../src/events/pipeline.js';
import { aebBodies, polnearTexts } from './lib/corpus.js';

const repeatArg = process.argv.find((a) => a.startsWith('--repeat='));
const repeat = repeatArg ? Math.max(1, Number(repeatArg.slice(9))) : 0;

const dev = polnearTexts('dev');
const warmup = process.argv.includes('--warmup=dev') ? dev : [...dev, ...aebBodies()];
const timedTexts = repeat > 0 ? Array.from({ length: repeat }, () => dev).flat() : polnearTexts('train');

const t0 = process.cpuUsage();
const stages = [...stagesBeforeEvents(), eventsComponent()];
const loadMs = cpuMs(t0);

function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

const names = ['clean', ...stages.map((s) => s.name)];
// Clock time per stage, summed in an array indexed like `names` (performance.now is cheap).
const spent = new Float64Array(names.length);
let sentences = 0;
let events = 0;

function run(texts: string[], timed: boolean): void {
  for (const text of texts) {
    let c = performance.now();
    const doc: Doc = cleanArticle({ input: null, format: 'text', content: text, meta: { published: '2016-10-01' } }, { raw: true });
    let k = 0;
    for (const s of stages) {
      const now = performance.now();
      spent[k++]! += now - c;
      c = now;
      s.run(doc);
    }
    spent[k]! += performance.now() - c;
    if (timed) {
      sentences += doc.sentences.length;
      events += doc.events.length;
    }
  }
  if (!timed) spent.fill(0);
}

run(warmup, false);
const cpu0 = process.cpuUsage();
const wall0 = performance.now();
run(timedTexts, true);
const cpu = cpuMs(cpu0);
const wall = performance.now() - wall0;

const clock = spent.reduce((a, b) => a + b, 0);
const warmed = warmup === dev ? `the ${dev.length} dev articles` : `the ${dev.length} dev articles and ${warmup.length - dev.length} AEB article bodies`;
const what = repeat > 0 ? `PolNeAR dev (${dev.length} articles) x ${repeat} after the warm-up (${warmed})` : `PolNeAR train, ${timedTexts.length} articles not seen before (warm-up: ${warmed})`;
const threads = process.execArgv.includes('--single-threaded') ? 'V8 single-threaded' : 'V8 with its helper threads (run through npm run bench for --single-threaded)';
console.log(`${what}: ${sentences} sentences, ${events} events; stages loaded in ${loadMs.toFixed(0)} ms CPU; ${threads}`);
console.log(`${'stage'.padEnd(10)} ${'ms CPU'.padStart(9)} ${'share'.padStart(7)} ${'sentences/s'.padStart(12)}`);
// A stage's CPU time is its share of the clock time applied to the measured CPU total.
const stageCpu = (k: number): number => (cpu * spent[k]!) / clock;
names.forEach((n, k) => {
  const ms = stageCpu(k);
  console.log(`${n.padEnd(10)} ${ms.toFixed(0).padStart(9)} ${`${((100 * spent[k]!) / clock).toFixed(1)}%`.padStart(7)} ${Math.round(sentences / (ms / 1000)).toLocaleString('en-US').padStart(12)}`);
});
console.log(`whole pipeline up to events: ${Math.round(sentences / (cpu / 1000)).toLocaleString('en-US')} sentences/s on one core, CPU time (target 5,000); wall clock ${Math.round(sentences / (wall / 1000)).toLocaleString('en-US')}/s`);
console.log(`events stage alone: ${Math.round(sentences / (stageCpu(names.length - 1) / 1000)).toLocaleString('en-US')} sentences/s`);
const mem = process.memoryUsage();
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; heap used at end ${(mem.heapUsed / 1e6).toFixed(0)} MB`);
