/**
 * readInputs: files, directories, URLs, stdin, gzip — each input becomes RawArticle(s) or one NgError
 * naming the place, and a bad input never stops the batch.
 */
import { existsSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { NgError, toNgError } from '../errors.js';
import { decodeBytes, charsetOf } from './decode.js';
import { formatFromContentType, formatFromName, sniffFormat, type ConcreteFormat } from './detect.js';
import { parseFeed, type FeedEntry } from './feed.js';
import { fetchUrl } from './fetch.js';
import { DEFAULT_MAX_BYTES, gunzipCapped, pathKind, readFileBytes, readStdinBytes, walkDir } from './files.js';
import { readJsonl } from './jsonl.js';
import type { RawArticle, ReadOptions, ReadResult } from './types.js';

export type { RawArticle, ReadOptions, ReadResult, InputFormat } from './types.js';
export { extractHtml, type HtmlExtract } from './html.js';
export { fetchUrl, nonPublicRange } from './fetch.js';
export { decodeBytes } from './decode.js';
export { parseFeed } from './feed.js';
export { sniffFormat, formatFromName } from './detect.js';

/** Internal hooks (tests feed stdin without touching the process's own). */
export interface ReadContext {
  stdin?: Readable;
}

const URL_RE = /^[a-z][a-z0-9+.-]*:\/\//i;
// The names readInputs gives JSONL records ("batch.jsonl#L12") can be read back as inputs.
const LINE_REF_RE = /^(.+)#L(\d+)$/;

async function* readOneLine(ref: string, opts: ReadOptions): AsyncGenerator<ReadResult> {
  const [, path, n] = LINE_REF_RE.exec(ref)!;
  const line = Number(n);
  let found = false;
  for await (const r of readFile(path!, { ...opts, format: 'jsonl' })) {
    const at = r.ok ? r.article.input : null;
    if (at === ref || (!r.ok && r.error.place.line === line) || (!r.ok && r.error.place.line === undefined)) {
      found = true;
      yield r;
    }
  }
  if (!found) yield { ok: false, error: new NgError('NG_E001', `${path} has no record on line ${line}`, { input: path!, line }) };
}

/**
 * Reads every input in order and yields one ReadResult per article or per failed input.
 * @example for await (const r of readInputs(['news/', 'https://example.com/a'], {})) if (r.ok) use(r.article);
 */
export async function* readInputs(inputs: string[], opts: ReadOptions = {}, ctx: ReadContext = {}): AsyncGenerator<ReadResult> {
  for (const input of inputs) {
    try {
      if (input === '-') yield* readBytesAs(await readStdinBytes(opts.maxBytes ?? DEFAULT_MAX_BYTES, ctx.stdin), null, '-', opts, null);
      else if (URL_RE.test(input)) yield* readUrl(input, opts);
      else if (LINE_REF_RE.test(input) && !existsSync(input)) yield* readOneLine(input, opts);
      else if ((await pathKind(input)) === 'dir') {
        for await (const file of walkDir(input)) {
          if (typeof file === 'string') yield* readFile(file, opts);
          else yield { ok: false, error: file };
        }
      } else yield* readFile(input, opts);
    } catch (e) {
      yield { ok: false, error: toNgError(e, { input }) };
    }
  }
}

async function* readFile(path: string, opts: ReadOptions): AsyncGenerator<ReadResult> {
  try {
    const bytes = await readFileBytes(path, opts.maxBytes ?? DEFAULT_MAX_BYTES);
    yield* readBytesAs(bytes, path, path, opts, null);
  } catch (e) {
    yield { ok: false, error: toNgError(e, { input: path }) };
  }
}

async function* readUrl(url: string, opts: ReadOptions, entryMeta?: RawArticle['meta']): AsyncGenerator<ReadResult> {
  const page = await fetchUrl(url, opts);
  // A .gz served as application/gzip (no content-encoding) is still a page: undo it under the same cap.
  if (page.body[0] === 0x1f && page.body[1] === 0x8b) page.body = await gunzipCapped(page.body, opts.maxBytes ?? DEFAULT_MAX_BYTES, { input: url });
  const ctFormat = formatFromContentType(page.contentType);
  yield* readBytesAs(page.body, url, url, opts, ctFormat, charsetOf(page.contentType), page.finalUrl, entryMeta);
}

async function* readBytesAs(
  bytes: Uint8Array,
  name: string | null,
  input: string,
  opts: ReadOptions,
  transportFormat: ConcreteFormat | null,
  charset: string | null = null,
  url: string | null = null,
  extraMeta: RawArticle['meta'] = {},
): AsyncGenerator<ReadResult> {
  const place = { input };
  const forced = opts.format && opts.format !== 'auto' ? opts.format : null;
  const byName = name && !URL_RE.test(name) ? formatFromName(name) : null;
  // Only HTML and XML declare their charset inside themselves; look unless the format is known to be another.
  const guess = forced ?? transportFormat ?? byName;
  const dec = decodeBytes(bytes, { charset, sniffHtmlMeta: guess === null || guess === 'html' || guess === 'feed' }, place);
  const text = dec.text.replace(/^\uFEFF/, '');
  if (text.trim().length === 0) throw new NgError('NG_E002', `input is empty${bytes.length > 0 ? ' (whitespace only)' : ''}; expected article text`, place);
  const format = forced ?? transportFormat ?? byName ?? sniffFormat(text);
  const warnings = dec.warnings;
  const withWarnings = (a: RawArticle): RawArticle => (warnings.length ? { ...a, warnings: [...(a.warnings ?? []), ...warnings] } : a);
  const articleInput = name === null ? null : input;
  if (format === 'text' || format === 'html') {
    const meta: RawArticle['meta'] = { ...extraMeta };
    if (url) meta.url = url;
    yield { ok: true, article: withWarnings({ input: articleInput, format, content: text, meta }) };
    return;
  }
  if (format === 'jsonl') {
    for (const r of readJsonl(text, input)) yield r.ok ? { ok: true, article: withWarnings(r.article) } : r;
    return;
  }
  const feed = parseFeed(text, input);
  // Entry pages are fetched a few at a time but yielded in feed order; the window bounds both the
  // load on the site and how many finished pages wait in memory for an earlier slow one.
  const width = Math.max(1, opts.feedConcurrency ?? 4);
  const start = (i: number): Promise<ReadResult[]> => collect(readEntry(feed.entries[i]!, i + 1, feed.title, input, opts), input);
  const pending: Promise<ReadResult[]>[] = [];
  let next = 0;
  while (next < feed.entries.length && pending.length < width) pending.push(start(next++));
  while (pending.length > 0) {
    const done = await pending.shift()!;
    if (next < feed.entries.length) pending.push(start(next++));
    yield* done;
  }
}

async function collect(gen: AsyncGenerator<ReadResult>, input: string): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  try {
    for await (const r of gen) out.push(r);
  } catch (e) {
    out.push({ ok: false, error: toNgError(e, { input }) });
  }
  return out;
}

async function* readEntry(e: FeedEntry, n: number, feedTitle: string | null, feedInput: string, opts: ReadOptions): AsyncGenerator<ReadResult> {
  const meta: RawArticle['meta'] = {};
  if (e.title) meta.title = e.title;
  if (e.published) meta.published = e.published;
  if (e.author) meta.byline = e.author;
  if (feedTitle) meta.source = feedTitle;
  const follow = opts.followFeedLinks ?? true;
  let fetchError: NgError | null = null;
  if (follow && e.link) {
    try {
      // A feed's entries are pages: the entry's own fields stay authoritative for date and title.
      // followFeedLinks off below: a link that is itself a feed must not start an endless chain.
      for await (const r of readUrl(e.link, { ...opts, format: 'auto', followFeedLinks: false }, meta)) yield r;
      return;
    } catch (err) {
      fetchError = toNgError(err, { input: e.link });
    }
  }
  if (e.content) {
    const isHtml = /<[a-z][^>]*>/i.test(e.content);
    const m = { ...meta };
    if (e.link) m.url = e.link;
    const article: RawArticle = { input: `${feedInput}#entry${n}`, format: isHtml ? 'html' : 'text', content: e.content, meta: m };
    if (fetchError) article.warnings = [`could not fetch ${e.link}: ${fetchError.toLine()}; used the feed's own content`];
    yield { ok: true, article };
    return;
  }
  yield { ok: false, error: fetchError ?? new NgError('NG_E014', `feed entry ${n} has no link to follow and no content`, { input: feedInput }) };
}
