import { describe, expect, it } from 'vitest';
import { aggregate, pagePrecision, pageRecall, shingleCounts, wordTokens } from '../../eval/lib/shingles.js';

describe('extraction metric (AEB shingles)', () => {
  it('tokenises like Python \\w+ with case kept, Unicode letters included', () => {
    expect(wordTokens("São Paulo's mayor—Ana_B. said 2,000 «oui»")).toEqual(['São', 'Paulo', 's', 'mayor', 'Ana_B', 'said', '2', '000', 'oui']);
  });

  it('counts 4-token shingles as a multiset', () => {
    const truth = 'a b c d e';
    // Shingles: truth {abcd, bcde}; pred {abcd, bcdx}.
    expect(shingleCounts(truth, 'a b c d x')).toEqual({ tp: 1, fp: 1, fn: 1 });
    // A repeated shingle in the prediction is a false positive the second time.
    expect(shingleCounts('a b c d', 'a b c d a b c d')).toEqual({ tp: 1, fp: 4, fn: 0 });
    expect(shingleCounts('A b c d', 'a b c d')).toEqual({ tp: 0, fp: 1, fn: 1 });
  });

  it('texts shorter than four tokens make one shorter shingle', () => {
    expect(shingleCounts('two words', 'two words')).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  it('averages precision and recall over pages and takes F1 of the means', () => {
    const pages = [shingleCounts('a b c d e', 'a b c d e'), shingleCounts('a b c d e', ''), shingleCounts('', '')];
    expect(pages.map(pagePrecision)).toEqual([1, 0, 1]);
    expect(pages.map(pageRecall)).toEqual([1, 0, 1]);
    const m = aggregate([shingleCounts('a b c d e', 'a b c d'), shingleCounts('a b c d', 'a b c d e f')]);
    // page 1: P 1, R 1/2; page 2: P 1/3, R 1.
    expect(m.precision).toBeCloseTo(2 / 3);
    expect(m.recall).toBeCloseTo(3 / 4);
    expect(m.f1).toBeCloseTo((2 * (2 / 3) * (3 / 4)) / (2 / 3 + 3 / 4));
  });
});
