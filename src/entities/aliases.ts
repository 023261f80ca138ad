/**
 * Name forms and the keys aliases are matched on: a person's name without titles and possessive,
 * an organisation's key without "the" and punctuation, its acronym, and a small first-name list
 * that gives a person's likely gender (a cheap prior; pronoun use in the article overrides nothing,
 * it only fills in what the list does not know).
 */
import { TITLE_FIRST_WORDS, TITLE_PATTERN, TITLE_QUALIFIERS } from './titles.js';
import type { Gender } from './titles.js';

/** A name with the part of the original string it came from. */
export interface NamePart {
  /** The bare name, e.g. "Claudia Sheinbaum". */
  name: string;
  /** Offsets of the bare name inside the string it was read from. */
  start: number;
  end: number;
}

const LEAD_RE = new RegExp(
  `^(?:(?:the|The)\\s+)?(?:[A-Z][\\p{L}.'\u2019-]*\\s+){0,2}?(?:(?:${[...TITLE_QUALIFIERS].map((q) => `[${q[0]}${q[0]!.toUpperCase()}]${q.slice(1)}`).join('|')})\\s*)?(?:${TITLE_PATTERN})\\s+(?=[A-Z])`,
  'u',
);
// Party labels news writers put before a name ("Republican Donald Trump").
const PARTY_RE = /^(?:Republican|Democrat|Democratic|GOP|Conservative|Labour|Liberal|Socialist|Libertarian|Independent|Green)\s+(?=[A-Z][\p{L}.'\u2019-]*\s+[A-Z])/u;
// First letters of the party labels: most names skip PARTY_RE.
const PARTY_FIRST = new Set([...'RDGCLSI'].map((c) => c.charCodeAt(0)));
const POSS_RE = /^\s+(?:Jr\.?|Sr\.?|II|III|IV)$/u;

/**
 * Strips titles in front and a possessive behind: "President Claudia Sheinbaum's" -> "Claudia Sheinbaum".
 * Titles are stripped only while a capitalised word follows; outside people (`person` false) only
 * before a known first name, so "General Motors" stays whole.
 */
export function bareName(s: string, person = true): NamePart {
  // Names recur across articles: results are kept (read-only: callers replace, never change them).
  const memo = person ? bareMemoPerson : bareMemoOther;
  let hit = memo.get(s);
  if (hit === undefined) {
    hit = bareNameUncached(s, person);
    if (memo.size >= 20_000) memo.clear();
    memo.set(s, hit);
  }
  return hit;
}
const bareMemoPerson = new Map<string, Readonly<NamePart>>();
const bareMemoOther = new Map<string, Readonly<NamePart>>();

function bareNameUncached(s: string, person: boolean): NamePart {
  let start = 0;
  let end = s.length;
  const party = PARTY_FIRST.has(s.charCodeAt(0)) ? PARTY_RE.exec(s) : null;
  if (party) start += party[0].length;
  for (let guard = 0; guard < 4; guard++) {
    // A title among the first three words (after "the"), or nothing to strip. Plain string scanning:
    // this runs for every mention.
    let any = false;
    let ws = start;
    for (let n = 0; n < 4 && ws < end && !any; n++) {
      let we = s.indexOf(' ', ws);
      if (we < 0 || we > end) we = end;
      const w = s.slice(ws, we).toLowerCase();
      if (n === 0 && w === 'the') {
        ws = we + 1;
        continue;
      }
      if (TITLE_FIRST_WORDS.has(w.endsWith('.') ? w.slice(0, -1) : w) || TITLE_QUALIFIERS.has(w)) any = true;
      ws = we + 1;
    }
    if (!any) break;
    const m = LEAD_RE.exec(s.slice(start, end));
    if (!m) break;
    const rest = s.slice(start + m[0].length, end);
    if (!/^[A-Z]/u.test(rest)) break;
    start += m[0].length;
  }
  // Outside PERSON mentions ("General Motors", "Green Bay Packers") a leading title or party word
  // is stripped only when a known first name follows ("Republican Donald Trump" tagged MISC).
  if (!person && start > 0 && !genderOfFirstName(/^[\p{L}-]+/u.exec(s.slice(start))?.[0] ?? '')) start = 0;
  // Plain character tests: a regex anchored only at the end would be tried at every position.
  const last = s[end - 1];
  if (last === "'" || last === '\u2019') end--;
  else if ((last === 's' || last === 'S') && (s[end - 2] === "'" || s[end - 2] === '\u2019') && end - 2 > start) end -= 2;
  else {
    const sp = s.lastIndexOf(' ', end - 1);
    if (sp > start && POSS_RE.test(s.slice(sp, end))) end = sp;
  }
  // A person's name ends in a capitalised word: "Obama ran" is a recogniser overreach.
  if (person) {
    const sp = s.lastIndexOf(' ', end - 1);
    if (sp > start && /^[a-z]{2,}$/u.test(s.slice(sp + 1, end))) end = sp;
  }
  while (end > start) {
    const c = s[end - 1]!;
    if (c !== ' ' && c !== ',' && c !== ';' && c !== ':' && c !== '.' && c !== '\n' && c !== '\t') break;
    if (c === '.' && end - 2 >= start && /[A-Z]/u.test(s[end - 2]!)) break; // "U.S." keeps its period
    end--;
  }
  return { name: s.slice(start, end), start, end };
}

/** The words of a person's bare name, lower-cased, for matching "Sheinbaum" to "Claudia Sheinbaum". */
export function nameTokens(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/\u2019/gu, "'") // "O’Neill" and "O'Neill" are one name
    .split(/[\s]+/u)
    .map((w) => w.replace(/[.,]$/u, ''))
    .filter((w) => w.length > 0);
}

const ORG_STOP = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'de', 'la', 'del', '&']);

/** The matching key of an organisation or place: lower case, no leading "the", no punctuation. */
export function orgKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/['\u2019]s$/u, '')
    .replace(/^the\s+/u, '')
    .replace(/[.,'\u2019"]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Initials of the capitalised words: "Drug Enforcement Administration" -> "DEA". */
export function acronymOf(name: string): string | null {
  const words = name.replace(/^the\s+/iu, '').split(/[\s-]+/u);
  if (words.length < 2) return null;
  let out = '';
  for (const w of words) {
    if (ORG_STOP.has(w.toLowerCase())) continue;
    const c = w[0];
    if (c === undefined || c.toUpperCase() === c.toLowerCase()) continue;
    out += c.toUpperCase();
  }
  return out.length >= 2 ? out : null;
}

/** True for an all-capitals short form ("DEA", "U.N.", "NATO"). */
export function isAcronym(s: string): boolean {
  const t = s.replace(/\./gu, '');
  return t.length >= 2 && t.length <= 7 && /^[A-Z&]+$/u.test(t);
}

// Common given names with a strong gender reading in news text (English, Spanish, French, Arabic,
// Slavic, East Asian romanisations). Deliberately small: an unknown name stays unknown.
const MALE = `james john robert michael william david richard joseph thomas charles christopher daniel matthew
anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey
ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander
frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle noah
ethan jeremy walter christian keith roger terry austin sean gerald carl harold dylan arthur lawrence jordan
jesse bryan billy bruce gabriel joe logan albert willie alan eugene russell vincent philip bobby johnny
bradley roy ralph randy wayne howard louis juan carlos luis jorge miguel pedro manuel francisco antonio
andres andrés marcelo ricardo fernando alejandro javier rafael sergio emmanuel vladimir dmitry sergei sergey
alexei boris igor viktor volodymyr mikhail ivan yuri nikolai recep benjamin binyamin yair naftali bashar
mohammed muhammad mohammad ahmed ali hassan hussein omar khalid abdullah ibrahim mahmoud yousef youssef
xi narendra rahul shinzo fumio yoon emmanuel olaf friedrich keir rishi boris tony gordon nicolas
jacques francois françois pierre jean giorgio matteo mario silvio luiz lula jair javier gustavo nayib
marco mike ron rand ted chuck mitch hakeem pete jd j.d. elon jeff bill warren tim sundar
satya mark marcos enrique ernesto felipe hugo nicolás nicolas evo rodrigo volker abiy cyril paul uhuru
kevin justin stephen`;
const FEMALE = `mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret
sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon
laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine
debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly
lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara
madison frances kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn danielle
beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori claudia ana lucia lucía
carmen rosa isabel gabriela fernanda sofia sofía valentina daniela mariana adriana beatriz dilma cristina
michelle xiomara kamala hillary nikki kristi tulsi marjorie nancy elise ursula angela theresa liz giorgia
marine ségolène segolene christine jacinda sanna mette kaja annalena olena yulia svetlana natalia tatiana
irina olga golda benazir indira hasina tsai ingrid margrethe elizabeth kate meghan jill
melania ivanka pam susie karine kristalina ngozi greta malala oprah`;

function toSet(s: string): Set<string> {
  return new Set(s.split(/\s+/u).filter((w) => w.length > 0));
}
const MALE_NAMES = toSet(MALE);
const FEMALE_NAMES = toSet(FEMALE);

/** The gender a first name suggests, or null when the list does not know it or it is ambiguous. */
export function genderOfFirstName(first: string): Gender | null {
  const k = first.toLowerCase();
  const m = MALE_NAMES.has(k);
  const f = FEMALE_NAMES.has(k);
  if (m === f) return null;
  return m ? 'm' : 'f';
}
