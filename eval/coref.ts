/**
 * `npm run eval -- coref`: pronoun speakers in PolNeAR dev (../shared/data/quotes/polnear.dev.jsonl).
 * PolNeAR gives no antecedents, so this is a proxy, said as such: over attributions whose source is
 * "he" or "she", how many the entities component links at all (coverage), and how many of those go to
 * a person whose name is also a named source (or the name inside one) of another attribution in the
 * same article (plausibility: the speaker is someone the article quotes). Runs the real segmenter and
 * recogniser; needs models/ner.model.gz.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDoc } from '../src/doc/doc.js';
import { entitiesComponent } from '../src/entities/link.js';
import { nerComponent } from '../src/entities/ner.js';
import { segmentDoc } from '../src/text/segment.js';

interface Attr {
  source: { start: number; end: number; text: string } | null;
}

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const file = join(root, '..', 'shared', 'data', 'quotes', 'polnear.dev.jsonl');
const ner = nerComponent();
const ent = entitiesComponent({ places: false });

let pronouns = 0;
let linked = 0;
let plausible = 0;
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const rec = JSON.parse(line) as { text: string; attributions: Attr[] };
  const paragraphs = [...rec.text.matchAll(/[^\n]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, role: 'body' as const }));
  const doc = createDoc(rec.text, paragraphs);
  segmentDoc(doc);
  ner.run(doc);
  ent.run(doc);
  const named = rec.attributions
    .map((a) => a.source?.text ?? '')
    .filter((t) => t && !/^(?:he|she|they|it|i|we|you)$/iu.test(t.trim()));
  for (const a of rec.attributions) {
    if (!a.source || !/^(?:he|she)$/iu.test(a.source.text.trim())) continue;
    pronouns++;
    const src = a.source;
    const e = doc.entities.find((x) => x.mentions.some((m) => m.kind === 'pronoun' && m.start === src.start));
    if (!e) continue;
    linked++;
    const last = e.name.split(/\s+/u).pop() ?? e.name;
    if (named.some((t) => t.includes(last))) plausible++;
  }
}
const pct = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(1)}% (${a}/${b})`;
console.log(`coref proxy on PolNeAR dev: ${pronouns} attributions with a he/she source`);
console.log(`linked to a person:                               ${pct(linked, pronouns)}`);
console.log(`of those, to someone the article names as a source: ${pct(plausible, linked)}`);
