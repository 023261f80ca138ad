import { describe, expect, it } from 'vitest';
import { PhraseMatcher } from '../../src/util/phrase-matcher.js';
import { mulberry32 } from '../../src/util/random.js';
import { pieceText } from '../generated-text.js';

// The matcher must find exactly what the equivalent regex alternation finds (the regex it replaced in
// the event coder), so both are run over generated text built from the phrases, their near misses and
// characters that test every boundary rule.
const PHRASES = ['U.S.', 'United States', 'United States of America', 'Iran', 'Iranian', 'Iranians', 'São Tomé', 'Côte d\'Ivoire', 'police', 'riot police', 'army', 'a', 'İzmir', 'Straße'];
const PIECES = [
  ...PHRASES, 'us', 'u.s.', 'POLICE', 'Police', 'Army', 'ARMY', 'Iranx', 'xIran', 'U.S.A', 'U.S.A.', 'Iran.a', 'Iran.', 'Iran2', '2Iran', 'police-', 'policeé',
  'ſ', 'İ', 'ı', 'é', 'É', '’', '“', '”', '—', '😀', '𝐀', '\ud83d', '\ude00', 'K', 'ß', 'ẞ', 'STRASSE', 'STRAẞE', 'straße',
  ' ', ' ', ' ', '.', ',', '-', '(', ')', '\n', "'", '"', '0', 'x', 'A',
];

function regexFor(phrases: string[], ignoreCase: boolean, noDotLetter: boolean): RegExp {
  const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alt = [...phrases].sort((a, b) => b.length - a.length).map(esc).join('|');
  const after = noDotLetter ? '(?![\\p{L}\\p{N}]|\\.[\\p{L}])' : '(?![\\p{L}\\p{N}])';
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt})${after}`, ignoreCase ? 'giu' : 'gu');
}

function viaRegex(re: RegExp, text: string, start: number, end: number): [number, number][] {
  const s = text.slice(start, end);
  const out: [number, number][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push([start + m.index, start + m.index + m[0].length]);
  return out;
}

describe('PhraseMatcher', () => {
  for (const [ignoreCase, noDotLetter] of [[false, true], [false, false], [true, false], [true, true]] as const) {
    it(`agrees with the regex alternation (ignoreCase ${ignoreCase}, noDotLetter ${noDotLetter}) on 3,000 generated texts`, () => {
      const rand = mulberry32(ignoreCase ? 7 : 11);
      const matcher = new PhraseMatcher(PHRASES, { ignoreCase, noDotLetter });
      const re = regexFor(PHRASES, ignoreCase, noDotLetter);
      let hits = 0;
      for (let k = 0; k < 3000; k++) {
        const { text, start, end } = pieceText(rand, PIECES, 12);
        const got = matcher.find(text, start, end).map((h) => [h.start, h.end]);
        expect(got, JSON.stringify(text)).toEqual(viaRegex(re, text, start, end));
        hits += got.length;
      }
      expect(hits).toBeGreaterThan(500);
    });
  }

  it('prefers the longest phrase and reports the text as written', () => {
    const m = new PhraseMatcher(['United States', 'United States of America', 'police', 'riot police'], { ignoreCase: true });
    expect(m.find('The United States of America and RIOT Police.')).toEqual([
      { start: 4, end: 28, text: 'United States of America' },
      { start: 33, end: 44, text: 'RIOT Police' },
    ]);
  });

  it('does not match inside words or before ".letter" when asked', () => {
    const m = new PhraseMatcher(['U.S.', 'Iran'], { noDotLetter: true });
    expect(m.find('U.S.A. Iranian Iran.a Iran, U.S.')).toEqual([
      { start: 22, end: 26, text: 'Iran' },
      { start: 28, end: 32, text: 'U.S.' },
    ]);
  });
});
