/**
 * Pure helpers for showing untrusted text safely: no DOM, so they are unit-tested in Node.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#34': '"' };

/** Decodes the few entities an HTML-escaping function produces, plus numeric ones. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (m, name: string) => {
    const known = ENTITIES[name.toLowerCase()];
    if (known !== undefined) return known;
    if (name[0] === '#') {
      const n = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (Number.isFinite(n) && n > 0 && n <= 0x10ffff) return String.fromCodePoint(n);
    }
    return m;
  });
}

/** One piece of a highlighted snippet: text, and whether the store marked it as a hit. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

/**
 * Splits a store snippet (escaped text with <mark>…</mark> around hits) into parts. Anything that is
 * not exactly a mark tag stays text, so a stray "<script>" in a snippet is shown, not run.
 */
export function splitMarks(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let hit = false;
  for (const piece of snippet.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(piece)) hit = true;
    else if (/^<\/mark>$/i.test(piece)) hit = false;
    else if (piece) parts.push({ text: decodeEntities(piece), hit });
  }
  return parts;
}

/** The href for an outside link, or null when it is not plain http(s) (javascript:, data: ...). */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A quote in typographic quotation marks, unless the span already carries its own. */
export function quoted(text: string): string {
  return /^["“‘'«]/.test(text.trim()) ? text : `“${text}”`;
}
