/**
 * Roles from titles and appositives around a person's name: "Mexican President Claudia Sheinbaum",
 * "U.S. Ambassador to Mexico Ronald Johnson", "Ronald Johnson, the U.S. ambassador,". Each role keeps
 * the span of text it was read from.
 */
import type { Role } from '../doc/types.js';
import { countryByName, isUsState, lookupCountry } from './countries.js';
import { HONORIFICS, TITLES, TITLE_FIRST_WORDS, TITLE_PATTERN, TITLE_QUALIFIERS, titleCase } from './titles.js';
import { isRegexSpace } from '../util/strings.js';

/** A role read from the text, with the span of the title itself (for not reading it twice). */
export interface FoundRole {
  role: Role;
  /** The title words alone (without the country qualifier). */
  titleSpan: { start: number; end: number };
}

const NAMEWORD = "[A-Z][\\p{L}.'\\u2019-]*";
// Capitalised too: "Former President Ana Ruiz" opens a sentence.
const QUALS = [...TITLE_QUALIFIERS].map((q) => `[${q[0]}${q[0]!.toUpperCase()}]${q.slice(1)}`).join('|');
// "of State", "to Mexico", "of the United States", "of Homeland Security"
const OF_PART = `(?:\\s+(?:of|to|for)\\s+(?:the\\s+)?${NAMEWORD}(?:\\s+(?:${NAMEWORD}|and|of|the)(?=\\s|$|[,.;:]))*?)?`;

// Tried only where a title word starts (sticky), so the long title alternation never scans text.
const BEFORE_Y = new RegExp(`(?:(${QUALS})\\s*)?(${TITLE_PATTERN})(${OF_PART})\\s*,?\\s*$`, 'uy');
const WORDS_RE = /[\p{L}][\p{L}.-]*/gu;
const AFTER_RE = new RegExp(
  `^\\s*,\\s+(?:the\\s+|a\\s+|an\\s+)?(?:[a-z]+\\s+){0,2}?((?:${NAMEWORD}\\s+){0,3}?)(?:(${QUALS})\\s*)?((?:[a-z]+\\s+){0,2}?)(${TITLE_PATTERN})(${OF_PART})\\s*(?=[,.;:)\\u2014]|$|\\s+(?:who|said|says|told|and)\\b)`,
  'u',
);
const CAP_WORD = /^[A-Z][\p{L}.'\u2019-]*$/u;

/** "gov." -> "gov": what `.replace(/\.$/u, '')` gives, without a regex per word. */
function withoutFinalDot(w: string): string {
  return w.endsWith('.') ? w.slice(0, -1) : w;
}

/** The country named by the last one to three capitalised words of `s` ("Mexico's", "South Korean"). */
export function trailingCountry(s: string): { code: string; offset: number } | null {
  // Walk back over at most three words; no regex over the whole string.
  let end = s.length;
  while (end > 0 && isRegexSpace(s.charCodeAt(end - 1))) end--;
  const starts: number[] = [];
  let pos = end;
  for (let k = 0; k < 3 && pos > 0; k++) {
    let b = pos;
    while (b > 0 && !isRegexSpace(s.charCodeAt(b - 1))) b--;
    if (!CAP_WORD.test(s.slice(b, pos))) break;
    starts.push(b);
    pos = b;
    while (pos > 0 && isRegexSpace(s.charCodeAt(pos - 1))) pos--;
  }
  for (let i = starts.length - 1; i >= 0; i--) {
    const b = starts[i]!;
    const phrase = s.slice(b, end).replace(/[\u2019']s$/u, '').replace(/-$/u, '');
    if (/^The\s/u.test(phrase) || phrase === 'The') continue;
    // "New Jersey Governor": the state's words are not the country Jersey.
    if (isUsState(phrase)) return null;
    const hit = lookupCountry(phrase);
    if (hit) return { code: hit.code, offset: b };
  }
  return null;
}

function splitOfPublic(titleWords: string, rawOf: string): { title: string; of: string | null } {
  // A sentence's period is not part of "Cook Political Report"; an initial's is ("U.S.").
  const ofPart = /[a-z]{2}\.$/u.test(rawOf) ? rawOf.slice(0, -1) : rawOf;
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
  // Six words or so is the longest title run ("former U.S. Ambassador to the United Nations").
  const from = Math.max(limit, nameStart - 64);
  // Quick reject: a title run ends in a title word, a capitalised word ("of State") or a comma.
  let k = nameStart;
  while (k > from && text.charCodeAt(k - 1) === 32) k--;
  if (k <= from) return null;
  const prev = text.charCodeAt(k - 1);
  if (prev >= 97 && prev <= 122) {
    let b = k - 1;
    while (b > from && /[\p{L}.-]/u.test(text[b - 1]!)) b--;
    const first = text.charCodeAt(b);
    if (!(first >= 65 && first <= 90) && !TITLE_WORDS_ANY.has(text.slice(b, k).toLowerCase())) return null;
  }
  const left = text.slice(from, nameStart);
  WORDS_RE.lastIndex = 0;
  for (let w = WORDS_RE.exec(left); w; w = WORDS_RE.exec(left)) {
    if (!mayBeTitleWord(w[0])) continue;
    const lw = w[0].toLowerCase();
    if (!TITLE_FIRST_WORDS.has(withoutFinalDot(lw)) && !TITLE_QUALIFIERS.has(lw)) continue;
    BEFORE_Y.lastIndex = w.index;
    const m = BEFORE_Y.exec(left);
    if (!m || m[2] === undefined) continue;
    if (HONORIFICS.has(m[2].toLowerCase())) return null;
    const runStart = from + w.index;
    const titleStart = runStart + (m[1] ? m[0].indexOf(m[2], m[1].length) : 0);
    const titleEnd = titleStart + m[2].length + (m[3]?.length ?? 0);
    const { title, of: ofPart } = splitOfPublic(m[2], m[3] ?? '');
    let of = ofPart;
    let evStart = runStart;
    if (!of) {
      const c = trailingCountry(text.slice(Math.max(limit, runStart - 40), runStart));
      if (c) {
        of = c.code;
        evStart = Math.max(limit, runStart - 40) + c.offset;
      }
    }
    // Every field present from the start (undefined is left out of JSON like an absent field): roles
    // of one shape, so addRole and its callers are not deoptimised by a role with a qualifier or org.
    const role: Role = { title, of, evidence: { start: evStart, end: nameEnd }, qualifier: m[1] ? m[1].toLowerCase() : undefined, org: undefined };
    return { role, titleSpan: { start: titleStart, end: titleEnd } };
  }
  return null;
}

/** The role in an appositive right after a name ending at `nameEnd` (", the U.S. ambassador,"). */
export function roleAfter(text: string, nameEnd: number, limit: number, nameStart: number): FoundRole | null {
  // Cheap tests first: an appositive starts with a comma and has a title word within a few words.
  let i = nameEnd;
  while (i < limit && text[i] === ' ') i++;
  if (text[i] !== ',') return null;
  const right = text.slice(nameEnd, limit);
  let seen = 0;
  let found = false;
  WORDS_RE.lastIndex = 0;
  for (let w = WORDS_RE.exec(right); w && seen < 8; w = WORDS_RE.exec(right), seen++) {
    if (mayBeTitleWord(w[0]) && TITLE_FIRST_WORDS.has(withoutFinalDot(w[0].toLowerCase()))) {
      found = true;
      break;
    }
  }
  if (!found) return null;
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
  // One shape for every role (see roleBefore).
  const role: Role = { title, of, evidence: { start: nameStart, end: nameEnd + m[0].length }, qualifier: m[2] ? m[2].toLowerCase() : undefined, org: undefined };
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

const TITLE_AT = new RegExp(`(?:(${QUALS})\\s*)?(${TITLE_PATTERN})(${OF_PART})`, 'uy');
// Finds title (or qualifier) words directly, so the scan over the text stays inside the regex engine.
// Title first words and qualifiers, with and without a final period ("gov", "gov."), lower case.
const TITLE_FIRST_WORDS_ALL: ReadonlySet<string> = new Set(
  [...TITLE_FIRST_WORDS, ...TITLE_QUALIFIERS].flatMap((w) => [w, `${w}.`]),
);
// (first letter, second character, length) of those words, packed as a number, lower-cased the way
// the token loop does it (char | 32, then its low five bits).
// A bit table rather than a Set: it is read for every token of every article.
const TITLE_SHAPES = new Uint8Array(26 * 32 * 32);
for (const w of TITLE_FIRST_WORDS_ALL) {
  if (w.length < 32 && w.length >= 2 && /^[a-z]/u.test(w)) TITLE_SHAPES[(((w.charCodeAt(0) - 97) * 32 + ((w.charCodeAt(1) | 32) & 31)) << 5) | w.length] = 1;
}
// Length and first two characters (lower-cased by | 32) of those words, for a test before any string
// is made: what roleBefore and roleAfter look for is always among them.
const wordShape = (len: number, c0: number, c1: number): number => (len << 14) | ((c0 | 32) << 7) | (c1 | 32);
const ALL_ASCII = [...TITLE_FIRST_WORDS_ALL].every((w) => /^[\x00-\x7f]*$/u.test(w));
const WORD_SHAPES: ReadonlySet<number> = new Set(
  [...TITLE_FIRST_WORDS_ALL].map((w) => wordShape(w.length, w.charCodeAt(0), w.length > 1 ? w.charCodeAt(1) : 0)),
);
/**
 * False only when the word, lower-cased, cannot be in TITLE_FIRST_WORDS_ALL. Words of WORDS_RE start
 * with a letter and go on with letters, "." and "-", whose ASCII forms lower-case by | 32; a word with
 * other characters in front is left to the full test.
 */
function mayBeTitleWord(w: string): boolean {
  const c0 = w.charCodeAt(0);
  const c1 = w.length > 1 ? w.charCodeAt(1) : 0;
  if (!ALL_ASCII || c0 > 127 || c1 > 127) return true;
  return WORD_SHAPES.has(wordShape(w.length, c0, c1));
}
// Every word of every title ("minister" ends "prime minister"), for the quick reject in roleBefore.
const TITLE_WORDS_ANY: ReadonlySet<string> = new Set(
  [...TITLES.keys(), ...TITLE_QUALIFIERS].flatMap((k) => k.split(' ')),
);
const TITLE_WORD_SCAN = new RegExp(
  `(?<![\\p{L}-])(?:${[...new Set([...TITLE_FIRST_WORDS, ...TITLE_QUALIFIERS])].filter((w) => !w.endsWith('-')).map((w) => w.replace(/[.]/gu, '\\.')).sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}])`,
  'giu',
);

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
export function findRoleMentions(
  text: string,
  skip: readonly { start: number; end: number }[],
  tokens?: readonly { start: number; end: number }[],
): RoleMention[] {
  const out: RoleMention[] = [];
  const skipSorted = [...skip].sort((a, b) => a.start - b.start);
  let si = 0;
  // Candidate starts: title words among the tokens when there are tokens, else a regex scan.
  const starts: number[] = [];
  if (tokens && tokens.length > 0) {
    for (const t of tokens) {
      const len = t.end - t.start;
      if (len < 2 || len > 17) continue;
      const c = text.charCodeAt(t.start) | 32;
      if (c < 97 || c > 122) continue;
      // First two letters and length must fit some title word before any string is made.
      const c2 = text.charCodeAt(t.start + 1) | 32;
      if (TITLE_SHAPES[(((c - 97) * 32 + (c2 & 31)) << 5) | len] !== 1) continue;
      if (TITLE_FIRST_WORDS_ALL.has(text.slice(t.start, t.end).toLowerCase())) starts.push(t.start);
    }
  } else {
    TITLE_WORD_SCAN.lastIndex = 0;
    for (let m = TITLE_WORD_SCAN.exec(text); m; m = TITLE_WORD_SCAN.exec(text)) starts.push(m.index);
  }
  let nextFree = 0;
  for (const at of starts) {
    if (at < nextFree) continue;
    const m = { index: at };
    TITLE_AT.lastIndex = m.index;
    const t = TITLE_AT.exec(text);
    if (!t || t[2] === undefined) continue;
    const start = m.index;
    const end = start + t[0].length;
    nextFree = end;
    while (si < skipSorted.length && skipSorted[si]!.end <= start) si++;
    const sk = skipSorted[si];
    if (sk && sk.start <= start + t[0].length - 1 && sk.end > start) continue;
    if (HONORIFICS.has(t[2].toLowerCase())) continue;
    const after = text.slice(end, end + 3);
    if (/^\s+[A-Z]/u.test(after) || /^[-\u2010]/u.test(after)) continue; // a name (or a compound) follows
    // Either way a space comes right before the title: a country ("Mexico's President") or "the".
    if (start === 0 || !isRegexSpace(text.charCodeAt(start - 1))) continue;
    const left = text.slice(Math.max(0, start - 60), start);
    let country: string | null = null;
    let evStart = start;
    const c = trailingCountry(left);
    if (c) {
      country = c.code;
      evStart = start - left.length + c.offset;
    } else {
      let e = left.length;
      while (e > 0 && isRegexSpace(left.charCodeAt(e - 1))) e--;
      if (e < 3) continue;
      const w = left.slice(e - 3, e);
      if ((w !== 'the' && w !== 'The') || (e > 3 && /\p{L}/u.test(left[e - 4]!))) continue;
      evStart = start - left.length + e - 3;
    }
    // The title is read only for the few candidates that pass the tests above.
    const { title, of: ofPart } = splitOfPublic(t[2], t[3] ?? '');
    out.push({ start: evStart, end, title, of: ofPart ?? country, qualifier: t[1] ? t[1].toLowerCase() : null });
  }
  return out;
}

/** The title's head for comparing roles: "Ambassador to Mexico" -> "ambassador". */
export function titleHead(title: string): string {
  // Asked for every role of every person at every role phrase; titles recur, so results are kept.
  let head = headMemo.get(title);
  if (head === undefined) {
    head = title.toLowerCase().replace(/\s+(?:of|to|for)\s.*$/u, '');
    if (headMemo.size >= 5_000) headMemo.clear();
    headMemo.set(title, head);
  }
  return head;
}
const headMemo = new Map<string, string>();
