/**
 * `npm run eval -- values`: DATE and TIME spans of the values component against the `tim` entities of
 * the GMB dev split (../shared/data/ner/gmb/dev.tsv; tokens joined by single spaces, one sentence at a
 * time). GMB marks time expressions only in part ("two" of "two years", "past" of "the past week"), so
 * spans are matched by overlap: a gold span is found when some DATE/TIME value overlaps it, a value is
 * right when it overlaps some gold span. Also reports the share of values whose text the normaliser
 * turned into a date, against a fixed publication date.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findValues } from '../src/entities/values.js';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const file = join(root, '..', 'shared', 'data', 'ner', 'gmb', 'dev.tsv');

interface Sent {
  text: string;
  gold: { start: number; end: number }[];
}

const sents: Sent[] = [];
let words: string[] = [];
let tags: string[] = [];
const flush = (): void => {
  if (words.length === 0) return;
  let text = '';
  const gold: { start: number; end: number }[] = [];
  let open: { start: number; end: number } | null = null;
  for (let i = 0; i < words.length; i++) {
    if (i > 0) text += ' ';
    const s = text.length;
    text += words[i];
    const t = tags[i] ?? 'O';
    if (t === 'B-tim' || (t === 'I-tim' && !open)) {
      if (open) gold.push(open);
      open = { start: s, end: text.length };
    } else if (t === 'I-tim' && open) open.end = text.length;
    else if (open) {
      gold.push(open);
      open = null;
    }
  }
  if (open) gold.push(open);
  sents.push({ text, gold });
  words = [];
  tags = [];
};
for (const line of readFileSync(file, 'utf8').split('\n')) {
  const p = line.split('\t');
  if (p.length < 3) {
    flush();
    continue;
  }
  words.push(p[0]!);
  tags.push(p[2]!);
}
flush();

let goldN = 0;
let goldFound = 0;
let predN = 0;
let predRight = 0;
let normalised = 0;
const t0 = process.cpuUsage();
for (const s of sents) {
  const vals = findValues(s.text, [{ start: 0, end: s.text.length }], '2010-06-15').filter((v) => v.type === 'DATE' || v.type === 'TIME');
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;
  goldN += s.gold.length;
  for (const g of s.gold) if (vals.some((v) => overlaps(v, g))) goldFound++;
  predN += vals.length;
  for (const v of vals) {
    if (s.gold.some((g) => overlaps(v, g))) predRight++;
    if (v.normalized) normalised++;
  }
}
const used = process.cpuUsage(t0);
const p = predRight / predN;
const r = goldFound / goldN;
console.log(`values (DATE/TIME) on GMB dev: ${sents.length} sentences, ${goldN} gold tim spans, ${predN} found`);
console.log(`overlap precision ${(100 * p).toFixed(1)}%  recall ${(100 * r).toFixed(1)}%  F1 ${((200 * p * r) / (p + r)).toFixed(1)}`);
console.log(`normalised: ${((100 * normalised) / predN).toFixed(1)}% of DATE/TIME values (publication date 2010-06-15)`);
console.log(`speed: ${Math.round(sents.length / ((used.user + used.system) / 1e6)).toLocaleString('en')} sentences/s (CPU time, values alone)`);
