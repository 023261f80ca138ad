/**
 * Learns actor knowledge from news text: `npm run train -- actors [--min-docs N] [--out path]`.
 *
 * Runs the project's own pipeline (segment, POS, NER, values, entities; with no knowledge file loaded)
 * over the training splits of three news corpora in ../shared/data, used as unlabelled text:
 *   - PolNeAR train (2016 US news articles, quotes/polnear.train.jsonl),
 *   - GMB train (Voice of America news, ner/gmb/train.tsv, its tokens joined by spaces, 12 sentences a
 *     pseudo-article),
 *   - CoNLL-2003 eng.train (Reuters 1996, one article per -DOCSTART-).
 * For every person the linker gives a country *stated in the text* (a role such as "U.S. President",
 * "Russia's foreign minister", a demonym before the name), it counts the articles stating each country.
 * A full name (two words or more) is kept when at least `--min-docs` articles state the same country
 * and at least 80% of the articles that state any country for it agree. Dev and test splits are never
 * read. Deterministic: same corpora, same file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cleanArticle } from '../src/clean/index.js';
import type { Doc } from '../src/doc/types.js';
import { entitiesComponent } from '../src/entities/link.js';
import { type ActorKnowledgeFile, personKey } from '../src/entities/knowledge.js';
import { nerComponent } from '../src/entities/ner.js';
import { readConll, readGmb, type CorpusDoc } from '../src/entities/ner-corpus.js';
import { valuesComponent } from '../src/entities/values.js';
import { posComponent } from '../src/text/pos.js';
import { segmentComponent } from '../src/text/segment.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const data = resolve(root, '../shared/data');
const { values: args } = parseArgs({
  options: {
    'min-docs': { type: 'string', default: '2' },
    agree: { type: 'string', default: '0.8' },
    out: { type: 'string', default: join(root, 'models/actors.json') },
  },
});
const minDocs = Number(args['min-docs']);
const agree = Number(args.agree);

const t0 = Date.now();
// No knowledge while learning it: only what each text says counts as evidence.
const stages = [segmentComponent(), posComponent(), nerComponent(), valuesComponent(), entitiesComponent({ places: false, knowledge: false })];

/** name key -> country -> articles; and the most frequent spelling of each name. */
const evidence = new Map<string, Map<string, number>>();
const spelling = new Map<string, Map<string, number>>();
let articles = 0;

function learnFrom(text: string): void {
  if (!text.trim()) return;
  const doc: Doc = cleanArticle({ input: null, format: 'text', content: text, meta: {} }, { raw: true });
  for (const s of stages) s.run(doc);
  articles++;
  const seen = new Set<string>();
  for (const e of doc.entities) {
    if (e.type !== 'PERSON' || !e.country || e.countryFrom !== 'text') continue;
    // People named in the text; not unnamed office holders ("the U.S. president").
    if (!e.mentions.some((m) => m.kind === 'name')) continue;
    const k = personKey(e.name);
    if (!k.includes(' ') || seen.has(`${k}|${e.country}`)) continue;
    seen.add(`${k}|${e.country}`);
    let m = evidence.get(k);
    if (!m) evidence.set(k, (m = new Map()));
    m.set(e.country, (m.get(e.country) ?? 0) + 1);
    let sp = spelling.get(k);
    if (!sp) spelling.set(k, (sp = new Map()));
    sp.set(e.name, (sp.get(e.name) ?? 0) + 1);
  }
}

const joinTokens = (d: CorpusDoc): string => {
  const lines: string[] = [];
  for (let k = 0; k + 1 < d.bounds.length; k++) lines.push(d.words.slice(d.bounds[k], d.bounds[k + 1]).join(' '));
  return lines.join('\n');
};

const sources: Record<string, number> = {};
let before = 0;
for (const line of readFileSync(join(data, 'quotes/polnear.train.jsonl'), 'utf8').split('\n')) {
  if (line.trim()) learnFrom((JSON.parse(line) as { text: string }).text);
}
sources['quotes/polnear.train.jsonl'] = articles - before;
before = articles;
for (const d of readGmb(join(data, 'ner/gmb/train.tsv'))) learnFrom(joinTokens(d));
sources['ner/gmb/train.tsv'] = articles - before;
before = articles;
for (const d of readConll(join(data, 'ner/conll2003/eng.train'))) learnFrom(joinTokens(d));
sources['ner/conll2003/eng.train'] = articles - before;

const persons: ActorKnowledgeFile['persons'] = [];
let contested = 0;
for (const [k, byCountry] of evidence) {
  const total = [...byCountry.values()].reduce((a, b) => a + b, 0);
  // Most articles first; ties broken by code so the file does not depend on reading order.
  const [country, docs] = [...byCountry].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
  if (docs < minDocs) continue;
  if (docs / total < agree) {
    contested++;
    continue;
  }
  const name = [...spelling.get(k)!].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  persons.push([name, country, docs]);
}
persons.sort((a, b) => b[2] - a[2] || a[0].localeCompare(b[0]));

const file: ActorKnowledgeFile = {
  format: 'newsgraph/actors@1',
  info: {
    what: 'Countries of people as news text states them, learned by scripts/train-actors.ts; see models/ACTORS-CARD.md',
    sources,
    minDocs,
    agree,
    candidates: evidence.size,
    contested,
  },
  persons,
};
writeFileSync(args.out, `${JSON.stringify(file, null, 0).replace(/\],\[/g, '],\n[')}\n`);
console.log(`${articles} articles (${JSON.stringify(sources)}); ${evidence.size} people with a stated country; kept ${persons.length} (min ${minDocs} articles, ${agree * 100}% agreement), ${contested} contested; ${((Date.now() - t0) / 1000).toFixed(1)} s -> ${args.out}`);
