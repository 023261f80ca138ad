/**
 * Actor knowledge learned from news: the country of people whom other articles name with a country
 * ("U.S. President Barack Obama", "Russian President Vladimir Putin"). Nothing here is written by hand:
 * `npm run train -- actors` runs the project's own pipeline over training corpora of news, keeps the
 * countries the text states for each person (roles, demonyms, appositives), and writes
 * models/actors.json with the evidence counts. Entity linking then gives a person with no country in
 * the article the learned one, marked `countryFrom: "knowledge"` so users can tell it from the text's.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NgError } from '../errors.js';
import { foldName } from '../util/strings.js';

/** The file the trainer writes. */
export interface ActorKnowledgeFile {
  format: 'newsgraph/actors@1';
  info: Record<string, unknown>;
  /** [name as written, ISO alpha-3, documents that state it]; one row per person kept. */
  persons: [string, string, number][];
}

/** Folds a person's name for lookup: case, accents, full stops and spacing do not matter. */
export const personKey = foldName;

/** Lookups over a knowledge file: full names, and surnames that only one known country's people carry. */
export class ActorKnowledge {
  private readonly byName = new Map<string, string>();
  private readonly bySurname = new Map<string, string>();
  readonly size: number;

  constructor(file: ActorKnowledgeFile) {
    const surnames = new Map<string, Set<string>>();
    for (const [name, country] of file.persons) {
      const k = personKey(name);
      this.byName.set(k, country);
      const parts = k.split(' ');
      if (parts.length < 2) continue;
      const last = parts[parts.length - 1]!;
      let s = surnames.get(last);
      if (!s) surnames.set(last, (s = new Set()));
      s.add(country);
    }
    // A surname alone ("Obama") is read as a known person only when every known person of that
    // surname has the same country; "Johnson" (several countries) stays unknown.
    for (const [last, cs] of surnames) if (cs.size === 1 && !this.byName.has(last)) this.bySurname.set(last, [...cs][0]!);
    this.size = file.persons.length;
  }

  /** The learned country of a person named `name` in an article, or null. */
  countryOf(name: string): string | null {
    const k = personKey(name);
    const full = this.byName.get(k);
    if (full) return full;
    return k.includes(' ') ? null : (this.bySurname.get(k) ?? null);
  }
}

/** Where the shipped knowledge file lives (from src in development, from dist once built). */
export function defaultActorKnowledgePath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '../../models/actors.json'), join(here, '../../../models/actors.json')];
  return candidates.find((p) => existsSync(p)) ?? candidates[0]!;
}

const loaded = new Map<string, ActorKnowledge>();

/** Loads (once per path) an actor knowledge file; null when the default file is absent. */
export function loadActorKnowledge(path?: string): ActorKnowledge | null {
  const p = path ?? defaultActorKnowledgePath();
  const hit = loaded.get(p);
  if (hit) return hit;
  if (!existsSync(p)) {
    if (path) throw new NgError('NG_E021', `no actor knowledge file at ${p}; build one with \`npm run train -- actors\``, { input: p });
    return null;
  }
  let file: ActorKnowledgeFile;
  try {
    file = JSON.parse(readFileSync(p, 'utf8')) as ActorKnowledgeFile;
  } catch (err) {
    throw new NgError('NG_E021', `cannot read the actor knowledge file at ${p}: ${(err as Error).message}`, { input: p }, { cause: err });
  }
  if (file.format !== 'newsgraph/actors@1' || !Array.isArray(file.persons)) {
    throw new NgError('NG_E021', `${p} is not a newsgraph/actors@1 file`, { input: p });
  }
  const k = new ActorKnowledge(file);
  loaded.set(p, k);
  return k;
}
