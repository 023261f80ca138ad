import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Doc, Entity } from '../../src/doc/types.js';
import { entitiesComponent, entityAt, entityIndex, linkEntities } from '../../src/entities/link.js';
import { handDoc } from './helpers.js';

const SEED = readFileSync(new URL('../../../shared/seed/000_381fc5596f504642.txt', import.meta.url), 'utf8');

function byName(doc: Doc, name: string): Entity {
  const e = doc.entities.find((x) => x.name === name);
  if (!e) throw new Error(`no entity "${name}" in ${doc.entities.map((x) => x.name).join(', ')}`);
  return e;
}
const surfaces = (e: Entity): Set<string> => new Set(e.mentions.map((m) => m.text));

describe('entities: seed article with hand-made mentions', () => {
  const doc = handDoc(SEED, [
    ['Claudia Sheinbaum', 'PERSON'], ['Sheinbaum', 'PERSON'], ['Donald Trump', 'PERSON'], ['Trump', 'PERSON'],
    ['Marco Rubio', 'PERSON'], ['Ronald Johnson', 'PERSON'], ['U.S.', 'GPE'], ['Mexico', 'GPE'],
    ['United States', 'GPE'], ['Pentagon', 'ORG'], ['The New York Times', 'ORG'], ['Mexican', 'NORP'],
  ]);
  entitiesComponent().run(doc);

  it('finds every entity of expected.json with its type', () => {
    const expected = JSON.parse(readFileSync(new URL('../../../shared/seed/expected.json', import.meta.url), 'utf8')) as {
      entities: { name: string; type: string; country?: string; country_from?: string }[];
    };
    for (const x of expected.entities) {
      const e = byName(doc, x.name);
      expect(e.type).toBe(x.type);
      if (x.country_from === 'text') expect(e.country).toBe(x.country);
      // Countries a reader must know (Trump, Rubio, the Pentagon) are not invented.
      if (x.country_from === 'knowledge') expect(e.countryFrom).not.toBe('text');
    }
  });

  it('merges Sheinbaum aliases, her title and the role phrase "Mexico\'s President"', () => {
    const e = byName(doc, 'Claudia Sheinbaum');
    expect([...surfaces(e)]).toEqual(expect.arrayContaining(['Claudia Sheinbaum', 'Sheinbaum', "Mexico's President"]));
    expect(e.mentions.find((m) => m.text === "Mexico's President")?.kind).toBe('role');
    expect(e.roles).toEqual([{ title: 'President', of: 'MEX', evidence: expect.objectContaining({ start: 0 }) }]);
    expect(SEED.slice(e.roles[0]!.evidence.start, e.roles[0]!.evidence.end)).toBe('Mexican President Claudia Sheinbaum');
    expect(e.sector).toBe('GOV');
    expect(doc.entities.filter((x) => x.type === 'PERSON' && x.name.includes('Sheinbaum'))).toHaveLength(1);
  });

  it('reads roles with country from titles: ambassador, secretary of state, former president', () => {
    const j = byName(doc, 'Ronald Johnson');
    expect(j.roles[0]).toMatchObject({ title: 'Ambassador to Mexico', of: 'USA' });
    expect(j.country).toBe('USA');
    expect(byName(doc, 'Marco Rubio').roles[0]).toMatchObject({ title: 'Secretary of State', of: null });
    const t = byName(doc, 'Donald Trump');
    expect(t.roles[0]).toMatchObject({ title: 'President', qualifier: 'former' });
    expect(t.country).toBeNull();
    expect(t.sector).toBe('ELI');
    expect(surfaces(t).has('Trump')).toBe(true);
  });

  it('ties "the Trump administration" to Trump and merges U.S. with the United States', () => {
    const adm = byName(doc, 'Trump administration');
    expect(adm.type).toBe('ORG');
    expect(adm.relatedTo).toBe(byName(doc, 'Donald Trump').id);
    const us = byName(doc, 'United States');
    expect(surfaces(us).has('U.S.')).toBe(true);
    expect(doc.entities.filter((x) => x.country === 'USA' && x.type === 'GPE')).toHaveLength(1);
    expect(byName(doc, 'The New York Times').sector).toBe('MED');
    expect(byName(doc, 'Mexico').place).toMatchObject({ geonameId: null, name: 'Mexico', country: 'MEX', lat: 23, lon: -102 });
  });

  it('resolves the pronoun of `"...," she affirmed.` to Sheinbaum', () => {
    const at = SEED.indexOf('she affirmed');
    expect(entityAt(doc, at, at + 3)).toBe(byName(doc, 'Claudia Sheinbaum').id);
    const her = SEED.indexOf('her country');
    expect(entityAt(doc, her, her + 3)).toBe(byName(doc, 'Claudia Sheinbaum').id);
  });

  it('flags "former President" next to a sitting "Trump administration" as a diagnostic', () => {
    const d = doc.diagnostics.find((x) => x.ruleId === 'entities/former-but-sitting');
    expect(d?.severity).toBe('warning');
    expect(SEED.slice(d!.place.text!.start, d!.place.text!.end)).toBe('former President Donald Trump');
  });

  it('answers span lookups through an index with the innermost mention', () => {
    const at = entityIndex(doc);
    const i = SEED.indexOf('Trump administration');
    expect(at(i, i + 5)).toBe(byName(doc, 'Donald Trump').id);
    expect(at(i, i + 20)).toBe(byName(doc, 'Trump administration').id);
    const she = SEED.indexOf('she affirmed');
    expect(at(she, she + 3)).toBe(entityAt(doc, she, she + 3));
    expect(at(0, 7)).toBe(byName(doc, 'Mexican').id);
  });

  it('sets mention.entity on every recogniser mention', () => {
    expect(doc.mentions!.every((m) => m.entity !== null)).toBe(true);
  });
});

describe('entities: other text', () => {
  it('links role phrases, countries and acronyms in an article about Israel and Britain', () => {
    const text =
      "Israeli Prime Minister Benjamin Netanyahu met Keir Starmer, Britain's prime minister, in London on Monday.\n" +
      'The Drug Enforcement Administration said the DEA would help. The British prime minister praised America. ' +
      'Netanyahu said he would return.';
    const doc = handDoc(text, [
      ['Benjamin Netanyahu', 'PERSON'], ['Netanyahu', 'PERSON'], ['Keir Starmer', 'PERSON'], ['London', 'GPE'],
      ['Drug Enforcement Administration', 'ORG'], ['DEA', 'ORG'], ['America', 'GPE'], ['Israeli', 'NORP'], ['British', 'NORP'],
    ]);
    linkEntities(doc);
    const n = byName(doc, 'Benjamin Netanyahu');
    expect(n.roles[0]).toMatchObject({ title: 'Prime Minister', of: 'ISR' });
    expect(n.country).toBe('ISR');
    const s = byName(doc, 'Keir Starmer');
    expect(s.roles[0]).toMatchObject({ title: 'Prime Minister', of: 'GBR' });
    const rolePhrase = s.mentions.find((m) => m.kind === 'role');
    expect(rolePhrase?.text).toBe('British prime minister');
    expect(surfaces(byName(doc, 'Drug Enforcement Administration')).has('DEA')).toBe(true);
    expect(byName(doc, 'United States').mentions[0]!.text).toBe('America');
    const he = text.lastIndexOf(' he ') + 1;
    expect(entityAt(doc, he, he + 2)).toBe(n.id);
    const london = byName(doc, 'London');
    expect(london.place).toMatchObject({ name: 'London', country: 'GBR' });
    expect(london.countryFrom).toBe('gazetteer');
  });

  it('leaves a pronoun unlinked when two people of unknown gender compete', () => {
    const text = 'The talks between Robin Lee and Sam Park in Seoul ended. He said they went well.';
    const doc = handDoc(text, [['Robin Lee', 'PERSON'], ['Sam Park', 'PERSON'], ['Seoul', 'GPE']]);
    linkEntities(doc);
    const he = text.indexOf('He ');
    expect(entityAt(doc, he, he + 2)).toBeNull();
    expect(doc.entities.flatMap((e) => e.mentions).filter((m) => m.kind === 'pronoun')).toHaveLength(0);
  });

  it('uses gender to pick between two people', () => {
    const text = 'Maria Lopez met John Carter on Friday. She told reporters that he had agreed.';
    const doc = handDoc(text, [['Maria Lopez', 'PERSON'], ['John Carter', 'PERSON']]);
    linkEntities(doc);
    const she = text.indexOf('She');
    const he = text.indexOf(' he ') + 1;
    expect(entityAt(doc, she, she + 3)).toBe(byName(doc, 'Maria Lopez').id);
    expect(entityAt(doc, he, he + 2)).toBe(byName(doc, 'John Carter').id);
  });

  it('chooses among namesake cities by the countries the article names', () => {
    const inMexico = handDoc('Police in Guadalajara, Mexico, arrested two men.', [['Guadalajara', 'GPE'], ['Mexico', 'GPE']]);
    linkEntities(inMexico);
    expect(byName(inMexico, 'Guadalajara').place?.country).toBe('MEX');
    const inSpain = handDoc('Police in Guadalajara, Spain, arrested two men.', [['Guadalajara', 'GPE'], ['Spain', 'GPE']]);
    linkEntities(inSpain);
    expect(byName(inSpain, 'Guadalajara').place?.country).toBe('ESP');
  });

  it('keeps two people who share a surname apart and attaches the surname to the nearest', () => {
    const text = 'Joe Biden spoke first. Hunter Biden spoke later. Biden then left the room.';
    const doc = handDoc(text, [['Joe Biden', 'PERSON'], ['Hunter Biden', 'PERSON'], ['Biden', 'PERSON']]);
    linkEntities(doc);
    expect(doc.entities.filter((e) => e.type === 'PERSON')).toHaveLength(2);
    expect(surfaces(byName(doc, 'Hunter Biden')).has('Biden')).toBe(true);
  });

  it('reads an appositive role after the name', () => {
    const text = 'Ronald Johnson, the U.S. ambassador, met General Laura Richardson, who leads Southern Command.';
    const doc = handDoc(text, [['Ronald Johnson', 'PERSON'], ['Laura Richardson', 'PERSON'], ['U.S.', 'GPE']]);
    linkEntities(doc);
    expect(byName(doc, 'Ronald Johnson').roles[0]).toMatchObject({ title: 'Ambassador', of: 'USA' });
    expect(byName(doc, 'Laura Richardson').roles[0]).toMatchObject({ title: 'General' });
    expect(byName(doc, 'Laura Richardson').sector).toBe('MIL');
  });

  it('reads an affiliation before a title and takes its sector and country', () => {
    const text = 'White House spokesman Josh Earnest spoke. Mexican Army General Luis Sandoval replied.';
    const doc = handDoc(text, [['White House', 'GPE'], ['Josh Earnest', 'PERSON'], ['Mexican Army', 'ORG'], ['Luis Sandoval', 'PERSON']]);
    linkEntities(doc);
    const wh = byName(doc, 'White House');
    expect(wh.type).toBe('ORG');
    expect(wh.place ?? null).toBeNull();
    const je = byName(doc, 'Josh Earnest');
    expect(je.roles[0]).toMatchObject({ title: 'Spokesman', org: wh.id });
    expect(je.sector).toBe('GOV');
    const ls = byName(doc, 'Luis Sandoval');
    expect(ls.roles[0]).toMatchObject({ title: 'General', org: byName(doc, 'Mexican Army').id });
    expect(ls.country).toBe('MEX');
    expect(ls.sector).toBe('MIL');
  });

  it('strips party labels and abbreviated titles the recogniser kept in a name', () => {
    const text = 'Republican Donald Trump met Indiana Gov. Mike Pence. Trump and Pence left.';
    const doc = handDoc(text, [['Republican Donald Trump', 'MISC'], ['Indiana Gov. Mike Pence', 'PERSON'], ['Trump', 'PERSON'], ['Pence', 'PERSON']]);
    linkEntities(doc);
    expect(byName(doc, 'Donald Trump').type).toBe('PERSON');
    expect(surfaces(byName(doc, 'Donald Trump')).has('Trump')).toBe(true);
    expect(byName(doc, 'Mike Pence').roles[0]).toMatchObject({ title: 'Governor' });
  });

  it('keeps one organisation for a name typed ORG and MISC, a place apart, and "New York" is New York City', () => {
    const text = 'New York police said New York would pay. Acme Corp said Acme Corp would too. The New York Times reported it.';
    const doc = handDoc(text, [['New York Times', 'ORG'], ['New York', 'GPE'], ['Acme Corp', 'ORG']]);
    doc.mentions!.find((m) => m.text === 'Acme Corp')!.type = 'MISC';
    linkEntities(doc);
    const ny = doc.entities.filter((e) => e.name === 'New York');
    expect(ny).toHaveLength(1);
    expect(ny[0]!.place).toMatchObject({ name: 'New York City', country: 'USA' });
    expect(surfaces(byName(doc, 'New York Times')).has('New York')).toBe(false);
    expect(doc.entities.filter((e) => e.name === 'Acme Corp')).toHaveLength(1);
  });

  it('takes a US state as the state, not a small namesake town, and no small foreign namesakes', () => {
    const doc = handDoc('The United States said Vermont and Virginia would vote, unlike Ferizaj.', [
      ['United States', 'GPE'], ['Vermont', 'GPE'], ['Virginia', 'GPE'], ['Ferizaj', 'GPE'],
    ]);
    linkEntities(doc);
    expect(byName(doc, 'Vermont').place).toEqual({ geonameId: null, name: 'Vermont', country: 'USA', lat: null, lon: null });
    expect(byName(doc, 'Virginia').place?.geonameId).toBeNull();
    expect(byName(doc, 'Ferizaj').place ?? null).toBeNull();
  });

  it('merges curly and straight apostrophes in a name and ends a title before the sentence period', () => {
    const text = 'Commissioner James O\u2019Neill spoke. O\'Neill left. He met Ann Lee, an editor for the Cook Political Report.';
    const doc = handDoc(text, [['James O\u2019Neill', 'PERSON'], ["O'Neill", 'PERSON'], ['Ann Lee', 'PERSON']]);
    linkEntities(doc);
    expect(doc.entities.filter((e) => e.type === 'PERSON')).toHaveLength(2);
    expect(byName(doc, 'Ann Lee').roles[0]?.title).toBe('Editor for the Cook Political Report');
  });

  it('takes a nationality from an appositive ("X, a Mexican diplomat,") and no diagnostic without cause', () => {
    const text = 'Juan Perez, a Mexican diplomat, met the press. Former President Ana Ruiz spoke.';
    const doc = handDoc(text, [['Juan Perez', 'PERSON'], ['Ana Ruiz', 'PERSON']]);
    linkEntities(doc);
    expect(byName(doc, 'Juan Perez')).toMatchObject({ country: 'MEX', countryFrom: 'text', sector: 'GOV' });
    expect(byName(doc, 'Ana Ruiz').roles[0]).toMatchObject({ title: 'President', qualifier: 'former' });
    expect(doc.diagnostics).toEqual([]);
  });

  it('links a pronoun to the person named after it in the same sentence when nobody came before', () => {
    const text = 'In his first speech, John Adams thanked the voters.';
    const doc = handDoc(text, [['John Adams', 'PERSON']]);
    linkEntities(doc);
    expect(entityAt(doc, text.indexOf('his'), text.indexOf('his') + 3)).toBe(byName(doc, 'John Adams').id);
  });

  it('does not take a name inside a quote as the "he" who says it', () => {
    const text = 'Barack Obama spoke in Honolulu. \u201cMy adviser, John Holdren, sends charts,\u201d he said.';
    const doc = handDoc(text, [['Barack Obama', 'PERSON'], ['John Holdren', 'PERSON'], ['Honolulu', 'GPE']]);
    linkEntities(doc);
    const he = text.indexOf(' he ') + 1;
    expect(entityAt(doc, he, he + 2)).toBe(byName(doc, 'Barack Obama').id);
  });

  it('drops a lower-case word the recogniser took into a name ("Obama ran")', () => {
    const text = 'Barack Obama won. Later Obama ran again.';
    const doc = handDoc(text, [['Barack Obama', 'PERSON'], ['Obama ran', 'PERSON']]);
    linkEntities(doc);
    expect(doc.entities.filter((e) => e.type === 'PERSON').map((e) => e.name)).toEqual(['Barack Obama']);
  });

  it('retypes a newspaper tagged as a person and keeps the city apart from it', () => {
    const text = 'Washington Post reporters said officials in Washington agreed.';
    const doc = handDoc(text, [['Washington Post', 'PERSON'], ['Washington', 'GPE']]);
    linkEntities(doc);
    expect(byName(doc, 'Washington Post')).toMatchObject({ type: 'ORG', sector: 'MED' });
    expect(byName(doc, 'Washington').type).toBe('GPE');
  });

  it('gives an office nobody named holds its own person, reused by later mentions and pronouns', () => {
    const text = 'The Mexican president rejected the plan. She said the Mexican president would not yield.';
    const doc = handDoc(text, []);
    linkEntities(doc);
    const p = byName(doc, 'President of Mexico');
    expect(p).toMatchObject({ type: 'PERSON', country: 'MEX', countryFrom: 'text', sector: 'GOV' });
    expect(p.mentions.filter((m) => m.kind === 'role').map((m) => m.text)).toEqual(['Mexican president', 'Mexican president']);
    expect(entityAt(doc, text.indexOf('She'), text.indexOf('She') + 3)).toBe(p.id);
  });

  it('reads what a longer name is from its head word: company, event', () => {
    const text = 'Daniels Pharmaceuticals sponsored the Texas Open.';
    const doc = handDoc(text, [['Daniels Pharmaceuticals', 'PERSON'], ['Texas Open', 'ORG']]);
    linkEntities(doc);
    expect(byName(doc, 'Daniels Pharmaceuticals').type).toBe('ORG');
    expect(byName(doc, 'Texas Open').type).toBe('EVENT');
  });

  it('copes with a Doc without mentions, sentences or tokens', () => {
    const doc = handDoc('', []);
    doc.sentences = [];
    doc.tokens = [];
    delete doc.mentions;
    linkEntities(doc);
    expect(doc.entities).toEqual([]);
    const bare = handDoc('He said she left. The president spoke.', []);
    bare.sentences = [];
    bare.tokens = [];
    linkEntities(bare);
    expect(bare.entities).toEqual([]);
  });

  it('names an entity by its longest form not written in capitals', () => {
    const text = 'DONALD TRUMP WINS\nWASHINGTON - Donald Trump won in Washington.';
    const doc = handDoc(text, [['DONALD TRUMP', 'PERSON'], ['Donald Trump', 'PERSON'], ['WASHINGTON', 'GPE'], ['Washington', 'GPE']]);
    linkEntities(doc);
    expect(doc.entities.map((e) => e.name)).toEqual(['Donald Trump', 'Washington']);
  });

  it('reads "the top U.S. diplomat", matches "the Egyptian minister" to a foreign minister, and an organisation appositive', () => {
    const text =
      'Antony Blinken, the top U.S. diplomat, met Sameh Shoukry, Egypt\'s foreign minister. The Egyptian minister agreed. ' +
      'Hamas, the militant group that controls Gaza, objected.';
    const doc = handDoc(text, [['Antony Blinken', 'PERSON'], ['Sameh Shoukry', 'PERSON'], ['Hamas', 'ORG'], ['Gaza', 'GPE']]);
    linkEntities(doc);
    expect(byName(doc, 'Antony Blinken').roles[0]).toMatchObject({ title: 'Diplomat', of: 'USA' });
    const s = byName(doc, 'Sameh Shoukry');
    expect(s.roles[0]).toMatchObject({ title: 'Foreign Minister', of: 'EGY' });
    expect(s.mentions.some((m) => m.kind === 'role' && m.text === 'Egyptian minister')).toBe(true);
    expect(doc.entities.filter((e) => e.type === 'PERSON')).toHaveLength(2);
    expect(byName(doc, 'Hamas').sector).toBe('REB');
  });

  it('gives a surname to the person named before it, and rebuilds "General Motors" from a stray "Motors"', () => {
    const text = 'Elon Musk spoke first.\nLater Musk wrote to staff. His brother Kimbal Musk did not. Mary Barra, chief executive of General Motors, did.';
    const doc = handDoc(text, [['Elon Musk', 'PERSON'], ['Musk', 'PERSON'], ['Kimbal Musk', 'PERSON'], ['Mary Barra', 'PERSON'], ['Motors', 'PERSON']]);
    linkEntities(doc);
    expect(surfaces(byName(doc, 'Elon Musk')).has('Musk')).toBe(true);
    expect(surfaces(byName(doc, 'Kimbal Musk')).has('Musk')).toBe(false);
    const gm = byName(doc, 'General Motors');
    expect(gm).toMatchObject({ type: 'ORG', sector: null });
    expect(byName(doc, 'Mary Barra').roles[0]).toMatchObject({ org: gm.id });
  });

  it('finds the organisation of a title by name when the recogniser missed that mention of it', () => {
    const text = 'Tesla CEO Elon Musk spoke. Kimbal Musk, a Tesla board member, did not. Tesla shares fell.';
    const doc = handDoc(text, [['Elon Musk', 'PERSON'], ['Kimbal Musk', 'PERSON']]);
    doc.mentions!.push({ start: text.lastIndexOf('Tesla'), end: text.lastIndexOf('Tesla') + 5, text: 'Tesla', kind: 'name', type: 'ORG', entity: null });
    linkEntities(doc);
    const tesla = byName(doc, 'Tesla');
    expect(byName(doc, 'Elon Musk').roles[0]).toMatchObject({ title: 'CEO', org: tesla.id });
    expect(byName(doc, 'Kimbal Musk').roles[0]).toMatchObject({ title: 'Board Member', org: tesla.id });
    expect(tesla.mentions.filter((m) => m.text === 'Tesla')).toHaveLength(3);
  });
});

describe('entities: US states are not countries', () => {
  it('does not read "Jersey" or "Mexico" inside a state name as a country', () => {
    const doc = handDoc('New Jersey Governor Chris Christie met New Mexico Governor Susana Martinez and Mexican President Vicente Fox.', [
      ['Chris Christie', 'PERSON'], ['Susana Martinez', 'PERSON'], ['Vicente Fox', 'PERSON'], ['Mexican', 'NORP'],
    ]);
    entitiesComponent({ places: false, knowledge: false }).run(doc);
    expect(byName(doc, 'Chris Christie').country).toBeNull();
    expect(byName(doc, 'Susana Martinez').country).toBeNull();
    expect(byName(doc, 'Vicente Fox').country).toBe('MEX');
  });
});
