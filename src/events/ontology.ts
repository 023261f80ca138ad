/**
 * The event ontology: CAMEO codes with their Goldstein values (from the public codebook, see
 * cameo-codes.ts), the CAMEO -> PLOVER mapping and GDELT's QuadClass.
 */
import { CAMEO_CODES } from './cameo-codes.js';

/** The PLOVER event types newsgraph codes (PLOVER 0.5 names; REQUEST covers DEMAND, ACCUSE covers DISAPPROVE). */
export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT',
  'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT', 'FIGHT', 'INVESTIGATE',
] as const;

/** One PLOVER event type. */
export type PloverType = (typeof PLOVER_TYPES)[number];

/** What the codebook says about one CAMEO code. */
export interface CameoInfo {
  code: string;
  name: string;
  goldstein: number;
  root: string;
}

const table = new Map<string, CameoInfo>();
for (const [code, name, goldstein] of CAMEO_CODES) table.set(code, { code, name, goldstein, root: code.slice(0, 2) });

/** The codebook entry of a CAMEO code, or null when the code is not in the codebook. */
export function cameoInfo(code: string): CameoInfo | null {
  return table.get(code) ?? null;
}

/** Goldstein value of a CAMEO code (falls back to its root's value), or null for an unknown code. */
export function goldstein(code: string): number | null {
  return (table.get(code) ?? table.get(code.slice(0, 2)))?.goldstein ?? null;
}

/**
 * GDELT QuadClass of a CAMEO code: 1 verbal cooperation (01-05), 2 material cooperation (06-08),
 * 3 verbal conflict (09-13), 4 material conflict (14-20).
 */
export function quadClass(code: string): 1 | 2 | 3 | 4 {
  const r = Number(code.slice(0, 2));
  return r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
}

// PLOVER folds CAMEO's roots into 16-18 types; yielding (08) splits into concessions on policy
// (CONCEDE) and giving something back or stepping down (RETREAT), following the PLOVER codebook.
const ROOT_TO_PLOVER: Record<string, PloverType | null> = {
  '01': null, '02': 'REQUEST', '03': 'AGREE', '04': 'CONSULT', '05': 'SUPPORT', '06': 'COOPERATE', '07': 'AID',
  '08': 'CONCEDE', '09': 'INVESTIGATE', '10': 'REQUEST', '11': 'ACCUSE', '12': 'REJECT', '13': 'THREATEN',
  '14': 'PROTEST', '15': 'MOBILIZE', '16': 'SANCTION', '17': 'COERCE', '18': 'ASSAULT', '19': 'FIGHT', '20': 'ASSAULT',
};
const CODE_TO_PLOVER: Record<string, PloverType> = {
  '0833': 'RETREAT', '0841': 'RETREAT', '0842': 'RETREAT', '084': 'RETREAT', '085': 'CONCEDE', '086': 'RETREAT',
  '0861': 'RETREAT', '0862': 'RETREAT', '0863': 'RETREAT', '087': 'RETREAT', '0871': 'RETREAT', '0872': 'RETREAT',
  '0873': 'RETREAT', '0874': 'RETREAT', '166': 'SANCTION', '191': 'COERCE', '171': 'COERCE',
};

/** The PLOVER type of a CAMEO code, or null for plain statements (01), which PLOVER does not code as events. */
export function ploverOf(code: string): PloverType | null {
  return CODE_TO_PLOVER[code] ?? ROOT_TO_PLOVER[code.slice(0, 2)] ?? null;
}

/** Normalises a PLOVER label from older releases and gold data (DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, YIELD -> CONCEDE). */
export function normalizePlover(label: string): string {
  const u = label.toUpperCase();
  return u === 'DEMAND' ? 'REQUEST' : u === 'DISAPPROVE' ? 'ACCUSE' : u === 'YIELD' ? 'CONCEDE' : u;
}

// PLOVER modes that follow from the CAMEO code (PLOVER 0.5 mode names, as the gold records use them).
const CODE_TO_MODE: Record<string, string> = {
  '041': 'phone', '042': 'visit', '043': 'host', '045': 'multilateral', '141': 'demo-org', '142': 'strike-hun',
  '143': 'strike-gen', '144': 'obstruct', '145': 'riot-spon', '152': 'troops', '154': 'troops', '171': 'destroy',
  '172': 'restrict', '173': 'arrest', '182': 'torture', '183': 'explosives', '185': 'assassinate', '186': 'assassinate',
  '191': 'restrict', '193': 'firearms', '194': 'heavy-weapons', '195': 'heavy-weapons', '137': 'political', '138': 'violence',
};

/** The PLOVER mode of an action, from its CAMEO code and the words that name it ("curfew", "suicide"), or null. */
export function ploverMode(code: string, text: string): string | null {
  const t = text.toLowerCase();
  if (/\bcurfew/.test(t)) return 'curfew';
  if (/\bmartial law/.test(t)) return 'martial-law';
  if (/\bsuicide\b/.test(t)) return 'suicide-attack';
  if (/\b(?:rape|sexual)/.test(t)) return 'sexual';
  return CODE_TO_MODE[code] ?? null;
}
