/**
 * Actor codes for noun phrases: a country (ISO alpha-3) from a country name or demonym in the phrase,
 * and a CAMEO-style sector from its words ("Mexican troops" -> MEX MIL, "drug cartels" -> CRM).
 */
import { countryByDemonym, findCountry } from './countries.js';
import { resolvePlace } from './places.js';
import { titleInfo } from './titles.js';

/** Country and sector of an actor phrase; either may be null. */
export interface ActorCodes {
  country: string | null;
  sector: string | null;
}

// Lower-case words and word pairs -> sector. Pairs are tried before single words.
const SECTOR_WORDS: ReadonlyMap<string, string> = new Map([
  // government
  ['government', 'GOV'], ['governments', 'GOV'], ['administration', 'GOV'], ['ministry', 'GOV'],
  ['ministries', 'GOV'], ['cabinet', 'GOV'], ['officials', 'GOV'], ['official', 'GOV'], ['authorities', 'GOV'],
  ['authority', 'GOV'], ['state department', 'GOV'], ['white house', 'GOV'], ['regime', 'GOV'],
  ['diplomats', 'GOV'], ['diplomat', 'GOV'], ['embassy', 'GOV'], ['leaders', 'GOV'], ['presidency', 'GOV'],
  ['department', 'GOV'], ['agency', 'GOV'], ['agencies', 'GOV'],
  // legislature, judiciary
  ['congress', 'LEG'], ['parliament', 'LEG'], ['senate', 'LEG'], ['lawmakers', 'LEG'], ['legislature', 'LEG'],
  ['legislators', 'LEG'], ['parliamentarians', 'LEG'], ['court', 'JUD'], ['courts', 'JUD'], ['judges', 'JUD'],
  ['prosecutors', 'JUD'], ['tribunal', 'JUD'], ['judiciary', 'JUD'],
  // military and police
  ['army', 'MIL'], ['armies', 'MIL'], ['military', 'MIL'], ['militaries', 'MIL'], ['troops', 'MIL'],
  ['soldiers', 'MIL'], ['soldier', 'MIL'], ['armed forces', 'MIL'], ['navy', 'MIL'], ['air force', 'MIL'],
  ['marines', 'MIL'], ['national guard', 'MIL'], ['forces', 'MIL'], ['warplanes', 'MIL'], ['jets', 'MIL'],
  ['defense ministry', 'MIL'], ['defence ministry', 'MIL'], ['generals', 'MIL'], ['commanders', 'MIL'],
  ['police', 'COP'], ['policemen', 'COP'], ['police officers', 'COP'], ['security forces', 'COP'],
  ['border patrol', 'COP'], ['border guards', 'COP'], ['guards', 'COP'], ['gendarmerie', 'COP'],
  ['intelligence', 'SPY'], ['intelligence agencies', 'SPY'], ['spies', 'SPY'], ['spy agency', 'SPY'],
  // crime, rebels, opposition
  ['cartel', 'CRM'], ['cartels', 'CRM'], ['gang', 'CRM'], ['gangs', 'CRM'], ['gangsters', 'CRM'],
  ['criminals', 'CRM'], ['traffickers', 'CRM'], ['smugglers', 'CRM'], ['mafia', 'CRM'], ['drug lords', 'CRM'],
  ['kidnappers', 'CRM'], ['pirates', 'CRM'], ['drug-dealers', 'CRM'], ['drug dealers', 'CRM'],
  ['rebels', 'REB'], ['rebel', 'REB'], ['militant', 'REB'], ['insurgent', 'REB'], ['guerrilla', 'REB'],
  ['armed group', 'REB'], ['terrorist group', 'REB'], ['criminal group', 'CRM'], ['drug cartel', 'CRM'], ['insurgents', 'REB'], ['guerrillas', 'REB'], ['militants', 'REB'],
  ['militia', 'REB'], ['militias', 'REB'], ['separatists', 'REB'], ['jihadists', 'REB'], ['terrorists', 'REB'],
  ['opposition', 'OPP'], ['dissidents', 'OPP'], ['protesters', 'CVL'], ['demonstrators', 'CVL'],
  // civil society and others
  ['civilians', 'CVL'], ['residents', 'CVL'], ['citizens', 'CVL'], ['villagers', 'CVL'], ['people', 'CVL'],
  ['activists', 'CVL'], ['families', 'CVL'], ['migrants', 'REF'], ['refugees', 'REF'], ['asylum seekers', 'REF'],
  ['workers', 'LAB'], ['unions', 'LAB'], ['union', 'LAB'], ['farmers', 'AGR'], ['students', 'EDU'],
  ['university', 'EDU'], ['school', 'EDU'], ['hospital', 'HLH'], ['doctors', 'HLH'], ['church', 'REL'],
  ['clergy', 'REL'], ['mosque', 'REL'], ['charity', 'NGO'], ['ngo', 'NGO'], ['aid groups', 'NGO'],
  ['human rights', 'NGO'],
  // business and media
  ['company', 'BUS'], ['companies', 'BUS'], ['firm', 'BUS'], ['firms', 'BUS'], ['corporation', 'BUS'],
  ['corp', 'BUS'], ['corp.', 'BUS'], ['inc', 'BUS'], ['inc.', 'BUS'], ['ltd', 'BUS'], ['bank', 'BUS'],
  ['banks', 'BUS'], ['businesses', 'BUS'], ['investors', 'BUS'], ['industry', 'BUS'], ['airline', 'BUS'],
  ['newspaper', 'MED'], ['newspapers', 'MED'], ['news', 'MED'], ['media', 'MED'], ['television', 'MED'],
  ['broadcaster', 'MED'], ['radio', 'MED'], ['journalists', 'MED'], ['reporters', 'MED'], ['press', 'MED'],
  ['news agency', 'MED'],
  // international organisations named by what they are
  ['united nations', 'IGO'], ['u.n.', 'IGO'], ['un', 'IGO'], ['nato', 'IGO'], ['european union', 'IGO'],
  ['eu', 'IGO'], ['african union', 'IGO'], ['world bank', 'IGO'], ['imf', 'IGO'], ['opec', 'IGO'],
  ['international monetary fund', 'IGO'], ['world health organization', 'IGO'], ['interpol', 'IGO'],
  ['asean', 'IGO'], ['organization of american states', 'IGO'], ['security council', 'IGO'],
  ['european community', 'IGO'], ['european commission', 'IGO'], ['common market', 'IGO'], ['arab league', 'IGO'],
  ['apec', 'IGO'], ['ecowas', 'IGO'], ['african development bank', 'IGO'], ['peacekeepers', 'IGO'],
  ['iaea', 'IGO'], ['wto', 'IGO'], ['unhcr', 'IGO'], ['unicef', 'IGO'], ['osce', 'IGO'], ['red cross', 'IGO'],
  ['missionary', 'REL'], ['missionaries', 'REL'], ['priest', 'REL'], ['priests', 'REL'], ['cleric', 'REL'],
  ['clerics', 'REL'], ['monks', 'REL'], ['nuns', 'REL'],
  ['nationals', 'CVL'], ['negotiator', 'GOV'], ['negotiators', 'GOV'], ['leadership', 'GOV'],
]);

// Heads that name a position in some group: the group's word, if the phrase has one, decides
// ("rebel leader" REB, "police spokesman" COP); otherwise their own default applies.
const RELATIONAL: ReadonlyMap<string, string | null> = new Map([
  ['leader', 'GOV'], ['leaders', 'GOV'], ['chief', null], ['head', null], ['spokesman', null],
  ['spokeswoman', null], ['spokesperson', null], ['official', 'GOV'], ['officials', 'GOV'], ['member', null],
  ['members', null], ['representative', null], ['representatives', null], ['commander', 'MIL'],
  ['commanders', 'MIL'], ['negotiator', 'GOV'], ['negotiators', 'GOV'], ['supporters', null], ['fighters', 'REB'],
  ['peacekeepers', 'IGO'], ['troops', 'MIL'], ['forces', 'MIL'],
]);
// Generic words that, capitalised inside a name, belong to the name ("Kurdistan Workers' Party").
const CAP_WEAK = new Set(['workers', 'union', 'unions', 'people', 'citizens', 'students', 'families', 'residents', 'news']);
// "International Labor Office", "International Atomic Energy Agency": bodies between states.
const INTERNATIONAL_BODY = /^(?:the\s+)?International\s+(?:[A-Z][\p{L}-]*\s+)*(?:Organi[sz]ation|Office|Agency|Fund|Court|Committee|Commission)$/u;
// Former office holders are elites, not the government (CAMEO ELI).
const FORMER = /\b(?:former|ousted|ex-|deposed|exiled)\s*/iu;

// Masthead words name a newspaper only when capitalised ("The Washington Post", not "a post").
const MASTHEAD = /^(?:Times|Post|Journal|Tribune|Herald|Gazette|Guardian|Telegraph|Chronicle|Observer|Reuters|Bloomberg)$/u;
// Two-letter acronyms that are also words: only their capitalised form counts.
const CAPS_ONLY = new Set(['un', 'eu']);

const sectorCache = new Map<string, string | null>();

/**
 * The sector a phrase's words imply, reading from the head noun (last word) leftwards. With `name`
 * true the phrase is an organisation's name, where a capitalised title word is part of the name
 * ("General Motors" is no general).
 */
export function sectorOf(phrase: string, name = false): string | null {
  const k = name ? `\u0000${phrase}` : phrase;
  const hit = sectorCache.get(k);
  if (hit !== undefined) return hit;
  const s = sectorUncached(phrase, name);
  if (sectorCache.size > 20000) sectorCache.clear();
  sectorCache.set(k, s);
  return s;
}

function sectorUncached(phrase: string, name: boolean): string | null {
  const words = phrase.split(/[\s\u2014\u2013]+/u).map((w) => w.replace(/^[("'\u201c]+|[)"'\u201d,;:]+$/gu, ''));
  const clean = words.map((w) => w.replace(/[\u2019']s$/u, ''));
  let fallback: string | null | undefined;
  for (let n = 4; n >= 1; n--) {
    for (let i = clean.length - n; i >= 0; i--) {
      const raw = clean.slice(i, i + n).join(' ');
      const k = raw.toLowerCase();
      if (n === 1 && MASTHEAD.test(raw)) return 'MED';
      if (n === 1 && CAPS_ONLY.has(k) && raw !== raw.toUpperCase()) continue;
      if (n === 1 && RELATIONAL.has(k)) {
        if (fallback === undefined) fallback = RELATIONAL.get(k) ?? null;
        continue;
      }
      if (n === 1 && i > 0 && CAP_WEAK.has(k) && /^[A-Z]/u.test(raw)) continue;
      let s = SECTOR_WORDS.get(k) ?? (name && /^[A-Z]/u.test(raw) ? null : (titleInfo(k)?.sector ?? null));
      if (s === 'GOV' && FORMER.test(phrase)) s = 'ELI';
      if (s) return s;
    }
  }
  if (fallback === 'GOV' && FORMER.test(phrase)) return 'ELI';
  if (fallback !== undefined) return fallback;
  if (INTERNATIONAL_BODY.test(phrase.trim())) return 'IGO';
  // A people named by a plural demonym ("ethnic Albanians") are civilians.
  const last = clean[clean.length - 1] ?? '';
  if (/^[A-Z].*s$/u.test(last) && countryByDemonym(last)) return 'CVL';
  return null;
}

/** Options of actorCodes. */
export interface ActorCodesOptions {
  /** Also try capitalised words as GeoNames cities ("Baghdad police" -> IRQ); loads the gazetteer once. */
  gazetteer?: boolean;
}

const CAP_RUN = /[A-Z][\p{L}'\u2019-]*(?:\s+[A-Z][\p{L}'\u2019-]*)*/gu;
// Cities named like this must be large to count without other evidence: a phrase gives no article context.
const MIN_CITY_POPULATION = 100_000;

/**
 * Country and sector for a noun phrase that need not be a named entity.
 * @example actorCodes('Mexican troops') // { country: 'MEX', sector: 'MIL' }
 */
export function actorCodes(text: string, opts: ActorCodesOptions = {}): ActorCodes {
  let country = findCountry(text)?.code ?? null;
  if (!country && opts.gazetteer) {
    for (const m of text.matchAll(CAP_RUN)) {
      const place = resolvePlace(m[0].replace(/[\u2019']s$/u, ''), new Set(), MIN_CITY_POPULATION);
      if (place?.country) {
        country = place.country;
        break;
      }
    }
  }
  return { country, sector: sectorOf(text) };
}
