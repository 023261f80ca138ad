/**
 * Turns one API input (text, html or url) into an analysed Doc through the library API; the server
 * itself knows nothing about cleaning or NLP.
 */
import type { Doc, DocMeta } from '../doc/types.js';
import type { RawArticle } from '../ingest/types.js';
import type { AnalyzeOptions } from '../pipeline/default.js';
import { readInputs } from '../ingest/index.js';
import { NgError } from '../errors.js';
import type { ArticleInput } from './schemas.js';

/** Fetches a URL into a RawArticle (refusing private addresses unless allowed). */
export type UrlFetcher = (url: string, opts: { allowPrivateUrls: boolean }) => Promise<RawArticle>;

/**
 * The default fetcher goes through the ingest readers, so the server applies the same URL policy
 * (private addresses refused), size limits and timeouts as the CLI.
 */
export const ingestFetcher: UrlFetcher = async (url, opts) => {
  for await (const r of readInputs([url], { allowPrivate: opts.allowPrivateUrls, followFeedLinks: false })) {
    if (!r.ok) throw r.error;
    return r.article;
  }
  throw new NgError('NG_E014', `no article found at ${url}`);
};

function inputMeta(input: ArticleInput): Partial<DocMeta> {
  const m: Partial<DocMeta> = {};
  const given = input.meta;
  if (!given) return m;
  if (given.title !== undefined) m.title = given.title;
  if (given.url !== undefined) m.url = given.url;
  if (given.source !== undefined) m.source = given.source;
  if (given.published !== undefined) m.published = given.published;
  if (given.byline !== undefined) m.byline = given.byline;
  return m;
}

/** Runs the pipeline over one raw article (inline, or on a worker pool). */
export type Analyzer = (raw: RawArticle, opts: AnalyzeOptions) => Promise<Doc>;

/**
 * Analyses on the calling thread. The pipeline module is loaded on first use: the models load once,
 * and a server that only reads never pays for them.
 */
export const inlineAnalyzer: Analyzer = async (raw, opts) => {
  const { analyzeRaw } = await import('../pipeline/default.js');
  return analyzeRaw(raw, opts);
};

/** Analyses one validated API input into a Doc. */
export async function analyzeInput(
  input: ArticleInput,
  opts: { allowPrivateUrls: boolean; fetchUrl: UrlFetcher; analyze?: Analyzer },
): Promise<Doc> {
  const meta = inputMeta(input);
  let raw: RawArticle;
  if (input.url !== undefined) {
    if (!/^https?:\/\//i.test(input.url)) {
      throw new NgError('NG_E008', `only http and https URLs can be fetched, got "${input.url.slice(0, 80)}"`);
    }
    const fetched = await opts.fetchUrl(input.url, { allowPrivateUrls: opts.allowPrivateUrls });
    raw = { ...fetched, meta: { ...fetched.meta, ...meta } };
  } else if (input.html !== undefined) {
    raw = { input: null, format: 'html', content: input.html, meta };
  } else {
    raw = { input: null, format: 'text', content: input.text ?? '', meta };
  }
  if (raw.content.trim() === '') throw new NgError('NG_E002', 'the article is empty; give some text, html or a url');
  return (opts.analyze ?? inlineAnalyzer)(raw, { raw: input.raw ?? false, tokens: input.tokens ?? true });
}
