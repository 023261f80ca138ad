import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Doc, NewsEvent } from '../../src/doc/types.js';
import { analyzeForEvents } from '../../src/events/pipeline.js';

const SEED = '../shared/seed/000_381fc5596f504642.txt';

function seedDoc(): Doc {
  // Cleaning (removes the repeated headline and paragraphs), then every stage that exists, then events.
  return analyzeForEvents({ input: SEED, format: 'text', content: readFileSync(SEED, 'utf8'), meta: { published: '2025-08-09' } });
}

describe('events: seed article through the real pipeline', () => {
  const doc = seedDoc();
  const name = (id: string | null, text: string | null): string =>
    `${id ? doc.entities.find((e) => e.id === id)?.name ?? '' : ''} ${text ?? ''}`;
  const evidence = (e: NewsEvent): string =>
    [e.evidence, ...(e.moreEvidence ?? [])].map((s) => doc.text.slice(s.start, s.end)).join(' | ');
  const find = (plover: string, actor: RegExp, target: RegExp, ev: string): NewsEvent | undefined =>
    doc.events.find((e) => e.action.plover === plover && actor.test(name(e.actor, e.actorText)) &&
      target.test(name(e.target, e.targetText)) && evidence(e).includes(ev));

  it('Mexico rejects U.S. military intervention', () => {
    const e = find('REJECT', /Mexico/, /U\.S\.|United States/, 'categorically rejected');
    expect(e).toBeDefined();
    expect(e!.targetCountry).toBe('USA');
  });
  it('Trump threatens drug cartels (signed a directive), reported by The New York Times', () => {
    const e = find('THREATEN', /Trump/, /cartels/, 'signed a directive');
    expect(e).toBeDefined();
    expect(name(e!.reportedBy, e!.reportedByText ?? null)).toMatch(/New York Times/);
    expect(e!.modality).toBe('reported');
  });
  it('Trump designates drug cartels as terrorists (SANCTION)', () => {
    const e = find('SANCTION', /Trump/, /cartels/, 'designated several Mexican drug cartels');
    expect(e).toBeDefined();
    expect(e!.targetCountry).toBe('MEX');
    expect(e!.targetSector).toBe('CRM');
  });
  it('U.S.-Mexico collaboration is cooperation between the two', () => {
    const e = find('COOPERATE', /U\.S\.|United States/, /Mexico/, 'collaboration');
    expect(e).toMatchObject({ actorCountry: 'USA', targetCountry: 'MEX' });
  });
  it('Ronald Johnson praises Sheinbaum (emphasized the successes)', () => {
    expect(find('SUPPORT', /Ronald Johnson/, /Sheinbaum/, 'emphasized the successes')).toBeDefined();
  });
  it('codes no event twice and none from removed repeats', () => {
    const directive = doc.events.filter((e) => doc.text.slice(e.evidence.start, e.evidence.end).includes('signed a directive') && e.action.plover === 'THREATEN');
    expect(directive).toHaveLength(1);
    const keys = doc.events.map((e) => `${e.actor ?? e.actorText}|${e.action.cameo}|${e.target ?? e.targetText}|${e.negated}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of doc.events) expect(e.evidence.end).toBeLessThanOrEqual(doc.text.length);
  });
});
