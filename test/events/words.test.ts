import { describe, expect, it } from 'vitest';
import { words } from '../../src/events/coder.js';
import { mulberry32 } from '../../src/util/random.js';
import { pieceText } from '../generated-text.js';

// The coder's words come from a hand-written scanner that must split exactly as the regex it replaced,
// so both run over generated text made of pieces that exercise every branch and boundary.
const WORD_RE = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?:[A-Za-z]\.){2,}|[\p{L}]+(?=n['’]t\b)|n['’]t\b|['’]s\b|[\p{L}\p{N}]+(?:[-.'’][\p{L}\p{N}]+)*|[^\s]/gu;

function viaRegex(text: string, start: number, end: number): [number, number, string][] {
  const s = text.slice(start, end);
  const out: [number, number, string][] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(s); m; m = WORD_RE.exec(s)) out.push([start + m.index, start + m.index + m[0].length, m[0].toLowerCase()]);
  return out;
}

const PIECES = [
  'don', "n't", 'n’t', "'t", "'s", '’s', "'S", 'n', 't', 's', 'do', 'can', 'Don', 'éan', 'U.S.', 'U.', 'S.', 'a.b.c.', 'x.', 'A.',
  '1', '12', '123', '1234', ',', ',000', ',00', ',0000', '.5', '.', '1,200', '3,000,000.25', '٣', '²', 'Ⅻ', '½',
  'ab', 'ABC', 'é', 'É', 'ß', 'İ', 'ſ', 'K', '_', '-', '–', "'", '’', '‘', '"', '“', '(', ')', '😀', '𝐀', '𝟙', '\ud835', '\udc00', '\ud83d',
  ' ', ' ', '\n', '\t', '\u00a0', '\u2009', '\u3000', '\ufeff', '\u200b', '\u180e', '\u0085', 'x', 'z9', '-x', '.x',
];

describe('words', () => {
  it('splits as the word regex does on 20,000 generated texts', () => {
    const rand = mulberry32(5);
    let count = 0;
    for (let k = 0; k < 20000; k++) {
      const { text, start, end } = pieceText(rand, PIECES, 10);
      const got = words(text, start, end).map((w) => [w.start, w.end, w.lower]);
      expect(got, JSON.stringify([text, start, end])).toEqual(viaRegex(text, start, end));
      count += got.length;
    }
    expect(count).toBeGreaterThan(50000);
  });

  it('treats every code point as the regex does', () => {
    // Each BMP code unit (and every 17th astral code point) alone and beside letters, digits and apostrophes.
    const cps: number[] = [];
    for (let c = 0; c < 0x10000; c++) cps.push(c);
    for (let c = 0x10000; c < 0x110000; c += 17) cps.push(c);
    for (const c of cps) {
      const ch = String.fromCodePoint(c);
      for (const text of [ch, `a${ch}b`, `1${ch}2`, `n'${ch}`, `'${ch}`, `do${ch}n't`]) {
        const got = JSON.stringify(words(text, 0, text.length).map((w) => [w.start, w.end, w.lower]));
        // Compared as strings first: an expect per text would take seconds.
        if (got !== JSON.stringify(viaRegex(text, 0, text.length))) expect(got, JSON.stringify(text)).toEqual(JSON.stringify(viaRegex(text, 0, text.length)));
      }
    }
  });
});
