/**
 * Quote-mark scanning: finds the top-level quoted regions of a text, paragraph by paragraph.
 * Handles straight and typographic double quotes, guillemets, single quotes used as outer quotes,
 * nesting (inner quotes stay inside the outer region) and the newspaper convention of a quote that
 * runs over several paragraphs (an opening mark at each paragraph start, a closing mark only at the end).
 */
import type { Span } from '../doc/types.js';

/** A top-level quoted region: `start`/`end` include the marks, `inner` excludes them. */
export interface QuoteRegion extends Span {
  inner: Span;
  /** The region runs over more than one paragraph. */
  multiParagraph: boolean;
}

/** dsq: two apostrophes standing for a double quote (''like this''), as some archives print it. */
type MarkKind = 'dq' | 'sdq' | 'dsq' | 'guil' | 'sq' | 'ssq';

const isSpace = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\n' || c === '\t' || c === '\u00a0' || c === '\r';
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
/** Characters after which a quote mark opens rather than closes. */
const OPEN_CONTEXT = /[\s([{\u2014\u2013\-/:;,"\u201c\u2018\u00ab]/;

/** The characters the scanner acts on: straight, typographic and angle quotes (not ‚ ‛ or ‹ ›). */
const QUOTE_CHAR = /["'\u00ab\u00bb\u2018\u2019\u201c-\u201e]/g;

/** Is the character at i the start of a paragraph's first mark (after whitespace)? */
function firstNonSpace(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && isSpace(text[i])) i++;
  return i;
}

interface Open {
  kind: MarkKind;
  at: number;
}

/**
 * Scans paragraphs in order and returns top-level quote regions, sorted by start.
 * `paragraphs` must be sorted and non-overlapping; text outside them is ignored.
 */
export function findQuoteRegions(text: string, paragraphs: readonly Span[]): QuoteRegion[] {
  const out: QuoteRegion[] = [];
  // An outer quote left open at a paragraph end that may continue in the next paragraph.
  let carry: { at: number; kind: MarkKind; openedPara: boolean; paraEnd: number } | null = null;
  /** Position of the first quote character at or after the last search start (text.length: none). */
  let nextAt = -1;
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    const stack: Open[] = [];
    let i = para.start;
    if (carry) {
      const j = firstNonSpace(text, para.start, para.end);
      const c = text[j];
      const continues =
        (carry.kind === 'dq' && (c === '\u201c' || c === '"')) ||
        (carry.kind === 'sdq' && (c === '"' || c === '\u201c')) ||
        (carry.kind === 'guil' && c === '\u00ab') ||
        (carry.kind === 'dsq' && c === "'" && text[j + 1] === "'");
      if (continues) {
        stack.push({ kind: carry.kind, at: carry.at });
        i = j + (carry.kind === 'dsq' ? 2 : 1);
      } else if (carry.openedPara) {
        // A quote paragraph whose closing mark is missing: end it with its paragraph.
        out.push(closedAtEnd(text, carry.at, carry.paraEnd, paragraphs[p - 1]!.start));
      }
      carry = null;
    }

    // Only quote characters matter: the regex engine jumps to the next one far faster than a
    // char-by-char loop, and test() with lastIndex allocates nothing.
    const paraEnd = para.end;
    for (;;) {
      // A search that ran past this paragraph's end already answers for the paragraphs before that
      // mark, so a long text with few quotes is still scanned once, not once per paragraph.
      if (nextAt < i) {
        QUOTE_CHAR.lastIndex = i;
        nextAt = QUOTE_CHAR.test(text) ? QUOTE_CHAR.lastIndex - 1 : text.length;
      }
      i = nextAt;
      if (i >= paraEnd) break;
      const c = text[i]!;
      const prev = i > para.start ? text[i - 1] : undefined;
      const next = i + 1 < para.end ? text[i + 1] : undefined;
      const top = stack[stack.length - 1];
      switch (c) {
        case '\u201c': // “
        case '\u201e': // „
          stack.push({ kind: 'dq', at: i });
          break;
        case '\u00ab':
          stack.push({ kind: 'guil', at: i });
          break;
        case '\u201d': {
          // ” closes the nearest double quote of either style (mixed styles occur in scraped text).
          const k = findOpen(stack, ['dq', 'sdq']);
          if (k >= 0) closeAt(stack, k, i, out, para.start);
          // A ” opening a paragraph before a word is a mistyped “.
          else if (i === firstNonSpace(text, para.start, para.end) && isWordChar(next)) stack.push({ kind: 'dq', at: i });
          break;
        }
        case '\u00bb': {
          const k = findOpen(stack, ['guil']);
          if (k >= 0) closeAt(stack, k, i, out, para.start);
          break;
        }
        case '"': {
          const k = findOpen(stack, ['sdq', 'dq']);
          const looksOpen = prev === undefined || OPEN_CONTEXT.test(prev);
          if (k >= 0 && !(looksOpen && isWordChar(next) && stack[k]!.kind === 'dq')) closeAt(stack, k, i, out, para.start);
          else stack.push({ kind: 'sdq', at: i });
          break;
        }
        case '\u2018': // ‘ opens unless it is an elision like ‘90s
          if ((prev === undefined || OPEN_CONTEXT.test(prev)) && !/\d/.test(next ?? '')) {
            stack.push({ kind: 'sq', at: i });
          }
          break;
        case '\u2019': // ’ is usually an apostrophe; it closes only an open single quote
        case "'": {
          if (c === "'" && next === "'") {
            const k = findOpen(stack, ['dsq']);
            if (k >= 0) closeAt(stack, k, i, out, para.start);
            else stack.push({ kind: 'dsq', at: i });
            i++;
            break;
          }
          if (c === "'" && (prev === undefined || OPEN_CONTEXT.test(prev)) && isWordChar(next)) {
            stack.push({ kind: 'ssq', at: i });
            break;
          }
          if (top && (top.kind === 'sq' || top.kind === 'ssq') && !isWordChar(next) && !isSpace(prev)) {
            // "Clintons’ " (plural possessive) cannot be told apart here; closing the open single
            // quote is the better guess because an unclosed single quote is rarer.
            closeTop(stack, top, i, out, para.start);
          }
          break;
        }
        default:
          break;
      }
      i++;
    }
    if (stack.length > 0) {
      const bottom = stack[0]!;
      // Not paragraphs[p + 1] past the end: that read deoptimised this function ("out of bounds").
      const nextPara = p + 1 < paragraphs.length ? paragraphs[p + 1] : undefined;
      const openedPara = bottom.at < para.start || bottom.at === firstNonSpace(text, para.start, para.end);
      if (nextPara && (bottom.kind === 'dq' || bottom.kind === 'sdq' || bottom.kind === 'guil' || bottom.kind === 'dsq')) {
        carry = { at: bottom.at, kind: bottom.kind, openedPara, paraEnd: para.end };
      } else if (openedPara) {
        // An unmatched quote that opened the paragraph is most likely a missing closing mark.
        out.push(closedAtEnd(text, bottom.at, para.end, para.start));
      }
    }
  }
  if (carry && carry.openedPara) {
    const last = paragraphs[paragraphs.length - 1]!;
    out.push(closedAtEnd(text, carry.at, carry.paraEnd, last.start));
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

function closedAtEnd(text: string, at: number, paraEnd: number, paraStart: number): QuoteRegion {
  let e = paraEnd;
  while (e > at && isSpace(text[e - 1])) e--;
  return { start: at, end: e, inner: { start: at + 1, end: e }, multiParagraph: at < paraStart };
}

function findOpen(stack: Open[], kinds: MarkKind[]): number {
  for (let k = stack.length - 1; k >= 0; k--) if (kinds.includes(stack[k]!.kind)) return k;
  return -1;
}

/** Pops `o` (the top of the stack) closed at `at`; a region is out when the stack empties. */
function closeTop(stack: Open[], o: Open, at: number, out: QuoteRegion[], paraStart: number): void {
  stack.pop();
  if (stack.length === 0) {
    const w = o.kind === 'dsq' ? 2 : 1;
    out.push({ start: o.at, end: at + w, inner: { start: o.at + w, end: at }, multiParagraph: o.at < paraStart });
  }
}

/** Closes stack[k], dropping unclosed inner marks above it (an inner apostrophe taken for a quote). */
function closeAt(stack: Open[], k: number, at: number, out: QuoteRegion[], paraStart: number): void {
  stack.length = k + 1;
  closeTop(stack, stack[k]!, at, out, paraStart);
}
