/** Format detection: by the name's extension first, then by sniffing the decoded content. */

/** A concrete input format (what 'auto' resolves to). */
export type ConcreteFormat = 'text' | 'html' | 'jsonl' | 'feed';

/** The format an input's name implies, or null when its extension says nothing. */
export function formatFromName(name: string): ConcreteFormat | null {
  const n = name.toLowerCase().replace(/[?#].*$/, '').replace(/\.gz$/, '');
  if (/\.(html?|xhtml)$/.test(n)) return 'html';
  if (/\.(jsonl|ndjson|json)$/.test(n)) return 'jsonl';
  if (/\.(xml|rss|atom)$/.test(n)) return 'feed';
  if (/\.(txt|text)$/.test(n)) return 'text';
  return null;
}

/** The format a Content-Type implies, or null when it is generic. */
export function formatFromContentType(ct: string | null | undefined): ConcreteFormat | null {
  if (!ct) return null;
  const t = ct.split(';')[0]!.trim().toLowerCase();
  if (t === 'text/html' || t === 'application/xhtml+xml') return 'html';
  if (/(rss|atom)\+xml$/.test(t)) return 'feed';
  if (t === 'application/x-ndjson' || t === 'application/jsonl' || t === 'application/json') return 'jsonl';
  if (t === 'text/plain') return 'text';
  return null; // text/xml and application/xml may be a feed or XHTML: sniff
}

/** The format the content itself suggests. */
export function sniffFormat(text: string): ConcreteFormat {
  const head = text.slice(0, 2048).replace(/^\uFEFF/, '').trimStart();
  const lower = head.toLowerCase();
  if (lower.startsWith('<!doctype html') || lower.startsWith('<html')) return 'html';
  const xmlish = lower.startsWith('<?xml') || lower.startsWith('<!--') || lower.startsWith('<');
  if (xmlish) {
    if (/<(rss|feed|rdf:rdf)[\s>]/.test(lower)) return 'feed';
    if (/<(html|head|body|p|div|article|title|meta|h[1-6]|section|main|span|a|br|ul|table)[\s/>]/.test(lower)) return 'html';
  }
  // JSON only if it parses: a text that opens with "[Updated]" or "{Editor's note}" is still text.
  if (lower.startsWith('{')) {
    const firstLine = text.replace(/^\uFEFF/, '').trimStart().split('\n', 1)[0]!.trim();
    if (parses(firstLine) || parses(text)) return 'jsonl';
  }
  if (lower.startsWith('[') && parses(text)) return 'jsonl';
  return 'text';
}

function parses(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}
