import { describe, expect, it } from 'vitest';
import type { Doc } from '../../src/doc/types.js';
import { analyzeTextForEvents } from '../../src/events/pipeline.js';

const analyze = (text: string): Doc => analyzeTextForEvents(text, '2024-06-01');
const types = (doc: Doc): string[] => doc.events.map((e) => e.action.plover);

describe('events: clause rules', () => {
  it('absorbs an infinitive of purpose into the event before it', () => {
    const doc = analyze('Kenyan teachers staged a strike on Monday to demand higher wages.');
    expect(types(doc)).toEqual(['PROTEST']);
    expect(doc.events[0]).toMatchObject({ actorCountry: 'KEN', actorSector: 'EDU' });
  });
  it('absorbs -ing adjuncts, also coordinated ones', () => {
    const doc = analyze('Peruvian police raided the camp on Friday, seizing weapons and arresting nine miners.');
    expect(doc.events.map((e) => e.action.cameo)).toEqual(['170']);
    const doc2 = analyze('Peruvian police arrested nine miners on Friday, seizing weapons and detaining their leaders.');
    expect(doc2.events).toHaveLength(1);
    expect(doc2.events[0]!.action.cameo).toBe('173');
  });
  it('does not take an adjectival participle for an action', () => {
    const doc = analyze('The minister resigned over his alleged role in the occupied territories.');
    expect(types(doc)).toEqual(['RETREAT']);
    expect(doc.events[0]!.targetText).toBeNull();
  });
  it('skips a reduced relative clause without an actor', () => {
    const doc = analyze('Ghana released a journalist jailed two years ago, his lawyer said.');
    expect(doc.events.map((e) => e.action.cameo)).toEqual(['084']);
  });
  it('keeps agreement as agreement whatever is agreed', () => {
    const doc = analyze('Thai and Cambodian commanders agreed to halt the shelling along the border.');
    expect(new Set(types(doc))).toEqual(new Set(['AGREE']));
    expect(doc.events.map((e) => e.actorCountry).sort()).toEqual(['KHM', 'THA']);
  });
  it('codes a demand noun after a speech verb with that verb\'s subject', () => {
    const doc = analyze('The African Union repeated its demand that Sudan open its borders to aid convoys.');
    const e = doc.events.find((x) => x.action.plover === 'REQUEST');
    expect(e).toMatchObject({ actorCountry: 'IGO', targetCountry: 'SDN' });
  });
  it('reads "X said Y must ..." as a demand by X on Y', () => {
    const doc = analyze('The European Union said Serbia must arrest the suspects.');
    expect(doc.events).toHaveLength(1);
    expect(doc.events[0]).toMatchObject({ actorCountry: 'IGO', targetCountry: 'SRB' });
    expect(doc.events[0]!.action.plover).toBe('REQUEST');
  });
  it('resolves "it" after "announced that" to the announcer', () => {
    const e = analyze('Norway announced that it will send food aid to Yemen.').events[0];
    expect(e).toMatchObject({ actorCountry: 'NOR', targetCountry: 'YEM', modality: 'planned' });
    expect(e!.action.plover).toBe('AGREE');
  });
  it('turns a planned use of force into a threat and keeps a planned inquiry an inquiry', () => {
    expect(analyze('Turkey will attack the militants in northern Syria.').events[0]!.action.plover).toBe('THREATEN');
    expect(analyze('Brazil wants to investigate the Venezuelan envoy.').events[0]!.action.plover).toBe('INVESTIGATE');
  });
  it('marks events inside an if-clause hypothetical and drops them without an actor', () => {
    const doc = analyze('Canada will impose tariffs on steel if it is attacked.');
    expect(doc.events.every((e) => e.actorCountry === 'CAN')).toBe(true);
  });
  it('does not invent the country of a person the text does not place (no hard-coded knowledge)', () => {
    const e = analyze('Putin threatened Ukraine with new sanctions.').events[0];
    expect(e).toMatchObject({ actorCountry: null, targetCountry: 'UKR' });
  });
  it('takes a person\'s country from the role the text gives', () => {
    const e = analyze('Russian President Vladimir Putin threatened Ukraine with new sanctions.').events[0];
    expect(e).toMatchObject({ actorCountry: 'RUS', actorSector: 'GOV', targetCountry: 'UKR' });
  });
  it('treats a list of countries as conjoined actors of a mutual event', () => {
    const doc = analyze('Chile, Peru and Bolivia met in Lima on Tuesday.');
    const pairs = doc.events.map((e) => `${e.actorCountry}>${e.targetCountry}`).sort();
    expect(pairs).toEqual(['BOL>CHL', 'BOL>PER', 'CHL>BOL', 'CHL>PER', 'PER>BOL', 'PER>CHL']);
  });
  it('does not read "Secretary of State" as a speech verb', () => {
    const e = analyze('The US Secretary of State criticized Cuba on Monday.').events[0];
    expect(e).toMatchObject({ actorCountry: 'USA', actorSector: 'GOV', targetCountry: 'CUB' });
    expect(e!.action.plover).toBe('ACCUSE');
  });
});

describe('events: denials', () => {
  it('keeps a denied action with modality denied and the denier as reporter', () => {
    const e = analyze('Rwanda denied that its troops attacked Congolese villages.').events[0];
    expect(e).toMatchObject({ actorCountry: 'RWA', actorSector: 'MIL', targetCountry: 'COD', modality: 'denied' });
    const g = analyze('The Ethiopian army denied shelling the town.').events[0];
    expect(g).toMatchObject({ actorCountry: 'ETH', actorSector: 'MIL', modality: 'denied' });
    expect(g!.action.plover).toBe('FIGHT');
  });
});

describe('events: refusals', () => {
  it('codes a refusal as a rejection and the refused action as negated', () => {
    const doc = analyze('Pakistan refused to meet the Indian envoy in Geneva.');
    expect(doc.events.map((e) => [e.action.plover, e.negated])).toEqual([['REJECT', false], ['CONSULT', true]]);
    expect(doc.events[1]).toMatchObject({ actorCountry: 'PAK', targetCountry: 'IND' });
  });
});

describe('events: lexicon coverage beyond the dev data', () => {
  const cases: [string, string, string | null, string | null][] = [
    ['Indonesia and Malaysia reached an agreement on fishing rights.', 'SUPPORT', 'IDN', 'MYS'],
    ['French instructors will train Malian troops.', 'AGREE', 'FRA', 'MLI'],
    ['The junta pardoned 200 Burmese prisoners on Friday.', 'RETREAT', null, 'MMR'],
    ['Egypt reopened the Rafah crossing for the wounded.', 'CONCEDE', 'EGY', null],
    ['The Kenyan government ordered an inquiry into the shooting.', 'INVESTIGATE', 'KEN', null],
    ['Thousands of Serbians took to the streets of Belgrade.', 'PROTEST', 'SRB', 'SRB'],
    ['China banned imports of Australian wine.', 'SANCTION', 'CHN', 'AUS'],
    ['Saudi Arabia executed three Yemeni smugglers.', 'COERCE', 'SAU', 'YEM'],
    ['Somali militants stormed a hotel in Mogadishu.', 'FIGHT', 'SOM', 'SOM'],
    ['Indian troops were put on high alert along the Pakistani border.', 'MOBILIZE', 'IND', null],
    ['Hungary imposed new restrictions on Ukrainian grain.', 'COERCE', 'HUN', 'UKR'],
    ['The Thai government reneged on its promise to Cambodian farmers.', 'REJECT', 'THA', 'KHM'],
    ['Kurdish protesters resorted to throwing stones at Turkish police.', 'PROTEST', null, 'TUR'],
  ];
  for (const [text, plover, actor, target] of cases) {
    it(`${plover}: ${text}`, () => {
      const e = analyze(text).events.find((x) => !x.negated);
      expect(e?.action.plover).toBe(plover);
      if (actor) expect(e?.actorCountry).toBe(actor);
      if (target) expect(e?.targetCountry).toBe(target);
    });
  }
});

describe('events: victims', () => {
  it('gives victims with no nationality the country where they were hit', () => {
    const e = analyze('Six farmers were killed by Sudanese soldiers in eastern Chad on Monday.').events[0];
    expect(e).toMatchObject({ actorCountry: 'SDN', actorSector: 'MIL', targetCountry: 'TCD' });
  });
});

describe('events: coordination, noun modifiers, relative clauses, activities', () => {
  it('codes "killed X and wounded Y" once', () => {
    const doc = analyze('A car bomb near Kirkuk killed two Iraqi policemen and wounded five others on Sunday.');
    expect(doc.events.filter((e) => e.action.cameo.startsWith('18') || e.action.cameo.startsWith('19'))).toHaveLength(1);
  });
  it('does not read a noun modifier as an event ("aid agencies")', () => {
    expect(analyze('Aid agencies in Chad reported heavy rains.').events).toHaveLength(0);
  });
  it('finds the subject of a whom-clause after the pronoun', () => {
    const doc = analyze('Kenyan police arrested Somali refugees, whom the authorities accuse of smuggling.');
    const accuse = doc.events.find((e) => e.action.plover === 'ACCUSE');
    expect(accuse?.actorText).toBe('authorities');
  });
  it('resolves an activity target to the actors named before ("the fight against drug trafficking")', () => {
    const text = 'Colombian drug gangs control the ports. The president signed a decree authorizing military strikes in the fight against drug trafficking.';
    const e = analyzeTextForEvents(text, '2024-06-01').events.find((x) => x.action.plover === 'THREATEN');
    expect(e?.targetText).toMatch(/drug gangs/);
    expect(e?.targetSector).toBe('CRM');
  });
});

describe('events: domestic sentences', () => {
  it('gives a side with no country the only country the sentence names', () => {
    const e = analyze('Opposition leaders in Zambia rejected an offer from the president.').events[0];
    expect(e).toMatchObject({ actorCountry: 'ZMB', targetCountry: 'ZMB' });
    expect(e!.action.plover).toBe('REJECT');
  });
  it('leaves sides without a country when the sentence names several', () => {
    const e = analyze('Opposition leaders in Zambia rejected an offer from the president, Malawian media said.').events[0];
    expect(e!.targetCountry).toBeNull();
  });
});
