/** JSONL (one article a line) and JSON (one record or an array of them) readers. */
import { NgError } from '../errors.js';
import { normalizeDate } from './dates.js';
import type { RawArticle, ReadResult } from './types.js';

/** The fields a JSONL record may carry; others are ignored. */
export interface ArticleRecord {
  url?: unknown;
  title?: unknown;
  text?: unknown;
  html?: unknown;
  published?: unknown;
  source?: unknown;
}

function s(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

/** Turns one record into a RawArticle, or an NG_E006 error naming the line and what was wrong. */
export function recordToArticle(rec: unknown, input: string, line: number): ReadResult {
  const place = { input, line };
  if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
    return { ok: false, error: new NgError('NG_E006', `line ${line} is not a JSON object; expected {"text"|"html": …, "url"?, "title"?, "published"?, "source"?}`, place) };
  }
  const r = rec as ArticleRecord;
  const html = typeof r.html === 'string' && r.html.trim() ? r.html : null;
  const text = typeof r.text === 'string' && r.text.trim() ? r.text : null;
  if (!html && !text) {
    return { ok: false, error: new NgError('NG_E006', `line ${line} has no non-empty "text" or "html" field`, place) };
  }
  const meta: RawArticle['meta'] = {};
  const url = s(r.url);
  if (url) meta.url = url;
  const title = s(r.title);
  if (title) meta.title = title;
  const published = normalizeDate(s(r.published));
  if (published) meta.published = published;
  const source = s(r.source);
  if (source) meta.source = source;
  // When a record has both, the text is what its producer already extracted: prefer it.
  const article: RawArticle = text
    ? { input: `${input}#L${line}`, format: 'text', content: text, meta }
    : { input: `${input}#L${line}`, format: 'html', content: html!, meta };
  return { ok: true, article };
}

/** Reads JSONL: one record per non-blank line; a bad line is an NG_E006 and the rest go on. */
export function* readJsonl(text: string, input: string): Generator<ReadResult> {
  const trimmed = text.trimStart();
  // A .json file holding one array (or one pretty-printed object) rather than lines.
  if (trimmed.startsWith('[') || (trimmed.startsWith('{') && !/^\{.*\}\s*$/m.test(trimmed.split('\n', 1)[0]!))) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (e) {
      yield { ok: false, error: new NgError('NG_E006', `not valid JSON: ${(e as Error).message}`, { input, line: 1 }) };
      return;
    }
    const list = Array.isArray(data) ? data : [data];
    for (let i = 0; i < list.length; i++) {
      const res = recordToArticle(list[i], input, i + 1);
      // Records of an array are numbered by position, not by line.
      if (res.ok) res.article.input = `${input}#${i}`;
      yield res;
    }
    return;
  }
  let line = 0;
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const raw = text.slice(pos, nl).trim();
    line++;
    pos = nl + 1;
    if (!raw) continue;
    let rec: unknown;
    try {
      rec = JSON.parse(raw);
    } catch (e) {
      yield { ok: false, error: new NgError('NG_E006', `line ${line} is not valid JSON (${(e as Error).message})`, { input, line }) };
      continue;
    }
    yield recordToArticle(rec, input, line);
  }
}
