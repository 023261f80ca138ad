import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeRaw } from '../../src/pipeline/default.js';
import { validateDoc } from '../../src/doc/validate.js';
import { createDoc } from '../../src/doc/doc.js';
import type { RawArticle } from '../../src/ingest/types.js';

// Every fixture (and the seed) analysed by the real pipeline must give a schema-valid Doc whose spans
// all point at the text they claim.
const fixtures: RawArticle[] = [
  { input: 'seed', format: 'text', content: readFileSync('../shared/seed/000_381fc5596f504642.txt', 'utf8'), meta: {} },
  ...readdirSync('test/fixtures').filter((f) => /\.(txt|html)$/.test(f)).map((f): RawArticle => ({
    input: f, format: f.endsWith('.html') ? 'html' : 'text', content: readFileSync(`test/fixtures/${f}`, 'utf8'), meta: {},
  })),
];

describe('doc: JSON Schema', () => {
  it.each(fixtures.map((f) => [f.input, f] as const))('%s analyses to a valid newsgraph/doc@1', (_name, raw) => {
    const doc = analyzeRaw(raw);
    const roundTrip = JSON.parse(JSON.stringify(doc)) as unknown;
    expect(validateDoc(roundTrip)).toEqual([]);
  });

  it('rejects a Doc whose span leaves the text or whose text differs from its span', () => {
    const doc = createDoc('Short text.', [{ start: 0, end: 11, role: 'body' }]);
    doc.sentences.push({ start: 0, end: 99 });
    doc.values.push({ start: 0, end: 5, text: 'Other', type: 'CARDINAL', normalized: null });
    const problems = validateDoc(JSON.parse(JSON.stringify(doc)));
    expect(problems.some((p) => p.includes('sentences[0]'))).toBe(true);
    expect(problems.some((p) => p.includes('values[0]'))).toBe(true);
  });

  it('rejects a Doc missing a required layer', () => {
    const doc = JSON.parse(JSON.stringify(createDoc('x', []))) as Record<string, unknown>;
    delete doc.quotes;
    expect(validateDoc(doc).join('\n')).toMatch(/quotes/);
  });
});
