/** Small string helpers shared across layers. */

/** Escapes a literal for use inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Folds a name for lookup: case, accents, full stops, apostrophes and spacing do not matter
 * ("Côte d'Ivoire" and "cote divoire", "U.S." and "us" fold alike).
 */
export function foldName(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[.\u2019']/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * True for the code unit of a character a JavaScript regex's `\s` matches: for scanners that replace a
 * regex and must split exactly where it did. (The tokenizer's `isSpace` in text/abbreviations.ts is its
 * own, slightly different set.)
 */
export function isRegexSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
