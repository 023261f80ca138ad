import { describe, expect, it } from 'vitest';
import { createDoc } from '../../src/doc/doc.js';
import { buildPipeline } from '../../src/pipeline/component.js';
import { segmentComponent } from '../../src/text/segment.js';
import { decodeModel, encodeModel, loadPosTagger, posComponent } from '../../src/text/pos.js';
import { readFileSync } from 'node:fs';
import { DEFAULT_POS_MODEL } from '../../src/text/pos.js';

const tagged = (text: string): string[] => {
  const doc = createDoc(text, [{ start: 0, end: text.length, role: 'body' }]);
  buildPipeline([segmentComponent(), posComponent()]).run(doc);
  return doc.tokens.map((t) => `${text.slice(t.start, t.end)}/${t.pos}`);
};

describe('text: POS tagger', () => {
  it('tags a news sentence with Penn Treebank tags', () => {
    expect(tagged('President Claudia Sheinbaum rejected the plan on Friday.')).toEqual([
      'President/NNP', 'Claudia/NNP', 'Sheinbaum/NNP', 'rejected/VBD', 'the/DT', 'plan/NN', 'on/IN', 'Friday/NNP', './.',
    ]);
  });

  it('tags clitics, typographic apostrophes and negation like their ASCII forms', () => {
    const a = tagged("Mexico's army didn't move.");
    const b = tagged('Mexico\u2019s army didn\u2019t move.');
    expect(a).toEqual(["Mexico/NNP", "'s/POS", 'army/NN', 'did/VBD', "n't/RB", 'move/VB', './.']);
    expect(b.map((x) => x.split('/').pop())).toEqual(a.map((x) => x.split('/').pop()));
  });

  it('tags typographic quotes by their direction', () => {
    const tags = tagged('She said \u201cno\u201d and \u201cnever.\u201d').map((x) => x.split('/').pop());
    expect(tags).toEqual(['PRP', 'VBD', '``', 'DT', "''", 'CC', '``', 'RB', '.', "''"]);
  });

  it('tags words it never saw from their shape and context', () => {
    // Invented words: suffixes and context must carry the decision.
    const tags = tagged('The zorblaxian officials were quickly flurbing the grentics.').map((x) => x.split('/').pop());
    expect(tags).toEqual(['DT', 'JJ', 'NNS', 'VBD', 'RB', 'VBG', 'DT', 'NNS', '.']);
  });

  it('fills every token of a multi-sentence, multi-paragraph doc and leaves none empty', () => {
    const text = 'Talks Stall\n"We will not yield," she said. Officials met in Washington on Jan. 5.';
    const nl = text.indexOf('\n');
    const doc = createDoc(text, [
      { start: 0, end: nl, role: 'headline' },
      { start: nl + 1, end: text.length, role: 'body' },
    ]);
    buildPipeline([segmentComponent(), posComponent()]).run(doc);
    expect(doc.sentences.length).toBe(3);
    expect(doc.tokens.every((t) => t.pos !== '')).toBe(true);
    expect(doc.tokens.find((t) => text.slice(t.start, t.end) === 'will')?.pos).toBe('MD');
  });

  it('round-trips the model format and loads the shipped model once', () => {
    const m = decodeModel(readFileSync(DEFAULT_POS_MODEL));
    const again = decodeModel(encodeModel(m));
    expect(again.tags).toEqual(m.tags);
    expect(Array.from(again.keys)).toEqual(Array.from(m.keys));
    expect(loadPosTagger()).toBe(loadPosTagger());
  });

  it('refuses an order where pos runs before segment', () => {
    expect(() => buildPipeline([posComponent(), segmentComponent()])).toThrow(/requires tokens, sentences/);
  });
});
