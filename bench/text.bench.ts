/**
 * Speed of the text layer over real news: the PolNeAR dev article texts (../shared/data). Measures, on
 * one core, sentence splitting alone, split + tokenize, and split + tokenize + POS tagging, each as
 * sentences/s and tokens/s (per second of wall time and per second of this process's CPU time, since the
 * machine is shared), plus peak RSS. The baseline, measured in the same run over the same text, is
 * a trivial regular-expression sentence split; ratios are printed against it because machines differ.
 * Run: `npm run bench -- text` (--seconds N: time per workload, default 2, split into 5 interleaved rounds;
 * each workload reports its best round).
 */
import { splitSentences } from '../src/text/sentences.js';
import { tokenizeInto } from '../src/text/tokenize.js';
import { loadPosTagger } from '../src/text/pos.js';
import type { Token } from '../src/doc/types.js';
import { polnearDevTexts, blankLineParagraphs } from './lib/corpus.js';

// `--seconds=N` (bench/run.ts passes only dashed arguments through).
const secArg = process.argv.find((a) => a.startsWith('--seconds='));
const SECONDS = secArg ? Number(secArg.slice('--seconds='.length)) || 2 : 2;

const texts = polnearDevTexts();
const chars = texts.reduce((n, t) => n + t.length, 0);

const paragraphs = blankLineParagraphs;
const paras = texts.map(paragraphs);

type Pass = () => [number, number];
interface Result {
  /** Passes over the corpus per second of wall time. */
  perSec: number;
  /** Passes per second of this process's CPU time (user + system): less disturbed by other load. */
  perCpuSec: number;
  sentences: number;
  tokens: number;
}

/**
 * Runs the workloads in interleaved rounds (the machine is shared, so load comes and goes) and keeps
 * each workload's best round, by wall time and by CPU time separately.
 */
function measureAll(fns: Pass[], rounds = 5): Result[] {
  const best: Result[] = fns.map(() => ({ perSec: 0, perCpuSec: 0, sentences: 0, tokens: 0 }));
  for (const fn of fns) fn(); // warm-up: JIT and the tagger's word cache
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, i) => {
      let passes = 0;
      let last: [number, number] = [0, 0];
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      let el = 0;
      while (el < (SECONDS * 1000) / rounds) {
        last = fn();
        passes++;
        el = performance.now() - t0;
      }
      const c = process.cpuUsage(c0);
      const b = best[i]!;
      b.perSec = Math.max(b.perSec, passes / (el / 1000));
      b.perCpuSec = Math.max(b.perCpuSec, passes / ((c.user + c.system) / 1e6));
      b.sentences = last[0];
      b.tokens = last[1];
    });
  }
  return best;
}

const tagger = loadPosTagger();

const baselineFn: Pass = () => {
  let n = 0;
  for (const t of texts) n += t.split(/(?<=[.!?])\s+|\n\s*\n/).length;
  return [n, 0];
};

const splitFn: Pass = () => {
  let n = 0;
  texts.forEach((t, i) => {
    for (const p of paras[i]!) n += splitSentences(t, p.start, p.end).length;
  });
  return [n, 0];
};

/** Split and tokenize every sentence, and POS-tag it too when `tag` is set. */
const splitTokPass = (tag: boolean): Pass => () => {
  let n = 0;
  let k = 0;
  texts.forEach((t, i) => {
    for (const p of paras[i]!) {
      for (const s of splitSentences(t, p.start, p.end)) {
        const toks: Token[] = [];
        tokenizeInto(t, s.start, s.end, toks);
        if (tag) tagger.tagTokens(t, toks, 0, toks.length);
        n++;
        k += toks.length;
      }
    }
  });
  return [n, k];
};

const [baseline, split, splitTok, full] = measureAll([baselineFn, splitFn, splitTokPass(false), splitTokPass(true)]) as [Result, Result, Result, Result];
const fmt = (x: number): string => Math.round(x).toLocaleString('en');
const rss = process.resourceUsage().maxRSS / 1024;
const tokens = splitTok.tokens;
console.log(`corpus: ${texts.length} PolNeAR dev articles, ${fmt(chars)} chars, ${fmt(split.sentences)} sentences, ${fmt(tokens)} tokens`);
const row = (name: string, m: Result, withTokens: boolean): void => {
  const rate = (perSec: number): string =>
    `${fmt(perSec * m.sentences).padStart(9)} sent/s` +
    (withTokens ? ` ${fmt(perSec * tokens).padStart(10)} tok/s` : ''.padStart(17)) +
    ` ${fmt((perSec * chars) / 1000).padStart(7)} kchar/s`;
  console.log(`${name.padEnd(24)} wall: ${rate(m.perSec)}   cpu: ${rate(m.perCpuSec)}`);
};
row('baseline: regex split', baseline, false);
row('splitSentences', split, false);
row('split + tokenize', splitTok, true);
row('split + tokenize + pos', full, true);
const ratio = (m: Result): string => `${(m.perCpuSec / baseline.perCpuSec).toFixed(3)} (wall ${(m.perSec / baseline.perSec).toFixed(3)})`;
console.log(`speed as a fraction of the regex baseline (cpu time): split ${ratio(split)}, split+tokenize ${ratio(splitTok)}, split+tokenize+pos ${ratio(full)}`);
console.log(`peak RSS ${rss.toFixed(0)} MB`);
