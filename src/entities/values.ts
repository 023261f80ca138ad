/**
 * The 'values' component: rule-based DATE, TIME, MONEY, PERCENT, QUANTITY, ORDINAL and CARDINAL
 * spans, with numbers parsed and dates normalised against the article's publication date
 * ("on Friday" -> the Friday on or before it, "last week" -> its ISO week, "March 3" -> that day).
 * Vague periods ("recent months") are found but left unnormalised rather than guessed.
 */
import type { Doc, Span, Value, ValueType } from '../doc/types.js';
import type { Component } from '../pipeline/component.js';
import { spanIndexAt } from '../doc/spans.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBR: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, jun: 5, jul: 6, aug: 7, sep: 8, sept: 8, oct: 9, nov: 10, dec: 11 };
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const SMALL_NUMS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  a: 1, an: 1, dozen: 12,
};
const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, b: 1e9, tn: 1e12,
};
const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, hundredth: 100,
  thousandth: 1000,
};
const CURRENCY_SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₽': 'RUB', '₩': 'KRW' };
const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', pesos: 'MXN', peso: 'MXN', yuan: 'CNY', renminbi: 'CNY',
  yen: 'JPY', rupees: 'INR', rupee: 'INR', rubles: 'RUB', roubles: 'RUB', ruble: 'RUB', shekels: 'ILS', shekel: 'ILS',
  riyals: 'SAR', riyal: 'SAR', francs: 'CHF', pounds: 'GBP', 'pounds sterling': 'GBP', usd: 'USD', eur: 'EUR',
  gbp: 'GBP', hryvnias: 'UAH', lira: 'TRY', liras: 'TRY', won: 'KRW', reais: 'BRL', rand: 'ZAR', naira: 'NGN',
};
const DOLLAR_PREFIX: Record<string, string> = { us: 'USD', 'u.s.': 'USD', a: 'AUD', c: 'CAD', ca: 'CAD', nz: 'NZD', hk: 'HKD', s: 'SGD', mx: 'MXN' };
const UNITS: Record<string, string> = {
  km: 'km', kilometers: 'km', kilometres: 'km', kilometer: 'km', kilometre: 'km', miles: 'mi', mile: 'mi',
  meters: 'm', metres: 'm', meter: 'm', metre: 'm', feet: 'ft', foot: 'ft', ft: 'ft', inches: 'in',
  tons: 't', tonnes: 't', ton: 't', tonne: 't', kg: 'kg', kilograms: 'kg', kilogram: 'kg', kilos: 'kg',
  pounds: 'lb', pound: 'lb', lbs: 'lb', lb: 'lb', grams: 'g', gram: 'g', liters: 'l', litres: 'l',
  gallons: 'gal', barrels: 'bbl', acres: 'acre', hectares: 'ha', degrees: 'deg', mph: 'mph', 'km/h': 'km/h',
  'square miles': 'mi2', 'square kilometers': 'km2', 'square kilometres': 'km2', megawatts: 'MW', mw: 'MW',
};

const NUMW = `(?:${Object.keys(SMALL_NUMS).filter((w) => w.length > 2).join('|')})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?`;
const DIGITS = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';
const SCALE = '(?:\\s*(?:hundred|thousand|million|billion|trillion)|(?:\\s?(?:bn|mn|tn)|[kmb])(?![\\p{L}]))';
// A number: digits with an optional scale, or number words ("two hundred", "1.5 million").
const NUM = `(?:${DIGITS}${SCALE}?|(?:${NUMW})(?:[\\s-]+(?:and\\s+)?(?:${NUMW}|hundred|thousand|million|billion))*|(?:a|an)\\s+(?:dozen|hundred|thousand|million|billion))`;
const MONTH = `(?:${MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1)).join('|')}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?)`;
const WEEKDAY = `(?:${WEEKDAYS.map((d) => d[0]!.toUpperCase() + d.slice(1)).join('|')})`;
const UNIT = `(?:${Object.keys(UNITS).sort((a, b) => b.length - a.length).map((u) => u.replace(/[/.]/gu, '\\$&')).join('|')})`;
const CURWORD = `(?:${Object.keys(CURRENCY_WORDS).filter((w) => w !== 'pounds').sort((a, b) => b.length - a.length).join('|')})`;
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

interface Cand {
  start: number;
  end: number;
  type: ValueType;
  normalized: string | null;
  unit: string | null;
  prio: number;
}

interface Rule {
  /** Words (lower case) at which the rule is tried; '#digit', '#num', '#sym', '#month', '#weekday' are classes. */
  on: string[];
  /** Text right before the match that belongs to it ("the" of "the 1990s", "US" of "US$5"). */
  back?: RegExp;
  re: RegExp;
  type: ValueType;
  prio: number;
  make(m: RegExpExecArray, ctx: Ctx, back: string): { normalized: string | null; unit?: string | null } | null;
  /**
   * At a word starting with a digit: false when `re` cannot match there, told by the length of the
   * run of digits and the character code after it (so most numbers skip the rules they cannot fit).
   */
  digits?: (run: number, next: number) => boolean;
}

interface Ctx {
  text: string;
  pub: Date | null;
}

/** Parses "1,200", "1.5 million", "$3bn"'s number part, "twenty-five", "two hundred thousand". */
export function parseNumber(s: string): number | null {
  const t = s.toLowerCase().replace(/,/gu, '').trim();
  const d = /^(\d+(?:\.\d+)?)\s*([a-z]+)?$/u.exec(t);
  if (d && d[1] !== undefined) {
    const base = Number(d[1]);
    if (!d[2]) return base;
    const sc = SCALES[d[2]];
    return sc === undefined ? null : base * sc;
  }
  let total = 0;
  let cur = 0;
  let any = false;
  for (const w of t.split(/[\s-]+/u)) {
    if (w === 'and' || w === '') continue;
    if (w === 'dozen') {
      cur = (cur || 1) * 12;
      any = true;
      continue;
    }
    const v = SMALL_NUMS[w];
    if (v !== undefined) {
      cur += v;
      any = true;
      continue;
    }
    const sc = SCALES[w];
    if (sc === undefined) return null;
    any = true;
    if (cur === 0) cur = 1;
    if (sc === 100) cur *= 100;
    else {
      total += cur * sc;
      cur = 0;
    }
  }
  return any ? total + cur : null;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}

// ---- dates ---------------------------------------------------------------------------------------

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
function isoDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86400000);
}
function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const y = t.getUTCFullYear();
  const week = Math.ceil(((t.getTime() - Date.UTC(y, 0, 1)) / 86400000 + 1) / 7);
  return `${y}-W${pad(week)}`;
}
function monthIndex(s: string): number {
  const k = s.toLowerCase().replace(/\.$/u, '');
  const full = MONTHS.indexOf(k);
  return full >= 0 ? full : (MONTH_ABBR[k] ?? -1);
}
function ym(y: number, m: number): string {
  const d = new Date(Date.UTC(y, m, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

/** The publication date as a UTC midnight, or null when missing or unreadable. */
export function publicationDate(published: string | null | undefined): Date | null {
  if (!published) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/u.exec(published);
  if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const t = Date.parse(published);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

const FUTURE_CUE = /\b(?:will|would|going to|plans? to|scheduled|expected to|set to|due to|to be held|next)\b[^.!?]*$/u;

/**
 * The date a weekday names relative to publication: the same or the last such day, or the next one
 * when the words before it speak of the future ("will meet on Friday").
 */
export function weekdayDate(pub: Date, weekday: number, mode: 'past' | 'future' | 'last' | 'next'): Date {
  const cur = pub.getUTCDay();
  if (mode === 'future' || mode === 'next') {
    let diff = (weekday - cur + 7) % 7;
    if (diff === 0) diff = mode === 'next' ? 7 : 0;
    return addDays(pub, diff);
  }
  let back = (cur - weekday + 7) % 7;
  if (back === 0 && mode === 'last') back = 7;
  return addDays(pub, -back);
}

function unitDate(pub: Date, unit: string, delta: number): string {
  const y = pub.getUTCFullYear();
  const mo = pub.getUTCMonth();
  switch (unit) {
    case 'day':
      return isoDate(addDays(pub, delta));
    case 'week':
      return isoWeek(addDays(pub, 7 * delta));
    case 'weekend': {
      const sat = weekdayDate(pub, 6, delta > 0 ? 'next' : delta < 0 ? 'last' : 'past');
      return isoDate(sat);
    }
    case 'month':
      return ym(y, mo + delta);
    case 'year':
      return String(y + delta);
    default:
      return String(y + delta);
  }
}

// ---- rules ---------------------------------------------------------------------------------------

const R = (src: string): RegExp => new RegExp(src, 'uy');
// Relative expressions start sentences too ("Yesterday, ...", "Earlier in the year, ...").
const RI = (src: string): RegExp => new RegExp(src, 'iuy');

const RULES: Rule[] = [
  // MONEY
  {
    re: R(`([$€£¥₹₽₩])\\s?(${DIGITS}${SCALE}?)${E}`),
    on: ['#sym'],
    back: /(?<![\p{L}])(?:US|U\.S\.|A|C|CA|NZ|HK|S|MX)$/u,
    type: 'MONEY', prio: 1,
    make(m, _ctx, back) {
      const n = parseNumber(m[2] ?? '');
      const pre = back.toLowerCase();
      const unit = m[1] === '$' && pre ? (DOLLAR_PREFIX[pre] ?? 'USD') : (CURRENCY_SYMBOLS[m[1] ?? ''] ?? null);
      return { normalized: n === null ? null : fmt(n), unit };
    },
  },
  {
    on: ['#num'],
    re: R(`${B}(${NUM})\\s+(?:(?:U\\.S\\.|US|Mexican|Canadian|Australian|Hong Kong)\\s+)?(${CURWORD}|pounds sterling)${E}`),
    type: 'MONEY', prio: 1,
    make(m) {
      const n = parseNumber(m[1] ?? '');
      return { normalized: n === null ? null : fmt(n), unit: CURRENCY_WORDS[(m[2] ?? '').toLowerCase()] ?? null };
    },
  },
  // PERCENT
  {
    on: ['#num'],
    re: R(`${B}(${NUM})\\s?(?:%|percent${E}|per cent${E}|percentage points?${E})`),
    type: 'PERCENT', prio: 1,
    make(m) {
      const n = parseNumber(m[1] ?? '');
      return { normalized: n === null ? null : fmt(n) };
    },
  },
  // QUANTITY
  {
    on: ['#num'],
    re: R(`${B}(${NUM})[\\s-]?(${UNIT})(?![\\p{L}\\p{N}/])`),
    type: 'QUANTITY', prio: 1,
    make(m) {
      const n = parseNumber(m[1] ?? '');
      if (n === null) return null;
      return { normalized: fmt(n), unit: UNITS[(m[2] ?? '').toLowerCase()] ?? null };
    },
  },
  // TIME
  {
    on: ['#digit'],
    digits: (run) => run <= 2,
    re: R(`${B}(\\d{1,2})(?::(\\d{2}))?\\s?([ap])\\.?m\\.?(?:\\s(?:ET|EST|EDT|CT|PT|GMT|UTC|local time))?(?![\\p{L}])`),
    type: 'TIME', prio: 1,
    make(m) {
      let h = Number(m[1]);
      if (h > 12) return null;
      if (m[3] === 'p' && h < 12) h += 12;
      if (m[3] === 'a' && h === 12) h = 0;
      return { normalized: `T${pad(h)}:${m[2] ?? '00'}` };
    },
  },
  {
    on: ['#digit'],
    digits: (run, next) => run <= 2 && next === 58, // ':'
    re: R(`${B}([01]?\\d|2[0-3]):([0-5]\\d)(?:\\s(?:GMT|UTC|ET|local time))?${E}`),
    type: 'TIME', prio: 2,
    make: (m) => ({ normalized: `T${pad(Number(m[1]))}:${m[2]}` }),
  },
  {
    on: ['#weekday', 'this', 'yesterday', 'tomorrow', 'tonight', 'noon', 'midnight', 'overnight'],
    re: RI(`${B}(?:(${WEEKDAY}|this|yesterday|tomorrow)\\s+(morning|afternoon|evening|night)|tonight|noon|midnight|overnight)${E}`),
    type: 'TIME', prio: 1,
    make(m, ctx) {
      if (!ctx.pub || !m[1]) return { normalized: null };
      const w = m[1].toLowerCase();
      if (w === 'this') return { normalized: isoDate(ctx.pub) };
      if (w === 'yesterday') return { normalized: isoDate(addDays(ctx.pub, -1)) };
      if (w === 'tomorrow') return { normalized: isoDate(addDays(ctx.pub, 1)) };
      const future = FUTURE_CUE.test(ctx.text.slice(Math.max(0, m.index - 60), m.index));
      return { normalized: isoDate(weekdayDate(ctx.pub, WEEKDAYS.indexOf(w), future ? 'future' : 'past')) };
    },
  },
  // DATE: full and partial calendar dates
  {
    on: ['#digit'],
    digits: (run, next) => run === 4 && next === 45, // '-'
    re: R(`${B}(\\d{4})-(\\d{2})-(\\d{2})${E}`),
    type: 'DATE', prio: 0,
    make: (m) => ({ normalized: `${m[1]}-${m[2]}-${m[3]}` }),
  },
  {
    on: ['#weekday', '#month'],
    re: R(`${B}(?:${WEEKDAY},?\\s+)?(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?${E}`),
    type: 'DATE', prio: 0,
    make(m, ctx) {
      const mo = monthIndex(m[1] ?? '');
      const day = Number(m[2]);
      if (mo < 0 || day < 1 || day > 31) return null;
      const y = m[3] ? Number(m[3]) : ctx.pub?.getUTCFullYear();
      return { normalized: y === undefined ? null : `${y}-${pad(mo + 1)}-${pad(day)}` };
    },
  },
  {
    on: ['#digit'],
    digits: (run) => run <= 2,
    re: R(`${B}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH})(?:,?\\s+(\\d{4}))?${E}`),
    type: 'DATE', prio: 0,
    make(m, ctx) {
      const mo = monthIndex(m[2] ?? '');
      const day = Number(m[1]);
      if (mo < 0 || day < 1 || day > 31) return null;
      const y = m[3] ? Number(m[3]) : ctx.pub?.getUTCFullYear();
      return { normalized: y === undefined ? null : `${y}-${pad(mo + 1)}-${pad(day)}` };
    },
  },
  {
    on: ['#month', 'early', 'mid', 'late', 'last', 'this', 'next'],
    re: R(`${B}(?:(early|mid|late|last|this|next)[\\s-]+)?(${MONTH})(?:\\s+(?:of\\s+)?(\\d{4}))?${E}`),
    type: 'DATE', prio: 2,
    make(m, ctx) {
      const mo = monthIndex(m[2] ?? '');
      if (mo < 0) return null;
      const left = ctx.text.slice(Math.max(0, m.index - 12), m.index);
      // A capitalised month inside a sentence is a month ("the November election"); at a sentence
      // start "May" and "March" are as likely the verbs, so they need a preposition, a modifier or a year.
      if (!m[1] && !m[3]) {
        if (m[2]!.length <= 4 && m[2] !== 'June' && m[2] !== 'July' && m[2] !== 'May') return null; // "Jan", "Apr." alone: names or noise
        const sentenceStart = /(?:^|[.!?]["'\u201d\u2019]?)\s*$/u.test(left);
        const prep = /\b(?:in|since|until|till|by|from|through|during|of|before|after|between|and|to|for|on)\s+$/iu.test(left);
        if (sentenceStart && (mo === 4 || mo === 2) && !prep) return null;
        if (/^(?:May|March)$/u.test(m[2] ?? '') && !prep && !/\b(?:the|a|an|last|this|next|early|late)\s+$/iu.test(left)) return null;
      }
      if (m[3]) return { normalized: `${m[3]}-${pad(mo + 1)}` };
      if (!ctx.pub) return { normalized: null };
      const py = ctx.pub.getUTCFullYear();
      const pm = ctx.pub.getUTCMonth();
      const mod = (m[1] ?? '').toLowerCase();
      let y = py;
      if (mod === 'last') y = mo < pm ? py : py - 1;
      else if (mod === 'next') y = mo > pm ? py : py + 1;
      else if (mod !== 'this' && !FUTURE_CUE.test(ctx.text.slice(Math.max(0, m.index - 60), m.index)) && mo > pm) y = py - 1;
      return { normalized: `${y}-${pad(mo + 1)}` };
    },
  },
  {
    on: ['#digit'],
    back: /(?<![\p{L}])[Tt]he\s+$/u,
    digits: (run) => run === 4,
    re: R(`${B}(1\\d{2}|20\\d)0s${E}`),
    type: 'DATE', prio: 0,
    make: (m) => ({ normalized: m[1] ?? null }),
  },
  {
    on: ['#digit', 'early', 'mid', 'late'],
    // "2,000 troops" is a count; "the 2024 elections" is a year: plural nouns that are events are allowed.
    digits: (run) => run === 4,
    re: R(`${B}(?:(early|mid|late)[\\s-]+)?((?:1[5-9]|20)\\d{2})${E}(?!\\s+(?!(?:elections|polls|olympics|games|talks|protests|riots|floods|attacks|negotiations|hearings|midterms|primaries|playoffs|finals)${E})[a-z]+s${E})(?![.,]\\d)`),
    type: 'DATE', prio: 3,
    make(m, ctx) {
      const left = ctx.text.slice(Math.max(0, m.index - 2), m.index);
      if (/[$€£¥#]\s?$/u.test(left)) return null;
      return { normalized: m[2] ?? null };
    },
  },
  // DATE: relative to publication
  {
    on: ['#weekday', 'last', 'this', 'next', 'past', 'coming'],
    re: R(`${B}(?:(last|this|next|past|coming)\\s+)?(${WEEKDAY})${E}`),
    type: 'DATE', prio: 1,
    make(m, ctx) {
      if (!ctx.pub) return { normalized: null };
      const mod = (m[1] ?? '').toLowerCase();
      const wd = WEEKDAYS.indexOf((m[2] ?? '').toLowerCase());
      let mode: 'past' | 'future' | 'last' | 'next' = 'past';
      if (mod === 'last' || mod === 'past') mode = 'last';
      else if (mod === 'next' || mod === 'coming') mode = 'next';
      else if (FUTURE_CUE.test(ctx.text.slice(Math.max(0, m.index - 60), m.index))) mode = 'future';
      return { normalized: isoDate(weekdayDate(ctx.pub, wd, mode)) };
    },
  },
  {
    on: ['today', 'yesterday', 'tomorrow'],
    re: RI(`${B}(today|yesterday|tomorrow)${E}`),
    type: 'DATE', prio: 1,
    make(m, ctx) {
      if (!ctx.pub) return { normalized: null };
      const w = (m[1] ?? '').toLowerCase();
      const delta = w === 'today' ? 0 : w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : w.includes('before') ? -2 : 2;
      return { normalized: isoDate(addDays(ctx.pub, delta)) };
    },
  },
  {
    on: ['earlier', 'later', 'early', 'late', 'last', 'this', 'next', 'past', 'coming', 'previous', 'following'],
    back: /(?<![\p{L}])[Tt]he\s+$/u,
    re: RI(`${B}(?:(earlier|later)\\s+(?:this|in the)|(early|late)\\s+(?:this|last|next)?|(last|this|next|past|coming|previous|following))\\s+(day|week|weekend|month|year)${E}`),
    type: 'DATE', prio: 1,
    make(m, ctx) {
      if (!ctx.pub) return { normalized: null };
      const word = (m[3] ?? '').toLowerCase();
      const unit = (m[4] ?? 'year').toLowerCase();
      let delta = 0;
      if (word === 'last' || word === 'past' || word === 'the previous') delta = -1;
      else if (word === 'next' || word === 'coming' || word === 'the following') delta = 1;
      if (m[2]) {
        const mid = m[0].toLowerCase();
        if (mid.includes('last')) delta = -1;
        else if (mid.includes('next')) delta = 1;
      }
      if ((word === 'past' || word === 'coming') && unit !== 'weekend') return { normalized: null }; // "the past year": a span, not a calendar unit
      return { normalized: unitDate(ctx.pub, unit, delta) };
    },
  },
  {
    on: ['#num', 'a', 'an'],
    re: RI(`${B}(${NUM}|a|an)\\s+(day|week|month|year|decade)s?\\s+(ago|earlier|later|from now)${E}`),
    type: 'DATE', prio: 0,
    make(m, ctx) {
      const n = parseNumber(m[1] ?? '');
      if (!ctx.pub || n === null || !Number.isInteger(n)) return { normalized: null };
      const dir = (m[3] ?? '').toLowerCase();
      const sign = dir === 'ago' || dir === 'earlier' ? -1 : 1;
      const unit = (m[2] ?? 'day').toLowerCase();
      if (unit === 'day') return { normalized: isoDate(addDays(ctx.pub, sign * n)) };
      if (unit === 'week') return { normalized: isoDate(addDays(ctx.pub, sign * 7 * n)) };
      if (unit === 'month') return { normalized: ym(ctx.pub.getUTCFullYear(), ctx.pub.getUTCMonth() + sign * n) };
      return { normalized: String(ctx.pub.getUTCFullYear() + sign * n * (unit === 'decade' ? 10 : 1)) };
    },
  },
  {
    // Vague periods: found, not normalised.
    on: ['recent', 'past', 'last', 'coming', 'next', 'several', 'few'],
    back: /(?<![\p{L}])(?:[Tt]he|[Aa])\s+$/u,
    re: RI(`${B}(?:recent\\s+(?:days|weeks|months|years)|(?:past|last|coming|next)\\s+(?:few\\s+|several\\s+|${NUM}\\s+)?(?:days|weeks|months|years|decades)|(?:several|few)\\s+(?:days|weeks|months|years)\\s+ago)${E}`),
    type: 'DATE', prio: 1,
    make: () => ({ normalized: null }),
  },
  // DATE: durations, holidays, centuries, seasons (not normalised: no single calendar date)
  {
    on: ['#num'],
    re: RI(`${B}${NUM}[\\s-]+(?:day|week|month|year|decade|century)s?${E}`),
    type: 'DATE', prio: 2,
    make: () => ({ normalized: null }),
  },
  {
    on: ['christmas', 'new', 'easter', 'ramadan', 'thanksgiving', 'eid', 'hanukkah', 'passover'],
    re: R(`${B}(?:Christmas(?:\\s+(?:Eve|Day))?|New\\s+Year['\u2019]s(?:\\s+(?:Eve|Day))?|Easter(?:\\s+Sunday)?|Ramadan|Thanksgiving(?:\\s+Day)?|Eid(?:\\s+al-[A-Z][a-z]+)?|Hanukkah|Passover)${E}`),
    type: 'DATE', prio: 1,
    make(m, ctx) {
      const fixed: Record<string, [number, number]> = { 'christmas': [11, 25], 'christmas day': [11, 25], 'christmas eve': [11, 24], "new year's day": [0, 1], "new year's eve": [11, 31], "new year's": [0, 1] };
      const f = fixed[m[0].toLowerCase().replace(/\s+/gu, ' ').replace('\u2019', "'")];
      if (!f || !ctx.pub) return { normalized: null };
      // The last such day on or before publication: news mostly reports what has happened.
      let y = ctx.pub.getUTCFullYear();
      if (Date.UTC(y, f[0], f[1]) > ctx.pub.getTime() + 14 * 86400000) y--;
      return { normalized: `${y}-${pad(f[0] + 1)}-${pad(f[1])}` };
    },
  },
  {
    on: ['#digit', ...Object.keys(ORDINALS)],
    back: /(?<![\p{L}])[Tt]he\s+$/u,
    digits: (run) => run <= 2,
    re: RI(`${B}(\\d{1,2})(?:st|nd|rd|th)\\s+century${E}|${B}(${Object.keys(ORDINALS).join('|')})\\s+century${E}`),
    type: 'DATE', prio: 1,
    make(m) {
      const n = m[1] ? Number(m[1]) : ORDINALS[(m[2] ?? '').toLowerCase()];
      return { normalized: n ? pad(n - 1) : null };
    },
  },
  {
    on: ['this', 'last', 'next', 'early', 'late', 'mid', 'spring', 'summer', 'fall', 'autumn', 'winter'],
    re: RI(`${B}(?:(?:this|last|next|early|late|mid)[\\s-]+(?:spring|summer|fall|autumn|winter)|(?:spring|summer|fall|autumn|winter)\\s+of\\s+((?:19|20)\\d{2}))${E}`),
    type: 'DATE', prio: 1,
    make: (m) => ({ normalized: m[1] ?? null }),
  },
  // ORDINAL
  {
    on: ['#digit', ...Object.keys(ORDINALS)],
    digits: (_run, next) => next === 115 || next === 110 || next === 114 || next === 116, // s n r t
    re: R(`${B}(?:(${Object.keys(ORDINALS).join('|')})|(\\d+)(?:st|nd|rd|th))${E}`),
    type: 'ORDINAL', prio: 4,
    make(m, ctx) {
      if (m[1]) {
        const w = m[1].toLowerCase();
        if (w === 'second' && /\b(?:a|per|every|split|one)\s+$/iu.test(ctx.text.slice(Math.max(0, m.index - 8), m.index))) return null;
        return { normalized: String(ORDINALS[w]) };
      }
      return { normalized: m[2] ?? null };
    },
  },
  // CARDINAL
  {
    on: ['#num', 'dozens', 'hundreds', 'thousands', 'millions', 'billions'],
    re: R(`(?<![\\p{L}\\p{N}.,$€£-])(${NUM}|dozens|hundreds|thousands|millions|billions)(?![\\p{L}\\p{N}]|[.,]\\d)`),
    type: 'CARDINAL', prio: 5,
    make(m, ctx) {
      const s = (m[1] ?? '').toLowerCase();
      if (s === 'a' || s === 'an') return null;
      if (/^(?:a|an)\s/u.test(s) && !/dozen|hundred|thousand|million|billion/u.test(s)) return null;
      if (s === 'one') {
        const left = ctx.text.slice(Math.max(0, m.index - 8), m.index);
        const right = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 9);
        if (/\b(?:no|the|this|that|any|every|each|which)\s+$/iu.test(left) || /^\s+(?:another|of)\b/u.test(right)) return null;
      }
      const n = parseNumber(s);
      return { normalized: n === null ? null : fmt(n) };
    },
  },
];

const SCAN = /[$€£¥₹₽₩]|[\p{L}\p{N}]+/gu;
const BY_WORD = new Map<string, Rule[]>();
const DIGIT_RULES: Rule[] = [];
const SYM_RULES: Rule[] = [];
const NUM_WORDS = [...Object.keys(SMALL_NUMS), 'hundred', 'thousand', 'million', 'billion'];
for (const rule of RULES) {
  for (const t of rule.on) {
    let words: string[] = [t];
    if (t === '#digit') {
      DIGIT_RULES.push(rule);
      continue;
    }
    if (t === '#sym') {
      SYM_RULES.push(rule);
      continue;
    }
    if (t === '#num') {
      DIGIT_RULES.push(rule);
      words = NUM_WORDS;
    } else if (t === '#month') words = [...MONTHS, ...Object.keys(MONTH_ABBR)];
    else if (t === '#weekday') words = WEEKDAYS;
    for (const w of words) {
      const list = BY_WORD.get(w);
      if (!list) BY_WORD.set(w, [rule]);
      else if (!list.includes(rule)) list.push(rule);
    }
  }
}

function rulesAt(word: string): readonly Rule[] | undefined {
  const c = word.charCodeAt(0);
  if (c >= 48 && c <= 57) return DIGIT_RULES;
  if (word.length === 1 && CURRENCY_SYMBOLS[word] !== undefined) return SYM_RULES;
  return BY_WORD.get(word.length > 12 ? '' : word.toLowerCase());
}

// The word scan below reads character codes instead of running SCAN for every word (most words
// trigger no rule): a word of ASCII letters is sliced and looked up only when its length and first
// and last letters fit some trigger word. Words with other characters take the SCAN-equivalent path.
const shapeOf = (len: number, first: number, last: number): number => (len << 10) | ((first | 32) << 5 & 0x3e0) | ((last | 32) & 31);
const WORD_SHAPES = new Set<number>();
for (const w of BY_WORD.keys()) WORD_SHAPES.add(shapeOf(w.length, w.charCodeAt(0), w.charCodeAt(w.length - 1)));
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const isAsciiLetterOrDigit = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
/** Code units of the letter or number at `i` (a non-ASCII code point), 0 when it is neither. */
function letterOrNumberAt(text: string, i: number): number {
  const cp = text.codePointAt(i)!;
  if (!LETTER_OR_NUMBER.test(String.fromCodePoint(cp))) return 0;
  return cp > 0xffff ? 2 : 1;
}
// Every rule triggered by "a" or "an" reads a number ("a dozen", "an hour"... via NUM: "a" + space +
// dozen/hundred/thousand/million/billion) or "a day/week/month/year/decade ago": a space and one of
// these letters must follow, else none of them can match. Keep in step with the rules' patterns.
const AFTER_A = /\s+[dhtmbwy]/iuy;

/** Finds values in `text`, keeping each inside one of `sentences`; dates resolve against `published`. */
export function findValues(text: string, sentences: readonly Span[], published: string | null): Value[] {
  const ctx: Ctx = { text, pub: publicationDate(published) };
  const cands: Cand[] = [];
  // One scan over words (what SCAN matches); each rule runs (sticky) only where one of its trigger
  // words starts.
  const n = text.length;
  for (let i = 0; i < n; ) {
    const at = i;
    const c = text.charCodeAt(i);
    let rules: readonly Rule[] | undefined;
    let wordLen = 0;
    if (isAsciiLetterOrDigit(c) || (c > 127 && letterOrNumberAt(text, i) > 0)) {
      let ascii = true;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isAsciiLetterOrDigit(d)) i++;
        else {
          const k = d > 127 ? letterOrNumberAt(text, i) : 0;
          if (k === 0) break;
          i += k;
          ascii = false;
        }
      }
      wordLen = i - at;
      if (c >= 48 && c <= 57) rules = DIGIT_RULES;
      else if (!ascii) rules = rulesAt(text.slice(at, i));
      else if (wordLen > 12) rules = BY_WORD.get('');
      else if (WORD_SHAPES.has(shapeOf(wordLen, c, text.charCodeAt(i - 1)))) rules = BY_WORD.get(text.slice(at, i).toLowerCase());
    } else {
      // Not a word: one code point on ($ is the only ASCII currency symbol).
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      if (c === 36 || (c > 127 && i - at === 1 && CURRENCY_SYMBOLS[text[at]!] !== undefined)) rules = SYM_RULES;
    }
    if (!rules) continue;
    // "a" or "an" (any case): see AFTER_A.
    if ((c | 32) === 97 && (wordLen === 1 || (wordLen === 2 && (text.charCodeAt(at + 1) | 32) === 110))) {
      AFTER_A.lastIndex = i;
      if (!AFTER_A.test(text)) continue;
    }
    // A number: the run of ASCII digits (\\d) it starts with, and what follows, for the rules' `digits`.
    let run = 0;
    let next = -1;
    if (c >= 48 && c <= 57) {
      while (run < wordLen && text.charCodeAt(at + run) >= 48 && text.charCodeAt(at + run) <= 57) run++;
      next = at + run < n ? text.charCodeAt(at + run) : -1;
    }
    for (const rule of rules) {
      if (run > 0 && rule.digits && !rule.digits(run, next)) continue;
      rule.re.lastIndex = at;
      const m = rule.re.exec(text);
      if (!m || m[0].length === 0) continue;
      let start = m.index;
      const end = start + m[0].length;
      let back = '';
      if (rule.back) {
        const b = rule.back.exec(text.slice(Math.max(0, start - 8), start));
        if (b) {
          back = b[0].trim();
          start -= b[0].length;
        }
      }
      const made = rule.make(m, ctx, back);
      if (!made) continue;
      cands.push({ start, end, type: rule.type, normalized: made.normalized, unit: made.unit ?? null, prio: rule.prio });
    }
  }
  // Longest first within a priority class, then the class: a date's digits are not also a cardinal.
  cands.sort((a, b) => a.prio - b.prio || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(text.length);
  const out: Value[] = [];
  for (const c of cands) {
    if (sentences.length > 0) {
      const s = sentences[spanIndexAt(sentences, c.start)]!;
      if (c.start < s.start || c.end > s.end) continue;
    }
    let free = true;
    for (let i = c.start; i < c.end; i++) {
      if (taken[i]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    const v: Value = { start: c.start, end: c.end, text: text.slice(c.start, c.end), type: c.type, normalized: c.normalized };
    if (c.unit) v.unit = c.unit;
    out.push(v);
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** The 'values' component: dates, times, money, percentages, quantities, ordinals and cardinals. */
export function valuesComponent(): Component {
  return {
    name: 'values',
    requires: ['tokens', 'sentences'],
    assigns: ['values'],
    run(doc: Doc): void {
      doc.values = findValues(doc.text, doc.sentences, doc.meta.published);
    },
  };
}
