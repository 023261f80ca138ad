/**
 * Worker-thread entry for the analysis pool: each worker builds the default pipeline once (loading
 * its models) and analyses the raw articles it is handed. Errors travel back as plain data, because
 * class instances do not survive the structured clone between threads.
 */
import type { Doc } from '../doc/types.js';
import type { RawArticle } from '../ingest/types.js';
import { toNgError, type ErrorCode, type ErrorPlace } from '../errors.js';
import { analyzeRaw, type AnalyzeOptions } from './default.js';

export type WorkerResult =
  | { ok: true; doc: Doc }
  | { ok: false; error: { code: ErrorCode; message: string; place: ErrorPlace } };

/** Analyses one article (the pool calls this in a worker thread). */
export default function analyzeTask({ raw, opts }: { raw: RawArticle; opts: AnalyzeOptions }): WorkerResult {
  try {
    return { ok: true, doc: analyzeRaw(raw, opts) };
  } catch (e) {
    const err = toNgError(e, { input: raw.input });
    return { ok: false, error: { code: err.code, message: err.message, place: err.place } };
  }
}
