/** Closed word classes the quote rules use to find noun-phrase edges when no parser is available. */

const set = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Determiners and possessive determiners. */
export const DETERMINERS = set('the a an this that these those his her their its our my your some any another each every both all no several many');
/** Subject pronouns that can be a speaker on their own. */
export const PRONOUNS = set('i you he she it we they');
/** Relative pronouns: "X, who said ..." takes X as the speaker. */
export const RELATIVES = set('who which');
/** Words between a subject and its cue, or between a cue and its content, that belong to neither. */
export const ADVERBIALS = set(
  "also has had have having previously later repeatedly then once further reportedly would will did does do not n't never " +
    'publicly privately recently often again first just already since still even flatly firmly strongly simply quickly ' +
    'directly explicitly specifically openly clearly confidently categorically emphatically angrily bluntly frankly ' +
    'candidly generally finally initially originally subsequently ultimately allegedly apparently is was were are been being be ' +
    'can could may might should must shall earlier yesterday today tonight recently privately separately ' +
    'monday tuesday wednesday thursday friday saturday sunday',
);
/** Words that end a noun phrase when walking away from a cue. */
export const NP_STOPS = set(
  'in on at to with by from about after before during over under into through against between among as than like ' +
    'despite amid following regarding toward towards without within across behind beyond upon via per around near ' +
    'outside inside throughout including unlike ' +
    'since until while because although though if when where whether but or so yet nor that which who whom whose ' +
    'what how why not is was were are be been being has have had do does did will would can could may might should must',
);
/** Prepositions: a cue form right after one is a noun ("despite reports of"). */
export const PREPOSITIONS = set(
  'in on at with by from about after before during over under into through against between among as than like ' +
    'despite amid following regarding toward towards without within across behind beyond upon via per around near ' +
    'outside inside throughout including unlike of for',
);
/** Organisation nouns that make "the ministry said" an organisation speaker. */
export const ORG_NOUNS = set(
  'ministry department agency office campaign committee company government administration commission council ' +
    'party police army military embassy court union group organization organisation firm bank board team network ' +
    'newspaper paper magazine station service bureau institute foundation association coalition white house',
);
/** Temporal words that may follow a cue ("said Friday that ..."). */
export const TIME_WORDS = set(
  'monday tuesday wednesday thursday friday saturday sunday yesterday today tonight morning afternoon evening night ' +
    'week month year earlier later last this next recently',
);

/** True for a token that is only punctuation. */
export function isPunct(w: string): boolean {
  // ASCII fast path: this runs for most tokens of every document.
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return false;
    if (c >= 128) return !/[\p{L}\p{N}]/u.test(w);
  }
  return true;
}

/** True for a word starting with an upper-case letter. */
export function isCapitalized(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(w);
}

/** True for a quotation mark character (any style). */
export function isQuoteMark(w: string): boolean {
  // A character loop, not a regex: this runs for many tokens near every cue.
  if (w.length === 0) return false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (!(c === 34 || c === 39 || c === 0x201c || c === 0x201d || c === 0x201e || c === 0xab || c === 0xbb || c === 0x2018 || c === 0x2019 || c === 0x2039 || c === 0x203a)) return false;
  }
  return true;
}

/** Nouns for evidence that "shows" or "finds" something: "Polls show Clinton ahead". */
export const EVIDENCE_NOUNS = set(
  'poll polls survey surveys study studies analysis analyses report reports data average averages research figures ' +
    'numbers review investigation audit documents document records video footage tally count census estimate estimates ' +
    'model forecast index ranking findings memo email emails letter statement filing filings',
);
/** Nouns naming where a claim came from: "citing officials" credits them, "citing the costs" does not. */
export const SOURCE_NOUNS = set(
  'official officials source sources people person spokesman spokeswoman spokesperson aide aides adviser advisers ' +
    'advisor advisors diplomat diplomats witness witnesses report reports documents data analyst analysts expert experts ' +
    'officer officers authorities police ministry statement media agency',
);
