import { describe, expect, it } from 'vitest';
import { findQuoteRegions } from '../../src/quotes/marks.js';
import { rawParagraphs } from '../../eval/quotes-doc.js';

const inner = (text: string): string[] =>
  findQuoteRegions(text, rawParagraphs(text)).map((r) => text.slice(r.inner.start, r.inner.end));

describe('quotes: quote-mark scanning', () => {
  it('finds straight, typographic and guillemet quotes', () => {
    expect(inner('He said "go now" and she said “stay here” and «bleib hier».')).toEqual(['go now', 'stay here', 'bleib hier']);
  });
  it('keeps a nested quote inside the outer one', () => {
    expect(inner('"We have always said \'No,\'" she affirmed.')).toEqual(["We have always said 'No,'"]);
    expect(inner('“They told us ‘never again,’ and meant it,” he said.')).toEqual(['They told us ‘never again,’ and meant it,']);
  });
  it('does not take apostrophes for quotes', () => {
    expect(inner('The Clintons’ plan isn’t new, and the ’90s are over.')).toEqual([]);
  });
  it('joins a quote running over paragraphs (open mark at each paragraph start, one close)', () => {
    const t = '“The first part of the statement goes here.\n\n“And the second part ends it,” the minister said.';
    const regions = findQuoteRegions(t, rawParagraphs(t));
    expect(regions).toHaveLength(1);
    expect(regions[0]!.multiParagraph).toBe(true);
    expect(t.slice(regions[0]!.inner.start, regions[0]!.inner.end)).toContain('And the second part ends it,');
  });
  it('ends a quote paragraph whose closing mark is missing with its paragraph', () => {
    const t = 'Intro line.\n\n“This paragraph never closes its quote.\n\nA new paragraph of narration.';
    expect(inner(t)).toEqual(['This paragraph never closes its quote.']);
  });
});

describe('quotes: archive-style double apostrophes', () => {
  it("reads ''...'' as a pair of double quote marks", () => {
    expect(inner("''It's more tinkering at the edges,'' said Mr. Cole. ''I wouldn't call it reform.''")).toEqual([
      "It's more tinkering at the edges,",
      "I wouldn't call it reform.",
    ]);
  });
});
