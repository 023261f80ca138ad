/**
 * `npm run bench -- entities`: the 'entities' and 'values' components over the PolNeAR dev articles
 * (../shared/data/quotes/polnear.dev.jsonl, real US news), in sentences per second. Segmentation and
 * mentions are prepared first and not timed: mentions come from the real recogniser when
 * src/entities/ner.ts exists, else from a stand-in that takes capitalised word runs (typed by the
 * country lexicon) so the linker still sees a realistic load. The gazetteer's one-time load is
 * reported on its own. Rates use the process's CPU time, so a busy machine does not lower them. Flags: --rounds=N (default 5, after one warm-up pass).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDoc } from '../src/doc/doc.js';
import type { Component } from '../src/pipeline/component.js';
import type { Doc, EntityType } from '../src/doc/types.js';
import { lookupCountry } from '../src/entities/countries.js';
import { entitiesComponent } from '../src/entities/link.js';
import { preloadPlaces } from '../src/entities/places.js';
import { valuesComponent } from '../src/entities/values.js';
import { segmentDoc } from '../src/text/segment.js';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const file = join(root, '..', 'shared', 'data', 'quotes', 'polnear.dev.jsonl');
const roundsArg = process.argv.find((a) => a.startsWith('--rounds='));
const rounds = roundsArg ? Math.max(1, Number(roundsArg.slice(9))) : 5;

const texts = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);

function makeDoc(text: string): Doc {
  const paragraphs = [];
  for (const m of text.matchAll(/[^\n]+/gu)) paragraphs.push({ start: m.index, end: m.index + m[0].length, role: 'body' as const });
  const doc = createDoc(text, paragraphs, { published: '2016-10-01' });
  segmentDoc(doc);
  return doc;
}

// Stand-in recogniser: runs of capitalised words not at a sentence start.
function standInMentions(doc: Doc): void {
  const out: NonNullable<Doc['mentions']> = [];
  const starts = new Set(doc.sentences.map((s) => s.start));
  for (const m of doc.text.matchAll(/[A-Z][\p{L}.'\u2019-]+(?:\s+[A-Z][\p{L}.'\u2019-]+)*/gu)) {
    if (starts.has(m.index)) continue;
    const hit = lookupCountry(m[0]);
    const type: EntityType = hit ? (hit.form === 'name' ? 'GPE' : 'NORP') : m[0].includes(' ') ? 'PERSON' : 'ORG';
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], kind: 'name', type, entity: null });
  }
  doc.mentions = out;
}

let ner: Component | null = null;
if (existsSync(join(root, 'src', 'entities', 'ner.ts'))) {
  try {
    const mod = (await import('../src/entities/ner.js' as string)) as { nerComponent?: () => Component };
    if (mod.nerComponent) ner = mod.nerComponent();
  } catch (err) {
    // A model being retrained must not stop the linker's benchmark: fall back to the stand-in.
    console.log(`recogniser unavailable (${(err as Error).message.slice(0, 80)}); using the stand-in`);
  }
}

const docs = texts.map(makeDoc);
for (const d of docs) {
  if (ner) ner.run(d);
  else standInMentions(d);
}
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
