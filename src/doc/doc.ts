import { createHash } from 'node:crypto';
import { DOC_FORMAT, type Doc, type DocMeta, type Paragraph, type Span } from './types.js';

/** Empty metadata, every field present and null, so the JSON form always has the same keys. */
export function emptyMeta(): DocMeta {
  return {
    title: null,
    dek: null,
    summary: null,
    input: null,
    url: null,
    source: null,
    byline: null,
    published: null,
    language: null,
  };
}

/** sha256 hex of a string. */
export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/**
 * The stable article id: derived from the canonical URL when there is one, else from the content.
 * 16 hex digits keep ids short and collisions negligible at news-archive scale.
 */
export function docId(url: string | null, text: string): string {
  return (url ? sha256(`url:${url}`) : sha256(`text:${text}`)).slice(0, 16);
}

/** Makes a Doc with text, paragraphs and metadata; the other layers start empty. */
export function createDoc(text: string, paragraphs: Paragraph[], meta: Partial<DocMeta> = {}): Doc {
  const m: DocMeta = { ...emptyMeta(), ...meta };
  m.contentHash = sha256(text);
  return {
    format: DOC_FORMAT,
    id: docId(m.url, text),
    text,
    meta: m,
    paragraphs,
    sentences: [],
    tokens: [],
    entities: [],
    values: [],
    quotes: [],
    attributions: [],
    events: [],
    diagnostics: [],
  };
}

/** The text a span covers. */
export function spanText(doc: Pick<Doc, 'text'>, span: Span): string {
  return doc.text.slice(span.start, span.end);
}
