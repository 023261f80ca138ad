/**
 * Readers for the POS columns of the training corpora in ../shared/data (read in place, never copied):
 * CoNLL-2003 (`word POS chunk NER`, -DOCSTART- lines between documents) and GMB (`word<TAB>POS<TAB>NER`).
 * Tags are mapped onto one Penn Treebank tag set, because the two corpora write a few tags differently.
 */
import { readColumnSentences } from '../src/util/column-corpus.js';

/** One sentence: words and their PTB tags. */
export interface TaggedSentence {
  words: string[];
  tags: string[];
}

/** Path of a corpus file relative to the project root. */
export const CORPORA = {
  conllTrain: '../shared/data/ner/conll2003/eng.train',
  conllDev: '../shared/data/ner/conll2003/eng.testa',
  gmbTrain: '../shared/data/ner/gmb/train.tsv',
  gmbDev: '../shared/data/ner/gmb/dev.tsv',
} as const;

const QUOTE_TAGS = new Set(['"', '``', "''"]);

/**
 * Maps the corpora's tag variants to PTB: brackets to -LRB-/-RRB-, ';' to ':', 'NN|SYM' to 'NN', and
 * quotes to `` (opening) or '' (closing), because both corpora lost that distinction (CoNLL writes '"',
 * GMB writes `` for every quote). A quote is closing when it ends the sentence or follows punctuation
 * and precedes a lower-case word or punctuation ('. " said'), opening at the start of a sentence, and
 * otherwise alternates.
 */
function normalizeTags(words: string[], tags: string[]): void {
  let open = true;
  const n = tags.length;
  for (let i = 0; i < n; i++) {
    let t = tags[i]!;
    if (t === '(' || t === 'LRB' || t === '-LRB-') t = '-LRB-';
    else if (t === ')' || t === 'RRB' || t === '-RRB-') t = '-RRB-';
    else if (t === ';') t = ':';
    else if (t.includes('|')) t = t.slice(0, t.indexOf('|'));
    else if (QUOTE_TAGS.has(t)) {
      const w = words[i]!;
      const prev = i > 0 ? words[i - 1]! : '';
      const next = i + 1 < n ? words[i + 1]! : '';
      const nextLowerOrPunct = next !== '' && !/^[A-Z0-9]/.test(next);
      if (w === '\u201c' || w === '``') t = '``';
      else if (w === '\u201d' || w === "''") t = "''";
      else if (i === n - 1 && n > 1) t = "''";
      else if (/^[.,!?]$/.test(prev) && nextLowerOrPunct) t = "''";
      else if (i === 0) t = '``';
      else t = open ? '``' : "''";
      open = t === "''";
    }
    tags[i] = t;
  }
}

/** Words and POS tags (column 2) of column-corpus sentences; rows without a word or a tag are skipped. */
function tagged(path: string, sep: string): TaggedSentence[] {
  const out: TaggedSentence[] = [];
  for (const { rows } of readColumnSentences(path, sep)) {
    const words: string[] = [];
    const tags: string[] = [];
    for (const cols of rows) {
      const w = (cols[0] ?? '').trim();
      const t = (cols[1] ?? '').trim();
      if (w === '' || t === '') continue;
      words.push(w);
      tags.push(t);
    }
    if (words.length === 0) continue;
    normalizeTags(words, tags);
    out.push({ words, tags });
  }
  return out;
}

/** Reads a CoNLL-2003 file's words and POS tags (column 2). */
export function readConll(path: string): TaggedSentence[] {
  return tagged(path, ' ');
}

/** Reads a GMB TSV file's words and POS tags (column 2). */
export function readGmb(path: string): TaggedSentence[] {
  return tagged(path, '\t');
}

const NO_SPACE_BEFORE = /^([.,;:!?%)\]}]|'s|'S|n't|'re|'ve|'ll|'d|'m|\.\.\.)$/;
const NO_SPACE_AFTER = /^[([{$]$/;

/**
 * Joins tokens into text the way a writer would have typed them (approximate: spaces dropped before
 * punctuation and clitics, after opening brackets, quotes attached by alternation) and returns where
 * each token landed. Used to make running text for the sentence and tokenizer evaluations.
 */
export function detokenizeSpans(words: string[]): { text: string; spans: { start: number; end: number }[] } {
  let out = '';
  const spans: { start: number; end: number }[] = [];
  let openQuote = false;
  let glueNext = false;
  for (let i = 0; i < words.length; i++) {
    let w = words[i]!;
    let space = out !== '' && !glueNext;
    glueNext = false;
    const prev = i > 0 ? words[i - 1]! : '';
    if (w === "'" && /[sS]$/.test(prev)) {
      space = false; // plural possessive: "officials'"
    } else if (w === '"' || w === '``' || w === "''" || w === "'") {
      // A quote ending the sentence closes a quotation opened in an earlier one.
      if (i === words.length - 1 && i > 0) openQuote = true;
      if (openQuote) space = false;
      else glueNext = true;
      openQuote = !openQuote;
      if (w !== "'") w = '"';
    } else {
      if (NO_SPACE_BEFORE.test(w)) space = false;
      if (NO_SPACE_AFTER.test(w)) glueNext = true;
    }
    if (space) out += ' ';
    spans.push({ start: out.length, end: out.length + w.length });
    out += w;
  }
  return { text: out, spans };
}

/** detokenizeSpans without the spans. */
export function detokenize(words: string[]): string {
  return detokenizeSpans(words).text;
}
