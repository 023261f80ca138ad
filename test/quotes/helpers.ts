/** Builds Docs for quote tests: real segmentation, entities added by hand where a test needs them. */
import { createDoc } from '../../src/doc/doc.js';
import type { Doc, Entity, EntityType } from '../../src/doc/types.js';
import { segmentDoc } from '../../src/text/segment.js';
import { quotesComponent } from '../../src/quotes/index.js';
import { rawParagraphs } from '../../eval/quotes-doc.js';

/** A segmented Doc of clean text, one paragraph per line block. */
export function segmented(text: string): Doc {
  const doc = createDoc(text, rawParagraphs(text));
  segmentDoc(doc);
  return doc;
}

/** Adds an entity whose mentions are every occurrence of the given strings (kind by argument). */
export function addEntity(doc: Doc, id: string, name: string, type: EntityType, forms: Record<string, 'name' | 'pronoun' | 'role'>, only?: number[]): Entity {
  const e: Entity = { id, name, type, roles: [], country: null, mentions: [] };
  for (const [form, kind] of Object.entries(forms)) {
    let i = doc.text.indexOf(form);
    let n = 0;
    while (i >= 0) {
      const bounded = !/\w/.test(doc.text[i - 1] ?? '') && !/\w/.test(doc.text[i + form.length] ?? '');
      if (bounded && (!only || only.includes(n))) e.mentions.push({ start: i, end: i + form.length, text: form, kind });
      if (bounded) n++;
      i = doc.text.indexOf(form, i + 1);
    }
  }
  e.mentions.sort((a, b) => a.start - b.start);
  doc.entities.push(e);
  return e;
}

/** Runs the quotes component and returns the Doc. */
export function runQuotes(doc: Doc): Doc {
  quotesComponent().run(doc);
  return doc;
}
