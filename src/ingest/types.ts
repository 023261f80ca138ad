import type { DocMeta } from '../doc/types.js';
import type { NgError } from '../errors.js';

/**
 * What a reader hands to cleaning: one article's raw content, decoded to a string, with whatever
 * metadata the container gave (a JSONL record's title, a feed entry's date, a page's markup).
 */
export interface RawArticle {
  /** The path or URL it came from (with `#line` for JSONL records), or null for stdin/in-memory text. */
  input: string | null;
  /** 'text' goes through structure detection; 'html' through the main-text extractor. */
  format: 'text' | 'html';
  /** Decoded content (never bytes). */
  content: string;
  /** Metadata the container already knows; the extractor fills the rest. */
  meta: Partial<DocMeta>;
  /** Problems the reader recovered from (a latin-1 fallback, say); cleaning turns them into diagnostics. */
  warnings?: string[];
}

/** What a reader yields: an article, or an error for one input (the batch goes on). */
export type ReadResult = { ok: true; article: RawArticle } | { ok: false; error: NgError };
