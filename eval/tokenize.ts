/**
 * Tokenizer agreement with the corpora's own tokenisation, and POS accuracy on our own tokens:
 * `npm run eval -- tokenize [--show]`.
 *
 * Each dev sentence (CoNLL-2003 testa, GMB dev) is detokenised into running text (scripts/pos-corpus.ts,
 * approximate), tokenized by src/text/tokenize.ts, and the token spans are compared with the gold ones:
 * precision/recall of exact spans. Then the sentence is tagged from our tokens, and tags are scored on
 * the tokens whose span matches a gold token (the end-to-end accuracy a user of the pipeline sees,
 * minus the tokens we cut differently).
 */
import { CORPORA, detokenizeSpans, readConll, readGmb, type TaggedSentence } from '../scripts/pos-corpus.js';
import { tokenize } from '../src/text/tokenize.js';
import { loadPosTagger } from '../src/text/pos.js';

const show = process.argv.includes('--show');
const tagger = loadPosTagger();

function evaluate(name: string, sents: TaggedSentence[]): void {
  let gold = 0;
  let got = 0;
  let match = 0;
  let tagOk = 0;
  const diffs = new Map<string, number>();
  for (const s of sents) {
    const { text, spans } = detokenizeSpans(s.words);
    const toks = tokenize(text);
    tagger.tagTokens(text, toks, 0, toks.length);
    const goldAt = new Map(spans.map((sp, i) => [`${sp.start}:${sp.end}`, i]));
    gold += spans.length;
    got += toks.length;
    const matched = new Set<number>();
    for (const t of toks) {
      const gi = goldAt.get(`${t.start}:${t.end}`);
      if (gi === undefined) {
        diffs.set(text.slice(t.start, t.end), (diffs.get(text.slice(t.start, t.end)) ?? 0) + 1);
        continue;
      }
      match++;
      matched.add(gi);
      if (t.pos === s.tags[gi]) tagOk++;
    }
  }
  const p = match / got;
  const r = match / gold;
  console.log(
    `${name.padEnd(22)} tokens ${String(gold).padStart(7)}  span precision ${(100 * p).toFixed(2)}%  recall ${(100 * r).toFixed(2)}%  ` +
      `POS accuracy on matched tokens ${((100 * tagOk) / match).toFixed(2)}%`,
  );
  if (show) {
    const top = [...diffs].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${k} ${v}`).join(' | ');
    console.log(`  our tokens that match no gold token: ${top}`);
  }
}

evaluate('conll2003 testa (dev)', readConll(CORPORA.conllDev));
evaluate('gmb dev', readGmb(CORPORA.gmbDev));
