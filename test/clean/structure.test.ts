import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/clean/index.js';
import { looksLikeDek, looksLikeHeadline, splitBlocks } from '../../src/clean/structure.js';
import { matchBoilerplate } from '../../src/clean/boilerplate.js';
import type { Doc } from '../../src/doc/types.js';

const SEED = '../shared/seed/000_381fc5596f504642.txt';
const expected = JSON.parse(readFileSync('../shared/seed/expected.json', 'utf8')) as {
  structure: { summary: string; headline: string; dek: string; body_paragraphs: number; body_starts: string[];
    removed_duplicates: { headline: number; paragraphs: number } };
};

function clean(text: string, raw = false): Doc {
  return cleanArticle({ input: 'mem.txt', format: 'text', content: text, meta: {} }, { raw });
}
function role(doc: Doc, r: string): string[] {
  return doc.paragraphs.filter((p) => p.role === r).map((p) => doc.text.slice(p.start, p.end));
}

describe('clean: the seed article', () => {
  const raw = readFileSync(SEED, 'utf8');
  const doc = clean(raw);
  const s = expected.structure;

  it('finds summary, headline, dek and the body paragraphs in order', () => {
    expect(role(doc, 'summary')).toEqual([s.summary]);
    expect(role(doc, 'headline')).toEqual([s.headline]);
    expect(role(doc, 'dek')).toEqual([s.dek]);
    const body = role(doc, 'body');
    expect(body).toHaveLength(s.body_paragraphs);
    body.forEach((p, i) => expect(p.startsWith(s.body_starts[i] ?? '?')).toBe(true));
    expect(doc.meta.title).toBe(s.headline);
    expect(doc.meta.dek).toBe(s.dek);
    expect(doc.meta.summary).toBe(s.summary);
  });

  it('reports each removal with its place in the raw input', () => {
    const heads = doc.diagnostics.filter((d) => d.ruleId === 'clean/duplicate-headline');
    const paras = doc.diagnostics.filter((d) => d.ruleId === 'clean/duplicate-paragraph');
    expect(heads).toHaveLength(s.removed_duplicates.headline);
    expect(paras).toHaveLength(s.removed_duplicates.paragraphs);
    for (const d of [...heads, ...paras]) {
      const place = d.place.raw;
      expect(place).toBeDefined();
      expect(raw.slice(place!.start, place!.end)).toBe(d.source);
    }
    // The removed ones are the later copies, not the first.
    expect(paras[0]!.place.raw!.start).toBeGreaterThan(raw.indexOf(s.body_starts[4]!));
  });

  it('paragraph spans cover exactly their text', () => {
    for (const p of doc.paragraphs) expect(doc.text.slice(p.start, p.end).trim()).toBe(doc.text.slice(p.start, p.end));
  });
});

describe('clean: general rules on other text', () => {
  it('drops near duplicates that differ only in quote style, case and spacing', () => {
    const a = 'The minister said the plan "will not work" and that talks would continue next week in Geneva.';
    const b = 'the minister said  the plan \u201Cwill not work\u201D and that talks would continue next week in Geneva.';
    const doc = clean(['Talks Stall Over Border Plan', a, 'A second paragraph says something else entirely about the talks.', b].join('\n'));
    expect(role(doc, 'body').filter((p) => p.includes('minister'))).toHaveLength(1);
    const d = doc.diagnostics.find((x) => x.ruleId === 'clean/duplicate-paragraph');
    expect(d?.source).toBe(b);
  });

  it('drops a paragraph repeated with one word changed (near duplicate)', () => {
    const p1 = 'Officials in the region reported that heavy rains had flooded dozens of villages and cut off roads to the capital on Tuesday.';
    const p2 = 'Officials in the region reported that heavy rains had flooded dozens of villages and cut off roads to the capital on Tuesday night.';
    const doc = clean(['Floods Cut Off Capital', p1, 'Rescue teams arrived later.', p2].join('\n'));
    expect(doc.diagnostics.map((d) => d.ruleId)).toContain('clean/duplicate-paragraph');
    expect(doc.text).not.toContain('Tuesday night');
  });

  it('removes boilerplate lines and says which rule removed them', () => {
    const doc = clean(
      ['Storm Hits Coast', 'Share this article', 'The storm made landfall at dawn, officials said, and thousands lost power.', 'Advertisement',
        'Crews worked through the night to restore electricity to the region.', 'Subscribe to our newsletter for daily updates', 'Read more: Earlier storms this year'].join('\n'),
    );
    const ids = doc.diagnostics.map((d) => d.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['clean/boilerplate-share', 'clean/boilerplate-advertisement', 'clean/boilerplate-subscribe', 'clean/boilerplate-related']));
    expect(doc.text).not.toMatch(/Advertisement|Subscribe|Share this/);
  });

  it('keeps body sentences that merely mention boilerplate words', () => {
    expect(matchBoilerplate('Print journalism is struggling in the region, the report found.')).toBeNull();
    expect(matchBoilerplate('Related to the case, prosecutors filed new charges on Monday.')).toBeNull();
    expect(matchBoilerplate('Copyright law was at the centre of the dispute.')).toBeNull();
  });

  it('text without a headline is all body', () => {
    const doc = clean('The council met on Monday.\nIt approved the budget after a long debate.');
    expect(doc.paragraphs.every((p) => p.role === 'body')).toBe(true);
  });

  it('headline rules: title case or unpunctuated short lines; sentences are not headlines', () => {
    expect(looksLikeHeadline('Mexico Vows Strong Opposition to Military Plans')).toBe(true);
    expect(looksLikeHeadline('The president met the prime minister on Monday to discuss trade.')).toBe(false);
    expect(looksLikeDek('Short standfirst about the story.', 'A much longer first paragraph of the body that goes on and on with detail and more detail to be long enough.')).toBe(true);
    expect(looksLikeDek('WASHINGTON (Reuters) - A short lede.', 'A much longer first paragraph of the body that goes on and on with detail and more detail.')).toBe(false);
  });

  it('hard-wrapped text becomes one block per blank-line-separated paragraph', () => {
    const wrapped = [
      'The committee published its findings on Thursday after a',
      'year-long inquiry into the collapse of the bridge, which killed',
      'six people and injured dozens more in the city centre.',
      '',
      'Engineers had warned about corrosion in the supports as early',
      'as 2019, according to documents seen by reporters, but repairs',
      'were postponed twice because of budget constraints.',
    ].join('\n');
    const blocks = splitBlocks(wrapped);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]!.text).toContain('after a year-long inquiry');
  });

  it('raw mode keeps the text verbatim and removes nothing', () => {
    const text = 'Same line.\nSame line.\n\nAnother.';
    const doc = clean(text, true);
    expect(doc.text).toBe(text);
    expect(doc.paragraphs).toHaveLength(3);
    expect(doc.diagnostics).toHaveLength(0);
  });

  it('a known title from the container becomes the headline', () => {
    const doc = cleanArticle({ input: 'x.jsonl#L1', format: 'text', content: 'Body text of the story, long enough to be a paragraph.', meta: { title: 'A Title' } });
    expect(role(doc, 'headline')).toEqual(['A Title']);
    expect(role(doc, 'body')).toHaveLength(1);
  });
});

describe('clean: short repeated lines', () => {
  it('keeps short lines that legitimately repeat (section labels), but not a repeated headline', () => {
    const doc = clean(['Two Easy Soups for Winter', 'Tomato soup', 'Ingredients', 'Four ripe tomatoes, one onion and a litre of stock.', 'Lentil soup', 'Ingredients', 'Two cups of red lentils, one carrot and a litre of stock.', 'Two Easy Soups for Winter'].join('\n'));
    expect(role(doc, 'body').filter((p) => p === 'Ingredients')).toHaveLength(2);
    expect(doc.diagnostics.map((d) => d.ruleId)).toEqual(['clean/duplicate-headline']);
  });
});

describe('clean: near duplicates must agree on numbers', () => {
  it('keeps two similar paragraphs that report different figures', () => {
    const a = 'Officials said at least 5 people were killed when the bridge collapsed during the evening rush hour in the city.';
    const b = 'Officials said at least 50 people were killed when the bridge collapsed during the evening rush hour in the city.';
    const doc = clean(['Bridge Collapse Kills Dozens', a, 'Rescuers searched the river overnight.', b].join('\n'));
    expect(doc.diagnostics.filter((d) => d.ruleId === 'clean/duplicate-paragraph')).toHaveLength(0);
  });
});
