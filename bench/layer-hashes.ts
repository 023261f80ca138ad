/**
 * `npx tsx bench/layer-hashes.ts [--split=dev|train] [--limit=N]`: one hash per Doc layer over PolNeAR
 * articles run through the whole pipeline up to events. Speed work must leave every line unchanged:
 * run it before and after a change and compare (diff) the outputs. It is not a benchmark: it prints
 * no timing, and `npm run bench` does not run it (its name does not end in .bench.ts).
 */
import { createHash } from 'node:crypto';
import { cleanArticle } from '../src/clean/index.js';
import type { Doc } from '../src/doc/types.js';
import { eventsComponent } from '../src/events/index.js';
import { stagesBeforeEvents } from '../src/events/pipeline.js';
import { polnearTexts } from './lib/corpus.js';

const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const split = arg('split') === 'train' ? 'train' : 'dev';
const limit = Number(arg('limit') ?? Infinity);
const texts = polnearTexts(split).slice(0, limit);
const stages = [...stagesBeforeEvents(), eventsComponent()];
const layers = ['text', 'paragraphs', 'sentences', 'tokens', 'mentions', 'entities', 'values', 'quotes', 'attributions', 'events', 'diagnostics'] as const;
const hashes = new Map(layers.map((l) => [l, createHash('sha256')]));
for (const text of texts) {
  const doc: Doc = cleanArticle({ input: null, format: 'text', content: text, meta: { published: '2016-10-01' } }, { raw: true });
  for (const s of stages) s.run(doc);
  for (const l of layers) hashes.get(l)!.update(JSON.stringify(doc[l] ?? null)).update('\n');
}
console.log(`PolNeAR ${split}, ${texts.length} articles`);
for (const l of layers) console.log(`${l.padEnd(13)} ${hashes.get(l)!.digest('hex').slice(0, 16)}`);
