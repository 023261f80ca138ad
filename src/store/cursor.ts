import { NgError } from '../errors.js';

/** Where a page ended: the sort value and the unique tiebreak (`seq`) of its last row, and which ordering. */
export interface CursorPosition {
  /** 'rank' when ordered by relevance, 'date' when ordered by published date. */
  mode: 'rank' | 'date';
  value: number;
  seq: number;
}

/** Encodes a keyset position as an opaque URL-safe string. */
export function encodeCursor(p: CursorPosition): string {
  return Buffer.from(JSON.stringify([p.mode, p.value, p.seq]), 'utf8').toString('base64url');
}

/** Decodes a cursor made by encodeCursor; throws NG_E040 for anything else. */
export function decodeCursor(cursor: string, mode: CursorPosition['mode']): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    (parsed[0] !== 'rank' && parsed[0] !== 'date') ||
    typeof parsed[1] !== 'number' ||
    !Number.isFinite(parsed[1]) ||
    !Number.isSafeInteger(parsed[2])
  ) {
    throw new NgError('NG_E040', `cursor "${cursor.slice(0, 40)}" is not one this store made; pass nextCursor from a previous page`);
  }
  if (parsed[0] !== mode) {
    throw new NgError(
      'NG_E040',
      `cursor belongs to a ${parsed[0] === 'rank' ? 'search (q)' : 'listing (no q)'} query; repeat the query it came from`,
    );
  }
  return { mode, value: parsed[1] as number, seq: parsed[2] as number };
}
