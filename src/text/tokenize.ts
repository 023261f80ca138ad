import type { Token } from '../doc/types.js';
import { abbreviationKind, isDigit, isLetter, isSpace } from './abbreviations.js';

/*
 * Penn-Treebank-style tokenizer over offsets. The text is cut at white space into chunks, and each chunk
 * is peeled: opening punctuation off the front, closing punctuation off the back, clitics ('s, n't, 're,
 * 've, 'll, 'd, 'm, also with the typographic ’) off the word, and a few marks (dashes, quotes, brackets,
 * commas between letters, ellipses) split the inside. Everything works on character codes and offsets;
 * only a short candidate abbreviation is ever sliced into a string.
 *
 * Decisions:
 * - "U.S." stays one token with its period, like other abbreviations ("Mr.", "Jan.", "a.m.", "Co.");
 *   a sentence-final "U.S." keeps the period (PTB does the same: no extra "." token).
 * - A hyphen touching a dotted abbreviation is split: "U.S.-Mexico" -> "U.S." "-" "Mexico", so later
 *   stages see both countries; ordinary hyphenated words stay whole: "drug-dealers".
 * - Numbers keep their inner , and . ("1,000", "100.00", "1026.253.553"); "$" and "%" are their own
 *   tokens (PTB).
 * - URLs and e-mail addresses are single tokens; punctuation that ends the sentence after them is not.
 * - "3." at the start of the range (a sentence, for the segmenter) is a list or rank marker: one token.
 */

const DOT = 46;
const APOS = 0x27;
const RSQUO = 0x2019;

/** Single-character tokens that may open a chunk. */
function isLeadPunct(c: number): boolean {
  return (
    c === 0x22 || c === 0x201c || c === 0x2018 || c === 0x201e || c === 0x28 || c === 0x5b || c === 0x7b ||
    c === 0xab || c === 0xbf || c === 0xa1 || c === 0x60 || c === 0x24 || c === 0x20ac || c === 0xa3 ||
    c === 0xa5 || c === 0x2022 || c === 0x2043 || c === 0x2014 || c === 0x2013 || c === 0x2026 ||
    c === 0x3a || c === 0x3b || c === 0x2c || c === 0x2a || c === 0x3c || c === 0x3e
  );
}

/** Single-character tokens that may close a chunk (the period is handled apart). */
function isTrailPunct(c: number): boolean {
  return (
    c === 0x22 || c === 0x201d || c === 0x2019 || c === APOS || c === 0x29 || c === 0x5d || c === 0x7d ||
    c === 0xbb || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x25 ||
    c === 0x2026 || c === 0x2014 || c === 0x2013 || c === 0x2a || c === 0x3c || c === 0x3e
  );
}

/** Marks that always stand alone, even inside a chunk. */
function isSplitter(c: number): boolean {
  return (
    c === 0x2014 || c === 0x2013 || c === 0x2026 || c === 0x22 || c === 0x201c || c === 0x201d ||
    c === 0x28 || c === 0x29 || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0xab ||
    c === 0xbb || c === 0x3b || c === 0x21 || c === 0x3f
  );
}

/** Apostrophe-like marks: ', ’ and (misused for an apostrophe, "Trump‘s") ‘. */
function isQuoteMark(c: number): boolean {
  return c === APOS || c === RSQUO || c === 0x2018;
}

/** True when chunk [a, b) is a URL or an e-mail address, to be kept whole. */
function isAddress(text: string, a: number, b: number): boolean {
  const c0 = text.charCodeAt(a);
  if ((c0 === 104 || c0 === 72) && b - a > 7) {
    const head = text.slice(a, a + 8).toLowerCase();
    if (head.startsWith('http://') || head.startsWith('https://')) return true;
  }
  if ((c0 === 119 || c0 === 87) && b - a > 4 && text.slice(a, a + 4).toLowerCase() === 'www.') return true;
  let at = -1;
  for (let k = a + 1; k < b - 1; k++) {
    if (text.charCodeAt(k) === 64) {
      at = k;
      break;
    }
  }
  if (at < 0) return false;
  for (let k = at + 2; k < b - 1; k++) if (text.charCodeAt(k) === DOT) return true;
  return false;
}

/** True when text[a, b) (ending in a period at b-1) is an abbreviation that keeps its period. */
function keepsPeriod(text: string, a: number, b: number): boolean {
  // Only the part after the last hyphen counts: "Mexico-U.S." keeps the period of "U.S.".
  for (let k = b - 2; k > a && k > b - 16; k--) {
    if (text.charCodeAt(k) === 0x2d) {
      a = k + 1;
      break;
    }
  }
  const len = b - 1 - a;
  if (len <= 0 || len > 12) return false;
  return abbreviationKind(text.slice(a, b - 1)) !== null;
}

/** Length of a clitic ending text[a, b) ("'s", "n't", ...), 0 when there is none. */
function cliticLength(text: string, a: number, b: number): number {
  const n = b - a;
  if (n < 3) return 0;
  const c1 = text.charCodeAt(b - 1) | 0x20;
  const c2 = text.charCodeAt(b - 2);
  if (isQuoteMark(c2) && (c1 === 115 || c1 === 100 || c1 === 109) && isLetter(text.charCodeAt(b - 3))) return 2; // 's 'd 'm
  if (n >= 4 && isQuoteMark(text.charCodeAt(b - 3)) && isLetter(text.charCodeAt(b - 4))) {
    const x = c2 | 0x20;
    if ((x === 114 && c1 === 101) || (x === 118 && c1 === 101) || (x === 108 && c1 === 108)) return 3; // 're 've 'll
  }
  if (n >= 4 && c1 === 116 && isQuoteMark(c2) && (text.charCodeAt(b - 3) | 0x20) === 110) return 3; // n't
  return 0;
}

function emit(out: Token[], start: number, end: number): void {
  out.push({ start, end, pos: '' });
}

/** Tokenizes one white-space-free chunk [a, b). */
function chunk(text: string, a: number, b: number, out: Token[]): void {
  // Leading punctuation.
  while (a < b) {
    const c = text.charCodeAt(a);
    if (c === 0x2d && a + 1 < b && text.charCodeAt(a + 1) === 0x2d) {
      emit(out, a, a + 2); // "--" used as a dash
      a += 2;
      continue;
    }
    if (c === DOT && a + 2 < b && text.charCodeAt(a + 1) === DOT && text.charCodeAt(a + 2) === DOT) {
      let e = a + 3;
      while (e < b && text.charCodeAt(e) === DOT) e++;
      emit(out, a, e);
      a = e;
      continue;
    }
    if (isQuoteMark(c)) {
      // "'90s" keeps its apostrophe; an opening single quote does not.
      if (a + 1 < b && isDigit(text.charCodeAt(a + 1))) break;
      emit(out, a, a + 1);
      a++;
      continue;
    }
    if (!isLeadPunct(c)) break;
    emit(out, a, a + 1);
    a++;
  }
  if (a >= b) return;

  // Trailing punctuation, collected back to front.
  const tail: number[] = [];
  if (isAddress(text, a, b)) {
    while (b > a + 1) {
      const c = text.charCodeAt(b - 1);
      if (c === DOT || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x29 || c === 0x22 || c === 0x201d || c === APOS || c === RSQUO) {
        tail.push(b - 1, b);
        b--;
      } else break;
    }
    emit(out, a, b);
    flushTail(out, tail);
    return;
  }
  while (b > a) {
    const c = text.charCodeAt(b - 1);
    if (c === DOT) {
      let s = b - 1;
      while (s > a && text.charCodeAt(s - 1) === DOT) s--;
      if (b - s >= 2) {
        tail.push(s, b); // ".." / "..." ellipsis
        b = s;
        continue;
      }
      if (keepsPeriod(text, a, b)) break;
      tail.push(b - 1, b);
      b--;
      continue;
    }
    if (c === 0x2d && b - 2 >= a && text.charCodeAt(b - 2) === 0x2d) {
      tail.push(b - 2, b);
      b -= 2;
      continue;
    }
    if (isQuoteMark(c)) {
      // "officials'" (plural possessive) and a closing single quote both become their own token.
      tail.push(b - 1, b);
      b--;
      continue;
    }
    if (!isTrailPunct(c)) break;
    tail.push(b - 1, b);
    b--;
  }

  if (b > a) middle(text, a, b, out);
  flushTail(out, tail);
}

function flushTail(out: Token[], tail: number[]): void {
  for (let k = tail.length - 2; k >= 0; k -= 2) emit(out, tail[k]!, tail[k + 1]!);
}

/**
 * The inside of a chunk, after its edges are peeled: inner splits, then clitics. Iterative, so a long
 * run of dashes or quotes without spaces cannot exhaust the stack; each piece between splits is
 * tokenized as a chunk of its own (and holds no further splitter, so that goes one level deep).
 */
function middle(text: string, a: number, b: number, out: Token[]): void {
  let from = a;
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    let len = 0;
    if (isSplitter(c)) len = 1;
    else if (c === 0x2d) {
      if (k + 1 < b && text.charCodeAt(k + 1) === 0x2d) len = 2;
      else if (k > from && (text.charCodeAt(k - 1) === DOT || dottedAhead(text, k + 1, b))) len = 1;
    } else if (c === 0x2c) {
      // "1,000" keeps its comma; "said,and" does not.
      if (!(k > from && k + 1 < b && isDigit(text.charCodeAt(k - 1)) && isDigit(text.charCodeAt(k + 1)))) len = 1;
    } else if (c === DOT && k + 1 < b && text.charCodeAt(k + 1) === DOT) {
      len = 2;
      while (k + len < b && text.charCodeAt(k + len) === DOT) len++;
    } else if (c === DOT && k > from && k + 2 < b) {
      // "world.Today": a missing space after a sentence; the period goes with the left part.
      const p = text.charCodeAt(k - 1);
      const n1 = text.charCodeAt(k + 1);
      const n2 = text.charCodeAt(k + 2);
      if (p >= 97 && p <= 122 && n1 >= 65 && n1 <= 90 && n2 >= 97 && n2 <= 122) {
        chunk(text, from, k + 1, out);
        from = k + 1;
      }
    }
    if (len > 0) {
      if (k > from) chunk(text, from, k, out);
      emit(out, k, k + len);
      from = k + len;
      k += len - 1;
    }
  }
  if (from > a) {
    if (from < b) chunk(text, from, b, out);
    return;
  }
  const cl = cliticLength(text, a, b);
  if (cl > 0 && b - cl > a) {
    emit(out, a, b - cl);
    emit(out, b - cl, b);
  } else emit(out, a, b);
}

/** True when text[i, b) starts with a dotted abbreviation like "U.S." (for "Mexico-U.S."). */
function dottedAhead(text: string, i: number, b: number): boolean {
  let run = 0;
  let dots = 0;
  for (let k = i; k < b; k++) {
    const c = text.charCodeAt(k);
    if (c === DOT) {
      if (run === 0) return false;
      dots++;
      run = 0;
    } else if (isLetter(c) && run < 3) run++;
    else break;
  }
  return dots >= 2;
}

/**
 * Splits text[start, end) into tokens whose offsets point into the whole `text`; `pos` is ''.
 * @example tokenize("Sheinbaum's U.S.-Mexico plan") // Sheinbaum | 's | U.S. | - | Mexico | plan
 */
export function tokenize(text: string, start = 0, end: number = text.length): Token[] {
  const out: Token[] = [];
  tokenizeInto(text, start, end, out);
  return out;
}

/** Like tokenize, appending to `out` (saves an array per sentence in the segmenter). */
export function tokenizeInto(text: string, start: number, end: number, out: Token[]): void {
  let i = start;
  while (i < end) {
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (i >= end) break;
    let j = i + 1;
    while (j < end && !isSpace(text.charCodeAt(j))) j++;
    if (i === start && isListMarker(text, i, j)) emit(out, i, j);
    else chunk(text, i, j, out);
    i = j;
  }
}

/** "3." opening a sentence is a list or rank marker and stays one token (as in PTB and CoNLL). */
function isListMarker(text: string, a: number, b: number): boolean {
  const n = b - a;
  if (n < 2 || n > 3 || text.charCodeAt(b - 1) !== DOT) return false;
  for (let k = a; k < b - 1; k++) if (!isDigit(text.charCodeAt(k))) return false;
  return true;
}
