/**
 * The title lexicon: words that name an office or a rank, with the actor sector they imply and, for
 * the few gendered ones, the holder's gender. Roles, role mentions and actor codes all read it.
 */

import { escapeRegExp } from '../util/strings.js';

/** Gender a word implies about the person it describes. */
export type Gender = 'm' | 'f';

/** What a title implies. */
export interface TitleInfo {
  /** CAMEO-style sector (GOV, MIL, JUD, COP, BUS, MED, REL, IGO, OPP, CVL, LEG...), or null. */
  sector: string | null;
  gender: Gender | null;
}

const T = (sector: string | null, gender: Gender | null = null): TitleInfo => ({ sector, gender });

/** Lower-case title -> what it implies. Multi-word titles are matched before their heads. */
export const TITLES: ReadonlyMap<string, TitleInfo> = new Map<string, TitleInfo>([
  ['president', T('GOV')], ['vice president', T('GOV')], ['president-elect', T('GOV')],
  ['vice-president', T('GOV')], ['prime minister', T('GOV')], ['deputy prime minister', T('GOV')],
  ['foreign minister', T('GOV')], ['defense minister', T('GOV')], ['defence minister', T('GOV')],
  ['interior minister', T('GOV')], ['finance minister', T('GOV')], ['health minister', T('GOV')],
  ['economy minister', T('GOV')], ['security minister', T('GOV')], ['minister', T('GOV')],
  ['secretary of state', T('GOV')], ['secretary of defense', T('GOV')], ['secretary of the treasury', T('GOV')],
  ['treasury secretary', T('GOV')], ['defense secretary', T('GOV')], ['homeland security secretary', T('GOV')],
  ['foreign secretary', T('GOV')], ['home secretary', T('GOV')], ['press secretary', T('GOV')],
  ['secretary-general', T('IGO')], ['secretary general', T('IGO')], ['secretary', T('GOV')],
  ['attorney general', T('JUD')], ['ambassador', T('GOV')], ['envoy', T('GOV')], ['special envoy', T('GOV')],
  ['spokesperson', T(null)], ['spokesman', T(null, 'm')], ['spokeswoman', T(null, 'f')],
  ['governor', T('GOV')], ['gov.', T('GOV')], ['senator', T('LEG')], ['sen.', T('LEG')],
  ['representative', T('LEG')], ['rep.', T('LEG')], ['congressman', T('LEG', 'm')],
  ['congresswoman', T('LEG', 'f')], ['lawmaker', T('LEG')], ['legislator', T('LEG')], ['speaker', T('LEG')],
  ['mayor', T('GOV')], ['chancellor', T('GOV')], ['premier', T('GOV')], ['president of the republic', T('GOV')],
  ['king', T('GOV', 'm')], ['queen', T('GOV', 'f')], ['prince', T('GOV', 'm')], ['princess', T('GOV', 'f')],
  ['emperor', T('GOV', 'm')], ['sultan', T('GOV', 'm')], ['emir', T('GOV', 'm')], ['sheikh', T(null, 'm')],
  ['general', T('MIL')], ['gen.', T('MIL')], ['lieutenant general', T('MIL')], ['major general', T('MIL')],
  ['brigadier general', T('MIL')], ['lt. gen.', T('MIL')], ['maj. gen.', T('MIL')], ['admiral', T('MIL')],
  ['adm.', T('MIL')], ['colonel', T('MIL')], ['col.', T('MIL')], ['commander', T('MIL')],
  ['army chief', T('MIL')], ['defense chief', T('MIL')], ['military chief', T('MIL')],
  ['lieutenant', T('MIL')], ['sergeant', T('MIL')], ['sgt.', T('MIL')],
  ['judge', T('JUD')], ['justice', T('JUD')], ['chief justice', T('JUD')], ['prosecutor', T('JUD')],
  ['police chief', T('COP')], ['sheriff', T('COP')], ['police commissioner', T('COP')],
  ['chief executive', T('BUS')], ['chief executive officer', T('BUS')], ['ceo', T('BUS')],
  ['chairman', T('BUS', 'm')], ['chairwoman', T('BUS', 'f')], ['chairperson', T('BUS')], ['chair', T(null)],
  ['founder', T('BUS')], ['co-founder', T('BUS')], ['board member', T('BUS')], ['executive', T('BUS')],
  ['chief financial officer', T('BUS')], ['cfo', T('BUS')], ['chief operating officer', T('BUS')], ['coo', T('BUS')], ['director', T(null)], ['director-general', T(null)],
  ['director general', T(null)], ['commissioner', T('GOV')], ['chief of staff', T('GOV')],
  ['pope', T('REL', 'm')], ['cardinal', T('REL', 'm')], ['bishop', T('REL')], ['archbishop', T('REL')],
  ['imam', T('REL', 'm')], ['rabbi', T('REL')], ['ayatollah', T('REL', 'm')],
  ['opposition leader', T('OPP')], ['leader', T(null)], ['supreme leader', T('GOV')],
  ['editor', T('MED')], ['correspondent', T('MED')], ['reporter', T('MED')], ['journalist', T('MED')],
  ['activist', T('CVL')], ['politician', T('GOV')], ['diplomat', T('GOV')], ['businessman', T('BUS', 'm')],
  ['businesswoman', T('BUS', 'f')], ['lawyer', T(null)], ['economist', T(null)], ['professor', T('EDU')],
  ['analyst', T(null)], ['scientist', T(null)], ['author', T(null)], ['writer', T(null)], ['doctor', T('HLH')],
  ['opposition figure', T('OPP')], ['dissident', T('OPP')], ['businessperson', T('BUS')], ['mr.', T(null, 'm')], ['mrs.', T(null, 'f')], ['ms.', T(null, 'f')],
  ['miss', T(null, 'f')], ['sir', T(null, 'm')], ['lady', T(null, 'f')], ['dr.', T(null)],
]);

/** First words of the titles, without a final period: a cheap test before the title pattern runs. */
export const TITLE_FIRST_WORDS: ReadonlySet<string> = new Set(
  [...TITLES.keys()].map((k) => k.split(' ')[0]!.replace(/\.$/u, '')),
);

/** Honorifics that are not offices: they give gender but no role. */
export const HONORIFICS: ReadonlySet<string> = new Set(['mr.', 'mrs.', 'ms.', 'miss', 'sir', 'lady', 'dr.', 'mr', 'mrs', 'ms', 'dr']);

/** Words that may precede a title and change its status ("former President"). */
export const TITLE_QUALIFIERS: ReadonlySet<string> = new Set([
  'former', 'acting', 'interim', 'outgoing', 'incoming', 'then-', 'deputy', 'ex-', 'late',
]);


// Case-insensitive for the title only, so the same pattern can still demand capitals elsewhere.
function ciPattern(s: string): string {
  let out = '';
  for (const ch of s) {
    const lo = ch.toLowerCase();
    const up = ch.toUpperCase();
    if (ch === ' ') out += '\\s+';
    else out += lo !== up ? `[${lo}${up}]` : escapeRegExp(ch);
  }
  return out;
}

/** A regex source matching any title of the lexicon, longest first, whole words only. */
export const TITLE_PATTERN: string = (() => {
  const keys = [...TITLES.keys()].sort((a, b) => b.length - a.length);
  return `(?:${keys.map((k) => ciPattern(k) + (k.endsWith('.') ? '' : '(?![\\p{L}-])')).join('|')})`;
})();

/** What a title implies, looked up case- and space-insensitively. */
export function titleInfo(title: string): TitleInfo | null {
  return TITLES.get(title.toLowerCase().replace(/\s+/gu, ' ').trim()) ?? null;
}

const SMALL = new Set(['of', 'to', 'for', 'the', 'and', 'on', 'in']);

// Abbreviated titles as they are read out.
const ABBREVIATIONS: Record<string, string> = {
  'gov.': 'Governor', 'sen.': 'Senator', 'rep.': 'Representative', 'gen.': 'General', 'lt. gen.': 'Lieutenant General',
  'maj. gen.': 'Major General', 'adm.': 'Admiral', 'col.': 'Colonel', 'sgt.': 'Sergeant', 'dr.': 'Dr.',
};

/** Normal title case: "secretary of state" -> "Secretary of State"; "ceo" -> "CEO"; "Gov." -> "Governor". */
export function titleCase(s: string): string {
  // Called for every title read; titles recur, so results are kept (bounded).
  let out = caseMemo.get(s);
  if (out === undefined) {
    out = titleCaseUncached(s);
    if (caseMemo.size >= 5_000) caseMemo.clear();
    caseMemo.set(s, out);
  }
  return out;
}
const caseMemo = new Map<string, string>();

function titleCaseUncached(s: string): string {
  const ab = ABBREVIATIONS[s.toLowerCase().replace(/\s+/gu, ' ').trim()];
  if (ab) return ab;
  return s
    .replace(/\s+/gu, ' ')
    .trim()
    .split(' ')
    .map((w, i) => {
      const lw = w.toLowerCase();
      if (lw === 'ceo') return 'CEO';
      if (i > 0 && SMALL.has(lw)) return lw;
      if (/^[A-Z.]+$/u.test(w) && w.length > 1 && w.includes('.')) return w; // "U.S."
      return lw.replace(/(^|-)(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
    })
    .join(' ');
}
