import { describe, expect, it } from 'vitest';
import type { Doc } from '../../src/doc/types.js';
import { analyzeTextForEvents } from '../../src/events/pipeline.js';

const analyze = (text: string): Doc => analyzeTextForEvents(text, '2024-06-01');
const codes = (doc: Doc): string[] => doc.events.filter((e) => !e.negated).map((e) => e.action.cameo);

describe('events: CAMEO coding conventions', () => {
  it('codes damage done by protesters as violent protest (145), by a state as coercion', () => {
    const riot = analyze('Angry Peruvian protesters destroyed a police station in Lima on Sunday.');
    expect(codes(riot)).toEqual(['145']);
    expect(riot.events[0]!.action.plover).toBe('PROTEST');
    const state = analyze('Peruvian police destroyed a protest camp in Lima on Sunday.');
    expect(codes(state)).toEqual(['171']);
  });
  it('codes a passive with a demonstrator agent as violent protest', () => {
    const doc = analyze('The Chilean embassy was torched by Bolivian demonstrators.');
    expect(doc.events[0]).toMatchObject({ actorCountry: 'BOL', targetCountry: 'CHL' });
    expect(codes(doc)).toEqual(['145']);
  });
});
