/**
 * `npm run eval -- entities`: what linking does to entity types, on the CoNLL-2003 dev documents
 * (../shared/data/ner/conll2003/eng.testa, 216 Reuters articles; tokens joined by spaces, one line per
 * sentence). For every gold name the recogniser found with exact boundaries, the type the recogniser
 * gave is compared with the type of the entity the linker put it in (PER=PERSON, ORG=ORG,
 * LOC=GPE/LOC, MISC=NORP/MISC/EVENT). Linking should fix types through aliases ("Clinton" tagged ORG
 * once, PERSON elsewhere) and break few. Also counts entities per article and the share of names that
 * share an entity with another name (aliases merged). Needs models/ner.model.gz.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDoc } from '../src/doc/doc.js';
import type { EntityType } from '../src/doc/types.js';
import { entitiesComponent } from '../src/entities/link.js';
import { nerComponent } from '../src/entities/ner.js';
import { segmentDoc } from '../src/text/segment.js';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const file = join(root, '..', 'shared', 'data', 'ner', 'conll2003', 'eng.testa');

interface GoldDoc {
  text: string;
  spans: { start: number; end: number; type: string }[];
}

const docs: GoldDoc[] = [];
let text = '';
let spans: GoldDoc['spans'] = [];
let sentence: string[] = [];
let tags: string[] = [];
const endSentence = (): void => {
  if (sentence.length === 0) return;
  if (text) text += '\n';
  let open: { start: number; end: number; type: string } | null = null;
  for (let i = 0; i < sentence.length; i++) {
    if (i > 0) text += ' ';
    const s = text.length;
    text += sentence[i];
    const t = tags[i] ?? 'O';
    const type = t === 'O' ? null : t.slice(2);
    if (type && open && open.type === type && !t.startsWith('B-')) open.end = text.length;
    else {
      if (open) spans.push(open);
      open = type ? { start: s, end: text.length, type } : null;
    }
  }
  if (open) spans.push(open);
  sentence = [];
  tags = [];
};
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (line.startsWith('-DOCSTART-')) {
    endSentence();
    if (text) docs.push({ text, spans });
    text = '';
    spans = [];
    continue;
  }
  const p = line.split(' ');
  if (p.length < 4) {
    endSentence();
    continue;
  }
  sentence.push(p[0]!);
  tags.push(p[3]!);
}
endSentence();
if (text) docs.push({ text, spans });

const fits = (gold: string, t: EntityType): boolean =>
  (gold === 'PER' && t === 'PERSON') ||
  (gold === 'ORG' && t === 'ORG') ||
  (gold === 'LOC' && (t === 'GPE' || t === 'LOC')) ||
  (gold === 'MISC' && (t === 'NORP' || t === 'MISC' || t === 'EVENT'));

const ner = nerComponent();
const ent = entitiesComponent({ places: false });
let found = 0;
let rawRight = 0;
let linkedRight = 0;
let fixed = 0;
let broken = 0;
let entities = 0;
let names = 0;
let shared = 0;
let sentences = 0;
let cpu = 0;
// Recognise everything first, then time linking alone (no recogniser garbage left to collect).
const prepared = docs.map((g) => {
  const paragraphs = [...g.text.matchAll(/[^\n]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, role: 'body' as const }));
  const doc = createDoc(g.text, paragraphs);
  segmentDoc(doc);
  ner.run(doc);
  return doc;
});
for (const doc of prepared) ent.run(doc); // warm-up: compile the hot paths first
(globalThis as { gc?: () => void }).gc?.();
const t0 = process.cpuUsage();
for (const doc of prepared) ent.run(doc);
const used = process.cpuUsage(t0);
cpu = used.user + used.system;
for (let di = 0; di < docs.length; di++) {
  const g = docs[di]!;
  const doc = prepared[di]!;
  sentences += doc.sentences.length;
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  const bySpan = new Map((doc.mentions ?? []).map((m) => [`${m.start}:${m.end}`, m]));
  for (const s of g.spans) {
    const m = bySpan.get(`${s.start}:${s.end}`);
    if (!m) continue;
    found++;
    const e = m.entity ? byId.get(m.entity) : undefined;
    const linkedType = e?.type ?? m.type;
    const a = fits(s.type, m.type);
    const b = fits(s.type, linkedType);
    if (a) rawRight++;
    if (b) linkedRight++;
    if (!a && b) fixed++;
    if (a && !b) broken++;
  }
  entities += doc.entities.length;
  for (const e of doc.entities) {
    const n = e.mentions.filter((m) => m.kind === 'name' || m.kind === 'alias').length;
    names += n;
    if (new Set(e.mentions.filter((m) => m.kind !== 'pronoun' && m.kind !== 'role').map((m) => m.text)).size > 1) shared += n;
  }
}
const pct = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
console.log(`entities on CoNLL-2003 dev: ${docs.length} articles, ${sentences} sentences`);
console.log(`gold names found with exact boundaries by the recogniser: ${found}`);
console.log(`type right, recogniser alone: ${pct(rawRight, found)}   after linking: ${pct(linkedRight, found)}   (fixed ${fixed}, broken ${broken})`);
console.log(`entities per article: ${(entities / docs.length).toFixed(1)}; names in an entity with another surface form: ${pct(shared, names)}`);
console.log(`speed: ${Math.round(sentences / (cpu / 1e6)).toLocaleString('en')} sentences/s (CPU time, entities component alone, no places)`);
