/**
 * The stages up to events: the default pipeline's components, completed with the stages events reads
 * (pos, ner, entities, values, quotes) when the default pipeline does not run them yet, and when their
 * models exist. The events eval, benchmark, tests and CLI use it so they measure the real stages that exist.
 */
import type { Doc, LayerName } from '../doc/types.js';
import type { RawArticle } from '../ingest/types.js';
import { buildPipeline, type Component, type Pipeline } from '../pipeline/component.js';
import { defaultComponents } from '../pipeline/default.js';
import { cleanArticle } from '../clean/index.js';
import { posComponent } from '../text/pos.js';
import { segmentComponent } from '../text/segment.js';
import { nerComponent } from '../entities/ner.js';
import { entitiesComponent } from '../entities/link.js';
import { valuesComponent } from '../entities/values.js';
import { quotesComponent } from '../quotes/index.js';
import { NgError } from '../errors.js';
import { codeEvents } from './index.js';

/** The components before events that can run here, in order (a stage whose model is missing is left out). */
export function stagesBeforeEvents(): Component[] {
  let base: Component[];
  try {
    base = defaultComponents();
  } catch (e) {
    // A default stage whose model is missing or stale: keep going with segmentation and what loads below.
    if (!(e instanceof NgError && e.code === 'NG_E021')) throw e;
    base = [segmentComponent()];
  }
  const out = base.filter((c) => c.name !== 'events');
  const names = new Set(out.map((c) => c.name));
  const makers: [string, () => Component][] = [
    ['pos', () => posComponent()],
    ['ner', () => nerComponent()],
    ['entities', () => entitiesComponent()],
    ['values', () => valuesComponent()],
    ['quotes', () => quotesComponent()],
  ];
  for (const [name, make] of makers) {
    if (names.has(name)) continue;
    try {
      out.push(make());
    } catch (e) {
      if (e instanceof NgError && e.code === 'NG_E021') continue; // model not trained yet
      throw e;
    }
  }
  // Drop stages whose inputs no earlier stage gives (e.g. entities without ner).
  const have = new Set<LayerName>(['text', 'paragraphs']);
  return out.filter((c) => {
    if (!c.requires.every((r) => have.has(r))) return false;
    for (const l of c.assigns) have.add(l);
    return true;
  });
}

let shared: Pipeline | null = null;

/** Cleans and analyses one article through every available stage, then codes its events. */
export function analyzeForEvents(raw: RawArticle, opts: { raw?: boolean } = {}): Doc {
  shared ??= buildPipeline(stagesBeforeEvents());
  const doc = cleanArticle(raw, { raw: opts.raw ?? false });
  shared.run(doc);
  codeEvents(doc);
  return doc;
}

/** Analyses a plain text that is already clean (raw mode) through every available stage and codes its events. */
export function analyzeTextForEvents(text: string, published: string | null = null): Doc {
  return analyzeForEvents({ input: null, format: 'text', content: text, meta: { published } }, { raw: true });
}
