import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText, defaultComponents } from '../../src/pipeline/default.js';
import { quotesComponent } from '../../src/quotes/index.js';
import type { Doc } from '../../src/doc/types.js';

// The seed through the real pipeline (cleaning included). The rules are general: the same cases on
// other text are in extract.test.ts.
const seed = readFileSync(new URL('../../../shared/seed/000_381fc5596f504642.txt', import.meta.url), 'utf8');
const expected = JSON.parse(readFileSync(new URL('../../../shared/seed/expected.json', import.meta.url), 'utf8')) as {
  quotes: { kind: string; text: string; speaker: string; cue: string }[];
  sources_cited: { source: string; claim_starts: string }[];
};
const names = defaultComponents().map((c) => c.name);

function analyse(): Doc {
  const doc = analyzeText(seed);
  // Until the lead wires 'quotes' into the default pipeline, run it on the analysed Doc here.
  if (!names.includes('quotes')) quotesComponent().run(doc);
  return doc;
}

const norm = (s: string): string => s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').trim();

describe('quotes: seed article', () => {
  const doc = analyse();
  it.each(expected.quotes.map((q) => [q.kind, q.text, q.cue, q] as const))('%s quote "%s" (cue %s)', (kind, text, cue) => {
    const q = doc.quotes.find((x) => norm(x.text) === norm(text));
    expect(q, `no quote "${text}" in ${JSON.stringify(doc.quotes.map((x) => x.text))}`).toBeDefined();
    expect(q!.kind).toBe(kind);
    expect(q!.cue?.text).toBe(cue);
    expect(q!.speakerText).not.toBeNull();
  });
  it('credits the claim to The New York Times', () => {
    const src = expected.sources_cited[0]!;
    const a = doc.attributions.find((x) => x.text.startsWith(src.claim_starts));
    expect(a).toBeDefined();
    expect(a!.sourceText).toContain(src.source);
    expect(a!.cue.text).toBe('According to');
  });
  it('gives each quote once', () => {
    const keys = doc.quotes.map((q) => `${q.start}:${q.end}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
  it.skipIf(!names.includes('entities'))('links every expected speaker to its entity', () => {
    for (const e of expected.quotes) {
      const q = doc.quotes.find((x) => norm(x.text) === norm(e.text))!;
      const ent = doc.entities.find((x) => x.id === q.speaker);
      expect(ent?.name, e.text).toBe(e.speaker);
    }
    const a = doc.attributions.find((x) => x.text.startsWith(expected.sources_cited[0]!.claim_starts))!;
    expect(doc.entities.find((x) => x.id === a.source)?.name).toBe('The New York Times');
  });
});
