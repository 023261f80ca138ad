/**
 * Structure detection for scraped plain text: which block is the summary, the headline, the dek and
 * the body. The rules (tested in test/clean/structure.test.ts):
 *
 * 1. Blocks. Each non-empty line is a block, except in hard-wrapped text (most lines inside
 *    blank-line-separated groups end mid-sentence), where each group is one block.
 * 2. Headline. The first of the first three blocks that reads like a headline: 3 to 30 words, at most
 *    200 characters, no sentence-final punctuation at the end (. ; , :), and either title case (at least
 *    half of its longer words capitalised) or no final punctuation at all. A known title (from a JSONL
 *    record or a page's markup) wins when one of the first three blocks matches it.
 * 3. Summary. A block before the headline that ends like a sentence and has at least 12 words is the
 *    summary (scrapers put an abstract first). Other short blocks before the headline are kickers
 *    (section labels) and are removed with a diagnostic.
 * 4. Dek. The first block after the headline (repeats removed) is the dek when it is one or two
 *    sentences of at most 300 characters, is not a dateline lede ("WASHINGTON (Reuters) -"), at least
 *    one body block follows, and it is under 60% the length of that next block.
 * 5. Everything else is body. With no headline, every block is body.
 */

/** A block of the raw input with its offsets in the raw string. */
export interface Block {
  start: number;
  end: number;
  text: string;
  /** 1-based line where it starts. */
  line: number;
}

const TERMINAL = /[.!?]["'\u201D\u2019)\]]*$/;
const DATELINE = /^[A-Z][A-Z .,'-]{2,40}(\([^)]{1,40}\))?\s*[-\u2013\u2014]\s/;

/** Splits raw text into blocks (see rule 1), keeping raw offsets. */
export function splitBlocks(raw: string): Block[] {
  const lines: Block[] = [];
  let pos = 0;
  let lineNo = 1;
  while (pos <= raw.length) {
    let nl = raw.indexOf('\n', pos);
    if (nl === -1) nl = raw.length;
    let s = pos;
    let e = nl;
    if (e > s && raw.charCodeAt(e - 1) === 13) e--; // CRLF
    while (s < e && isSpace(raw.charCodeAt(s))) s++;
    while (e > s && isSpace(raw.charCodeAt(e - 1))) e--;
    lines.push({ start: s, end: e, text: raw.slice(s, e), line: lineNo });
    pos = nl + 1;
    lineNo++;
  }
  if (!isHardWrapped(lines)) return lines.filter((b) => b.text.length > 0);
  const groups: Block[] = [];
  let cur: Block[] = [];
  const flush = (): void => {
    const first = cur[0];
    const last = cur[cur.length - 1];
    if (first && last) {
      groups.push({
        start: first.start,
        end: last.end,
        text: cur.map((b) => b.text).join(' '),
        line: first.line,
      });
    }
    cur = [];
  };
  for (const l of lines) {
    if (l.text.length === 0) flush();
    else cur.push(l);
  }
  flush();
  return groups;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 0xa0 || c === 0xfeff;
}

/** Hard-wrapped: blank-line groups of several lines where most inner lines stop mid-sentence. */
function isHardWrapped(lines: Block[]): boolean {
  let inner = 0;
  let midSentence = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i];
    const b = lines[i + 1];
    if (!a || !b || a.text.length === 0 || b.text.length === 0) continue;
    inner++;
    if (!TERMINAL.test(a.text) && a.text.length >= 30 && a.text.length <= 100) midSentence++;
  }
  return inner >= 3 && midSentence / inner >= 0.6;
}

function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

/** Rule 2: does this block read like a headline? */
export function looksLikeHeadline(s: string): boolean {
  if (s.length > 200) return false;
  const w = words(s);
  if (w.length < 3 || w.length > 30) return false;
  if (/[.;,:]["'\u201D\u2019]?$/.test(s)) return false;
  const long = w.filter((x) => /^\p{L}/u.test(x) && x.length > 3);
  const caps = long.filter((x) => /^\p{Lu}/u.test(x)).length;
  const titleCase = long.length > 0 && caps / long.length >= 0.5;
  return titleCase || !TERMINAL.test(s);
}

/** Rule 3: a summary is a complete sentence of some length. */
export function looksLikeSummary(s: string): boolean {
  return TERMINAL.test(s) && words(s).length >= 12;
}

function sentenceCount(s: string): number {
  const m = s.match(/[.!?]["'\u201D\u2019)]*\s+(?=["'\u201C\u2018]?\p{Lu})/gu);
  return (m ? m.length : 0) + 1;
}

/** Rule 4: is `s` a dek, given the next body block? */
export function looksLikeDek(s: string, next: string | undefined): boolean {
  if (next === undefined) return false;
  if (s.length > 300 || sentenceCount(s) > 2) return false;
  if (DATELINE.test(s)) return false;
  return s.length < 0.6 * next.length;
}
