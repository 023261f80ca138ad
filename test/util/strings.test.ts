import { describe, expect, it } from 'vitest';
import { isRegexSpace } from '../../src/util/strings.js';

describe('isRegexSpace', () => {
  it('is true exactly for the code units a regex \\s matches', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isRegexSpace(c) !== /\s/u.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
    // Not vacuous: both kinds occur.
    expect(isRegexSpace(0x20) && isRegexSpace(0x3000) && !isRegexSpace(0x85) && !isRegexSpace(0x41)).toBe(true);
  });
});
