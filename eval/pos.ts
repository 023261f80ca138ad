/**
 * POS accuracy of the shipped tagger on the dev splits, on their gold tokenisation:
 * `npm run eval -- pos [--model models/pos.bin.gz]`. Prints token accuracy, accuracy on words the
 * training data never saw, and tokens per second of tagging alone.
 */
import { CORPORA, readConll, readGmb, type TaggedSentence } from '../scripts/pos-corpus.js';
import { DEFAULT_POS_MODEL, loadPosTagger } from '../src/text/pos.js';
import { normWord } from '../src/text/pos-features.js';

const mi = process.argv.indexOf('--model');
const modelPath = mi >= 0 && process.argv[mi + 1] ? process.argv[mi + 1]! : DEFAULT_POS_MODEL;
const tagger = loadPosTagger(modelPath);

// Words of the training data, to report accuracy on unseen words separately.
const known = new Set<string>();
for (const s of [...readConll(CORPORA.conllTrain), ...readGmb(CORPORA.gmbTrain)]) for (const w of s.words) known.add(normWord(w));

function evaluate(name: string, sents: TaggedSentence[]): void {
  let n = 0;
  let ok = 0;
  let unk = 0;
  let unkOk = 0;
  const confusion = new Map<string, number>();
  const t0 = performance.now();
  const predicted = sents.map((s) => tagger.tagWords(s.words));
  const ms = performance.now() - t0;
  sents.forEach((s, si) => {
    const p = predicted[si]!;
    s.words.forEach((w, i) => {
      const g = s.tags[i]!;
      const hit = p[i] === g;
      n++;
      if (hit) ok++;
      else confusion.set(`${g}->${p[i]}`, (confusion.get(`${g}->${p[i]}`) ?? 0) + 1);
      if (!known.has(normWord(w))) {
        unk++;
        if (hit) unkOk++;
      }
    });
  });
  const top = [...confusion].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(
    `${name.padEnd(22)} tokens ${String(n).padStart(7)}  accuracy ${((100 * ok) / n).toFixed(2)}%  ` +
      `unseen words ${((100 * unkOk) / Math.max(1, unk)).toFixed(2)}% (${unk})  ${Math.round(n / (ms / 1000)).toLocaleString('en')} tokens/s`,
  );
  console.log(`${''.padEnd(22)} top confusions (gold->predicted): ${top}`);
}

console.log(`model: ${modelPath}`);
evaluate('conll2003 testa (dev)', readConll(CORPORA.conllDev));
evaluate('gmb dev', readGmb(CORPORA.gmbDev));
