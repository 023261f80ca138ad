/**
 * `npm run bench -- entities`: the 'entities' and 'values' components over the PolNeAR dev articles
 * (../shared/data/quotes/polnear.dev.jsonl, real US news), in sentences per second. Segmentation and
 * mentions (from the real recogniser) are prepared first and not timed. The gazetteer's one-time load
 * is reported on its own. Rates use the process's CPU time, so a busy machine does not lower them. Flags: --rounds=N (default 5, after one warm-up pass).
 */
import { createDoc } from '../src/doc/doc.js';
import type { Component } from '../src/pipeline/component.js';
import type { Doc } from '../src/doc/types.js';
import { nerComponent } from '../src/entities/ner.js';
import { entitiesComponent } from '../src/entities/link.js';
import { preloadPlaces } from '../src/entities/places.js';
import { valuesComponent } from '../src/entities/values.js';
import { segmentDoc } from '../src/text/segment.js';
import { polnearDevTexts, roundsArg } from './lib/corpus.js';

const rounds = roundsArg(5);

const texts = polnearDevTexts();

function makeDoc(text: string): Doc {
  const paragraphs = [];
  for (const m of text.matchAll(/[^\n]+/gu)) paragraphs.push({ start: m.index, end: m.index + m[0].length, role: 'body' as const });
  const doc = createDoc(text, paragraphs, { published: '2016-10-01' });
  segmentDoc(doc);
  return doc;
}

const ner = nerComponent();
const docs = texts.map(makeDoc);
for (const d of docs) ner.run(d);
const sentences = docs.reduce((n, d) => n + d.sentences.length, 0);
const mentions = docs.reduce((n, d) => n + (d.mentions?.length ?? 0), 0);

const t0 = performance.now();
preloadPlaces();
const gazetteerMs = performance.now() - t0;

const ent = entitiesComponent();
const val = valuesComponent();
function pass(c: Component): void {
  for (const d of docs) c.run(d);
}
pass(ent);
pass(val); // warm-up
// CPU time of this process, not wall time: the machine is shared, and waiting for a core is not our cost.
const result = (c: Component): number => {
  const before = process.cpuUsage();
  for (let r = 0; r < rounds; r++) pass(c);
  const used = process.cpuUsage(before);
  return (sentences * rounds) / ((used.user + used.system) / 1e6);
};
const entRate = result(ent);
const valRate = result(val);
console.log(`articles ${docs.length}, sentences ${sentences}, mentions ${mentions} (${ner ? 'real recogniser' : 'stand-in capitalised runs'})`);
console.log(`gazetteer load (once): ${gazetteerMs.toFixed(0)} ms`);
console.log(`entities: ${Math.round(entRate).toLocaleString('en')} sentences/s`);
console.log(`values:   ${Math.round(valRate).toLocaleString('en')} sentences/s`);
console.log(`both:     ${Math.round(1 / (1 / entRate + 1 / valRate)).toLocaleString('en')} sentences/s (target for the whole pipeline: 5,000)`);
