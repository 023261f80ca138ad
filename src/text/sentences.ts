import type { Span } from '../doc/types.js';
import {
  SENTENCE_STARTERS,
  abbreviationKind,
  isDigit,
  isLetter,
  isLower,
  isSpace,
  isUpper,
} from './abbreviations.js';

/*
 * A hand-written, single-pass sentence splitter. Each character is looked at a bounded number of
 * times (look-backs stop at the previous space, look-aheads at the next word), so the running time is
 * linear in the text and no regular expression can backtrack.
 *
 * Decisions, in the order they are taken:
 * - two or more newlines always end a sentence (paragraph break); one newline ends it unless the
 *   next line starts in lower case after a line of prose (4+ words), which is how wrapped text looks;
 * - ? and ! end a sentence unless a lower-case word follows ("Yahoo! in", "'Great!' she said");
 * - a period ends one unless it sits inside a token ("$100.00", "U.S.-Mexico", "Jr.'s", e-mails,
 *   URLs), follows a title ("Mr.", "Gen."), or follows an abbreviation or initial that is not
 *   followed by a typical sentence opener ("U.S. Government" vs "the U.S. How about you?");
 * - ellipses: "..." ends a sentence before a capital; spaced ". . ." never does; a spaced four-dot
 *   ellipsis does, before a capital;
 * - closing quotes and brackets right after the punctuation belong to the sentence that ends;
 * - list items ("1.", "2)", "a.", bullets) start sentences even without a period before them.
 */

const DOT = 46;
const BANG = 33;
const QMARK = 63;
const ELLIPSIS = 0x2026;
const LF = 10;

/** Characters that close a quotation or parenthesis and stay with the sentence that ends before them. */
function isCloser(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0x29 || c === 0x5d || c === 0xbb || c === 0x7d;
}

/** Characters that open a quotation or parenthesis. */
function isOpener(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x201c || c === 0x2018 || c === 0x28 || c === 0x5b || c === 0xab || c === 0x7b;
}

/** List bullets: a bullet after white space starts a new sentence. */
function isBullet(c: number): boolean {
  return c === 0x2022 || c === 0x2043 || c === 0x25aa || c === 0x2023 || c === 0x25e6 || c === 0x25cf || c === 0x25a0;
}

interface ListMarker {
  /** Numeric value, or char code for letter markers. */
  value: number;
  alpha: boolean;
  /** '.', ')' or '.)'. */
  fmt: string;
  /** Index just past the marker (at the space after it). */
  end: number;
}

/** Parses a list marker ("12.", "3)", "1.)", "b.") at `i`, followed by white space. */
function parseMarker(text: string, i: number, end: number): ListMarker | null {
  let j = i;
  let value = 0;
  let alpha = false;
  while (j < end && j - i < 3 && isDigit(text.charCodeAt(j))) value = value * 10 + (text.charCodeAt(j++) - 48);
  if (j === i) {
    const c = text.charCodeAt(i);
    if (!(c >= 97 && c <= 122)) return null;
    alpha = true;
    value = c;
    j = i + 1;
  }
  if (j >= end) return null;
  let fmt: string;
  const c1 = text.charCodeAt(j);
  if (c1 === DOT && j + 1 < end && text.charCodeAt(j + 1) === 0x29) fmt = '.)';
  else if (c1 === DOT && !alpha) fmt = '.';
  else if (c1 === DOT) fmt = '.';
  else if (c1 === 0x29) fmt = ')';
  else return null;
  const after = j + fmt.length;
  if (after >= end || !isSpace(text.charCodeAt(after))) return null;
  return { value, alpha, fmt, end: after };
}

/** Index of the first character after leading bullets and spaces from `i`. */
function skipBullets(text: string, i: number, end: number): number {
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isBullet(c) || isSpace(c)) i++;
    else break;
  }
  return i;
}

/** True when text[i, j) contains '@' or '/' — the word is an e-mail address, a URL or a path. */
function looksLikeAddress(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 64 || c === 47) return true;
  }
  return false;
}

/** Lower-cased next word starting at `i` (letters only), used for the sentence-opener test. */
function nextWord(text: string, i: number, end: number): string {
  let j = i;
  while (j < end && j - i < 20 && isLetter(text.charCodeAt(j))) j++;
  return text.slice(i, j).toLowerCase();
}

/** Appends text[a, b) to `out` with trailing white space trimmed, unless nothing is left (a function, not a closure made per call). */
function pushTrimmed(out: Span[], text: string, a: number, b: number): void {
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  if (b > a) out.push({ start: a, end: b });
}

/**
 * Splits text[start, end) into sentences. Spans are offsets into the whole `text`, trimmed of white
 * space, in order, never overlapping.
 * @example splitSentences('Mr. Smith left. He was "tired." Then he slept.') // 3 spans
 */
export function splitSentences(text: string, start = 0, end: number = text.length): Span[] {
  const out: Span[] = [];
  let s = -1;
  let list: ListMarker | null = null;
  let lineStart = start;
  let i = start;

  while (i < end) {
    const c = text.charCodeAt(i);

    if (isSpace(c)) {
      let j = i;
      let nl = 0;
      let lastNl = -1;
      while (j < end) {
        const d = text.charCodeAt(j);
        if (!isSpace(d)) break;
        if (d === LF || d === 0x2029 || (d === 13 && text.charCodeAt(j + 1) !== LF)) {
          nl++;
          lastNl = j;
        }
        j++;
      }
      if (s >= 0 && j < end) {
        const d = text.charCodeAt(j);
        let brk = false;
        if (nl >= 2) brk = true;
        else if (nl === 1) brk = !(isLower(d) && wordsIn(text, Math.max(lineStart, s), i) >= 4);
        else if (isBullet(d)) brk = true;
        else if (list !== null) {
          const m = parseMarker(text, skipBullets(text, j, end), end);
          brk = m !== null && m.alpha === list.alpha && m.fmt === list.fmt && m.value === list.value + 1;
        }
        if (brk) {
          pushTrimmed(out, text, s, i);
          s = -1;
        }
      }
      if (lastNl >= 0) lineStart = lastNl + 1;
      i = j;
      continue;
    }

    if (s < 0) {
      s = i;
      list = parseMarker(text, skipBullets(text, i, end), end);
    }
    // Fast path over the plain printable ASCII that makes up most of a text.
    if (c > 32 && c < 127 && c !== DOT && c !== BANG && c !== QMARK) {
      i++;
      while (i < end) {
        const d = text.charCodeAt(i);
        if (d > 32 && d < 127 && d !== DOT && d !== BANG && d !== QMARK) i++;
        else break;
      }
      continue;
    }

    if (c !== DOT && c !== BANG && c !== QMARK && c !== ELLIPSIS) {
      i++;
      continue;
    }

    // Spaced ellipsis ". . ." / ". . . .".
    if (c === DOT && i + 2 < end && text.charCodeAt(i + 1) === 32 && text.charCodeAt(i + 2) === DOT) {
      let k = i;
      let n = 1;
      while (k + 2 < end && text.charCodeAt(k + 1) === 32 && text.charCodeAt(k + 2) === DOT) {
        k += 2;
        n++;
      }
      const groupEnd = k + 1;
      let after = groupEnd;
      while (after < end && isCloser(text.charCodeAt(after))) after++;
      const capitalNext = after < end && isSpace(text.charCodeAt(after)) && startsUpper(text, after, end);
      const attached = i > start && !isSpace(text.charCodeAt(i - 1));
      if (n >= 4 && capitalNext) {
        if (attached) {
          // "compounds. . . . The": the word's own period ends the sentence; the ellipsis opens the next.
          pushTrimmed(out, text, s, i + 1);
          s = -1;
          i = i + 1;
        } else {
          pushTrimmed(out, text, s, after);
          s = -1;
          i = after;
        }
        continue;
      }
      i = groupEnd;
      continue;
    }

    // A run of terminal punctuation: ".", "?!", "...", "…".
    let k = i;
    let dots = 0;
    let qe = false;
    let ell = false;
    while (k < end) {
      const d = text.charCodeAt(k);
      if (d === DOT) dots++;
      else if (d === BANG || d === QMARK) qe = true;
      else if (d === ELLIPSIS) ell = true;
      else break;
      k++;
    }
    if (dots >= 3) ell = true;
    if (!qe && i > start && text.charCodeAt(i - 1) === 0x5b) {
      // "[...]" marks an elision inside a quotation, never the end of a sentence.
      i = k;
      continue;
    }
    let after = k;
    while (after < end && isCloser(text.charCodeAt(after))) after++;

    if (after < end && !isSpace(text.charCodeAt(after))) {
      // Punctuation inside a token. Only "world.Today" (a missing space) ends a sentence here.
      if (
        after === k && !qe && !ell && dots === 1 && i > start && k + 1 < end &&
        (isLower(text.charCodeAt(i - 1)) || isDigit(text.charCodeAt(i - 1))) &&
        isUpper(text.charCodeAt(k)) && isLower(text.charCodeAt(k + 1)) &&
        !looksLikeAddress(text, wordStart(text, i, start), wordEnd(text, k, end))
      ) {
        pushTrimmed(out, text, s, k);
        s = -1;
      }
      i = k;
      continue;
    }
    if (after >= end) {
      i = after;
      continue;
    }
    let n = after;
    while (n < end && isSpace(text.charCodeAt(n))) n++;
    if (n >= end) {
      i = after;
      continue;
    }
    const nc = text.charCodeAt(n);
    let brk: boolean;
    if (qe) brk = !isLower(nc);
    else if (ell) brk = isUpper(nc);
    else brk = periodEnds(text, i, n, nc, s, start, end);
    if (brk) {
      pushTrimmed(out, text, s, after);
      s = -1;
    }
    i = after;
  }
  if (s >= 0) pushTrimmed(out, text, s, end);
  return out;
}

/** Number of words in text[a, b), counted as runs of non-space. */
function wordsIn(text: string, a: number, b: number): number {
  let n = 0;
  let inWord = false;
  for (let k = a; k < b; k++) {
    const sp = isSpace(text.charCodeAt(k));
    if (!sp && !inWord) n++;
    inWord = !sp;
    if (n >= 4) return n;
  }
  return n;
}

/** True when the word at the first non-space at or after `i` starts with a capital letter. */
function startsUpper(text: string, i: number, end: number): boolean {
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i < end && isUpper(text.charCodeAt(i));
}

/**
 * Look-arounds over a word stop after MAX_WORD characters: nothing longer is an abbreviation, and the
 * cap keeps a space-free run full of periods ("a.Bc.Bc.Bc...") linear instead of quadratic.
 */
const MAX_WORD = 64;

function wordStart(text: string, i: number, start: number): number {
  const stop = Math.max(start, i - MAX_WORD);
  while (i > stop && !isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

function wordEnd(text: string, i: number, end: number): number {
  const stop = Math.min(end, i + MAX_WORD);
  while (i < stop && !isSpace(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Whether the single period at `i` ends the sentence begun at `s`, given that the next word starts
 * at `n` with character `nc`.
 */
function periodEnds(text: string, i: number, n: number, nc: number, s: number, start: number, end: number): boolean {
  if (isLower(nc)) return false;
  // The word cannot begin before the sentence does ("Tuesday.Mr. Smith").
  let ws = Math.max(wordStart(text, i, start), s);
  while (ws < i && (isOpener(text.charCodeAt(ws)) || isBullet(text.charCodeAt(ws)))) ws++;
  if (ws === i) return !isDigit(nc);
  const len = i - ws;
  // "1." / "a." opening a list item.
  if (ws === skipBullets(text, s, end) && len <= 3) {
    const m = parseMarker(text, ws, end);
    if (m !== null && m.end <= n) return false;
  }
  // Only the part after the last hyphen counts: "Lt.-Gen. Lance Smith", "R-Fla."
  let as = ws;
  for (let k = i - 1; k > ws; k--) {
    if (text.charCodeAt(k) === 0x2d) {
      as = k + 1;
      break;
    }
  }
  const kind = i - as <= 12 ? abbreviationKind(text.slice(as, i)) : null;
  if (kind === 'title') return false;
  if (kind === 'abbrev') {
    if (isDigit(nc)) return false;
    // An opening quote starts a new sentence; a bracket after an abbreviation is a dateline's
    // "(AP)" or an aside ("RENO, Nev. (AP) -").
    if (isOpener(nc)) return nc !== 0x28 && nc !== 0x5b;
    return isUpper(nc) && SENTENCE_STARTERS.has(nextWord(text, n, end));
  }
  return !isDigit(nc);
}
