/**
 * Trains the named-entity recogniser: `npm run train -- ner [--epochs N] [--bits B] [--out path]
 * [--conll-repeat N] [--clusters K] [--domains] [--partial] [--no-gmb] [--dev]`. Reads CoNLL-2003
 * eng.train and GMB train.tsv from ../shared/data/ner (never the held-out splits), is deterministic
 * (fixed seed), and writes models/ner.model.gz. The defaults make the shipped model: one set of
 * weights trained on both corpora, GMB mapped to newsgraph's conventions (see mapGmb).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildGazetteerEntries, Gazetteer } from '../src/entities/ner-gazetteer.js';
import { type CorpusDoc, learnGmbConventions, learnTitles, mapConll, mapGmb, readConll, readGmb } from '../src/entities/ner-corpus.js';
import { NER_TYPES, type NerExample, NerTrainer, spansToTags } from '../src/entities/ner-model.js';
import { evaluateConll, evaluateGmb, formatCounts } from '../src/entities/ner-eval.js';
import { CaseCounter } from '../src/entities/ner-caselex.js';
import { learnClusters } from '../src/entities/ner-clusters.js';
import { splitSentences } from '../src/text/sentences.js';
import { tokenize } from '../src/text/tokenize.js';
import { readFileSync } from 'node:fs';
import { mulberry32 } from '../src/util/random.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(root, '../shared/data/ner');
const { values: args } = parseArgs({
  options: {
    epochs: { type: 'string', default: '10' },
    bits: { type: 'string', default: '20' },
    out: { type: 'string', default: join(root, 'models/ner.model.gz') },
    'no-gmb': { type: 'boolean', default: false },
    // Daumé's domain sections (shared + one set per corpus); the shipped model has none.
    domains: { type: 'boolean', default: false },
    'conll-repeat': { type: 'string', default: '8' },
    'gmb-fraction': { type: 'string', default: '1' },
    'upper-rate': { type: 'string', default: '0.08' },
    'title-rate': { type: 'string', default: '0.1' },
    dev: { type: 'boolean', default: false },
    clusters: { type: 'string', default: '512' },
    'cluster-min': { type: 'string', default: '3' },
    'cluster-iterations': { type: 'string', default: '6' },
    partial: { type: 'boolean', default: false },
    seed: { type: 'string', default: '20031' },
  },
});

const SMALL = new Set('a an and as at but by for from in into nor of on or the to with'.split(' '));
const titleCase = (w: string, first: boolean): string =>
  !first && SMALL.has(w.toLowerCase()) ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1);

/**
 * Case augmentation: some sentences are shown all upper case or in headline case (same gold tags), so
 * the tagger learns to lean on words and document memory when capitals carry no information.
 */
function augment(doc: CorpusDoc, rand: () => number, upperRate: number, titleRate: number): string[] {
  let words: string[] | null = null;
  for (let k = 0; k + 1 < doc.bounds.length; k++) {
    const r = rand();
    const mode = r < upperRate ? 1 : r < upperRate + titleRate ? 2 : 0;
    if (mode === 0) continue;
    words ??= doc.words.slice();
    const s = doc.bounds[k]!;
    const e = doc.bounds[k + 1]!;
    for (let i = s; i < e; i++) words[i] = mode === 1 ? words[i]!.toUpperCase() : titleCase(words[i]!, i === s);
  }
  return words ?? doc.words;
}

const t0 = Date.now();
const conll = readConll(join(dataDir, 'conll2003/eng.train'));
let gmb = args['no-gmb'] ? [] : readGmb(join(dataDir, 'gmb/train.tsv'));
const frac = Number(args['gmb-fraction']);
if (frac < 1) gmb = gmb.slice(0, Math.round(gmb.length * frac));
const entries = buildGazetteerEntries();
const gaz = new Gazetteer(entries);
const titles = learnTitles(conll, gmb);
const conv = learnGmbConventions(gmb, gaz, titles);

// The casing lexicon counts how words are written in running text: the training corpora's own text
// plus the PolNeAR training articles (2016 US news, used here as unlabelled text only).
// The same text, unlabelled, is what the word clusters are learned from.
const plain: string[][] = [];
for (const d of [...conll, ...gmb]) {
  for (let k = 0; k + 1 < d.bounds.length; k++) plain.push(d.words.slice(d.bounds[k], d.bounds[k + 1]));
}
for (const line of readFileSync(resolve(root, '../shared/data/quotes/polnear.train.jsonl'), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const text = (JSON.parse(line) as { text: string }).text;
  for (const para of text.split(/\n\s*\n/)) {
    for (const s of splitSentences(para)) plain.push(tokenize(para, s.start, s.end).map((t) => para.slice(t.start, t.end)));
  }
}
const counter = new CaseCounter();
for (const s of plain) counter.add(s);
const caseLexicon = counter.build(3);
console.log(`casing lexicon: ${caseLexicon.words.length} words`);
const nClusters = Number(args.clusters);
const tc = Date.now();
const clusters =
  nClusters > 0
    ? learnClusters(plain, { k: nClusters, minCount: Number(args['cluster-min']), iterations: Number(args['cluster-iterations']) })
    : undefined;
if (clusters) console.log(`word clusters: ${clusters.words.length} words in ${nClusters} clusters (${((Date.now() - tc) / 1000).toFixed(1)} s)`);
console.log(`read ${conll.length} CoNLL docs, ${gmb.length} GMB pseudo-docs, ${entries.length} gazetteer entries, ${titles.size} title words, ${conv.placeNames!.size} GMB org city names taken as places in ${Date.now() - t0} ms`);

interface Item {
  doc: CorpusDoc;
  gold: Uint8Array;
  domain: number;
  unannotated?: number[];
}
// With --partial, GMB is treated as not annotating NORP and MISC (it leaves most religious and
// political groups, events and adjectives such as "European" untagged, which CoNLL tags MISC): NORP
// and MISC predictions where GMB has no name are then not counted as errors. Tried; not the default
// (see the model card).
const gmbUnannotated = args.partial ? [NER_TYPES.indexOf('NORP'), NER_TYPES.indexOf('MISC')] : undefined;
const DOMAINS = ['conll', 'gmb'];
const useDomains = args.domains;
const items: Item[] = [
  // CoNLL is a quarter of GMB's size; repeating it (8 times by default, with fresh case augmentation
  // each time) balances the two corpora in the one set of weights (chosen on dev, see the model card).
  ...Array.from({ length: Number(args['conll-repeat']) }, () =>
    conll.map((doc) => ({ doc, gold: spansToTags(mapConll(doc, gaz), doc.words.length), domain: 0 })),
  ).flat(),
  ...gmb.map((doc) => ({ doc, gold: spansToTags(mapGmb(doc, gaz, titles, conv), doc.words.length), domain: 1, ...(gmbUnannotated ? { unannotated: gmbUnannotated } : {}) })),
];
const nTokens = items.reduce((a, it) => a + it.doc.words.length, 0);

const bits = Number(args.bits);
const trainer = new NerTrainer(bits, { gazetteer: entries, caseLexicon, ...(clusters ? { clusters } : {}) }, useDomains ? DOMAINS.length : 0);
const rand = mulberry32(Number(args.seed));
const epochs = Number(args.epochs);
for (let ep = 0; ep < epochs; ep++) {
  const te = Date.now();
  // Fisher-Yates with the seeded generator: a different, reproducible order each epoch.
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  let errors = 0;
  for (const it of items) {
    const words = augment(it.doc, rand, Number(args['upper-rate']), Number(args['title-rate']));
    const ex: NerExample = { input: { words, bounds: it.doc.bounds }, gold: it.gold, domain: it.domain, ...(it.unannotated ? { unannotated: it.unannotated } : {}) };
    errors += trainer.train(ex);
  }
  console.log(`epoch ${ep + 1}/${epochs}: token error rate ${((100 * errors) / nTokens).toFixed(2)}% (${((Date.now() - te) / 1000).toFixed(1)} s)`);
}
const model = trainer.average();
const saved = model.save(args.out, {
  trainedOn: ['conll2003/eng.train', ...(gmb.length ? ['gmb/train.tsv'] : [])],
  epochs,
  seed: Number(args.seed),
  tokens: nTokens,
}, useDomains ? Object.fromEntries(DOMAINS.map((d, k) => [d, trainer.domainWeights[k]!])) : {});
console.log(`saved ${args.out}: ${(saved.bytes / 1e6).toFixed(2)} MB, ${saved.rows} weight rows; total ${((Date.now() - t0) / 1000).toFixed(1)} s`);

if (args.dev) {
  const variants: [string, typeof model, typeof model][] = [['shared', model, model]];
  if (useDomains) variants.push(['domain', trainer.modelFor(0), trainer.modelFor(1)]);
  for (const [name, mc, mg] of variants) {
    const cc = evaluateConll(mc, join(dataDir, 'conll2003/eng.testa'));
    console.log(formatCounts(`CoNLL-2003 testa (dev), ${name} weights`, cc, { 'PER+ORG+LOC': ['PER', 'ORG', 'LOC'], overall: undefined }));
    const gc = evaluateGmb(mg, join(dataDir, 'gmb/dev.tsv'), { normalized: true, conllTrainPath: join(dataDir, 'conll2003/eng.train') });
    console.log(formatCounts(`GMB dev (titles stripped), ${name} weights`, gc, { overall: undefined }));
  }
}
