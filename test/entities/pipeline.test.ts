import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/clean/index.js';
import type { Doc } from '../../src/doc/types.js';
import { validateDoc } from '../../src/doc/validate.js';
import { entitiesComponent, entityAt } from '../../src/entities/link.js';
import { valuesComponent } from '../../src/entities/values.js';
import { buildPipeline } from '../../src/pipeline/component.js';
import { segmentComponent } from '../../src/text/segment.js';
import { addMentions } from './helpers.js';

const SEED = readFileSync(new URL('../../../shared/seed/000_381fc5596f504642.txt', import.meta.url), 'utf8');
const NAMES: Parameters<typeof addMentions>[1] = [
  ['Claudia Sheinbaum', 'PERSON'], ['Sheinbaum', 'PERSON'], ['Donald Trump', 'PERSON'], ['Trump', 'PERSON'],
  ['Marco Rubio', 'PERSON'], ['Ronald Johnson', 'PERSON'], ['U.S.', 'GPE'], ['Mexico', 'GPE'],
  ['United States', 'GPE'], ['Pentagon', 'ORG'], ['The New York Times', 'ORG'], ['Mexican', 'NORP'],
];

// The recogniser's place in the pipeline, until it is wired in: mentions found by name.
const handNer = { name: 'hand-ner', requires: ['tokens'], assigns: ['mentions'], run: (d: Doc) => addMentions(d, NAMES) } as const;

describe('entities: seed through the real cleaner and segmenter', () => {
  const doc = cleanArticle({ input: null, format: 'text', content: SEED, meta: { published: '2025-08-09' } });
  buildPipeline([segmentComponent(), { ...handNer, requires: [...handNer.requires], assigns: [...handNer.assigns] }, entitiesComponent(), valuesComponent()]).run(doc);

  it('links the cleaned seed: Sheinbaum with role, aliases and the pronoun of "she affirmed"', () => {
    const s = doc.entities.find((e) => e.name === 'Claudia Sheinbaum')!;
    expect(s.roles[0]).toMatchObject({ title: 'President', of: 'MEX' });
    expect(s.country).toBe('MEX');
    const texts = new Set(s.mentions.map((m) => m.text));
    for (const t of ['Sheinbaum', "Mexico's President", 'she', 'her']) expect(texts.has(t)).toBe(true);
    const at = doc.text.indexOf('she affirmed');
    expect(entityAt(doc, at, at + 3)).toBe(s.id);
  });

  it('gives Johnson his U.S. ambassador role and Trump his administration', () => {
    const j = doc.entities.find((e) => e.name === 'Ronald Johnson')!;
    expect(j.roles[0]).toMatchObject({ title: 'Ambassador to Mexico', of: 'USA' });
    const adm = doc.entities.find((e) => e.name === 'Trump administration')!;
    expect(adm.relatedTo).toBe(doc.entities.find((e) => e.name === 'Donald Trump')!.id);
  });

  it('normalises "On Friday" to the Friday before publication', () => {
    expect(doc.values.find((v) => v.text === 'Friday')?.normalized).toBe('2025-08-08');
    expect(doc.values.some((v) => v.text === 'recent months' && v.type === 'DATE')).toBe(true);
  });

  it('keeps the Doc valid against the published JSON Schema', () => {
    expect(validateDoc(JSON.parse(JSON.stringify(doc)))).toEqual([]);
  });
});
