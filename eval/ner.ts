/**
 * `npm run eval -- ner [--model path]`: entity-level precision, recall and F1 (exact span and type, as
 * conlleval counts them) on CoNLL-2003 testa, in CoNLL's own types, and on GMB dev, in GMB's types.
 * Each is scored with the weights a user gets by default and with any domain weights the file has.
 * Held-out splits (CoNLL testb, the rest of GMB) are never read.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_NER_DOMAIN, defaultNerModelPath } from '../src/entities/ner.js';
import { NerModel } from '../src/entities/ner-model.js';
import { evaluateConll, evaluateGmb, formatCounts, prf } from '../src/entities/ner-eval.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(root, '../shared/data/ner');
const { values: args } = parseArgs({
  options: { model: { type: 'string', default: defaultNerModelPath() }, json: { type: 'boolean', default: false } },
});

const conllTrain = join(dataDir, 'conll2003/eng.train');
const summary: Record<string, number> = {};
// The default weights, then every weight section the file has (a jointly trained model has only
// the shared one).
const sections = (NerModel.load(args.model).info.domains as string[] | undefined) ?? [];
const domains = [...new Set([DEFAULT_NER_DOMAIN, 'shared', ...sections])];
for (const domain of domains) {
  const t0 = Date.now();
  const model = NerModel.load(args.model, { domain });
  const label = domain === DEFAULT_NER_DOMAIN ? `${domain} weights (the default)` : `${domain} weights`;
  const cc = evaluateConll(model, join(dataDir, 'conll2003/eng.testa'));
  console.log(formatCounts(`\nCoNLL-2003 testa, ${label}`, cc, { 'PER+ORG+LOC': ['PER', 'ORG', 'LOC'], overall: undefined }));
  const gn = evaluateGmb(model, join(dataDir, 'gmb/dev.tsv'), { normalized: true, conllTrainPath: conllTrain });
  console.log(formatCounts(`\nGMB dev, ${label}, gold person names without leading titles`, gn, { overall: undefined }));
  const gr = evaluateGmb(model, join(dataDir, 'gmb/dev.tsv'), { normalized: false, conllTrainPath: conllTrain });
  console.log(`GMB dev, ${label}, gold spans as GMB has them: overall F1 ${(100 * prf(gr).f1).toFixed(2)}`);
  summary[`conll_testa_${domain}_per_org_loc_f1`] = prf(cc, ['PER', 'ORG', 'LOC']).f1;
  summary[`conll_testa_${domain}_overall_f1`] = prf(cc).f1;
  summary[`gmb_dev_${domain}_f1`] = prf(gn).f1;
  summary[`gmb_dev_${domain}_raw_f1`] = prf(gr).f1;
  console.log(`(${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
if (args.json) console.log(JSON.stringify(summary));
