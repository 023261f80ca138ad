/**
 * Quotes evaluation on PolNeAR (`npm run eval -- quotes [--split dev|train] [--limit N] [--errors N]`).
 *
 * Data: ../shared/data/quotes/polnear.<split>.jsonl, one article a line, every attribution with source,
 * cue and content as character offsets (some discontinuous: `spans`). The test split is held out.
 * Our side: each text is analysed as already-clean text (one body paragraph per line block) by the
 * components available before 'quotes' (see eval/quotes-doc.ts), then the quotes component.
 *
 * Matching, as measured here:
 * - Words are runs of letters/digits (apostrophes inside words kept); punctuation and quote marks are
 *   ignored, so a gold content with its quote marks and ours without them compare equal.
 * - A predicted attribution is one cue: our quotes and attributions that share a cue span are merged
 *   into one prediction with the union of their content words ("A," he said. "B." is one PolNeAR
 *   attribution with a discontinuous content; a partial quote inside a reported clause shares its cue).
 *   Predictions without a cue stay single.
 * - Content match: a prediction and a gold attribution match when they share at least half of the gold
 *   content's words; pairs are assigned one-to-one, largest overlap first. Exact: the word sets are equal
 *   after dropping a leading complementiser "that" on either side.
 * - Direct subset: a gold content is direct when its trimmed text starts or ends with a quote mark, or
 *   at least half of its words lie between a pair of double quote marks (“…”, "…", «…») of the article.
 *   Our prediction is direct when it contains a direct or partial quote. Precision on the subset counts
 *   our direct predictions, recall the direct gold attributions.
 * - Source accuracy (over matched pairs): our speaker span overlaps a gold source span, or our speaker
 *   entity has a mention overlapping it; where gold has no source, correct when we name none.
 * - Cue accuracy (over matched pairs): our cue span overlaps the gold cue span.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { Doc, Span } from '../src/doc/types.js';
import { quotesComponent } from '../src/quotes/index.js';
import { componentsBeforeQuotes } from './quotes-doc.js';

interface GoldSpan {
  start: number;
  end: number;
  text: string;
  spans: [number, number][];
}
interface GoldAttr {
  source: GoldSpan | null;
  cue: GoldSpan | null;
  content: GoldSpan | null;
}
interface Article {
  id: string;
  text: string;
  attributions: GoldAttr[];
}

interface Pred {
  words: Set<number>;
  direct: boolean;
  speakerSpan: Span | null;
  speaker: string | null;
  cue: Span | null;
  text: string;
}

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const split = opt('split', 'dev');
const limit = Number(opt('limit', '0'));
const showErrors = Number(opt('errors', '0'));

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const file = join(root, '..', 'shared', 'data', 'quotes', `polnear.${split}.jsonl`);
let articles: Article[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Article);
if (limit > 0) articles = articles.slice(0, limit);

const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

function wordsOf(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(WORD)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** Word indices whose span lies inside one of the ranges (words are sorted). */
function wordSet(words: Span[], ranges: Span[]): Set<number> {
  const s = new Set<number>();
  for (const r of ranges) {
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (words[mid]!.end <= r.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < words.length && words[i]!.start < r.end; i++) {
      const w = words[i]!;
      if (w.start >= r.start && w.end <= r.end) s.add(i);
    }
  }
  return s;
}

function quotedWords(text: string, words: Span[]): Set<number> {
  const ranges: Span[] = [];
  for (const m of text.matchAll(/[\u201c"\u00ab]([^\u201c\u201d"\u00ab\u00bb]*)[\u201d"\u00bb]/g)) {
    ranges.push({ start: m.index, end: m.index + m[0].length });
  }
  return wordSet(words, ranges);
}

function dropThat(s: Set<number>, words: Span[], text: string): Set<number> {
  const sorted = [...s].sort((a, b) => a - b);
  const first = sorted[0];
  if (first !== undefined) {
    const w = words[first]!;
    if (text.slice(w.start, w.end).toLowerCase() === 'that') {
      const c = new Set(s);
      c.delete(first);
      return c;
    }
  }
  return s;
}

function ctx(text: string, c: Span): string {
  const from = Math.max(0, Math.min(c.start - 100, c.start));
  return `${text.slice(from, c.start)}[[${text.slice(c.start, Math.min(c.end, c.start + 100))}]]${text.slice(c.end, c.end + 80)}`.replace(/\n/g, '¶');
}

function predictions(doc: Doc, words: Span[]): Pred[] {
  const byCue = new Map<string, Pred>();
  const out: Pred[] = [];
  const add = (content: Span, direct: boolean, cue: Span | null, speaker: string | null, speakerSpan: Span | null, text: string): void => {
    const ws = wordSet(words, [content]);
    const key = cue ? `${cue.start}:${cue.end}` : null;
    const prev = key ? byCue.get(key) : undefined;
    if (prev) {
      for (const w of ws) prev.words.add(w);
      prev.direct ||= direct;
      prev.speakerSpan ??= speakerSpan;
      prev.speaker ??= speaker;
      prev.text += ` | ${text}`;
      return;
    }
    const p: Pred = { words: ws, direct, speakerSpan, speaker, cue, text };
    out.push(p);
    if (key) byCue.set(key, p);
  };
  for (const q of doc.quotes) add(q, q.kind !== 'indirect', q.cue, q.speaker, q.speakerSpan ?? null, q.text);
  for (const a of doc.attributions) add(a, false, a.cue, a.source, a.sourceSpan ?? null, a.text);
  return out.filter((p) => p.words.size > 0);
}

interface Tally {
  gold: number;
  pred: number;
  matchedGold: number;
  matchedPred: number;
  exact: number;
  source: number;
  cue: number;
}
const tally = (): Tally => ({ gold: 0, pred: 0, matchedGold: 0, matchedPred: 0, exact: 0, source: 0, cue: 0 });
const all = tally();
const direct = tally();
const errors: string[] = [];

const pre = await componentsBeforeQuotes();
const quotes = quotesComponent();
const t0 = performance.now();
for (const art of articles) {
  const doc = pre.run(art.text);
  quotes.run(doc);
  const words = wordsOf(art.text);
  const quoted = quotedWords(art.text, words);
  const golds = art.attributions
    .filter((g) => g.content)
    .map((g) => {
      const ws = wordSet(words, g.content!.spans.map(([start, end]) => ({ start, end })));
      const trimmed = g.content!.text.trim();
      const inQ = [...ws].filter((w) => quoted.has(w)).length;
      const isDirect = /^["\u201c\u201d\u00ab\u00bb']|["\u201c\u201d\u00ab\u00bb']$/.test(trimmed) || (ws.size > 0 && inQ * 2 >= ws.size);
      return { g, ws, isDirect };
    })
    .filter((x) => x.ws.size > 0);
  const preds = predictions(doc, words);
  all.gold += golds.length;
  all.pred += preds.length;
  direct.gold += golds.filter((x) => x.isDirect).length;
  direct.pred += preds.filter((p) => p.direct).length;
  const pairs: { gi: number; pi: number; ov: number }[] = [];
  golds.forEach((x, gi) => {
    preds.forEach((p, pi) => {
      let ov = 0;
      for (const w of p.words) if (x.ws.has(w)) ov++;
      if (ov * 2 >= x.ws.size && ov > 0) pairs.push({ gi, pi, ov });
    });
  });
  pairs.sort((a, b) => b.ov - a.ov);
  const gUsed = new Set<number>();
  const pUsed = new Set<number>();
  for (const { gi, pi } of pairs) {
    if (gUsed.has(gi) || pUsed.has(pi)) continue;
    gUsed.add(gi);
    pUsed.add(pi);
    const { g, ws, isDirect } = golds[gi]!;
    const p = preds[pi]!;
    const a = dropThat(ws, words, art.text);
    const b = dropThat(p.words, words, art.text);
    const exact = a.size === b.size && [...a].every((w) => b.has(w));
    let srcOk: boolean;
    if (!g.source) srcOk = p.speakerSpan === null;
    else {
      const gs = g.source.spans.map(([start, end]) => ({ start, end }));
      srcOk =
        (p.speakerSpan !== null && gs.some((s) => overlaps(s, p.speakerSpan!))) ||
        (p.speaker !== null && (doc.entities.find((e) => e.id === p.speaker)?.mentions ?? []).some((m) => gs.some((s) => overlaps(s, m))));
    }
    const cueOk = !!g.cue && !!p.cue && g.cue.spans.some(([start, end]) => overlaps({ start, end }, p.cue!));
    for (const t of isDirect ? [all, direct] : [all]) {
      t.matchedGold++;
      if (exact) t.exact++;
      if (srcOk) t.source++;
      if (cueOk) t.cue++;
    }
    all.matchedPred++;
    if (p.direct) direct.matchedPred++;
    if (showErrors > 0 && errors.length < showErrors * 3 && (!srcOk || !cueOk)) {
      errors.push(`WRONG ${srcOk ? '' : 'SRC'} ${cueOk ? '' : 'CUE'} gold src=[${g.source?.text ?? null}] cue=[${g.cue?.text ?? null}] ours src=[${p.speakerSpan ? art.text.slice(p.speakerSpan.start, p.speakerSpan.end) : null}] cue=[${p.cue ? art.text.slice(p.cue.start, p.cue.end) : null}] :: ${ctx(art.text, g.content!)}`);
    }
  }
  if (showErrors > 0) {
    golds.forEach((x, gi) => {
      if (!gUsed.has(gi) && errors.length < showErrors * 3) {
        const g = x.g;
        const c = g.content!;
        errors.push(`MISS${x.isDirect ? '(direct)' : ''} src=[${g.source?.text ?? null}] cue=[${g.cue?.text ?? null}] :: ${art.text.slice(Math.max(0, c.start - 60), c.start).replace(/\n/g, '¶')}[[${c.text.slice(0, 140).replace(/\n/g, '¶')}]]${art.text.slice(c.end, c.end + 60).replace(/\n/g, '¶')}`);
      }
    });
    preds.forEach((p, pi) => {
      if (!pUsed.has(pi) && errors.length < showErrors * 3) errors.push(`EXTRA${p.direct ? '(direct)' : ''} cue=[${p.cue ? art.text.slice(p.cue.start, p.cue.end) : null}] :: ${p.text.slice(0, 140).replace(/\n/g, '¶')}`);
    });
  }
}
const ms = performance.now() - t0;

const f = (x: number): string => x.toFixed(3);
function prf(matchedPred: number, pred: number, matchedGold: number, gold: number): string {
  const p = pred ? matchedPred / pred : 0;
  const r = gold ? matchedGold / gold : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  return `P ${f(p)}  R ${f(r)}  F1 ${f(f1)}`;
}
function line(name: string, t: Tally): string {
  const m = t.matchedGold || 1;
  // Exact matches are one-to-one pairs too, so the same count serves precision and recall.
  return (
    `${name.padEnd(7)} gold ${String(t.gold).padStart(5)}  pred ${String(t.pred).padStart(5)}  ` +
    `half-overlap ${prf(t.matchedPred, t.pred, t.matchedGold, t.gold)}  |  exact ${prf(t.exact, t.pred, t.exact, t.gold)}  |  ` +
    `source ${f(t.source / m)}  cue ${f(t.cue / m)}`
  );
}
console.log(`PolNeAR ${split}: ${articles.length} articles; components before quotes: ${pre.names.join(', ')} (${(ms / 1000).toFixed(1)} s)`);
console.log(line('direct', direct));
console.log(line('all', all));
console.log('(source and cue accuracy are over the half-overlap matches)');
if (showErrors > 0) for (const e of errors.sort()) console.log(e);
