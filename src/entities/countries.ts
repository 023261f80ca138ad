/**
 * Country lookup: names, alternative spellings and demonyms to ISO 3166-1 alpha-3, built from the
 * `world-countries` package (loaded once, lazily) plus the few everyday forms it lacks ("U.S.",
 * "America", "Britain"), which are spellings, not knowledge about any person or organisation.
 */
import { US_STATES } from './ner-gazetteer.js';
import { createRequire } from 'node:module';

interface WorldCountry {
  name: { common: string; official: string };
  latlng?: [number, number];
  cca2: string;
  cca3: string;
  altSpellings: string[];
  demonyms?: Record<string, { f: string; m: string }>;
  independent?: boolean;
}

/** How a phrase named a country. */
export type CountryForm = 'name' | 'demonym';

/** A country found for a phrase, with the form the phrase took. */
export interface CountryHit {
  code: string;
  form: CountryForm;
}

// Forms people write that the package leaves out. Short all-caps codes are kept here on purpose:
// the package's two-letter spellings ("IN", "NO", "ME") collide with ordinary words.
const EXTRA_NAMES: Record<string, string> = {
  'u.s.': 'USA', us: 'USA', usa: 'USA', 'u.s.a.': 'USA', america: 'USA', 'the states': 'USA',
  'united states': 'USA', 'united states of america': 'USA',
  'u.k.': 'GBR', uk: 'GBR', britain: 'GBR', 'great britain': 'GBR', england: 'GBR', scotland: 'GBR', wales: 'GBR',
  'northern ireland': 'GBR', uae: 'ARE', 'u.a.e.': 'ARE', drc: 'COD', prc: 'CHN', dprk: 'PRK', rok: 'KOR',
  'south korea': 'KOR', 'north korea': 'PRK', russia: 'RUS', iran: 'IRN', syria: 'SYR', vietnam: 'VNM',
  'viet nam': 'VNM', laos: 'LAO', bolivia: 'BOL', venezuela: 'VEN', tanzania: 'TZA', moldova: 'MDA',
  'czech republic': 'CZE', czechia: 'CZE', holland: 'NLD', 'the netherlands': 'NLD', 'ivory coast': 'CIV',
  burma: 'MMR', taiwan: 'TWN', palestine: 'PSE', 'gaza strip': 'PSE', 'west bank': 'PSE', kosovo: 'UNK',
  'vatican': 'VAT', 'the vatican': 'VAT', 'east timor': 'TLS', swaziland: 'SWZ', macedonia: 'MKD',
  'cape verde': 'CPV', 'congo': 'COG', 'democratic republic of congo': 'COD', turkey: 'TUR',
  'republic of turkey': 'TUR', 'south sudan': 'SSD', 'bosnia': 'BIH', 'herzegovina': 'BIH',
};

const EXTRA_DEMONYMS: Record<string, string> = {
  american: 'USA', americans: 'USA', 'u.s.': 'USA', us: 'USA', british: 'GBR', brits: 'GBR', briton: 'GBR',
  britons: 'GBR', english: 'GBR', scottish: 'GBR', welsh: 'GBR', 'u.k.': 'GBR', uk: 'GBR', dutch: 'NLD',
  emirati: 'ARE', palestinian: 'PSE', palestinians: 'PSE', israeli: 'ISR', israelis: 'ISR', filipino: 'PHL',
  filipinos: 'PHL', 'south korean': 'KOR', 'north korean': 'PRK', saudi: 'SAU', saudis: 'SAU', kurdish: 'IRQ',
  swiss: 'CHE', chinese: 'CHN', japanese: 'JPN', vietnamese: 'VNM', lebanese: 'LBN', sudanese: 'SDN',
  congolese: 'COD', taiwanese: 'TWN', portuguese: 'PRT', iraqi: 'IRQ', iraqis: 'IRQ', afghan: 'AFG', afghans: 'AFG',
  pakistani: 'PAK', pakistanis: 'PAK', ukrainian: 'UKR', ukrainians: 'UKR', russian: 'RUS', russians: 'RUS',
  syrian: 'SYR', syrians: 'SYR', iranian: 'IRN', iranians: 'IRN', yemeni: 'YEM', yemenis: 'YEM',
  kosovar: 'UNK', burmese: 'MMR', turkish: 'TUR', turks: 'TUR', bosnian: 'BIH', bosnians: 'BIH',
};

let nameIndex: Map<string, string> | null = null;
let demonymIndex: Map<string, string> | null = null;
let codeNames: Map<string, string> | null = null;
let a2to3: Map<string, string> | null = null;
let centres: Map<string, [number, number]> | null = null;

/** Lower-cased, single-spaced, leading "the " removed: the key both indexes use. */
export function countryKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\u2019']s$/u, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^the /u, '');
}

function plural(d: string): string {
  if (/(?:ese|ss|sh|ch|i|ish)$/u.test(d)) return d; // "Chinese", "Swiss", "British" have no -s plural
  return `${d}s`;
}

function load(): void {
  if (nameIndex) return;
  const require = createRequire(import.meta.url);
  const all = require('world-countries/countries.json') as WorldCountry[];
  const names = new Map<string, string>();
  const dems = new Map<string, string>();
  const canon = new Map<string, string>();
  const two = new Map<string, string>();
  const centre = new Map<string, [number, number]>();
  // Independent states first, so a shared demonym or spelling ("French") goes to the state, not a
  // territory (the French Southern Territories).
  const ordered = [...all.filter((c) => c.independent), ...all.filter((c) => !c.independent)];
  for (const c of ordered) {
    canon.set(c.cca3, c.name.common);
    two.set(c.cca2, c.cca3);
    if (c.latlng) centre.set(c.cca3, c.latlng);
    names.set(countryKey(c.name.common), c.cca3);
    if (!names.has(countryKey(c.name.official))) names.set(countryKey(c.name.official), c.cca3);
    for (const a of c.altSpellings) {
      // Two-letter codes and short all-caps forms collide with English words; keep real spellings only.
      if (a.length < 4 || /^[A-Z]+$/u.test(a)) continue;
      const k = countryKey(a);
      if (!names.has(k)) names.set(k, c.cca3);
    }
    const eng = c.demonyms?.['eng'];
    if (eng) {
      for (const d of [eng.m, eng.f]) {
        if (!d) continue;
        const k = countryKey(d);
        if (!dems.has(k)) dems.set(k, c.cca3);
        const p = countryKey(plural(d));
        if (!dems.has(p)) dems.set(p, c.cca3);
      }
    }
  }
  for (const [k, v] of Object.entries(EXTRA_NAMES)) names.set(countryKey(k), v);
  for (const [k, v] of Object.entries(EXTRA_DEMONYMS)) dems.set(countryKey(k), v);
  canon.set('UNK', 'Kosovo');
  nameIndex = names;
  demonymIndex = dems;
  codeNames = canon;
  a2to3 = two;
  centres = centre;
}

// Lower-case short forms ("us", "uk") are words, not countries.
function caseOk(raw: string, key: string): boolean {
  return key.replace(/\./gu, '').length > 3 || /[A-Z]/u.test(raw);
}

/** The alpha-3 code for a country name ("Mexico", "the U.S.", "America"), or null. */
export function countryByName(raw: string): string | null {
  load();
  const k = countryKey(raw);
  if (!caseOk(raw, k)) return null;
  return nameIndex!.get(k) ?? nameIndex!.get(k.replace(/\./gu, '')) ?? null;
}

/** The alpha-3 code for a demonym ("Mexican", "Israelis", "U.S." used as an adjective), or null. */
export function countryByDemonym(raw: string): string | null {
  load();
  const k = countryKey(raw);
  if (!caseOk(raw, k)) return null;
  if (!/^[A-Z]/u.test(raw.trim())) return null; // demonyms are capitalised in English
  return demonymIndex!.get(k) ?? null;
}

const lookupCache = new Map<string, CountryHit | null>();

/** A country for a name or a demonym, saying which it was. */
export function lookupCountry(raw: string): CountryHit | null {
  const cached = lookupCache.get(raw);
  if (cached !== undefined) return cached;
  // Bounded: names repeat across articles, but a long-running server must not grow without end.
  if (lookupCache.size > 50000) lookupCache.clear();
  const hit = lookupUncached(raw);
  lookupCache.set(raw, hit);
  return hit;
}

function lookupUncached(raw: string): CountryHit | null {
  const n = countryByName(raw);
  if (n) return { code: n, form: 'name' };
  const d = countryByDemonym(raw);
  if (d) return { code: d, form: 'demonym' };
  return null;
}

/** The common English name of a country code ("MEX" -> "Mexico"). */
export function countryName(code: string): string | null {
  load();
  return codeNames!.get(code) ?? null;
}

/** A country's rough centre [lat, lon] from the package, for maps; null when unknown. */
export function countryCentre(code: string): [number, number] | null {
  load();
  return centres!.get(code) ?? null;
}

/** ISO alpha-2 to alpha-3 ("MX" -> "MEX"), or null. */
export function alpha3(cca2: string): string | null {
  load();
  return a2to3!.get(cca2) ?? null;
}

const WORD_RE = /[A-Z][\p{L}.'\u2019-]*|[a-z][\p{L}'\u2019-]*/gu;

/**
 * The first country named or implied by a demonym in a phrase, trying longer word runs first
 * ("South Korean troops" -> KOR, "the U.S.-Mexico border" -> USA).
 */
export function findCountry(phrase: string): CountryHit | null {
  const hit = findCache.get(phrase);
  if (hit !== undefined) return hit;
  const found = findUncached(phrase);
  if (findCache.size > 20000) findCache.clear();
  findCache.set(phrase, found);
  return found;
}

const findCache = new Map<string, CountryHit | null>();

// US states of several words, some holding a country's name ("New Jersey", "New Mexico"): the words
// of a state are not a country.
const STATE_PHRASES = US_STATES.split('|').filter((s) => s.includes(' ')).map((s) => s.split(' '));
const STATE_NAMES = new Set(US_STATES.split('|'));

/** Whether a phrase is a US state's name ("New Jersey"): then its words name no country. */
export function isUsState(phrase: string): boolean {
  return STATE_NAMES.has(phrase);
}

function findUncached(phrase: string): CountryHit | null {
  const words: string[] = [];
  for (const m of phrase.replace(/-(?=[A-Z])/gu, ' ').matchAll(WORD_RE)) words.push(m[0]);
  for (let i = 0; i < words.length; i++) {
    const state = STATE_PHRASES.find((st) => st.every((w, j) => words[i + j] === w));
    if (state) {
      i += state.length - 1;
      continue;
    }
    // "pro-Iranian militia", "anti-Syria journalist": the country is what they are for or against.
    const prev = words[i - 1]?.toLowerCase();
    if (prev === 'pro' || prev === 'anti') continue;
    for (let n = Math.min(6, words.length - i); n >= 1; n--) {
      const w = words.slice(i, i + n).join(' ').replace(/[\u2019']s$/u, '');
      if (!/^[A-Z]/u.test(w)) continue;
      const hit = lookupCountry(w);
      if (hit) return hit;
    }
  }
  return null;
}
