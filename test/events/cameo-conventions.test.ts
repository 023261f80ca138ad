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

describe('events: claims and statements', () => {
  it('codes "X claimed that Y attacked Z" as X accusing Y (112), not as the attack', () => {
    const doc = analyze('Turkey claimed that Syrian troops had shelled Kurdish villages.');
    expect(codes(doc)).toEqual(['112']);
    expect(doc.events[0]).toMatchObject({ actorCountry: 'TUR', targetCountry: 'SYR' });
  });
  it('codes a claim of one\'s own attack as claiming responsibility (015)', () => {
    const doc = analyze('Nigeria claimed that its air force had bombed the rebel camps.');
    expect(codes(doc)).toEqual(['015']);
    expect(doc.events[0]!.actorCountry).toBe('NGA');
    expect(doc.events[0]!.action.plover).toBe('');
  });
  it('codes claiming responsibility and condolences as CAMEO statements without a PLOVER type', () => {
    expect(codes(analyze('A Pakistani militant group claimed responsibility for the bombing in Quetta.'))).toEqual(['015']);
    const doc = analyze('The French president expressed condolences to the victims of the floods in Italy.');
    expect(codes(doc)).toEqual(['018']);
    expect(doc.events[0]!.actorCountry).toBe('FRA');
  });
  it('still codes an attack reported by a plain speech verb as the attack', () => {
    const doc = analyze('Turkey said that Syrian troops had shelled Kurdish villages.');
    expect(codes(doc)[0]!.slice(0, 2)).toBe('19');
  });
});

describe('events: hoped-for actions', () => {
  it('marks an action someone hopes for as hypothetical, and drops it without an actor', () => {
    expect(analyze('The Kenyan minister said she hoped the smugglers named in the long report by the commission would soon be arrested.').events).toHaveLength(0);
    const doc = analyze('Ghana hopes that Nigerian troops will withdraw from the border.');
    const w = doc.events.find((e) => e.action.plover === 'RETREAT' || e.action.cameo.startsWith('03'));
    expect(w?.modality).toBe('hypothetical');
  });
  it('keeps an asserted arrest reported by a speech verb', () => {
    const doc = analyze('The Kenyan minister said the police had arrested the smugglers.');
    expect(doc.events[0]!.action.cameo).toBe('173');
    expect(doc.events[0]!.modality).not.toBe('hypothetical');
  });
});

describe('events: affiliation modifiers', () => {
  it('does not take a "-linked"/"-backed" name for the actor or its country', () => {
    const doc = analyze('The Al Qaeda-linked Yemeni militant group Ansar al-Sharia claimed responsibility for a bombing of a market in Aden.');
    expect(doc.events[0]).toMatchObject({ actorCountry: 'YEM' });
    expect(doc.events[0]!.actorText).toMatch(/Yemeni militant group/);
    const backed = analyze('Syrian-backed militias attacked Israeli troops.').events[0];
    expect(backed?.actorCountry).not.toBe('SYR');
  });
  it('gives victims of a claimed attack the country where they were hit', () => {
    const e = analyze('A Pakistani militant group claimed responsibility for an attack on shoppers at a market in Afghanistan.').events[0];
    expect(e).toMatchObject({ actorCountry: 'PAK', targetCountry: 'AFG' });
    expect(e!.action.cameo).toBe('015');
  });
});

describe('events: places inside a country', () => {
  it('locates a US state in the USA for the other side of an event', () => {
    const doc = analyze('China is conducting naval drills off California.');
    expect(doc.events[0]).toMatchObject({ actorCountry: 'CHN', targetCountry: 'USA' });
    const v = analyze('Mexican gunmen killed three farmers in Texas.').events[0];
    expect(v).toMatchObject({ actorCountry: 'MEX', targetCountry: 'USA' });
  });
  it('keeps Georgia the country', () => {
    expect(analyze('Russia deployed troops to Georgia.').events[0]!.targetCountry).toBe('GEO');
  });
});

describe('events: background relative clauses', () => {
  it('does not code a perfect-tense relative clause on a noun after the main event', () => {
    const doc = analyze('French jets bombed a Malian rebel group that has seized towns in the north.');
    expect(doc.events).toHaveLength(1);
    expect(doc.events[0]!.action.cameo).not.toBe('171');
    expect(doc.events[0]!.actorCountry).toBe('FRA');
  });
  it('still codes such a clause when it is the only event', () => {
    const doc = analyze('Officials named the rebel group that has seized towns in northern Mali.');
    expect(doc.events.some((e) => e.action.cameo === '171')).toBe(true);
  });
});

describe('events: existential passives and sanctions codes', () => {
  it('reads the noun after "there were" as the one a participle happened to', () => {
    const e = analyze('There were three Kenyan policemen wounded by Somali gunmen on Monday.').events[0];
    expect(e).toMatchObject({ actorCountry: 'SOM', targetCountry: 'KEN' });
    const v = analyze('There were twelve Afghan villagers killed in the raid.').events[0];
    expect(v!.targetCountry).toBe('AFG');
    expect(v!.actorCountry).not.toBe('AFG');
  });
  it('codes lifting economic sanctions or an embargo as 085, lifting a curfew as 081', () => {
    expect(analyze('The EU lifted its embargo on Belarus.').events[0]!.action.cameo).toBe('085');
    expect(analyze('Kenyan authorities lifted the curfew in Mombasa.').events[0]!.action.cameo).toBe('081');
  });
});

describe('events: heavy weapons in a by-phrase', () => {
  it('codes damage done by rockets as fighting with artillery (194), with the agent who fired them', () => {
    const e = analyze('A Syrian school was destroyed by rockets fired by Turkish troops.').events[0];
    expect(e).toMatchObject({ actorCountry: 'TUR', targetCountry: 'SYR' });
    expect(e!.action.cameo).toBe('194');
  });
  it('takes no weapon for an actor and leaves other by-phrases alone', () => {
    const w = analyze('A Nigerian army base was destroyed by a missile on Friday.').events[0];
    expect(w).toMatchObject({ actorText: null, targetCountry: 'NGA' });
    expect(w!.action.cameo).toBe('194');
    const e = analyze('The Kenyan embassy was destroyed by Somali rebels.').events[0];
    expect(e).toMatchObject({ actorCountry: 'SOM', targetCountry: 'KEN' });
    expect(e!.action.cameo).toBe('171');
  });
});

describe('events: the only country a sentence names', () => {
  it('sets the scene when it is named through a place inside it', () => {
    const e = analyze('The governor expressed condolences to the victims of the floods in Ohio.').events[0];
    expect(e).toMatchObject({ actorCountry: 'USA', targetCountry: 'USA' });
  });
  it('does not when the other side is the country itself or its capital', () => {
    expect(analyze('The president threatened Ukraine.').events[0]).toMatchObject({ actorCountry: null, targetCountry: 'UKR' });
    expect(analyze('The minister criticised Kigali.').events[0]).toMatchObject({ actorCountry: null, targetCountry: 'RWA' });
  });
});
