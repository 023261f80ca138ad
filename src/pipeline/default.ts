import { cleanArticle } from '../clean/index.js';
import type { Doc, DocMeta } from '../doc/types.js';
import type { RawArticle } from '../ingest/types.js';
import { type Component, type Pipeline, buildPipeline } from './component.js';
import { segmentComponent } from '../text/segment.js';
import { posComponent } from '../text/pos.js';
import { nerComponent } from '../entities/ner.js';
import { valuesComponent } from '../entities/values.js';
import { entitiesComponent } from '../entities/link.js';
import { quotesComponent } from '../quotes/index.js';
import { eventsComponent } from '../events/index.js';

/** Options for analysing one article. */
export interface AnalyzeOptions {
  /** The text is already clean: no structure detection, no removal; offsets match the input. */
  raw?: boolean;
  /** Leave the token layer out of the result (it is the largest layer). */
  tokens?: boolean;
}

/**
 * The default components, in order. Models are loaded here, once, and shared by every Doc the
 * pipeline runs over.
 */
export function defaultComponents(): Component[] {
  return [
    segmentComponent(),
    posComponent(),
    nerComponent(),
    valuesComponent(),
    entitiesComponent(),
    quotesComponent(),
    eventsComponent(),
  ];
}

let shared: Pipeline | null = null;

/** The default pipeline, built (and its models loaded) on first use. */
export function defaultPipeline(): Pipeline {
  shared ??= buildPipeline(defaultComponents());
  return shared;
}

/** Cleans and analyses one raw article with the default pipeline. */
export function analyzeRaw(raw: RawArticle, opts: AnalyzeOptions = {}): Doc {
  const doc = cleanArticle(raw, { raw: opts.raw ?? false });
  defaultPipeline().run(doc);
  if (opts.tokens === false) doc.tokens = [];
  return doc;
}

/** Analyses a string of plain text (scraped form, or already clean with `raw: true`). */
export function analyzeText(text: string, opts: AnalyzeOptions & { meta?: Partial<DocMeta> } = {}): Doc {
  return analyzeRaw({ input: null, format: 'text', content: text, meta: opts.meta ?? {} }, opts);
}

/** Analyses an HTML page. */
export function analyzeHtml(html: string, opts: AnalyzeOptions & { meta?: Partial<DocMeta> } = {}): Doc {
  return analyzeRaw({ input: null, format: 'html', content: html, meta: opts.meta ?? {} }, opts);
}
