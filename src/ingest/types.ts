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

/** The input formats a reader understands; 'auto' decides by extension, then by content. */
export type InputFormat = 'text' | 'html' | 'jsonl' | 'feed' | 'auto';

/** Options of readInputs and the readers under it. */
export interface ReadOptions {
  /** Largest input accepted, in bytes, also after decompression (default 20 MB). */
  maxBytes?: number;
  /** Let URLs reach loopback, private, link-local and other non-public addresses (default false). */
  allowPrivate?: boolean;
  /** Host names (as written in the URL) trusted even when they resolve to a non-public address. */
  allowHosts?: string[];
  /** Whole-request deadline for a URL, redirects included (default 15 s). */
  timeoutMs?: number;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  /** User-Agent header sent with requests. */
  userAgent?: string;
  /** Fetch each feed entry's link as a page instead of using the entry's own content (default true). */
  followFeedLinks?: boolean;
  /** Feed entry links fetched at the same time; results still come in feed order (default 4). */
  feedConcurrency?: number;
  /** Force a format instead of detecting it (default 'auto'). */
  format?: InputFormat;
}
