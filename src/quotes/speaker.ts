/**
 * Who a speaker phrase refers to: a named mention inside it, the entity a pronoun was linked to by
 * entity linking (or the last named person before it), an entity holding the role a role noun names
 * ("the president"), or an organisation named by its kind ("the ministry").
 */
import type { Doc, EntityType, Span } from '../doc/types.js';
import { ORG_NOUNS } from './words.js';

interface IndexedMention {
  start: number;
  end: number;
  entity: string;
  kind: string;
  type: EntityType;
}

/** Mentions of linked entities in text order, built once per document. */
export class MentionIndex {
  readonly mentions: IndexedMention[];
  /** Entities by id, built on first use (most documents never ask). */
  private byIdMap: Map<string, Doc['entities'][number]> | null = null;
  /** Per entity, the lower-case words of its role titles and of its name, computed once. */
  private readonly roleWordsOf = new Map<string, Set<string>>();
  private readonly nameWordsOf = new Map<string, Set<string>>();

  constructor(private readonly doc: Doc) {
    const ms: IndexedMention[] = [];
    for (const e of doc.entities) {
      for (const m of e.mentions) ms.push({ start: m.start, end: m.end, entity: e.id, kind: m.kind, type: e.type });
    }
    // Entity linking lists every mention it links under its entity; only a Doc built without it
    // (raw mentions carrying entity ids) needs the recogniser's layer.
    if (doc.entities.length === 0) {
      for (const m of doc.mentions ?? []) {
        if (m.entity) ms.push({ start: m.start, end: m.end, entity: m.entity, kind: m.kind, type: m.type });
      }
    }
    this.mentions = sortMentions(ms, doc.text.length);
  }

  private get byId(): Map<string, Doc['entities'][number]> {
    if (!this.byIdMap) {
      this.byIdMap = new Map();
      for (const e of this.doc.entities) this.byIdMap.set(e.id, e);
    }
    return this.byIdMap;
  }

  /** Index of the first mention starting at or after `pos`. */
  private firstFrom(pos: number): number {
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.mentions[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Mentions overlapping [start, end). */
  overlapping(start: number, end: number): IndexedMention[] {
    const out: IndexedMention[] = [];
    // Mentions are short: one starting more than 200 characters earlier cannot reach `start`.
    for (let i = this.firstFrom(start - 200); i < this.mentions.length; i++) {
      const m = this.mentions[i]!;
      if (m.start >= end) break;
      if (m.end > start) out.push(m);
    }
    return out;
  }

  /** The last mention ending at or before `pos` satisfying `ok`. */
  lastBefore(pos: number, ok: (m: IndexedMention) => boolean): IndexedMention | null {
    for (let i = this.firstFrom(pos) - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.end <= pos && ok(m)) return m;
    }
    return null;
  }

  /** Lower-case words of the entity's role titles, computed on first use. */
  roleWords(id: string): Set<string> {
    let w = this.roleWordsOf.get(id);
    if (!w) {
      w = new Set((this.byId.get(id)?.roles ?? []).flatMap((r) => r.title.toLowerCase().split(/\s+/)));
      this.roleWordsOf.set(id, w);
    }
    return w;
  }

  /** Lower-case words of the entity's name, computed on first use. */
  nameWords(id: string): Set<string> {
    let w = this.nameWordsOf.get(id);
    if (!w) {
      w = new Set((this.byId.get(id)?.name ?? '').toLowerCase().split(/\s+/));
      this.nameWordsOf.set(id, w);
    }
    return w;
  }

  entity(id: string): Doc['entities'][number] | undefined {
    return this.byId.get(id);
  }
}

/** A possessive right after a mention ("Clinton's campaign"): the mention is not the phrase's head. */
const POSSESSOR = /^\s*['\u2019]s\b/;
const LETTER = /\p{L}/u;

/**
 * The last word of `s` when every character but letters, whitespace, '.' and '-' counts as a space:
 * the last run of letters, dots and hyphens, found by a backward scan (no replace and split per call).
 */
function lastWord(s: string): string | undefined {
  let e = s.length;
  while (e > 0 && !wordChar(s, e)) e -= charLen(s, e);
  if (e === 0) return undefined;
  let b = e;
  while (b > 0 && wordChar(s, b)) b -= charLen(s, b);
  return s.slice(b, e);
}

/** Length (1 or 2) of the code point ending just before index `e`. */
function charLen(s: string, e: number): number {
  const c = s.charCodeAt(e - 1);
  if (c >= 0xdc00 && c <= 0xdfff && e >= 2) {
    const h = s.charCodeAt(e - 2);
    if (h >= 0xd800 && h <= 0xdbff) return 2;
  }
  return 1;
}

/** Is the code point ending just before index `e` a letter, '.' or '-'? */
function wordChar(s: string, e: number): boolean {
  const c = s.charCodeAt(e - 1);
  if (c < 128) return c === 46 || c === 45 || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return LETTER.test(s.slice(e - charLen(s, e), e));
}

/**
 * `ms` in text order, the longer first at one start, else as given (what a stable sort with
 * `a.start - b.start || b.end - a.end` gives). Each mention becomes one number holding its start, its
 * length and its index, and a typed-array sort (no comparator calls) orders them; a text or list too
 * large for those bits falls back to the comparator sort.
 */
function sortMentions(ms: IndexedMention[], textLength: number): IndexedMention[] {
  if (textLength >= 2 ** 21 || ms.length >= 2 ** 11) return ms.sort((a, b) => a.start - b.start || b.end - a.end);
  const keys = new Float64Array(ms.length);
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i]!;
    if (m.end < m.start) return ms.sort((a, b) => a.start - b.start || b.end - a.end);
    keys[i] = m.start * 2 ** 32 + (2 ** 21 - 1 - (m.end - m.start)) * 2 ** 11 + i;
  }
  keys.sort();
  const out = new Array<IndexedMention>(ms.length);
  for (let i = 0; i < ms.length; i++) out[i] = ms[keys[i]! % 2 ** 11]!;
  return out;
}

const PERSONAL = new Set(['he', 'she', 'him', 'her', 'i']);
const GROUP = new Set(['they', 'we', 'it']);

/**
 * The entity id a speaker phrase at `span` refers to, or null. `text` is the phrase itself.
 * A possessor inside the phrase ("Clinton's campaign") is not the speaker; the head at the end is.
 */
export function resolveSpeaker(doc: Doc, index: MentionIndex, span: Span): string | null {
  const over = index.overlapping(span.start, span.end);
  // The head of an English noun phrase is at its end ("Trump campaign manager Kellyanne Conway"): the
  // named mention ending last, the longer on a tie, the earlier on a full tie. One pass, no closure.
  let best: IndexedMention | null = null;
  let pron: IndexedMention | null = null;
  for (const m of over) {
    if (m.kind === 'pronoun') {
      pron ??= m;
      continue;
    }
    if (POSSESSOR.test(doc.text.slice(m.end, span.end))) continue;
    if (best === null || m.end > best.end || (m.end === best.end && m.end - m.start > best.end - best.start)) best = m;
  }
  if (best) return best.entity;
  if (pron) return pron.entity;
  const lower = doc.text.slice(span.start, span.end).toLowerCase().trim();
  if (PERSONAL.has(lower)) {
    // Entity linking did not link this pronoun: the last named person before it is the usual referent.
    const m = index.lastBefore(span.start, (x) => x.type === 'PERSON' && x.kind !== 'pronoun');
    return m ? m.entity : null;
  }
  if (GROUP.has(lower)) return null;
  const head = lastWord(lower);
  if (!head) return null;
  // Role noun: "the president" -> the entity most recently mentioned that holds such a role.
  if (/^(the|a|an)\b/.test(lower)) {
    const byRole = index.lastBefore(span.start, (m) => index.roleWords(m.entity).has(head));
    if (byRole) return byRole.entity;
  }
  if (ORG_NOUNS.has(head) && /^(the|its|his|her|their)\b/.test(lower)) {
    const byOrg = index.lastBefore(span.start, (m) => (m.type === 'ORG' || m.type === 'GPE') && index.nameWords(m.entity).has(head));
    if (byOrg) return byOrg.entity;
  }
  return null;
}
