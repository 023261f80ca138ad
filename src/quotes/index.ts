/** The quotes component: direct, partial and indirect quotes with speakers, and source attributions. */
import type { Component } from '../pipeline/component.js';
import { loadCueLexicon } from './cues.js';
import { extractQuotes } from './extract.js';

export { extractQuotes, type QuoteResult } from './extract.js';
export { findQuoteRegions, type QuoteRegion } from './marks.js';
export { loadCueLexicon, inflect, type CueEntry, type CueLexicon, type CueClass } from './cues.js';

/** Component 'quotes': fills doc.quotes and doc.attributions and adds `quotes/*` diagnostics. */
export function quotesComponent(): Component {
  const lexicon = loadCueLexicon();
  return {
    name: 'quotes',
    requires: ['sentences', 'tokens', 'entities'],
    assigns: ['quotes', 'attributions'],
    run(doc) {
      const r = extractQuotes(doc, lexicon);
      doc.quotes = r.quotes;
      doc.attributions = r.attributions;
      doc.diagnostics.push(...r.diagnostics);
    },
  };
}
