/**
 * The 'entities' component: groups the recogniser's mentions into entities (aliases, acronyms,
 * countries by code, "the Trump administration" tied to Trump), reads roles from titles and
 * appositives, links role phrases and pronouns, and sets country, sector and place.
 * Every step is linear in the number of mentions (indexes by name token, not pairwise comparison).
 */
import { ActorKnowledge, loadActorKnowledge } from './knowledge.js';
import type { Doc, Entity, EntityType, Mention, Role } from '../doc/types.js';
import type { Component } from '../pipeline/component.js';
import { sectorOf } from './actors.js';
import { acronymOf, bareName, genderOfFirstName, isAcronym, nameTokens, orgKey } from './aliases.js';
import { resolvePronouns, type Antecedent } from './coref.js';
import { countryCentre, countryName, findCountry, lookupCountry } from './countries.js';
import { preloadPlaces, resolvePlace } from './places.js';
import { addRole, findRoleMentions, roleAfter, roleBefore, titleHead, type FoundRole } from './roles.js';
import { HONORIFICS, TITLE_FIRST_WORDS, titleInfo, type Gender } from './titles.js';
import { spanIndexAt } from '../doc/spans.js';

type RawMention = NonNullable<Doc['mentions']>[number];

interface Prep {
  /** Index in doc.mentions. */
  idx: number;
  /** The bare name's span (titles, "the" and possessive removed). */
  start: number;
  end: number;
  name: string;
  type: EntityType;
  key: string | null;
  cluster: Cluster | null;
  /** Lower-cased name words, computed once. */
  toks: string[];
}

interface Cluster {
  key: string;
  type: EntityType;
  preps: Prep[];
  /** Extra mentions that are not recogniser output (administration phrases, roles, pronouns). */
  extra: Mention[];
  tokens: string[];
  country: string | null;
  related: Cluster | null;
  /** For "X administration" clusters: the word after the name. */
  relWord: string | null;
  first: number;
  lastPos: number;
}

const ADMIN_WORDS = 'administration|government|cabinet|campaign';
const ADMIN_AFTER = new RegExp(`^(?:['\\u2019]s)?\\s+(${ADMIN_WORDS})\\b`, 'u');
const ADMIN_ORG = new RegExp(`^(.+?)(?:['\\u2019]s)?\\s+(${ADMIN_WORDS})$`, 'u');
// A present-tense verb after "the X administration" (possibly after "and its officials").
const SITTING_AFTER = /^(?:\s+and\s+[^,.;]{0,40}?)?\s+(?:is|are|continues?|remains?|has|have|says|wants|plans|insists|keeps)\b/u;
const ORG_HEADS = new Set([
  'times', 'post', 'journal', 'news', 'tribune', 'herald', 'gazette', 'party', 'department', 'ministry', 'agency',
  'council', 'committee', 'commission', 'university', 'college', 'bank', 'group', 'inc', 'corp', 'company',
  'foundation', 'institute', 'association', 'court', 'army', 'navy', 'police', 'administration', 'campaign',
  'pharmaceuticals', 'industries', 'airlines', 'airways', 'motors', 'holdings', 'systems', 'technologies',
  'communications', 'insurance', 'securities', 'capital', 'partners', 'corporation', 'ltd', 'plc', 'llc',
  'cement', 'steel', 'telecom', 'bancorp', 'fc', 'ministries', 'parliament', 'assembly', 'senate',
]);
const EVENT_HEADS = new Set([
  'open', 'games', 'cup', 'championship', 'championships', 'bowl', 'classic', 'olympics', 'tournament',
  'marathon', 'summit', 'war', 'festival', 'grand prix', 'prix', 'final', 'finals', 'series', 'election', 'elections',
]);
const NOT_A_NAME = /^(?:[RDI]-[A-Z][a-z]{1,3}\.?|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.?$/u;
const ORG_TAIL = new Set(['inc', 'corp', 'corporation', 'co', 'company', 'group', 'ltd', 'llc', 'plc', 'sa', 'ag', 'holdings']);
const HONORIFIC_BEFORE = /\b(Mr|Mrs|Ms|Miss)\.?\s+$/u;

/** Index of the first prep starting at or after `pos` (preps are in text order). */
function prepAt(preps: readonly Prep[], pos: number): number {
  let lo = 0;
  let hi = preps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (preps[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function newCluster(key: string, type: EntityType, first: number): Cluster {
  return { key, type, preps: [], extra: [], tokens: [], country: null, related: null, relWord: null, first, lastPos: first };
}

function join(c: Cluster, p: Prep): void {
  p.cluster = c;
  c.preps.push(p);
  if (p.start < c.first) c.first = p.start;
  if (p.start > c.lastPos) c.lastPos = p.start;
}

/** Nearest cluster to `pos` among candidates, preferring one already mentioned before it. */
function nearest(cands: readonly Cluster[], pos: number): Cluster | null {
  if (cands.length <= 1) return cands[0] ?? null;
  // The person last named before this mention; only when none was, the next one named after it.
  let best: Cluster | null = null;
  let bestD = Infinity;
  for (const c of cands) {
    let d = Infinity;
    for (const p of c.preps) {
      const dd = p.start <= pos ? pos - p.start : 1e9 + (p.start - pos);
      if (dd < d) d = dd;
    }
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

/** Options of the entities component. */
export interface EntitiesOptions {
  /** Resolve cities to GeoNames records (loads the gazetteer on first use). Default true. */
  places?: boolean;
  /**
   * Actor knowledge learned from other news (models/actors.json, see src/entities/knowledge.ts): gives
   * a person the article names without a country the one other articles state, as
   * `countryFrom: "knowledge"`. Default true (when the file exists); false keeps to what the text says.
   */
  knowledge?: boolean | ActorKnowledge;
}

/**
 * The state the linking steps share. linkEntities runs as a chain of step functions rather than one
 * body: V8's optimising compiler took ~250 ms of the main thread for each (re)compilation of the
 * single 460-line function, three times in a pipeline run (shape changes deoptimise it); small
 * functions compile in a few ms each and a deoptimisation recompiles only its own step.
 */
interface Linker {
  text: string;
  /** Bare-name mentions in text order. */
  preps: Prep[];
  clusters: Cluster[];
  byKey: Map<string, Cluster>;
  /** Person clusters by name word. */
  tokenIdx: Map<string, Cluster[]>;
  entityOf: Map<Cluster, Entity>;
  byId: Map<string, Entity>;
  /** Entity ids given so far. */
  n: number;
}

function getCluster(lk: Linker, key: string, type: EntityType, pos: number): Cluster {
  let c = lk.byKey.get(key);
  if (!c) {
    c = newCluster(key, type, pos);
    lk.byKey.set(key, c);
    lk.clusters.push(c);
  }
  return c;
}

/** Runs entity linking on a Doc that carries mentions, tokens, sentences and paragraphs. */
export function linkEntities(doc: Doc, opts: EntitiesOptions = {}): void {
  const text = doc.text;
  const raw: RawMention[] = doc.mentions ?? [];
  // Running twice must not repeat this component's diagnostics.
  doc.diagnostics = doc.diagnostics.filter((d) => !d.ruleId.startsWith('entities/'));
  const sentences = doc.sentences.length > 0 ? doc.sentences : [{ start: 0, end: text.length }];
  const lk: Linker = {
    text,
    preps: prepareNames(text, raw, sentences),
    clusters: [],
    byKey: new Map(),
    tokenIdx: new Map(),
    entityOf: new Map(),
    byId: new Map(),
    n: 0,
  };
  linkPeople(lk);
  linkAdministrations(lk);
  linkOthers(lk);
  makeEntities(lk, raw);
  const articleCountries = countriesAndSectors(lk);
  for (const e of lk.entityOf.values()) lk.byId.set(e.id, e);
  const genders = new Map<string, Gender>();
  const titleSpans: { start: number; end: number }[] = [];
  peopleRoles(lk, sentences, genders, titleSpans);
  formerButSitting(lk, doc);
  countriesFromElsewhere(lk, opts, articleCountries);
  const unnamed = roleMentions(lk, doc, titleSpans);

  // 9. Pronouns.
  const antecedents: Antecedent[] = [];
  for (const e of [...lk.entityOf.values(), ...unnamed.values()]) {
    if (e.type !== 'PERSON') continue;
    for (const m of e.mentions) antecedents.push({ start: m.start, end: m.end, entity: e.id });
  }
  for (const link of resolvePronouns(doc, antecedents, genders)) {
    lk.byId.get(link.entity)?.mentions.push({ start: link.start, end: link.end, text: text.slice(link.start, link.end), kind: 'pronoun' });
  }

  const entities = [...lk.entityOf.values(), ...unnamed.values()];
  for (const e of entities) e.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  doc.entities = entities;
}

/** 1. Bare names, types corrected by the country lexicon, keys for the simple types. */
function prepareNames(text: string, raw: readonly RawMention[], sentences: readonly { start: number; end: number }[]): Prep[] {
  const order = raw.map((_, i) => i).sort((a, b) => raw[a]!.start - raw[b]!.start || raw[b]!.end - raw[a]!.end);
  const preps: Prep[] = [];
  for (const i of order) {
    const m = raw[i]!;
    if (m.kind !== 'name' && m.kind !== undefined) continue;
    const surface = text.slice(m.start, m.end);
    let b = bareName(surface, m.type === 'PERSON');
    let type = m.type;
    if (type !== 'PERSON' && b.start > 0) type = 'PERSON'; // a title or party word before a first name
    let start = m.start + b.start;
    let end = m.start + b.end;
    if (type !== 'PERSON') {
      const w3 = text.slice(start, start + 4);
      if (w3 === 'the ' || w3 === 'The ') {
        // A capital "The" inside a sentence is part of the name ("The New York Times").
        if (w3[0] === 't' || type !== 'ORG' || sentences[spanIndexAt(sentences, start)]!.start === start) start += 4;
      }
      b = { name: text.slice(start, end), start: 0, end: end - start };
    }
    // "General [Motors]" tagged as a person: a company word alone is the tail of an organisation's name.
    if (type === 'PERSON' && !/\s/u.test(text.slice(start, end)) && ORG_HEADS.has(text.slice(start, end).toLowerCase())) {
      type = 'ORG';
      const before = /(?:[A-Z][\p{L}&.-]*\s){1,2}$/u.exec(text.slice(Math.max(0, start - 30), start));
      if (before) start -= before[0].length;
    }
    // "Secretary of [State Marco Rubio]": a recogniser may take the title's object into the name.
    const split = splitTitleObject(text, start, end);
    if (split > start) {
      start = split;
      type = 'PERSON';
    }
    let key: string | null = null;
    if (type !== 'PERSON') {
      const hit = lookupCountry(b.name);
      if (hit?.form === 'name' && type !== 'NORP') {
        type = 'GPE';
        key = `C:${hit.code}`;
      } else if (hit) {
        type = 'NORP';
        key = `N:${hit.code}`;
      }
    }
    if (end <= start) continue;
    const name = text.slice(start, end);
    // A title or honorific alone ("Mr", "Sen."), or a party-state tag ("R-Ga."), names no one.
    if (NOT_A_NAME.test(name) || (name.length <= 5 && HONORIFICS.has(`${name.toLowerCase().replace(/\.$/u, '')}.`))) continue;
    preps.push({ idx: i, start, end, name, type, key, cluster: null, toks: nameTokens(name) });
  }
  return preps;
}

/** 2. People: full names first, then short forms attach to the nearest person sharing the word. */
function linkPeople(lk: Linker): void {
  const { preps, byKey, tokenIdx } = lk;
  const persons = preps.filter((p) => p.type === 'PERSON');
  const multi = persons.filter((p) => p.toks.length >= 2);
  multi.sort((a, b) => b.toks.length - a.toks.length || a.start - b.start);
  for (const p of multi) {
    const toks = p.toks;
    let target: Cluster | null = byKey.get(`P:${toks.join(' ')}`) ?? null;
    if (!target) {
      const cands = new Set<Cluster>();
      for (const t of toks) for (const c of tokenIdx.get(t) ?? []) cands.add(c);
      const sub = [...cands].filter((c) => toks.every((t) => c.tokens.includes(t)));
      target = nearest(sub, p.start);
    }
    if (!target) {
      target = getCluster(lk, `P:${toks.join(' ')}`, 'PERSON', p.start);
      target.tokens = toks;
      for (const t of toks) {
        if (t.length < 2) continue;
        const list = tokenIdx.get(t);
        if (list) list.push(target);
        else tokenIdx.set(t, [target]);
      }
    }
    join(target, p);
  }
  const singles = preps.filter(
    (p) => p.cluster === null && p.key === null && p.toks.length === 1 && (p.type === 'PERSON' || p.type === 'ORG' || p.type === 'MISC'),
  );
  for (const p of singles) {
    const t = p.toks[0]!;
    let cands = tokenIdx.get(t);
    // A word the recogniser typed ORG or MISC joins a person only as a surname ("Trump's plans"),
    // never as a place or first name ("Washington" is not George Washington's alias).
    if (cands && p.type !== 'PERSON') cands = cands.filter((c) => c.tokens[c.tokens.length - 1] === t && c.tokens.length >= 2);
    if (cands && cands.length > 0 && (p.type === 'PERSON' || /^[A-Z][a-z]/u.test(p.name))) {
      const c = nearest(cands, p.start)!;
      p.type = 'PERSON';
      join(c, p);
    } else if (p.type === 'PERSON') {
      const c = getCluster(lk, `P:${t}`, 'PERSON', p.start);
      if (c.tokens.length === 0) c.tokens = [t];
      join(c, p);
    }
  }
}

/** "the Trump administration": an organisation tied to the person. */
function adminCluster(lk: Linker, person: Cluster, word: string, pos: number): Cluster {
  const c = getCluster(lk, `ADM:${person.key}:${word}`, 'ORG', pos);
  c.related = person;
  c.relWord = word;
  return c;
}

/** 3. "the Trump administration": an organisation tied to the person. */
function linkAdministrations(lk: Linker): void {
  const { preps, text, tokenIdx } = lk;
  for (const p of preps) {
    if (p.cluster?.type !== 'PERSON') continue;
    const m = ADMIN_AFTER.exec(text.slice(p.end, p.end + 20));
    if (!m || m[1] === undefined) continue;
    const c = adminCluster(lk, p.cluster, m[1], p.start);
    const end = p.end + m[0].length;
    if (!c.extra.some((x) => x.start === p.start)) {
      c.extra.push({ start: p.start, end, text: text.slice(p.start, end), kind: 'alias' });
      if (p.start < c.first) c.first = p.start;
    }
  }
  for (const p of preps) {
    if (p.cluster || p.type !== 'ORG') continue;
    const m = ADMIN_ORG.exec(p.name);
    if (!m || m[1] === undefined || m[2] === undefined) continue;
    const toks = nameTokens(bareName(m[1]).name);
    const last = toks[toks.length - 1];
    const cands = last ? tokenIdx.get(last) : undefined;
    if (!cands || cands.length === 0) continue;
    const c = adminCluster(lk, nearest(cands, p.start)!, m[2], p.start);
    c.extra = c.extra.filter((x) => x.start < p.start || x.start >= p.end);
    join(c, p);
  }
}

/** 4. Organisations, places and the rest: exact keys, acronyms, then unique partial names. */
function linkOthers(lk: Linker): void {
  const { preps, byKey } = lk;
  const acr = new Map<string, Cluster>();
  const orgTokIdx = new Map<string, Cluster[]>();
  const rest = preps.filter((p) => p.cluster === null);
  rest.sort((a, b) => b.name.length - a.name.length || a.start - b.start);
  for (const p of rest) {
    if (p.key) {
      join(getCluster(lk, p.key, p.type, p.start), p);
      continue;
    }
    // Places keep to themselves: "NEW YORK" the dateline and "NEW YORK" the baseball team are two
    // things (CoNLL dev: merging them broke more types than it fixed). Organisations, MISC and the
    // rest share one namespace; the entity takes the type most of its mentions have.
    const group = p.type === 'GPE' || p.type === 'LOC' ? 'L' : 'X';
    const k = orgKey(p.name);
    let c: Cluster | null = byKey.get(`${group}:${k}`) ?? null;
    if (!c && p.type === 'ORG' && isAcronym(p.name)) c = acr.get(p.name.replace(/\./gu, '')) ?? null;
    if (!c && p.type === 'ORG') {
      const words = k.split(' ');
      const cands = new Set<Cluster>();
      // No `?? []`: iterating a fresh empty array (another elements kind) deoptimised this function.
      for (const w of words) {
        const list = orgTokIdx.get(w);
        if (list) for (const x of list) cands.add(x);
      }
      // "Times" for "The New York Times": a proper suffix or prefix of exactly one longer name.
      const fits = [...cands].filter((x) => {
        const xs = x.tokens;
        if (xs.length <= words.length) return false;
        const suffix = words.every((w, i) => xs[xs.length - words.length + i] === w);
        // A prefix only when what is left is a generic company word ("Pemex" for "Pemex Group").
        const prefix = words.every((w, i) => xs[i] === w) && xs.slice(words.length).every((w) => ORG_TAIL.has(w));
        return suffix || prefix;
      });
      if (fits.length === 1) c = fits[0]!;
    }
    if (!c) {
      c = getCluster(lk, `${group}:${k}`, p.type, p.start);
      c.tokens = k.split(' ');
      if (p.type === 'ORG') {
        const a = acronymOf(p.name);
        if (a && !acr.has(a)) acr.set(a, c);
        for (const w of c.tokens) {
          if (w.length < 3) continue;
          const list = orgTokIdx.get(w);
          if (list) list.push(c);
          else orgTokIdx.set(w, [c]);
        }
      }
    }
    join(c, p);
  }
}

/** 5. Entities in order of first mention. */
function makeEntities(lk: Linker, raw: RawMention[]): void {
  const { clusters, entityOf, text } = lk;
  clusters.sort((a, b) => a.first - b.first);
  for (const c of clusters) {
    if (c.preps.length === 0 && c.extra.length === 0) continue;
    if (c.key.startsWith('X:')) c.type = majorityType(c);
    const id = `e${++lk.n}`;
    const e: Entity = { id, name: canonicalName(c, text), type: c.type, roles: [], country: null, countryFrom: null, sector: null, relatedTo: null, place: null, mentions: [] };
    for (const p of c.preps) {
      e.mentions.push({ start: p.start, end: p.end, text: p.name, kind: p.name === e.name ? 'name' : 'alias' });
      raw[p.idx]!.entity = id;
    }
    for (const x of c.extra) e.mentions.push(x);
    entityOf.set(c, e);
  }
}

/** 6. Countries and sectors of countries, peoples and organisations (people's roles use them). */
function countriesAndSectors(lk: Linker): Set<string> {
  const { entityOf, text } = lk;
  const articleCountries = new Set<string>();
  for (const [c, e] of entityOf) {
    if (c.key.startsWith('C:') || c.key.startsWith('N:')) {
      e.country = c.key.slice(2);
      e.countryFrom = 'text';
      articleCountries.add(e.country);
      if (c.key.startsWith('C:')) {
        e.name = countryName(e.country) ?? e.name;
        // A country is a place too: its centre, for maps (no GeoNames id: the package has none).
        const at = countryCentre(e.country);
        e.place = { geonameId: null, name: e.name, country: e.country, lat: at?.[0] ?? null, lon: at?.[1] ?? null };
      }
    }
  }
  for (const [c, e] of entityOf) {
    if (c.related) continue;
    // The head word of a longer name says what it is: "Washington Post" tagged as a person is an
    // organisation, "Texas Open" tagged as an organisation is an event.
    const headWord = c.tokens.length >= 2 && !c.key.startsWith('C:') && !c.key.startsWith('N:') ? c.tokens[c.tokens.length - 1]! : '';
    if (headWord && EVENT_HEADS.has(headWord) && c.type !== 'EVENT') {
      c.type = 'EVENT';
      e.type = 'EVENT';
    } else if (headWord && ORG_HEADS.has(headWord) && c.type !== 'ORG') {
      c.type = 'ORG';
      e.type = 'ORG';
    }
    if ((c.type === 'GPE' || c.type === 'LOC') && !e.country) {
      // "White House", "State Department" tagged as places are institutions.
      const inst = sectorOf(e.name);
      if (inst) {
        c.type = 'ORG';
        e.type = 'ORG';
      }
    }
    if (c.type === 'ORG' || c.type === 'MISC' || c.type === 'FAC') {
      const hit = findCountry(e.name);
      if (hit) {
        e.country = hit.code;
        e.countryFrom = 'text';
      }
      if (c.type === 'ORG') e.sector = sectorOf(e.name, true) ?? appositiveSector(text, c);
    }
  }
  return articleCountries;
}

/**
 * The organisation a title belongs to: named inside the title ("Spokesman for the White House") or
 * right before it ("Pemex CEO", "Mexican Army General"), possibly with a possessive.
 */
function affiliation(lk: Linker, titleStart: number, titleEnd: number, runStart: number): { id: string; start: number } | null {
  const { text, preps, entityOf, byKey } = lk;
    let k = runStart;
    while (k > 0 && text.charCodeAt(k - 1) === 32) k--;
    if (text[k - 1] === 's' && (text[k - 2] === "'" || text[k - 2] === '\u2019')) k -= 2;
    const cands: Prep[] = [];
    let i = prepAt(preps, titleStart - 200);
    for (; i < preps.length && preps[i]!.start < titleEnd; i++) {
      const q = preps[i]!;
      if (q.end === k || (q.start >= titleStart && q.end <= titleEnd)) cands.push(q);
    }
    for (const q of cands) {
      const qc = q.cluster;
      if (!qc || qc.type === 'PERSON' || qc.key.startsWith('C:') || qc.key.startsWith('N:')) continue;
      const oe = entityOf.get(qc);
      if (oe) return { id: oe.id, start: q.start };
    }
    // "Tesla CEO Elon Musk" where the recogniser missed this "Tesla" but found another one.
    const w = wordBefore(text, k);
    if (w.word && /^[A-Z]/u.test(w.word)) {
      const oc = byKey.get(`X:${orgKey(w.word)}`);
      const oe = oc && oc.type === 'ORG' ? entityOf.get(oc) : undefined;
      if (oe) {
        oe.mentions.push({ start: w.start, end: w.start + w.word.length, text: w.word, kind: w.word === oe.name ? 'name' : 'alias' });
        return { id: oe.id, start: w.start };
      }
    }
    return null;
}

/** 7. Roles, affiliations, gender and country of people. */
function peopleRoles(
  lk: Linker,
  sentences: readonly { start: number; end: number }[],
  genders: Map<string, Gender>,
  titleSpans: { start: number; end: number }[],
): void {
  for (const [c, e] of lk.entityOf) {
    if (c.type !== 'PERSON') continue;
    for (const p of c.preps) mentionRoles(lk, e, p, sentences, genders, titleSpans);
    personFacts(lk, e, genders);
  }
}

/**
 * Roles around one mention of a person, and the gender an honorific gives. Kept apart from the loop
 * over entities (and the rare role-found work apart from this) so that a deoptimisation when a rare
 * case first shows up recompiles a small function, not the whole step.
 */
function mentionRoles(
  lk: Linker,
  e: Entity,
  p: Prep,
  sentences: readonly { start: number; end: number }[],
  genders: Map<string, Gender>,
  titleSpans: { start: number; end: number }[],
): void {
  const text = lk.text;
  const s = sentences[spanIndexAt(sentences, p.start)]!;
  const limit = Math.max(s.start, p.start - 120);
  const before = roleBefore(text, p.start, limit, p.end);
  if (before) takeRole(lk, e, before, before.role.evidence.start, true, titleSpans);
  const possessive = /^['\u2019]/u.test(text.slice(p.end, p.end + 1));
  const after = possessive ? null : roleAfter(text, p.end, Math.min(s.end, p.end + 160), p.start);
  if (after) takeRole(lk, e, after, after.titleSpan.start, false, titleSpans);
  const hon = HONORIFIC_BEFORE.exec(text.slice(Math.max(limit, p.start - 6), p.start));
  if (hon && !genders.has(e.id)) genders.set(e.id, hon[1] === 'Mr' ? 'm' : 'f');
}

/** A role read before (`before`) or after a name: its organisation, then onto the person's roles. */
function takeRole(lk: Linker, e: Entity, found: FoundRole, runStart: number, before: boolean, titleSpans: { start: number; end: number }[]): void {
  const org = affiliation(lk, found.titleSpan.start, found.titleSpan.end, runStart);
  if (org) {
    found.role.org = org.id;
    if (before && org.start < found.role.evidence.start) found.role.evidence.start = org.start;
  }
  addRole(e.roles, found.role);
  titleSpans.push(found.titleSpan);
}

/** Gender, country and sector of a person from the roles read. */
function personFacts(lk: Linker, e: Entity, genders: Map<string, Gender>): void {
  for (const r of e.roles) {
    const g = titleInfo(titleHead(r.title))?.gender;
    if (g && !genders.has(e.id)) genders.set(e.id, g);
  }
  const first = nameTokens(e.name)[0];
  if (!genders.has(e.id) && first) {
    const g = genderOfFirstName(first);
    if (g) genders.set(e.id, g);
  }
  const withOf = e.roles.find((r) => r.of !== null);
  if (withOf) {
    e.country = withOf.of;
    e.countryFrom = 'text';
  }
  e.sector = personSector(e.roles);
  // An office in an organisation: its sector and text-stated country carry over ("Mexican Army general").
  for (const r of e.roles) {
    const org = r.org ? lk.byId.get(r.org) : undefined;
    if (!org || r.qualifier === 'former') continue;
    if (!e.sector && org.sector) e.sector = org.sector;
    if (!e.country && org.country && org.countryFrom === 'text') {
      e.country = org.country;
      e.countryFrom = 'text';
    }
  }
}

/**
 * "former President Trump" next to "the Trump administration ... continue": a date inconsistency
 * worth showing to the reader, not something to fix silently.
 */
function formerButSitting(lk: Linker, doc: Doc): void {
  const { text, entityOf } = lk;
  for (const [c, e] of entityOf) {
    if (!c.related || c.relWord !== 'administration') continue;
    const person = entityOf.get(c.related);
    const former = person?.roles.find((r) => r.qualifier === 'former' || r.qualifier === 'ex-');
    if (!person || !former) continue;
    const sitting = e.mentions.find((m) => SITTING_AFTER.test(text.slice(m.end, m.end + 80)));
    if (!sitting) continue;
    doc.diagnostics.push({
      ruleId: 'entities/former-but-sitting',
      severity: 'warning',
      reason: `${person.name} is called "${text.slice(former.evidence.start, former.evidence.end)}" but "${sitting.text}" is written of as acting now`,
      place: { text: { start: former.evidence.start, end: former.evidence.end } },
    });
  }
}

/** Countries the text does not state: learned knowledge, an administration's person, the gazetteer. */
function countriesFromElsewhere(lk: Linker, opts: EntitiesOptions, articleCountries: ReadonlySet<string>): void {
  const { entityOf } = lk;
  // Learned knowledge: a person whose country this article does not state takes the one other news
  // states for the name ("Obama" -> USA), marked as knowledge rather than text.
  const knowledge = opts.knowledge === false ? null : opts.knowledge instanceof ActorKnowledge ? opts.knowledge : loadActorKnowledge();
  if (knowledge) {
    for (const [c, e] of entityOf) {
      if (c.type !== 'PERSON' || e.country) continue;
      const known = knowledge.countryOf(e.name);
      if (known) {
        e.country = known;
        e.countryFrom = 'knowledge';
      }
    }
  }

  // Administrations take their person's country, known only now.
  for (const [c, e] of entityOf) {
    if (!c.related) continue;
    const rel = entityOf.get(c.related);
    e.relatedTo = rel?.id ?? null;
    if (rel?.country) {
      e.country = rel.country;
      e.countryFrom = rel.countryFrom ?? 'text';
    }
    e.sector = c.relWord === 'campaign' ? null : 'GOV';
  }

  if (opts.places !== false) {
    for (const [c, e] of entityOf) {
      if ((c.type !== 'GPE' && c.type !== 'LOC') || e.country) continue;
      const place = resolvePlace(e.name, articleCountries);
      if (place) {
        e.place = place;
        e.country = place.country;
        e.countryFrom = 'gazetteer';
      }
    }
  }
}

/** 8. Role phrases ("Mexico's President") resolve to the one person holding that role here. */
function roleMentions(lk: Linker, doc: Doc, titleSpans: readonly { start: number; end: number }[]): Map<string, Entity> {
  const { text, entityOf, byId } = lk;
  const people = [...entityOf.values()].filter((e) => e.type === 'PERSON' && e.roles.length > 0);
  const unnamed = new Map<string, Entity>();
  for (const rm of findRoleMentions(text, titleSpans, doc.tokens)) {
    const head = titleHead(rm.title);
    const holders = people.filter((e) =>
      e.roles.some(
        (r) =>
          sameOffice(titleHead(r.title), head) &&
          (r.qualifier ?? null) === rm.qualifier &&
          (rm.of === null || r.of === rm.of || (r.of === null && e.country === rm.of)),
      ),
    );
    const mention: Mention = { start: rm.start, end: rm.end, text: text.slice(rm.start, rm.end), kind: 'role' };
    if (holders.length === 1) {
      holders[0]!.mentions.push(mention);
      continue;
    }
    // Nobody named holds it, but the text says whose office it is ("the Mexican president said"):
    // one unnamed person per office, so quotes and events still have someone to point at.
    if (holders.length > 0 || rm.of === null || !titleInfo(head)) continue;
    const key = `${head}|${rm.of}|${rm.qualifier ?? ''}`;
    let holder = unnamed.get(key);
    if (!holder) {
      const country = countryName(rm.of) ?? rm.of;
      // The one shape of every role (see roleBefore in roles.ts).
      const role: Role = { title: rm.title, of: rm.of, evidence: { start: rm.start, end: rm.end }, qualifier: rm.qualifier || undefined, org: undefined };
      holder = {
        id: `e${++lk.n}`,
        name: / (?:to|of|for) /u.test(rm.title) ? `${country} ${rm.title}` : `${rm.title} of ${country}`,
        type: 'PERSON',
        roles: [role],
        country: rm.of,
        countryFrom: 'text',
        sector: rm.qualifier === 'former' ? 'ELI' : (titleInfo(head)?.sector ?? null),
        relatedTo: null,
        place: null,
        mentions: [],
      };
      unnamed.set(key, holder);
      byId.set(holder.id, holder);
    }
    holder.mentions.push(mention);
  }
  return unnamed;
}

/** The word ending right before `end` (skipping spaces), with its start; '' at a boundary. */
function wordBefore(text: string, end: number): { word: string; start: number } {
  let e = end;
  while (e > 0 && text.charCodeAt(e - 1) === 32) e--;
  let b = e;
  while (b > 0) {
    const c = text.charCodeAt(b - 1);
    // ASCII letters, '.', '-' and any non-ASCII letter-like code unit: a word character here.
    if ((c | 32) >= 97 && (c | 32) <= 122) b--;
    else if (c === 46 || c === 45 || (c > 127 && /\p{L}/u.test(text[b - 1]!))) b--;
    else break;
  }
  return { word: text.slice(b, e), start: b };
}

/**
 * Where the person's name starts when a mention begins with the object of a title before it:
 * "Secretary of [State Marco Rubio]" -> "Marco Rubio", "Ambassador to [Mexico Ronald Johnson]" ->
 * "Ronald Johnson". Returns `start` when there is nothing to split.
 */
function splitTitleObject(text: string, start: number, end: number): number {
  // Quick reject before any string is made: the word before must be "of", "to", "for" or "the".
  let k = start;
  while (k > 0 && text.charCodeAt(k - 1) === 32) k--;
  const last = text.charCodeAt(k - 1);
  if (last !== 102 && last !== 111 && last !== 114 && last !== 101) return start; // f, o, r, e
  let prep = wordBefore(text, start);
  if (prep.word === 'the') prep = wordBefore(text, prep.start);
  if (prep.word !== 'of' && prep.word !== 'to' && prep.word !== 'for') return start;
  const titleWord = wordBefore(text, prep.start).word.toLowerCase();
  if (!TITLE_FIRST_WORDS.has(titleWord.replace(/\.$/u, ''))) return start;
  const words = text.slice(start, end).split(' ');
  let off = start;
  for (let k = 1; k < words.length; k++) {
    off += words[k - 1]!.length + 1;
    const head = words.slice(0, k).join(' ');
    const rest = words.slice(k);
    if (rest.length === 0 || !/^[A-Z]/u.test(rest[0]!)) break;
    if (titleInfo(`${titleWord} ${prep.word} ${head.toLowerCase()}`) || (lookupCountry(head)?.form === 'name' && rest.length >= 2)) return off;
  }
  return start;
}

const ORG_APPOSITIVE = /^\s*,\s+(?:the|a|an)\s+((?:[\p{L}.-]+\s+){0,4}?(?:group|organi[sz]ation|movement|party|faction|militia|agency|company|firm|newspaper|network|force|forces|coalition|alliance|cartel|gang|union|bank|ministry|army|broadcaster|channel))\b/u;

/** The sector an organisation's appositive says ("Hamas, the militant group that..." -> REB). */
function appositiveSector(text: string, c: Cluster): string | null {
  for (const p of c.preps) {
    const m = ORG_APPOSITIVE.exec(text.slice(p.end, p.end + 80));
    if (m?.[1]) {
      const s = sectorOf(m[1]);
      if (s) return s;
    }
  }
  return null;
}

/** "the minister" may stand for a "Foreign Minister", "the secretary" for a "Secretary of State". */
function sameOffice(held: string, said: string): boolean {
  return held === said || held.endsWith(` ${said}`);
}

function majorityType(c: Cluster): EntityType {
  const counts = new Map<EntityType, number>();
  let best: EntityType = c.type;
  let bestN = 0;
  for (const p of c.preps) {
    const n = (counts.get(p.type) ?? 0) + 1;
    counts.set(p.type, n);
    if (n > bestN) {
      best = p.type;
      bestN = n;
    }
  }
  return best;
}

function personSector(roles: readonly Role[]): string | null {
  let former: string | null = null;
  for (const r of roles) {
    const s = titleInfo(titleHead(r.title))?.sector ?? titleInfo(r.title)?.sector;
    if (!s) continue;
    // A former office holder is an elite (CAMEO ELI), unless a current office says otherwise.
    if (r.qualifier === 'former' || r.qualifier === 'ex-') former ??= s === 'GOV' || s === 'LEG' ? 'ELI' : null;
    else return s;
  }
  return former;
}

function canonicalName(c: Cluster, text: string): string {
  if (c.related && c.relWord) {
    const person = c.related.preps.reduce<Prep | null>((best, p) => (!best || p.name.length > best.name.length ? p : best), null);
    const last = person ? person.name.split(/\s+/u).pop() : c.related.key.slice(2);
    return `${last} ${c.relWord}`;
  }
  // The longest form, preferring one not in capitals (a headline's or dateline's "WASHINGTON").
  let best = '';
  let bestCaps = true;
  for (const p of c.preps) {
    const name = text.slice(p.start, p.end);
    const caps = name.length > 4 && name === name.toUpperCase() && /[A-Z]{2}/u.test(name);
    if ((bestCaps && !caps) || (caps === bestCaps && name.length > best.length)) {
      best = name;
      bestCaps = caps;
    }
  }
  return best;
}

/**
 * The 'entities' component: from recognised mentions to entities with aliases, roles, pronoun and
 * role mentions, countries, sectors and places.
 */
export function entitiesComponent(opts: EntitiesOptions = {}): Component {
  // Lexicons load when the pipeline is built, not inside the first document (ARCHITECTURE.md).
  countryName('USA');
  if (opts.places !== false) preloadPlaces();
  if (opts.knowledge !== false && !(opts.knowledge instanceof ActorKnowledge)) opts = { ...opts, knowledge: loadActorKnowledge() ?? false };
  return {
    name: 'entities',
    requires: ['mentions', 'tokens', 'sentences', 'paragraphs'],
    assigns: ['entities'],
    run(doc: Doc): void {
      linkEntities(doc, opts);
    },
  };
}

/**
 * A lookup from spans to entities for callers that ask many times (quotes, events): mentions sorted
 * once, each query a binary search. The innermost covering mention wins.
 * @example const at = entityIndex(doc); at(speaker.start, speaker.end) // 'e2' or null
 */
export function entityIndex(doc: Pick<Doc, 'entities'>): (start: number, end: number) => string | null {
  const ms: { start: number; end: number; id: string }[] = [];
  for (const e of doc.entities) for (const m of e.mentions) ms.push({ start: m.start, end: m.end, id: e.id });
  ms.sort((a, b) => a.start - b.start || b.end - a.end);
  // Longest mention length bounds how far back a covering mention can start.
  let maxLen = 0;
  for (const m of ms) maxLen = Math.max(maxLen, m.end - m.start);
  return (start: number, end: number): string | null => {
    let lo = 0;
    let hi = ms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ms[mid]!.start <= start) lo = mid + 1;
      else hi = mid;
    }
    let best: { start: number; end: number; id: string } | null = null;
    for (let i = lo - 1; i >= 0 && ms[i]!.start >= start - maxLen; i--) {
      const m = ms[i]!;
      if (m.start <= start && m.end >= end && (!best || m.end - m.start < best.end - best.start)) best = m;
    }
    return best ? best.id : null;
  };
}

/** The entity a span of text refers to (a name, alias, role or pronoun mention covering it), or null. */
export function entityAt(doc: Pick<Doc, 'entities'>, start: number, end: number): string | null {
  for (const e of doc.entities) {
    for (const m of e.mentions) if (m.start <= start && m.end >= end) return e.id;
  }
  return null;
}
