/**
 * Sentence-splitter quality: `npm run eval -- sentences`.
 * 1. The Pragmatic Segmenter golden rules (../shared/data/segmentation/golden_rules_en.jsonl): how many
 *    of the 52 pass.
 * 2. Boundaries in running news text: GMB dev sentences (Voice of America news, ../shared/data/ner/gmb)
 *    are detokenised and joined, 20 consecutive sentences to a passage, and the splitter must find the
 *    original sentence ends. Prints boundary precision/recall/F1 and the share of sentences recovered
 *    exactly (--show lists the misses). Detokenisation is approximate (spaces removed before punctuation and clitics, quotes
 *    attached by alternation), so a few misses come from it, not from the splitter.
 */
import { readFileSync } from 'node:fs';
import { CORPORA, detokenize, readGmb } from '../scripts/pos-corpus.js';
import { splitSentences } from '../src/text/sentences.js';

// 1. Golden rules.
const rules = readFileSync('../shared/data/segmentation/golden_rules_en.jsonl', 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { id: number; input: string; expected: string[] });
const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
const failed = rules.filter((r) => {
  const got = splitSentences(r.input).map((s) => norm(r.input.slice(s.start, s.end)));
  return JSON.stringify(got) !== JSON.stringify(r.expected.map(norm));
});
console.log(`golden rules: ${rules.length - failed.length}/${rules.length} pass (failing: ${failed.map((r) => `#${r.id}`).join(', ') || 'none'})`);

// 2. Running text.
const sents = readGmb(CORPORA.gmbDev).map((s) => detokenize(s.words));
const PASSAGE = 20;
let tp = 0;
let fp = 0;
let fn = 0;
let exact = 0;
for (let i = 0; i < sents.length; i += PASSAGE) {
  const group = sents.slice(i, i + PASSAGE);
  const text = group.join(' ');
  const gold = new Set<number>();
  const goldSpans = new Set<string>();
  let pos = 0;
  for (const s of group) {
    goldSpans.add(`${pos}:${pos + s.length}`);
    pos += s.length;
    gold.add(pos);
    pos += 1;
  }
  const got = splitSentences(text);
  const ends = new Set(got.map((s) => s.end));
  // The end of the passage is an end for free: count only boundaries inside it.
  for (const e of ends) if (e < text.length) (gold.has(e) ? tp++ : fp++);
  for (const e of gold) {
    if (e < text.length && !ends.has(e)) {
      fn++;
      if (process.argv.includes('--show')) console.log(`missed: …${text.slice(Math.max(0, e - 50), e)} ‖ ${text.slice(e + 1, e + 40)}…`);
    }
  }
  if (process.argv.includes('--show')) {
    for (const e of ends) if (e < text.length && !gold.has(e)) console.log(`extra:  …${text.slice(Math.max(0, e - 50), e)} ‖ ${text.slice(e, e + 40)}…`);
  }
  for (const s of got) if (goldSpans.has(`${s.start}:${s.end}`)) exact++;
}
const p = tp / (tp + fp);
const r = tp / (tp + fn);
console.log(
  `GMB dev running text: ${sents.length} sentences in passages of ${PASSAGE}; boundary precision ${(100 * p).toFixed(2)}%, ` +
    `recall ${(100 * r).toFixed(2)}%, F1 ${((200 * p * r) / (p + r)).toFixed(2)}%; sentences recovered exactly ${((100 * exact) / sents.length).toFixed(2)}%`,
);
