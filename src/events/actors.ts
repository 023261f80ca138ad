/**
 * Actor codes for noun phrases: country (ISO 3166-1 alpha-3, or IGO for international organisations) and
 * CAMEO-style sector (GOV, MIL, COP, REB, CRM...). This is the events layer's own fallback for phrases the
 * entity layer does not cover ("Israeli police", "drug cartels", "Senior Hungarian and Romanian officials");
 * where the entity layer gives a country or sector, that wins.
 */
import { createRequire } from 'node:module';
import { US_STATE_NAMES } from '../entities/ner-gazetteer.js';
import { PhraseMatcher } from '../util/phrase-matcher.js';

interface WorldCountry {
  cca3: string;
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: { eng?: { f: string; m: string } };
  capital: string[];
}

const require = createRequire(import.meta.url);
const COUNTRIES = require('world-countries/countries.json') as WorldCountry[];

/** One country, IGO or sector word found in a sentence. */
export interface ActorHit {
  start: number;
  end: number;
  country: string | null;
  sector: string | null;
  /** True for words naming an activity ("drug trafficking") rather than who does it. */
  activity?: boolean;
}

// Names the codebook spells differently from everyday English news, plus well-known metonyms
// ("the Pentagon", "the Kremlin") and organisations whose country is part of what the name means.
const EXTRA_NAMES: [string, string, string | null][] = [
  ['U.S.', 'USA', null], ['US', 'USA', null], ['USA', 'USA', null], ['U.S.A.', 'USA', null], ['America', 'USA', null],
  ['United States', 'USA', null], ['United States of America', 'USA', null], ['American', 'USA', null],
  ['Americans', 'USA', 'CVL'], ['Washington', 'USA', 'GOV'], ['Pentagon', 'USA', 'MIL'], ['White House', 'USA', 'GOV'],
  ['State Department', 'USA', 'GOV'], ['Congress', 'USA', 'LEG'], ['US Congress', 'USA', 'LEG'],
  ['Britain', 'GBR', null], ['Great Britain', 'GBR', null], ['British', 'GBR', null], ['UK', 'GBR', null], ['U.K.', 'GBR', null],
  ['Russia', 'RUS', null], ['Russian', 'RUS', null], ['Kremlin', 'RUS', 'GOV'], ['Moscow', 'RUS', 'GOV'],
  ['China', 'CHN', null], ['PRC', 'CHN', null], ['Beijing', 'CHN', 'GOV'], ['Chinese', 'CHN', null],
  ['Palestinian', 'PSE', null], ['Palestinians', 'PSE', null], ['Palestine', 'PSE', null], ['Gaza', 'PSE', null],
  ['Gaza Strip', 'PSE', null], ['West Bank', 'PSE', null], ['Hamas', 'PSE', 'REB'], ['Israeli', 'ISR', null],
  ['Israelis', 'ISR', 'CVL'], ['Hezbollah', 'LBN', 'REB'], ['Hizbollah', 'LBN', 'REB'], ['Taliban', 'AFG', 'REB'],
  ['Darfur', 'SDN', null], ['Khartoum', 'SDN', 'GOV'], ['Tehran', 'IRN', 'GOV'], ['Iranian', 'IRN', null],
  ['South Korea', 'KOR', null], ['North Korea', 'PRK', null], ['Ivory Coast', 'CIV', null], ['Burmese', 'MMR', null],
  ['Burma', 'MMR', null], ['Myanmar', 'MMR', null], ['Kampuchean', 'KHM', null], ['Vietnamese', 'VNM', null],
  ['Czechia', 'CZE', null], ['Czech', 'CZE', null], ['Syrian', 'SYR', null], ['Iraqi', 'IRQ', null], ['Iraqis', 'IRQ', 'CVL'],
  ['Sudanese', 'SDN', null], ['Kosovo', 'XKX', null], ['Mexican', 'MEX', null], ['Mexicans', 'MEX', 'CVL'],
  ['Bosnian', 'BIH', null], ['Bosnia', 'BIH', null], ['Filipino', 'PHL', null], ['Turks', 'TUR', null],
  ['Kurdistan Workers\' Party', 'TUR', 'REB'], ['Sierra Leonean', 'SLE', null], ['Emirates', 'ARE', null],
  ['al-Qaeda', 'IMG', 'REB'], ['al Qaeda', 'IMG', 'REB'], ['Al Qaeda', 'IMG', 'REB'], ['al-Shabab', 'SOM', 'REB'],
  ['N. Korea', 'PRK', null], ['S. Korea', 'KOR', null], ['East Jerusalem', 'PSE', null], ['New Mexico', 'USA', null], ['New Guinea', 'PNG', null], ['New South Wales', 'AUS', null], ['Turkey', 'TUR', null], ['Turkish', 'TUR', null], ['Macedonia', 'MKD', null], ['Macedonian', 'MKD', null],
  ['Congo', 'COG', null], ['East Timor', 'TLS', null], ['Cape Verde', 'CPV', null], ['Swaziland', 'SWZ', null],
  ['Holland', 'NLD', null], ['Dutch', 'NLD', null], ['French', 'FRA', null], ['Kyrgyz', 'KGZ', null],
  ['Islamic State', 'IMG', 'REB'], ['ISIL', 'IMG', 'REB'], ['ISIS', 'IMG', 'REB'],
];
// Places inside a country locate an event in that country ("military exercises in Alaska"). Georgia and
// Washington are left out: the first is also a country, the second already stands for the US government
// (and the capital district is no state).
const US_STATES = US_STATE_NAMES.filter((n) => n !== 'Georgia' && n !== 'Washington' && n !== 'District of Columbia');
const IGOS = [
  'United Nations', 'U.N.', 'UN', 'NATO', 'European Union', 'EU', 'European Community', 'European common market',
  'IAEA', 'Arab League', 'APEC', 'Asia-Pacific Economic Cooperation', 'African Union', 'World Bank', 'IMF',
  'International Monetary Fund', 'WFP', 'World Food Program', 'Red Cross', 'OPEC', 'ASEAN', 'OSCE', 'ECOWAS',
  'Security Council', 'UNHCR', 'UNICEF', 'World Health Organization', 'WTO', 'Interpol', 'E.U.', 'G-20', 'G20', 'G-7', 'G7',
];

// Sector words, lower case; plural forms are added automatically.
const SECTORS: Record<string, string[]> = {
  GOV: ['government', 'administration', 'president', 'minister', 'ministry', 'prime minister', 'premier', 'official',
    'leader', 'cabinet', 'authorities', 'authority', 'king', 'emir', 'chancellor', 'secretary', 'spokesman',
    'spokeswoman', 'governor', 'mayor', 'regime', 'ambassador', 'embassy', 'envoy', 'diplomat', 'negotiator',
    'presidency', 'state', 'junta', 'sheikh', 'foreign minister', 'security chief'],
  MIL: ['army', 'military', 'troop', 'soldier', 'force', 'navy', 'air force', 'aircraft', 'warplane', 'jet',
    'helicopter', 'tank', 'peacekeeper', 'commander', 'generals', 'marine', 'artillery', 'officers', 'gunship'],
  COP: ['police', 'policeman', 'policemen', 'security forces', 'border patrol', 'gendarme', 'riot police'],
  REB: ['rebel', 'guerrilla', 'guerilla', 'insurgent', 'militant', 'militia', 'fighter', 'separatist', 'jihadist'],
  OPP: ['opposition', 'dissident', 'demonstrator', 'protester', 'protestor', 'activist'],
  CRM: ['drug cartel', 'drug gang', 'drug trafficker', 'cartel', 'gang', 'trafficker', 'smuggler', 'criminal', 'mafia', 'drug-dealer', 'drug dealer', 'drug lord'],
  JUD: ['court', 'judge', 'tribunal', 'prosecutor', 'judiciary'],
  LEG: ['congress', 'parliament', 'lawmaker', 'legislator', 'senate', 'senator', 'deputy', 'mp', 'assembly', 'legislature'],
  EDU: ['student', 'university', 'teacher', 'school'],
  LAB: ['worker', 'union', 'trade union', 'employee'],
  BUS: ['company', 'firm', 'corporation', 'business', 'businessman', 'airline', 'investor'],
  MED: ['media', 'newspaper', 'journalist', 'reporter', 'news agency', 'broadcaster', 'television'],
  CVL: ['civilian', 'people', 'resident', 'villager', 'citizen', 'prisoner', 'child', 'children', 'immigrant',
    'national', 'youth', 'inhabitant', 'landowner', 'farmer', 'man', 'men', 'woman', 'women', 'missionary', 'family'],
  REF: ['refugee', 'asylum seeker', 'displaced'],
  SPY: ['intelligence', 'spy agency', 'intelligence agency'],
};
const ACTIVITIES: Record<string, string> = {
  'drug trafficking': 'CRM', trafficking: 'CRM', smuggling: 'CRM', 'organized crime': 'CRM', terrorism: 'REB',
};

function plural(w: string): string[] {
  if (/(?:s|x|ch|sh)$/.test(w)) return [w, `${w}es`];
  if (/[^aeiou]y$/.test(w)) return [w, `${w.slice(0, -1)}ies`];
  if (/man$/.test(w)) return [w, `${w.slice(0, -3)}men`];
  return [w, `${w}s`];
}

interface Code { country: string | null; sector: string | null; activity?: boolean }
const nameCodes = new Map<string, Code>();
const lowerCodes = new Map<string, Code>();

// Sovereign UN members first, so a demonym shared with a territory ("French") names the state.
const ORDERED = [...COUNTRIES].sort((a, b) => Number(isMember(b)) - Number(isMember(a)));
function isMember(c: WorldCountry): boolean {
  return (c as WorldCountry & { unMember?: boolean }).unMember === true;
}
for (const c of ORDERED) {
  const names = [c.name.common, c.name.official, ...c.altSpellings.filter((a) => a.length > 3 && /^[A-Z][a-z]/.test(a))];
  for (const n of names) if (!nameCodes.has(n)) nameCodes.set(n, { country: c.cca3, sector: null });
  const d = c.demonyms?.eng;
  if (d?.m) for (const x of new Set([d.m, d.f, `${d.m}s`])) if (x.length > 3 && !nameCodes.has(x)) nameCodes.set(x, { country: c.cca3, sector: null });
  for (const cap of c.capital) if (cap.length > 3 && !nameCodes.has(cap)) nameCodes.set(cap, { country: c.cca3, sector: 'GOV' });
}
for (const [n, cc, s] of EXTRA_NAMES) nameCodes.set(n, { country: cc, sector: s });
for (const n of US_STATES) if (!nameCodes.has(n)) nameCodes.set(n, { country: 'USA', sector: null });
const COUNTRY_NAMES = new Set([...nameCodes.entries()].filter(([n, c]) => c.country && c.country !== 'IGO' && (!c.sector || c.sector === 'GOV') && !US_STATES.includes(n)).map(([n]) => n));

/** True when the text is a country's own name, demonym or capital ("Ukraine", "the United States", "Kiev"), not another place inside it. */
export function isCountryName(text: string): boolean {
  return COUNTRY_NAMES.has(text.replace(/^the\s+/i, ''));
}
for (const n of IGOS) nameCodes.set(n, { country: 'IGO', sector: null });
for (const [sector, words] of Object.entries(SECTORS)) {
  for (const w of words) for (const f of plural(w)) if (!lowerCodes.has(f)) lowerCodes.set(f, { country: null, sector });
}
for (const [w, s] of Object.entries(ACTIVITIES)) lowerCodes.set(w, { country: null, sector: s, activity: true });
// Words too ambiguous to be actors on their own in news prose.
for (const w of ['state', 'states', 'national', 'general', 'force', 'forces', 'man', 'men', 'people', 'family', 'union', 'school', 'tank', 'jet']) {
  const c = lowerCodes.get(w);
  if (c) lowerCodes.set(w, { ...c, sector: w === 'forces' || w === 'force' ? 'MIL' : c.sector });
}

// Proper names match case-sensitively (they are capitalised in prose); sector words case-insensitively.
const NAMES = new PhraseMatcher(nameCodes.keys(), { noDotLetter: true });
const LOWERS = new PhraseMatcher(lowerCodes.keys(), { ignoreCase: true });

/** Every country/IGO name, demonym and sector word in `text[start, end)`, in text order, longest match first. */
export function findActorHits(text: string, start = 0, end = text.length): ActorHit[] {
  const hits: ActorHit[] = [];
  for (const m of NAMES.find(text, start, end)) {
    const code = nameCodes.get(m.text)!;
    // "pro-Iranian", "anti-American" describe a stance, not a nationality.
    if (/(?:pro|anti)-$/i.test(text.slice(Math.max(start, m.start - 5), m.start))) continue;
    hits.push({ start: m.start, end: m.end, country: code.country, sector: code.sector });
  }
  for (const m of LOWERS.find(text, start, end)) {
    const code = lowerCodes.get(m.text.toLowerCase())!;
    if (hits.some((h) => h.start < m.end && m.start < h.end)) continue;
    const hit: ActorHit = { start: m.start, end: m.end, country: null, sector: code.sector };
    if (code.activity) hit.activity = true;
    hits.push(hit);
  }
  return hits.sort((x, y) => x.start - y.start);
}

/** Country and sector of a noun phrase ("Israeli police" -> ISR/COP, "drug cartels" -> null/CRM). */
export function phraseCodes(text: string): { country: string | null; sector: string | null } {
  let country: string | null = null;
  let sector: string | null = null;
  for (const h of findActorHits(text)) {
    country ??= h.country;
    if (h.sector) sector = h.sector;
  }
  return { country, sector };
}
