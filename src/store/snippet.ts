/**
 * Snippets come from the engines with hit markers around matches. The engines insert the markers
 * into raw article text, so we ask for private-use characters instead of `<mark>`, escape the whole
 * snippet, and only then turn the markers into tags: no article HTML survives, only our `<mark>`.
 */

/** Start-of-hit marker requested from the engine (Unicode private use area). */
export const HIT_START = '\uE000';
/** End-of-hit marker requested from the engine. */
export const HIT_END = '\uE001';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Escapes an engine snippet and turns its hit markers into balanced `<mark>` tags. */
export function markSnippet(raw: string): string {
  let out = '';
  let open = false;
  for (const part of raw.split(/([\uE000\uE001])/u)) {
    if (part === HIT_START) {
      if (!open) out += '<mark>';
      open = true;
    } else if (part === HIT_END) {
      if (open) out += '</mark>';
      open = false;
    } else {
      out += escapeHtml(part.replace(/\s+/g, ' '));
    }
  }
  return open ? `${out}</mark>` : out;
}
