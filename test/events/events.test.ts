import { describe, expect, it } from 'vitest';
import { createDoc } from '../../src/doc/doc.js';
import type { Doc, NewsEvent } from '../../src/doc/types.js';
import { codeEvents, eventsComponent, goldstein, normalizePlover, ploverOf, quadClass } from '../../src/events/index.js';
import { analyzeTextForEvents } from '../../src/events/pipeline.js';

/** Runs the real stages that exist on a text (raw: already clean), then the events coder. */
function analyze(text: string, published = '2024-03-15'): Doc {
  return analyzeTextForEvents(text, published);
}
const one = (doc: Doc): NewsEvent => {
  expect(doc.events.length).toBeGreaterThan(0);
  return doc.events[0]!;
};

describe('events: ontology', () => {
  it('takes Goldstein values from the CAMEO codebook and maps codes to PLOVER and QuadClass', () => {
    expect(goldstein('163')).toBe(-8);
    expect(goldstein('057')).toBe(8);
    expect(ploverOf('163')).toBe('SANCTION');
    expect(ploverOf('0874')).toBe('RETREAT');
    expect(ploverOf('010')).toBeNull();
    expect(quadClass('051')).toBe(1);
    expect(quadClass('073')).toBe(2);
    expect(quadClass('112')).toBe(3);
    expect(quadClass('190')).toBe(4);
    expect(normalizePlover('DEMAND')).toBe('REQUEST');
    expect(normalizePlover('Disapprove')).toBe('ACCUSE');
  });
  it('declares its place in the pipeline', () => {
    const c = eventsComponent();
    expect(c.name).toBe('events');
    expect(c.assigns).toEqual(['events']);
    expect(c.requires).toContain('attributions');
  });
});

describe('events: who did what to whom', () => {
  it('codes an arrest with actor and target country and sector', () => {
    const e = one(analyze('Israeli police arrested 12 protesters in Jerusalem on Monday.'));
    expect(e.action).toMatchObject({ cameo: '173', plover: 'COERCE', goldstein: -5, quadClass: 4 });
    expect(e).toMatchObject({ actorCountry: 'ISR', actorSector: 'COP', negated: false, modality: 'asserted' });
    // Protesters are civilians to the entity layer's actor codes, opposition to CAMEO's older practice.
    expect(['CVL', 'OPP']).toContain(e.targetSector);
  });
  it('finds the actor of a passive in its by-phrase', () => {
    const e = one(analyze('Three villagers were killed by Nigerian soldiers near the border.'));
    expect(e.actorText).toBe('Nigerian soldiers');
    expect(e).toMatchObject({ actorCountry: 'NGA', actorSector: 'MIL', targetSector: 'CVL' });
    expect(e.action.plover).toBe('FIGHT');
  });
  it('codes "threatened to impose sanctions" as a threat of sanctions', () => {
    const e = one(analyze('France threatened to impose sanctions on Iran.'));
    expect(e.action).toMatchObject({ cameo: '132', plover: 'THREATEN' });
    expect(e).toMatchObject({ actorCountry: 'FRA', targetCountry: 'IRN' });
  });
  it('codes "refused to meet" as a rejection and "offered to send aid" as an intent', () => {
    const r = one(analyze('Pakistan refused to meet the Indian envoy in Geneva.'));
    expect(r.action).toMatchObject({ cameo: '125', plover: 'REJECT' });
    expect(r).toMatchObject({ actorCountry: 'PAK', targetCountry: 'IND' });
    const o = one(analyze('Japan offered to send food aid to Haiti.'));
    expect(o.action).toMatchObject({ cameo: '033', plover: 'AGREE' });
    expect(o).toMatchObject({ actorCountry: 'JPN', targetCountry: 'HTI' });
  });
  it('codes only the accusation in "accused X of attacking"', () => {
    const doc = analyze('The Sudanese government accused Chadian rebels of attacking a border town.');
    expect(doc.events.map((e) => e.action.plover)).toEqual(['ACCUSE']);
    expect(doc.events[0]).toMatchObject({ actorCountry: 'SDN', actorSector: 'GOV', targetCountry: 'TCD', targetSector: 'REB' });
  });
  it('codes the reported action, not the speech, and keeps who reported it', () => {
    const e = one(analyze('Colombian officials said the rebels attacked an army base on Sunday.'));
    expect(e.action.plover).toBe('ASSAULT');
    expect(e.actorText).toBe('rebels');
    expect(e.modality).toBe('reported');
    expect(e.reportedByText).toBe('Colombian officials');
  });
  it('takes the reporter from "according to a report from X"', () => {
    const e = one(analyze('According to a report from Reuters, Turkey detained two Greek journalists.'));
    expect(e).toMatchObject({ actorCountry: 'TUR', targetCountry: 'GRC', targetSector: 'MED', modality: 'reported' });
    expect(e.reportedByText).toMatch(/Reuters/);
  });
  it('marks negation, plans and hypotheticals', () => {
    expect(one(analyze('Brazil did not sign the trade agreement with Argentina.')).negated).toBe(true);
    const p = one(analyze('Germany will send troops to Mali next year.'));
    expect(p.modality).toBe('planned');
    expect(p.action.plover).toBe('AGREE');
    expect(one(analyze('Russia may expel the Polish ambassador.')).modality).toBe('hypothetical');
  });
  it('codes a nominal "X-Y cooperation" with both sides', () => {
    const e = one(analyze('Officials praised the progress of Canada-Mexico cooperation on trade.'));
    const coop = analyze('Talks showed progress in Canada-Mexico cooperation on trade.').events.find((x) => x.action.plover === 'COOPERATE');
    expect(e).toBeDefined();
    expect(coop).toMatchObject({ actorCountry: 'CAN', targetCountry: 'MEX' });
  });
  it('codes praise of a government', () => {
    const e = one(analyze('The British ambassador emphasized the achievements of the Kenyan government.'));
    expect(e.action).toMatchObject({ cameo: '051', plover: 'SUPPORT' });
    expect(e).toMatchObject({ actorCountry: 'GBR', targetCountry: 'KEN', targetSector: 'GOV' });
  });
  it('codes one event per conjoined actor', () => {
    const doc = analyze('Jordan and Britain have agreed to hold joint military exercises.');
    expect(doc.events.map((e) => e.actorCountry).sort()).toEqual(['GBR', 'JOR']);
  });
  it('reports the same event once per article, with more evidence', () => {
    const text = 'Chile imposed sanctions on Peru. Later that day, Chile imposed sanctions on Peru.';
    const doc = createDoc(text, [{ start: 0, end: text.length, role: 'body' }]);
    codeEvents(doc);
    expect(doc.events).toHaveLength(1);
    expect(doc.events[0]!.moreEvidence).toHaveLength(1);
    expect(doc.events[0]!.action.plover).toBe('SANCTION');
  });
  it('dates an event by the article date when its sentence has none', () => {
    const e = one(analyze('Peru expelled two Bolivian diplomats.', '2023-05-02T10:00:00Z'));
    expect(e.date).toBe('2023-05-02');
  });
});

describe('events: PLOVER mode', () => {
  it('derives the mode from the code and the words', () => {
    expect(one(analyze('Tunisian students began a hunger strike on Monday.')).action.mode).toBe('strike-hun');
    expect(one(analyze('The Thai army imposed a curfew in Bangkok.')).action.mode).toBe('curfew');
    expect(one(analyze('Nepali police arrested four journalists.')).action.mode).toBe('arrest');
  });
});
