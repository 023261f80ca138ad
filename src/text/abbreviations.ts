/**
 * Word lists shared by the sentence splitter and the tokenizer. Lower-case, without the final period.
 * Kept as plain Sets: one hash lookup per candidate period, which is far off the hot path.
 */

/**
 * Titles written before a name ("Mr. Smith", "Gen. Milley"): a period after them never ends a sentence,
 * because a name always follows.
 */
export const PREPOSITIVE = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'mmes', 'mme', 'mlle', 'dr', 'prof', 'gen', 'sen', 'sens', 'rep', 'reps',
  'gov', 'lt', 'col', 'capt', 'sgt', 'maj', 'adm', 'cmdr', 'cmdt', 'brig', 'cpl', 'pvt', 'rev', 'hon',
  'pres', 'supt', 'insp', 'atty', 'amb', 'sec', 'asst', 'lieut', 'fr', 'msgr', 'sr', 'sra', 'srta',
  'govs', 'gens', 'drs', 'profs', 'lts', 'cols', 'sgts', 'adms', 'supts', 'attys', 'ambs', 'secs',
]);

/**
 * Other abbreviations that may end a sentence ("Briggs & Co. It closed"), so the period after them ends
 * one only when a typical sentence opener follows.
 */
export const ABBREVIATIONS = new Set([
  // companies, people
  'co', 'corp', 'inc', 'ltd', 'llc', 'plc', 'bros', 'jr', 'assn', 'assoc', 'dept', 'univ', 'intl', 'natl',
  'govt', 'ave', 'blvd', 'rd', 'st', 'mt', 'ft', 'hwy', 'sq', 'ste', 'bldg', 'et', 'al',
  // reference and measure
  'etc', 'vs', 'v', 'fig', 'figs', 'no', 'nos', 'vol', 'vols', 'p', 'pp', 'ca', 'cf', 'approx', 'est',
  'ed', 'eds', 'ch', 'sec', 'art', 'para', 'op', 'cit', 'ibid', 'min', 'max', 'mo', 'yr', 'yrs', 'hr',
  'hrs', 'oz', 'lb', 'lbs', 'mi', 'km', 'ft', 'in', 'sq', 'cu', 'tel', 'ext', 'dept', 'div', 'excl', 'incl',
  // months and days (AP style abbreviates them before dates)
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  // US states in AP style
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'kans', 'ky',
  'la', 'md', 'mass', 'mich', 'minn', 'miss', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'penn', 'tenn',
  'tex', 'va', 'vt', 'wash', 'wis', 'wyo',
  // dotted forms are recognised by shape (U.S., a.m., e.g., Ph.D.); these have no inner period
  'esq', 'dist', 'cmdr', 'mgr', 'treas',
]);

/**
 * Frequent first words of English sentences. After an ambiguous abbreviation ("the U.S. How about you?"
 * vs "the U.S. Government") a capitalised word from this list signals a new sentence (Punkt's
 * orthographic heuristic in a simple form).
 */
export const SENTENCE_STARTERS = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'there', 'here', 'it', 'its', 'he', 'she', 'they',
  'we', 'i', 'you', 'his', 'her', 'their', 'our', 'my', 'your', 'him', 'them', 'us', 'but', 'and', 'or',
  'so', 'yet', 'nor', 'in', 'on', 'at', 'for', 'with', 'after', 'before', 'when', 'while', 'if', 'as',
  'although', 'though', 'because', 'since', 'how', 'what', 'why', 'who', 'whom', 'whose', 'where',
  'which', 'did', 'does', 'do', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'can', 'could',
  'will', 'would', 'should', 'may', 'might', 'must', 'many', 'some', 'most', 'more', 'not', 'both',
  'each', 'all', 'any', 'no', 'none', 'one', 'meanwhile', 'however', 'still', 'also', 'then', 'now',
  'earlier', 'later', 'yesterday', 'today', 'tomorrow', 'according', 'despite', 'during', 'under',
  'by', 'from', 'to', 'of', 'about', 'instead', 'such', 'other', 'another', 'every', 'last', 'first',
  'thus', 'therefore', 'indeed', 'even', 'only', 'just', 'yes', 'let', 'please', 'officials',
  'analysts', 'critics', 'experts', 'police', 'authorities',
]);

/** True for the code of an ASCII or Latin-1/Extended lower-case letter. */
export function isLower(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7) || (c > 0xff && isLowerSlow(c));
}

/** True for the code of an upper-case letter. */
export function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) || (c > 0xff && isUpperSlow(c));
}

function isLowerSlow(c: number): boolean {
  const s = String.fromCharCode(c);
  return s !== s.toUpperCase() && s === s.toLowerCase();
}

function isUpperSlow(c: number): boolean {
  const s = String.fromCharCode(c);
  return s !== s.toLowerCase() && s === s.toUpperCase();
}

/** True for a digit 0-9. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** True for any letter (upper, lower, or caseless like CJK treated as letters). */
export function isLetter(c: number): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
  if (c < 0xc0) return false;
  if (c === 0xd7 || c === 0xf7) return false;
  if (c <= 0x24f) return true;
  const s = String.fromCharCode(c);
  return s.toLowerCase() !== s.toUpperCase() || /\p{L}/u.test(s);
}

/** True for white space, including no-break and other Unicode spaces common in scraped news. */
export function isSpace(c: number): boolean {
  return (
    c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 11 || c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f ||
    c === 0x3000 || c === 0xfeff
  );
}

/**
 * True when `w` (without its final period) is shaped like a dotted abbreviation: "U.S", "a.m", "e.g",
 * "Ph.D", "J.R.R" — letter groups of at most three letters joined by periods.
 */
export function isDottedAbbrev(w: string): boolean {
  if (w.length < 3) return false;
  let run = 0;
  let dots = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === 46) {
      if (run === 0) return false;
      dots++;
      run = 0;
    } else if (isLetter(c)) {
      if (++run > 3) return false;
    } else return false;
  }
  return dots >= 1 && run > 0;
}

/**
 * Abbreviations also written in lower case mid-sentence ("Jane and co.", "p. 55", "etc."). Other list
 * entries count as abbreviations only when capitalised, because in lower case they are ordinary words
 * that end sentences ("the answer is no.", "he fell ill.", "it is in.").
 */
const LOWER_OK = new Set([
  'etc', 'vs', 'v', 'co', 'pp', 'p', 'cf', 'al', 'approx', 'ca', 'esp', 'ft', 'lb', 'lbs', 'oz', 'st',
  'ave', 'mt', 'rd', 'hwy', 'blvd', 'vol', 'vols', 'nos', 'figs', 'fig', 'dept', 'est', 'govt', 'yrs',
  'hrs', 'incl', 'excl', 'ext', 'tel', 'jr', 'sr', 'corp', 'inc', 'ltd', 'bros', 'ibid', 'cit',
]);

/**
 * What a word before a period is: 'title' ("Mr", "Gen": a name follows), 'abbrev' ("Co", "Jan",
 * "U.S", "E": may end a sentence), or null (an ordinary word). `w` is the word without the period.
 */
export function abbreviationKind(w: string): 'title' | 'abbrev' | null {
  const n = w.length;
  if (n === 0 || n > 12) return null;
  if (n === 1) return isLetter(w.charCodeAt(0)) ? 'abbrev' : null;
  if (isDottedAbbrev(w)) return 'abbrev';
  const lw = w.toLowerCase();
  const lower = w === lw;
  // All-caps words ("WASHINGTON", "CO") are ordinary words or acronyms, not abbreviations.
  const capitalised = !lower && w.charCodeAt(1) === lw.charCodeAt(1);
  if (!lower && !capitalised) return null;
  if (PREPOSITIVE.has(lw)) return lower && !LOWER_OK.has(lw) ? null : 'title';
  if (ABBREVIATIONS.has(lw)) return lower && !LOWER_OK.has(lw) ? null : 'abbrev';
  return null;
}
