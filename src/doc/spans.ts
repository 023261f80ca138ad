import type { Span } from './types.js';

/**
 * Index of the last span starting at or before `pos` in spans sorted by start (0 when none does):
 * the sentence or paragraph a position falls in. Binary search, so callers can ask per mention.
 */
export function spanIndexAt(spans: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let ans = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= pos) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}
