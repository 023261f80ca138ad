import { describe, expect, it } from 'vitest';
import { createDoc } from '../../src/doc/doc.js';
import { buildPipeline } from '../../src/pipeline/component.js';
import { segmentComponent } from '../../src/text/segment.js';

describe('text: segment component', () => {
  it('never lets a sentence cross a paragraph boundary, and keeps tokens inside sentences', () => {
    // The first paragraph has no final period: without paragraphs it would run into the second.
    const text = 'Mexico rejects plan for U.S. strikes\nPresident Sheinbaum said it was "ruled out." Then she left.';
    const nl = text.indexOf('\n');
    const doc = createDoc(text, [
      { start: 0, end: nl, role: 'headline' },
      { start: nl + 1, end: text.length, role: 'body' },
    ]);
    buildPipeline([segmentComponent()]).run(doc);
    expect(doc.sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'Mexico rejects plan for U.S. strikes',
      'President Sheinbaum said it was "ruled out."',
      'Then she left.',
    ]);
    for (const t of doc.tokens) {
      const inSentence = doc.sentences.some((s) => s.start <= t.start && t.end <= s.end);
      expect(inSentence).toBe(true);
      expect(t.pos).toBe('');
    }
    expect(doc.tokens.map((t) => text.slice(t.start, t.end)).slice(0, 6)).toEqual(['Mexico', 'rejects', 'plan', 'for', 'U.S.', 'strikes']);
  });

  it('splits a paragraph that is a run-on list of lines ending without punctuation only at its edges', () => {
    const text = 'One paragraph. Two sentences.';
    const doc = createDoc(text, [{ start: 0, end: text.length, role: 'body' }]);
    segmentComponent().run(doc);
    expect(doc.sentences).toEqual([{ start: 0, end: 14 }, { start: 15, end: 29 }]);
    expect(doc.tokens.length).toBe(6);
  });
});
