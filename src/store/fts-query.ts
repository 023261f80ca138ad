/**
 * Turns what a user types into an FTS5 MATCH expression that cannot be a syntax error:
 * words and "quoted phrases" are matched (all of them, as web search does), `OR` between two
 * terms makes either do, a leading `-` excludes a term. Every term is quoted, so FTS5 operators
 * and column filters typed by a user are searched as words, never interpreted.
 */
export function toFts5Query(input: string): string | null {
  const re = /(-?)"([^"]*)"?|(\S+)/gu;
  const must: string[] = [];
  const not: string[] = [];
  let pendingOr = false;
  for (const m of input.matchAll(re)) {
    const phrase = m[2];
    let raw = phrase ?? m[3] ?? '';
    let negate = m[1] === '-';
    if (phrase === undefined) {
      if (raw === 'OR') {
        pendingOr = must.length > 0;
        continue;
      }
      if (raw.startsWith('-') && raw.length > 1) {
        negate = true;
        raw = raw.slice(1);
      }
    }
    const words = raw.match(/[\p{L}\p{N}]+/gu);
    if (!words) continue;
    const term = `"${words.join(' ')}"`;
    if (negate) {
      not.push(term);
    } else if (pendingOr) {
      must[must.length - 1] = `${must[must.length - 1]} OR ${term}`;
    } else {
      must.push(term);
    }
    pendingOr = false;
  }
  if (must.length === 0) return null;
  const positive = must.map((t) => (t.includes(' OR ') ? `(${t})` : t)).join(' AND ');
  return not.length > 0 ? `(${positive}) NOT (${not.join(' OR ')})` : positive;
}
