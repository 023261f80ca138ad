/**
 * Roles from titles and appositives around a person's name: "Mexican President Claudia Sheinbaum",
 * "U.S. Ambassador to Mexico Ronald Johnson", "Ronald Johnson, the U.S. ambassador,". Each role keeps
 * the span of text it was read from.
 */
import type { Role } from '../doc/types.js';
import { countryByName, lookupCountry } from './countries.js';
import { HONORIFICS, TITLES, TITLE_PATTERN, TITLE_QUALIFIERS, titleCase } from './titles.js';

/** A role read from the text, with the span of the title itself (for not reading it twice). */
export interface FoundRole {
  role: Role;
  /** The title words alone (without the country qualifier). */
  titleSpan: { start: number; end: number };
}

const NAMEWORD = "[A-Z][\\p{L}.'\\u2019-]*";
const QUALS = [...TITLE_QUALIFIERS].join('|');
// "of State", "to Mexico", "of the United States", "of Homeland Security"
const OF_PART = `(?:\\s+(?:of|to|for)\\s+(?:the\\s+)?${NAMEWORD}(?:\\s+(?:${NAMEWORD}|and|of|the)(?=\\s|$|[,.;:]))*?)?`;

const BEFORE_RE = new RegExp(
  `(?:^|[^\\p{L}.])((?:(${QUALS})\\s*)?(${TITLE_PATTERN})(${OF_PART}))\\s*,?\\s*$`,
  'u',
);
const AFTER_RE = new RegExp(
  `^\\s*,\\s+(?:the\\s+|a\\s+|an\\s+)?((?:${NAMEWORD}\\s+){0,3}?)(?:(${QUALS})\\s*)?((?:[a-z]+\\s+){0,2}?)(${TITLE_PATTERN})(${OF_PART})\\s*(?=[,.;:)\\u2014]|$|\\s+(?:who|said|says|told|and)\\b)`,
  'u',
);
const COUNTRY_WORDS_RE = new RegExp(`((?:${NAMEWORD}\\s+){0,2}${NAMEWORD})\\s*$`, 'u');

/** The country named by the last one to three capitalised words of `s` ("Mexico's", "South Korean"). */
export function trailingCountry(s: string): { code: string; offset: number } | null {
  const m = COUNTRY_WORDS_RE.exec(s);
  if (!m || m[1] === undefined) return null;
  const words = m[1].split(/\s+/u);
  let offset = m.index;
  for (let i = 0; i < words.length; i++) {
    if (words[i] === 'The' && i + 1 < words.length) {
      offset += 4;
      continue;
    }
    const phrase = words.slice(i).join(' ').replace(/[\u2019']s$/u, '').replace(/-$/u, '');
    const hit = lookupCountry(phrase);
    if (hit) return { code: hit.code, offset };
    offset += (words[i]?.length ?? 0) + 1;
    while (offset < s.length && /\s/u.test(s[offset] ?? '')) offset++;
  }
  return null;
}

function splitOfPublic(titleWords: string, ofPart: string): { title: string; of: string | null } {
  const m = /^\s+(of|to|for)\s+(.*)$/su.exec(ofPart);
  if (m && m[1] === 'of' && m[2] !== undefined) {
    const c = countryByName(m[2]);
    if (c) return { title: titleCase(titleWords), of: c };
  }
  return { title: titleCase(titleWords + ofPart), of: null };
}

/**
 * The role in the title run that ends right before a name at `nameStart`, reading no further left
 * than `limit` (the sentence start). The evidence runs to `nameEnd`. Honorifics ("Mr.") give no role.
 */
export function roleBefore(text: string, nameStart: number, limit: number, nameEnd = nameStart): FoundRole | null {
  const left = text.slice(limit, nameStart);
  const m = BEFORE_RE.exec(left);
  if (!m || m[1] === undefined || m[3] === undefined) return null;
  if (HONORIFICS.has(m[3].toLowerCase())) return null;
  const runStart = limit + m.index + m[0].indexOf(m[1]);
  const titleStart = runStart + (m[1].length - m[1].trimStart().length) + m[1].indexOf(m[3]);
  const titleEnd = titleStart + m[3].length + (m[4]?.length ?? 0);
  const { title, of: ofPart } = splitOfPublic(m[3], m[4] ?? '');
  let of = ofPart;
  let evStart = runStart;
  if (!of) {
    const c = trailingCountry(text.slice(limit, runStart));
    if (c) {
      of = c.code;
      evStart = limit + c.offset;
    }
  }
  const role: Role = { title, of, evidence: { start: evStart, end: nameEnd } };
  if (m[2]) role.qualifier = m[2].toLowerCase();
  return { role, titleSpan: { start: titleStart, end: titleEnd } };
}

/** The role in an appositive right after a name ending at `nameEnd` (", the U.S. ambassador,"). */
export function roleAfter(text: string, nameEnd: number, limit: number, nameStart: number): FoundRole | null {
  const right = text.slice(nameEnd, limit);
  const m = AFTER_RE.exec(right);
  if (!m || m[4] === undefined) return null;
  if (HONORIFICS.has(m[4].toLowerCase())) return null;
  const titleStart = nameEnd + m[0].lastIndexOf(m[4], m[0].length - (m[5]?.length ?? 0));
  const titleEnd = titleStart + m[4].length + (m[5]?.length ?? 0);
  const { title, of: ofPart } = splitOfPublic(m[4], m[5] ?? '');
  let of = ofPart;
  if (!of && m[1]) {
    const c = trailingCountry(m[1]);
    if (c) of = c.code;
    // A capitalised word that is not a country ("Pemex CEO") is an organisation: no country from it.
  }
  const role: Role = { title, of, evidence: { start: nameStart, end: nameEnd + m[0].length } };
  if (m[2]) role.qualifier = m[2].toLowerCase();
  return { role, titleSpan: { start: titleStart, end: titleEnd } };
}

/** Adds a role unless it is already known; a role naming its country replaces the same one without. */
export function addRole(roles: Role[], r: Role): void {
  const same = (a: Role): boolean => a.title === r.title && (a.qualifier ?? null) === (r.qualifier ?? null);
  for (let i = 0; i < roles.length; i++) {
    const a = roles[i]!;
    if (!same(a)) continue;
    if (a.of === r.of || r.of === null) return;
    if (a.of === null) {
      roles[i] = r;
      return;
    }
  }
  roles.push(r);
}

// First words of titles: the cheap filter before the full title pattern is tried at a position.
const TITLE_FIRST_WORDS: ReadonlySet<string> = new Set(
  [...TITLES.keys()].map((k) => k.split(' ')[0]!.replace(/\.$/u, '')),
);
const TITLE_AT = new RegExp(`(?:(${QUALS})\\s*)?(${TITLE_PATTERN})(${OF_PART})`, 'uy');
const WORD_SCAN = /[\p{L}][\p{L}-]*/gu;

/** A title used as a noun phrase ("Mexico's President", "the U.S. ambassador"), not before a name. */
export interface RoleMention {
  /** From the country qualifier or "the" to the end of the title. */
  start: number;
  end: number;
  title: string;
  of: string | null;
  qualifier: string | null;
}

/**
 * Titles standing for a person ("Mexico's President confidently rebuts..."): a title after a country
 * qualifier or "the", not followed by a name, and not inside a span in `skip` (titles already read as
 * part of a named person's role). Words are scanned first so the title pattern runs only where a
 * title can start.
 */
export function findRoleMentions(text: string, skip: readonly { start: number; end: number }[]): RoleMention[] {
  const out: RoleMention[] = [];
  const skipSorted = [...skip].sort((a, b) => a.start - b.start);
  let si = 0;
  WORD_SCAN.lastIndex = 0;
  for (let m = WORD_SCAN.exec(text); m; m = WORD_SCAN.exec(text)) {
    const w = m[0].toLowerCase();
    if (!TITLE_FIRST_WORDS.has(w) && !TITLE_QUALIFIERS.has(w)) continue;
    TITLE_AT.lastIndex = m.index;
    const t = TITLE_AT.exec(text);
    if (!t || t[2] === undefined) continue;
    const start = m.index;
    const end = start + t[0].length;
    WORD_SCAN.lastIndex = end;
    while (si < skipSorted.length && skipSorted[si]!.end <= start) si++;
    const sk = skipSorted[si];
    if (sk && sk.start <= start + t[0].length - 1 && sk.end > start) continue;
    if (HONORIFICS.has(t[2].toLowerCase())) continue;
    const after = text.slice(end, end + 3);
    if (/^\s+[A-Z]/u.test(after) || /^[-\u2010]/u.test(after)) continue; // a name (or a compound) follows
    const left = text.slice(Math.max(0, start - 60), start);
    const { title, of: ofPart } = splitOfPublic(t[2], t[3] ?? '');
    let of = ofPart;
    let evStart = start;
    const c = trailingCountry(left);
    if (c && /\s$/u.test(left)) {
      of = of ?? c.code;
      evStart = start - left.length + c.offset;
    } else {
      const the = /(?:^|[^\p{L}])([Tt]he)\s+$/u.exec(left);
      if (!the) continue;
      evStart = start - left.length + the.index + the[0].indexOf(the[1]!);
    }
    out.push({ start: evStart, end, title, of, qualifier: t[1] ? t[1].toLowerCase() : null });
  }
  return out;
}

/** The title's head for comparing roles: "Ambassador to Mexico" -> "ambassador". */
export function titleHead(title: string): string {
  return title.toLowerCase().replace(/\s+(?:of|to|for)\s.*$/u, '');
}
