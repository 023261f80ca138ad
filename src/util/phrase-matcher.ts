/**
 * Finds fixed phrases (country names, sector words...) in text, as a regex alternation of the phrases
 * sorted longest first would, between non-alphanumeric boundaries, but without the regex: V8 runs a
 * thousand-way alternation by trying its branches at nearly every position, and the event coder scans
 * every sentence with two of them.
 *
 * Semantics, equal to `(?<![\p{L}\p{N}])(?:p1|p2|...)(?![\p{L}\p{N}]…)` with the phrases sorted by
 * decreasing length and the `g` flag: matches are found left to right, do not overlap, and at each
 * position the longest phrase whose end passes the boundary test wins. The regex is kept for the one case
 * the scan does not cover (ignoring case in text whose case folding is not its lower case), and a test
 * checks that both agree on generated text.
 */

import { escapeRegExp } from './strings.js';

/** A match: [start, end) in the scanned text and the phrase as written in the text. */
export interface PhraseHit {
  start: number;
  end: number;
  text: string;
}

// With the i flag a regex compares simple case foldings; for these characters (ASCII, Latin-1, Latin
// Extended A and B without dotted capital I and long s, general punctuation; checked by brute force)
// folding equals toLowerCase, which the fast path uses. Text with any other character goes to the
// regex when case is ignored.
const FOLDS_AS_LOWER = /^[\x00-\u012f\u0131-\u017e\u0180-\u024f\u2000-\u206f]*$/;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const LETTER = /^\p{L}$/u;

/** Whether the code point ending just before index i (surrogate pairs read whole) is a letter or digit. */
function alnumBefore(t: string, i: number): boolean {
  const c = t.charCodeAt(i - 1);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const pair = c >= 0xdc00 && c <= 0xdfff && i >= 2 && (t.charCodeAt(i - 2) & 0xfc00) === 0xd800;
  const cp = t.codePointAt(pair ? i - 2 : i - 1)!;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}

/** Whether the code point at index i is matched by `re` (ASCII answered directly). */
function codePointIs(t: string, i: number, re: RegExp, ascii: (c: number) => boolean): boolean {
  const c = t.charCodeAt(i);
  if (c < 128) return ascii(c);
  return re.test(String.fromCodePoint(t.codePointAt(i)!));
}
const asciiAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const asciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);


export class PhraseMatcher {
  private readonly re: RegExp;
  /**
   * Phrases of two or more characters by their first two UTF-16 code units (lower-cased when ignoring
   * case), longest first. The key is the two units as one number, so that looking up a position makes
   * no string (the scan looks up nearly every word start).
   */
  private readonly byPrefix = new Map<number, string[]>();
  /** One-character phrases. */
  private readonly single = new Set<string>();
  private readonly ignoreCase: boolean;
  private readonly noDotLetter: boolean;
  private regexOnly = false;

  /**
   * `ignoreCase` matches as the `i` flag does; `noDotLetter` also refuses a match followed by a full
   * stop and a letter ("U.S" inside "U.S.A").
   */
  constructor(phrases: Iterable<string>, opts: { ignoreCase?: boolean; noDotLetter?: boolean } = {}) {
    this.ignoreCase = opts.ignoreCase ?? false;
    this.noDotLetter = opts.noDotLetter ?? false;
    const all = [...new Set(phrases)].filter((p) => p.length > 0).sort((a, b) => b.length - a.length);
    const after = this.noDotLetter ? '(?![\\p{L}\\p{N}]|\\.[\\p{L}])' : '(?![\\p{L}\\p{N}])';
    this.re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${all.map(escapeRegExp).join('|')})${after}`, this.ignoreCase ? 'giu' : 'gu');
    for (const p of all) {
      // A phrase whose folding differs from its lower case would be missed by the fast path: such a
      // matcher always uses the regex.
      if (this.ignoreCase && !FOLDS_AS_LOWER.test(p)) this.regexOnly = true;
      const k = this.ignoreCase ? p.toLowerCase() : p;
      if (k.length === 1) {
        this.single.add(k);
        continue;
      }
      const pre = k.charCodeAt(0) * 0x10000 + k.charCodeAt(1);
      const list = this.byPrefix.get(pre);
      if (list) list.push(k);
      else this.byPrefix.set(pre, [k]);
    }
  }

  /** Every match in text[start, end), in text order; offsets are into `text`. */
  find(text: string, start = 0, end = text.length): PhraseHit[] {
    const s = text.slice(start, end);
    const out: PhraseHit[] = [];
    if (this.regexOnly || (this.ignoreCase && !FOLDS_AS_LOWER.test(s))) {
      this.re.lastIndex = 0;
      for (let m = this.re.exec(s); m; m = this.re.exec(s)) out.push({ start: start + m.index, end: start + m.index + m[0].length, text: m[0] });
      return out;
    }
    const t = this.ignoreCase ? s.toLowerCase() : s;
    const n = t.length;
    // Lower-casing kept every character one code unit (FOLDS_AS_LOWER has no İ), so offsets agree.
    let p = 0;
    while (p < n) {
      if (p > 0 && alnumBefore(t, p)) {
        p++;
        continue;
      }
      let len = 0;
      const list = p + 1 < n ? this.byPrefix.get(t.charCodeAt(p) * 0x10000 + t.charCodeAt(p + 1)) : undefined;
      if (list) {
        for (const k of list) {
          if (k.length > n - p || !t.startsWith(k, p) || !this.endsClean(t, p + k.length)) continue;
          len = k.length;
          break;
        }
      }
      if (len === 0 && this.single.has(t[p]!) && this.endsClean(t, p + 1)) len = 1;
      if (len === 0) {
        p++;
        continue;
      }
      out.push({ start: start + p, end: start + p + len, text: s.slice(p, p + len) });
      p += len;
    }
    return out;
  }

  private endsClean(t: string, q: number): boolean {
    if (q >= t.length) return true;
    if (codePointIs(t, q, LETTER_OR_DIGIT, asciiAlnum)) return false;
    return !(this.noDotLetter && t.charCodeAt(q) === 46 && q + 1 < t.length && codePointIs(t, q + 1, LETTER, asciiLetter));
  }
}
