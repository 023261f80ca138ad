import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { entitiesComponent } from '../../src/entities/link.js';
import { ActorKnowledge, type ActorKnowledgeFile, defaultActorKnowledgePath, loadActorKnowledge, personKey } from '../../src/entities/knowledge.js';
import { codeEvents } from '../../src/events/index.js';
import { handDoc } from './helpers.js';

// Made-up people, so nothing here depends on what the shipped file happens to hold.
const FILE: ActorKnowledgeFile = {
  format: 'newsgraph/actors@1',
  info: {},
  persons: [
    ['Jane Zorgwood', 'NOR', 5],
    ['Émile Brantôme', 'FRA', 3],
    ['Ann Kessling', 'DEU', 2],
    ['Bob Kessling', 'AUT', 2],
  ],
};
const kb = new ActorKnowledge(FILE);

describe('actor knowledge lookups', () => {
  it('folds case, accents and full stops in names', () => {
    expect(personKey('  Émile   BRANTÔME.')).toBe('emile brantome');
    expect(kb.countryOf('Emile Brantome')).toBe('FRA');
    expect(kb.countryOf('jane zorgwood')).toBe('NOR');
  });

  it('reads a lone surname only when all known people of that surname share a country', () => {
    expect(kb.countryOf('Zorgwood')).toBe('NOR');
    expect(kb.countryOf('Kessling')).toBeNull(); // DEU and AUT
    expect(kb.countryOf('Ann Kessling')).toBe('DEU');
    // Another full name with a known surname is another person.
    expect(kb.countryOf('Peter Zorgwood')).toBeNull();
    expect(kb.countryOf('Nobody')).toBeNull();
  });

  it('refuses a file that is not an actors file, with the path in the message', () => {
    expect(() => loadActorKnowledge('/nonexistent/actors.json')).toThrow(/no actor knowledge file at \/nonexistent\/actors\.json/);
  });
});

describe('linking with actor knowledge', () => {
  const text = 'Zorgwood met reporters in Oslo on Monday.\nNorwegian officials and Swedish Prime Minister Ann Kessling said the talks went well.';
  const names: [string, 'PERSON' | 'GPE' | 'NORP'][] = [['Zorgwood', 'PERSON'], ['Oslo', 'GPE'], ['Norwegian', 'NORP'], ['Swedish', 'NORP'], ['Ann Kessling', 'PERSON']];

  it('gives a person the learned country, marked as knowledge, and never overrides the text', () => {
    const doc = handDoc(text, names);
    entitiesComponent({ places: false, knowledge: kb }).run(doc);
    const z = doc.entities.find((e) => e.name === 'Zorgwood')!;
    expect(z.country).toBe('NOR');
    expect(z.countryFrom).toBe('knowledge');
    // The text says Swedish; the knowledge file says DEU: the text wins.
    const k = doc.entities.find((e) => e.name === 'Ann Kessling')!;
    expect(k.country).toBe('SWE');
    expect(k.countryFrom).toBe('text');
  });

  it('keeps to the text when knowledge is off', () => {
    const doc = handDoc(text, names);
    entitiesComponent({ places: false, knowledge: false }).run(doc);
    const z = doc.entities.find((e) => e.name === 'Zorgwood')!;
    expect(z.country).toBeNull();
    expect(z.countryFrom ?? null).toBeNull();
  });

  it('codes an event with the learned country of its actor', () => {
    const doc = handDoc('Zorgwood threatened to attack Switzerland.', [['Zorgwood', 'PERSON'], ['Switzerland', 'GPE']]);
    entitiesComponent({ places: false, knowledge: kb }).run(doc);
    codeEvents(doc);
    const ev = doc.events.find((e) => e.action.cameo.startsWith('13'));
    expect(ev?.actorCountry).toBe('NOR');
    expect(ev?.targetCountry).toBe('CHE');
  });
});

describe('the shipped knowledge file (models/actors.json, built by npm run train -- actors)', () => {
  const file = JSON.parse(readFileSync(defaultActorKnowledgePath(), 'utf8')) as ActorKnowledgeFile;
  const codes = new Set((createRequire(import.meta.url)('world-countries') as { cca3: string }[]).map((c) => c.cca3));

  it('holds full names with ISO alpha-3 countries and the evidence behind each', () => {
    expect(file.format).toBe('newsgraph/actors@1');
    expect(file.persons.length).toBeGreaterThan(100);
    for (const [name, country, docs] of file.persons) {
      expect(personKey(name).split(' ').length, name).toBeGreaterThanOrEqual(2);
      expect(codes.has(country), `${name}: ${country}`).toBe(true);
      expect(docs).toBeGreaterThanOrEqual(file.info.minDocs as number);
    }
    expect(Object.keys(file.info.sources as object).every((s) => s.includes('train'))).toBe(true);
  });
});
