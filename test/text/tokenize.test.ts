import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/text/tokenize.js';

const toks = (t: string): string[] => tokenize(t).map((k) => t.slice(k.start, k.end));

describe('text: tokenizer', () => {
  it('splits the possessive clitic, with straight and typographic apostrophes', () => {
    expect(toks("Sheinbaum's plan")).toEqual(['Sheinbaum', "'s", 'plan']);
    expect(toks('Sheinbaum\u2019s plan')).toEqual(['Sheinbaum', '\u2019s', 'plan']);
    expect(toks("officials' view")).toEqual(['officials', "'", 'view']);
    // A left single quote typed for an apostrophe, as scraped pages sometimes have.
    expect(toks('Trump\u2018s plan')).toEqual(['Trump', '\u2018s', 'plan']);
  });

  it("splits n't and other contractions PTB style", () => {
    expect(toks("don't can't won't isn\u2019t")).toEqual(['do', "n't", 'ca', "n't", 'wo', "n't", 'is', 'n\u2019t']);
    expect(toks("they're we've I'll she'd I'm")).toEqual(['they', "'re", 'we', "'ve", 'I', "'ll", 'she', "'d", 'I', "'m"]);
    expect(toks("O'Brien rock'n'roll '90s")).toEqual(["O'Brien", "rock'n'roll", "'90s"]);
  });

  it('keeps abbreviations with their period and splits U.S.-Mexico into U.S. / - / Mexico', () => {
    expect(toks('the U.S.-Mexico border')).toEqual(['the', 'U.S.', '-', 'Mexico', 'border']);
    expect(toks('Mexico-U.S. ties')).toEqual(['Mexico', '-', 'U.S.', 'ties']);
    expect(toks('Mr. Smith of Acme Inc. arrived at 5 p.m. on Jan. 5.')).toEqual([
      'Mr.', 'Smith', 'of', 'Acme', 'Inc.', 'arrived', 'at', '5', 'p.m.', 'on', 'Jan.', '5', '.',
    ]);
    expect(toks('the answer is no.')).toEqual(['the', 'answer', 'is', 'no', '.']);
  });

  it('keeps hyphenated words whole', () => {
    expect(toks('mere drug-dealers and small-dollar donors')).toEqual(['mere', 'drug-dealers', 'and', 'small-dollar', 'donors']);
  });

  it('keeps numbers with their separators and splits currency and percent', () => {
    expect(toks('$1,000.50 or 3.5% of 1,200')).toEqual(['$', '1,000.50', 'or', '3.5', '%', 'of', '1,200']);
  });

  it('keeps a list marker opening a sentence whole, but not a number ending one', () => {
    expect(toks('3. Gillian Russell')).toEqual(['3.', 'Gillian', 'Russell']);
    expect(toks('She finished 3.')).toEqual(['She', 'finished', '3', '.']);
  });

  it('keeps URLs and e-mail addresses as single tokens', () => {
    expect(toks('See https://example.com/a-b/c.html. Write to jane.doe@example.com, now.')).toEqual([
      'See', 'https://example.com/a-b/c.html', '.', 'Write', 'to', 'jane.doe@example.com', ',', 'now', '.',
    ]);
  });

  it('makes em dashes, quotes and brackets separate tokens', () => {
    expect(toks('organizations\u2014six of them\u2014and "ruled out." (really)')).toEqual([
      'organizations', '\u2014', 'six', 'of', 'them', '\u2014', 'and', '"', 'ruled', 'out', '.', '"', '(', 'really', ')',
    ]);
    expect(toks('\u201cNo,\u201d she said, \u2018fine\u2019')).toEqual(['\u201c', 'No', ',', '\u201d', 'she', 'said', ',', '\u2018', 'fine', '\u2019']);
  });

  it('gives offsets into the whole text for a range', () => {
    const t = 'Before. The U.S. says no. After.';
    const a = t.indexOf('The');
    const b = t.indexOf(' After');
    const got = tokenize(t, a, b);
    expect(got.map((k) => t.slice(k.start, k.end))).toEqual(['The', 'U.S.', 'says', 'no', '.']);
    expect(got[0]).toEqual({ start: a, end: a + 3, pos: '' });
  });
});

describe('text: tokenizer on hostile input', () => {
  it('cuts a 200k-character run of dashes and quotes without spaces without exhausting the stack', () => {
    const t = 'a\u2014"'.repeat(70_000);
    const got = tokenize(t);
    expect(got.length).toBe(210_000);
    expect(got.every((k, i) => i === 0 || k.start === got[i - 1]!.end)).toBe(true);
  });
});
