import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findValues, parseNumber, valuesComponent, weekdayDate } from '../../src/entities/values.js';
import { handDoc, roughSentences } from './helpers.js';

const SEED = readFileSync(new URL('../../../shared/seed/000_381fc5596f504642.txt', import.meta.url), 'utf8');

function values(text: string, published: string | null = '2025-08-09') {
  return findValues(text, roughSentences(text), published).map((v) => [v.type, v.text, v.normalized, v.unit ?? null]);
}

describe('values: seed article', () => {
  it('finds the dates and amounts a reader sees, "Friday" before publication', () => {
    const doc = handDoc(SEED, [], { published: '2025-08-09T14:00:00Z' });
    valuesComponent().run(doc);
    const got = doc.values.map((v) => [v.type, v.text, v.normalized]);
    expect(got).toContainEqual(['DATE', 'Friday', '2025-08-08']);
    expect(got).toContainEqual(['DATE', 'Earlier in the year', '2025']);
    expect(got).toContainEqual(['DATE', 'recent months', null]);
    expect(got).toContainEqual(['CARDINAL', 'six', '6']);
    expect(got).toContainEqual(['CARDINAL', 'eight', '8']);
    for (const v of doc.values) expect(SEED.slice(v.start, v.end)).toBe(v.text);
  });
});

describe('values: other text', () => {
  it('reads money, percentages and quantities with units', () => {
    const v = values('The deal is worth $5.2 billion, or 3% of output, and €30m in fees; 45 million pesos were paid for 20 tons of grain over 150 kilometers.');
    expect(v).toContainEqual(['MONEY', '$5.2 billion', '5200000000', 'USD']);
    expect(v).toContainEqual(['PERCENT', '3%', '3', null]);
    expect(v).toContainEqual(['MONEY', '€30m', '30000000', 'EUR']);
    expect(v).toContainEqual(['MONEY', '45 million pesos', '45000000', 'MXN']);
    expect(v).toContainEqual(['QUANTITY', '20 tons', '20', 't']);
    expect(v).toContainEqual(['QUANTITY', '150 kilometers', '150', 'km']);
  });

  it('normalises relative dates against publication (Saturday 2025-08-09)', () => {
    const v = values('Yesterday, officials met. Three days ago a ship left. Prices fell last week and last month. The talks will resume on Tuesday. Last year was hard; next month too. The vote was on March 3 and the law passed in May.');
    expect(v).toContainEqual(['DATE', 'Yesterday', '2025-08-08', null]);
    expect(v).toContainEqual(['DATE', 'Three days ago', '2025-08-06', null]);
    expect(v).toContainEqual(['DATE', 'last week', '2025-W31', null]);
    expect(v).toContainEqual(['DATE', 'last month', '2025-07', null]);
    expect(v).toContainEqual(['DATE', 'Tuesday', '2025-08-12', null]);
    expect(v).toContainEqual(['DATE', 'Last year', '2024', null]);
    expect(v).toContainEqual(['DATE', 'next month', '2025-09', null]);
    expect(v).toContainEqual(['DATE', 'March 3', '2025-03-03', null]);
    expect(v).toContainEqual(['DATE', 'May', '2025-05', null]);
  });

  it('reads absolute dates, decades, times and ordinals; a year is not also a cardinal', () => {
    const v = values('He was born on 4 July 1976, grew up in the 1990s and won for the second time in 2024 at 3 p.m. ET, not 18:30 GMT.');
    expect(v).toContainEqual(['DATE', '4 July 1976', '1976-07-04', null]);
    expect(v).toContainEqual(['DATE', 'the 1990s', '199', null]);
    expect(v).toContainEqual(['ORDINAL', 'second', '2', null]);
    expect(v).toContainEqual(['DATE', '2024', '2024', null]);
    expect(v).toContainEqual(['TIME', '3 p.m. ET', 'T15:00', null]);
    expect(v).toContainEqual(['TIME', '18:30 GMT', 'T18:30', null]);
    expect(v.filter((x) => x[0] === 'CARDINAL')).toEqual([]);
  });

  it('reads durations, holidays, centuries and months used as modifiers', () => {
    const v = values('He spent two years in jail before Christmas. Ruins from the 19th century stand. The November election and a year ago too. March on, they said.');
    expect(v).toContainEqual(['DATE', 'two years', null, null]);
    expect(v).toContainEqual(['DATE', 'Christmas', '2024-12-25', null]);
    expect(v).toContainEqual(['DATE', 'the 19th century', '18', null]);
    expect(v).toContainEqual(['DATE', 'November', '2024-11', null]);
    expect(v).toContainEqual(['DATE', 'a year ago', '2024', null]);
    expect(v.some((x) => x[1] === 'March')).toBe(false);
  });

  it('reads a year before an event noun as a date and before a count noun as a number', () => {
    const v = values('The 2024 elections drew 2000 observers.');
    expect(v).toContainEqual(['DATE', '2024', '2024', null]);
    expect(v).toContainEqual(['CARDINAL', '2000', '2000', null]);
  });

  it('does not take "May" the verb, "no one" or the digits of COVID-19 as values', () => {
    const v = values('They may go. No one knew. COVID-19 infected 10,000 people.');
    expect(v).toEqual([['CARDINAL', '10,000', '10000', null]]);
  });

  it('finds nothing in empty text and accepts text without sentences', () => {
    expect(findValues('', [], null)).toEqual([]);
    expect(findValues('On Friday 3 men paid $5.', [], '2025-08-09').map((v) => v.text)).toEqual(['Friday', '3', '$5']);
  });

  it('leaves relative dates unnormalised without a publication date', () => {
    expect(values('On Friday they met.', null)).toEqual([['DATE', 'Friday', null, null]]);
  });
});

describe('values: helpers', () => {
  it('parses numbers in digits and words', () => {
    expect(parseNumber('1,200')).toBe(1200);
    expect(parseNumber('twenty-five')).toBe(25);
    expect(parseNumber('two hundred thousand')).toBe(200000);
    expect(parseNumber('a dozen')).toBe(12);
    expect(parseNumber('3bn')).toBe(3e9);
  });
  it('puts "Friday" on or before publication and a future Friday after it', () => {
    const pub = new Date(Date.UTC(2025, 7, 8)); // a Friday
    expect(weekdayDate(pub, 5, 'past').toISOString().slice(0, 10)).toBe('2025-08-08');
    expect(weekdayDate(pub, 5, 'last').toISOString().slice(0, 10)).toBe('2025-08-01');
    expect(weekdayDate(pub, 5, 'next').toISOString().slice(0, 10)).toBe('2025-08-15');
  });
});

describe('values: "a" and "an" as numbers', () => {
  // findValues tries the rules "a"/"an" trigger only when a space and one of the letters in its
  // AFTER_A gate follow (d h t m b w y). Every phrase those rules read must get through the gate:
  // a rule for a new "a ..." phrase needs its first letter added there, and this list extended.
  it('reads every "a"/"an" number and "a <unit> ago" phrase the rules know', () => {
    const published = '2025-08-09';
    const cases: [string, string, string | null][] = [
      ['They arrested a dozen people.', 'a dozen', '12'],
      ['They sent a hundred troops.', 'a hundred', '100'],
      ['It cost a thousand dollars to fix.', 'a thousand', null],
      ['Nearly a million  voters came.', 'a million', '1000000'],
      ['It spent a billion on roads.', 'a billion', '1000000000'],
      ['A day ago the law passed.', 'A day ago', '2025-08-08'],
      ['The law passed a week earlier.', 'a week earlier', '2025-08-02'],
      ['The law passed a month later.', 'a month later', '2025-09'],
      ['The law passed a year ago.', 'a year ago', '2024'],
      ['The law passed a decade ago.', 'a decade ago', '2015'],
    ];
    for (const [text, phrase, normalized] of cases) {
      const found = findValues(text, roughSentences(text), published).map((v) => text.slice(v.start, v.end));
      expect(found.some((f) => f.startsWith(phrase)), `${text} -> ${JSON.stringify(found)}`).toBe(true);
      if (normalized !== null) {
        const v = findValues(text, roughSentences(text), published).find((x) => text.slice(x.start, x.end).startsWith(phrase));
        expect(v?.normalized, text).toBe(normalized);
      }
    }
    // ...and the gate still leaves "a" alone where no number follows.
    expect(values('It was a good day for a walk.')).toEqual([]);
  });
});
