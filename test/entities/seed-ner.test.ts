import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/clean/index.js';
import { entitiesComponent, entityAt } from '../../src/entities/link.js';
import { nerComponent } from '../../src/entities/ner.js';
import { valuesComponent } from '../../src/entities/values.js';
import { buildPipeline } from '../../src/pipeline/component.js';
import { segmentComponent } from '../../src/text/segment.js';

const SEED = readFileSync(new URL('../../../shared/seed/000_381fc5596f504642.txt', import.meta.url), 'utf8');
const EXPECTED = JSON.parse(readFileSync(new URL('../../../shared/seed/expected.json', import.meta.url), 'utf8')) as {
  entities: { name: string; type: string; country?: string; country_from?: string; aliases?: string[] }[];
};

describe('entities: seed through the real recogniser', () => {
  const doc = cleanArticle({ input: null, format: 'text', content: SEED, meta: { published: '2025-08-09' } });
  buildPipeline([segmentComponent(), nerComponent(), entitiesComponent(), valuesComponent()]).run(doc);
  const find = (name: string) => doc.entities.find((e) => e.name === name);

  it('finds every entity of expected.json with its type and the countries the text states', () => {
    for (const x of EXPECTED.entities) {
      const e = find(x.name);
      expect(e, x.name).toBeDefined();
      expect(e!.type, x.name).toBe(x.type);
      if (x.country_from === 'text') expect(e!.country, x.name).toBe(x.country);
      else expect(e!.countryFrom, x.name).not.toBe('text');
    }
  });

  it('merges the aliases of expected.json that remain after cleaning, as name, alias or role mentions', () => {
    for (const x of EXPECTED.entities) {
      const texts = new Set(find(x.name)!.mentions.map((m) => m.text));
      for (const a of x.aliases ?? []) {
        // Aliases that carry a title are found as the bare name plus the title in a role's evidence.
        const bare = a.replace(/^(?:Mexican\s+)?President\s+/u, '').replace(/^The\s+/u, '');
        expect(texts.has(a) || texts.has(bare), `${x.name}: ${a}`).toBe(true);
      }
    }
  });

  it('reads the roles: Sheinbaum President of MEX, Rubio Secretary of State, Johnson Ambassador to Mexico of USA', () => {
    expect(find('Claudia Sheinbaum')!.roles[0]).toMatchObject({ title: 'President', of: 'MEX' });
    expect(find('Marco Rubio')!.roles[0]).toMatchObject({ title: 'Secretary of State', of: null });
    expect(find('Ronald Johnson')!.roles[0]).toMatchObject({ title: 'Ambassador to Mexico', of: 'USA' });
  });

  it('resolves "she affirmed" to Sheinbaum', () => {
    const at = doc.text.indexOf('she affirmed');
    expect(entityAt(doc, at, at + 3)).toBe(find('Claudia Sheinbaum')!.id);
  });
});
