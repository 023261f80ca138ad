import { describe, expect, it } from 'vitest';
import { normalizeDate } from '../../src/ingest/dates.js';

describe('ingest dates: normalised without moving the day', () => {
  it('keeps ISO values as written, offset included', () => {
    expect(normalizeDate('2025-08-08')).toBe('2025-08-08');
    expect(normalizeDate('2019-11-19T22:48:00-05:00')).toBe('2019-11-19T22:48:00-05:00');
    expect(normalizeDate('2019-11-19T22:48:00Z')).toBe('2019-11-19T22:48:00Z');
  });

  it('reads SQL-style timestamps', () => {
    expect(normalizeDate('2019-11-19 10:48:00')).toBe('2019-11-19T10:48:00');
    expect(normalizeDate('2019-11-19 10:48:00+0100')).toBe('2019-11-19T10:48:00+0100');
  });

  it('reads RFC 822 dates from feeds, keeping their zone', () => {
    expect(normalizeDate('Tue, 19 Nov 2019 22:48:00 -0500')).toBe('2019-11-19T22:48:00-05:00');
    expect(normalizeDate('Tue, 19 Nov 2019 10:48:00 GMT')).toBe('2019-11-19T10:48:00Z');
    expect(normalizeDate('19 Nov 2019 10:48 EST')).toBe('2019-11-19T10:48:00-05:00');
    expect(normalizeDate('Wed, 3 Sep 2025')).toBe('2025-09-03');
  });

  it('gives a bare day when the text has no clock time', () => {
    expect(normalizeDate('November 19, 2019')).toBe('2019-11-19');
    expect(normalizeDate('19 November 2019')).toBe('2019-11-19');
  });

  it('returns what it cannot read unchanged, and null for nothing', () => {
    expect(normalizeDate('last Tuesday')).toBe('last Tuesday');
    expect(normalizeDate('  ')).toBeNull();
    expect(normalizeDate(null)).toBeNull();
  });
});
