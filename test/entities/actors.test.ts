import { describe, expect, it } from 'vitest';
import { actorCodes } from '../../src/entities/actors.js';
import { countryByDemonym, countryByName, findCountry } from '../../src/entities/countries.js';

describe('actors: codes for noun phrases that are not named entities', () => {
  it.each([
    ['drug cartels', null, 'CRM'],
    ['Mexican troops', 'MEX', 'MIL'],
    ['Israeli police', 'ISR', 'COP'],
    ['the Mexican government', 'MEX', 'GOV'],
    ['Syrian rebels', 'SYR', 'REB'],
    ['The New York Times', null, 'MED'],
    ['U.S. officials', 'USA', 'GOV'],
    ['Ukrainian civilians', 'UKR', 'CVL'],
    ['intelligence agencies', null, 'SPY'],
    ['the weather', null, null],
    ['rebel leader', null, 'REB'],
    ['Palestinian leader', 'PSE', 'GOV'],
    ['former President', null, 'ELI'],
    ['French farmers', 'FRA', 'AGR'],
    ['rebel Kurdistan Workers\' Party', null, 'REB'],
    ['pro-Iranian militia', null, 'REB'],
    ['International Labor Office', null, 'IGO'],
  ])('%s -> %s %s', (phrase, country, sector) => {
    expect(actorCodes(phrase)).toEqual({ country, sector });
  });
});

describe('actors: cities through the gazetteer, when asked', () => {
  it('gives the country of a large city and nothing for an unknown word', () => {
    expect(actorCodes('Baghdad police', { gazetteer: true })).toEqual({ country: 'IRQ', sector: 'COP' });
    expect(actorCodes('Baghdad police')).toEqual({ country: null, sector: 'COP' });
    expect(actorCodes('Zyxwv officials', { gazetteer: true })).toEqual({ country: null, sector: 'GOV' });
  });
});

describe('countries: names, spellings and demonyms to alpha-3', () => {
  it('maps everyday forms of the United States and refuses lower-case "us"', () => {
    for (const s of ['U.S.', 'US', 'USA', 'America', 'the United States', 'United States of America']) expect(countryByName(s)).toBe('USA');
    expect(countryByName('us')).toBeNull();
    expect(countryByDemonym('Mexican')).toBe('MEX');
    expect(countryByDemonym('mexican')).toBeNull();
    expect(findCountry('the U.S.-Mexico border')?.code).toBe('USA');
    expect(findCountry('South Korean exporters')?.code).toBe('KOR');
  });
});
