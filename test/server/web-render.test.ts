/**
 * The UI's pure rendering helpers: snippet splitting, entity decoding, link checks, and the segment
 * builder that turns overlapping spans into flat pieces.
 */
import { describe, expect, it } from 'vitest';
import { decodeEntities, quoted, safeHref, splitMarks } from '../../web/src/escape.js';
import { buildSegments, docAnnotations, type Ann } from '../../web/src/segments.js';
import { corpus } from '../store/fixtures.js';

describe('web: snippets and links', () => {
  it('splits a store snippet on <mark> tags only, decoding escaped text', () => {
    expect(splitMarks('a &lt;script&gt; <mark>hit</mark> &amp; <mark>two</mark>')).toEqual([
      { text: 'a <script> ', hit: false },
      { text: 'hit', hit: true },
      { text: ' & ', hit: false },
      { text: 'two', hit: true },
    ]);
  });

  it('leaves anything that is not exactly a mark tag as text', () => {
    const parts = splitMarks('<mark onclick="x()">no</mark><img src=x onerror=alert(1)>');
    expect(parts.every((p) => !p.hit)).toBe(true);
    expect(parts.map((p) => p.text).join('')).toBe('<mark onclick="x()">no<img src=x onerror=alert(1)>');
  });

  it('decodes numeric entities and keeps unknown ones', () => {
    expect(decodeEntities('&#8220;Hi&#x201D; &nbsp; &bogus;')).toBe('“Hi” &nbsp; &bogus;');
  });

  it('only http(s) URLs become hrefs', () => {
    expect(safeHref('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref(' JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
  });

  it('adds quotation marks only when the quote has none', () => {
    expect(quoted('"No,"')).toBe('"No,"');
    expect(quoted('an invasion is ruled out')).toBe('“an invasion is ruled out”');
  });
});

describe('web: segments from overlapping spans', () => {
  const ann = (id: number, start: number, end: number): Ann => ({ id, kind: 'mention', start, end, tag: 'PERSON', label: '', ref: 0 });

  it('cuts at every boundary and lists the covering annotations of each piece', () => {
    const segs = buildSegments(0, 20, [ann(1, 2, 10), ann(2, 5, 15), ann(3, 5, 8)]);
    expect(segs.map((s) => [s.start, s.end, s.anns.map((a) => a.id)])).toEqual([
      [0, 2, []],
      [2, 5, [1]],
      [5, 8, [1, 2, 3]],
      [8, 10, [1, 2]],
      [10, 15, [2]],
      [15, 20, []],
    ]);
  });

  it('clips spans that cross the paragraph edges', () => {
    const segs = buildSegments(10, 20, [ann(1, 5, 12), ann(2, 18, 30)]);
    expect(segs.map((s) => [s.start, s.end, s.anns.map((a) => a.id)])).toEqual([
      [10, 12, [1]],
      [12, 18, []],
      [18, 20, [2]],
    ]);
  });

  it('covers a real doc exactly: pieces join back into the text, quotes keep their speaker', () => {
    const doc = corpus()[0]!;
    const anns = docAnnotations(doc);
    const segs = buildSegments(0, doc.text.length, anns);
    expect(segs.map((s) => doc.text.slice(s.start, s.end)).join('')).toBe(doc.text);
    const quoteSeg = segs.find((s) => s.anns.some((a) => a.kind === 'quote'));
    expect(quoteSeg?.anns.find((a) => a.kind === 'quote')?.label).toBe('direct quote by Claudia Sheinbaum');
    expect(anns.filter((a) => a.kind === 'event')[0]?.label).toContain('REJECT');
  });
});
