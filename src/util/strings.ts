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
