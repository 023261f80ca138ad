import { Ajv } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { Doc, Span } from './types.js';

function schemaPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // src/doc -> schema (tsx) or dist/src/doc -> schema (built)
  const paths = ['../..', '../../..'].map((up) => join(here, up, 'schema', 'doc.schema.json'));
  return paths.find((p) => existsSync(p)) ?? paths[0]!;
}

let compiled: ((d: unknown) => boolean) & { errors?: unknown } | null = null;

/**
 * Checks a Doc against the JSON Schema (schema/doc.schema.json) and the invariants a schema cannot
 * say: every span inside the text, start <= end, and each `text` field equal to the text it spans.
 * Returns the problems found, empty when the Doc is valid.
 */
export function validateDoc(doc: unknown): string[] {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    compiled = ajv.compile(JSON.parse(readFileSync(schemaPath(), 'utf8')) as object);
  }
  const problems: string[] = [];
  if (!compiled(doc)) {
    for (const e of (compiled.errors ?? []) as { instancePath: string; message?: string }[]) {
      problems.push(`schema: ${e.instancePath || '/'} ${e.message ?? ''}`);
    }
    return problems;
  }
  const d = doc as Doc;
  const n = d.text.length;
  const span = (where: string, s: Span, text?: string): void => {
    if (s.start < 0 || s.end > n || s.start > s.end) problems.push(`${where}: span [${s.start}, ${s.end}) outside text of length ${n}`);
    else if (text !== undefined && d.text.slice(s.start, s.end) !== text) problems.push(`${where}: text "${text.slice(0, 40)}" differs from the span's text`);
  };
  d.paragraphs.forEach((p, i) => span(`paragraphs[${i}]`, p));
  d.sentences.forEach((p, i) => span(`sentences[${i}]`, p));
  d.tokens.forEach((p, i) => span(`tokens[${i}]`, p));
  d.entities.forEach((e, i) => {
    e.mentions.forEach((m, j) => span(`entities[${i}].mentions[${j}]`, m, m.text));
    e.roles.forEach((r, j) => span(`entities[${i}].roles[${j}].evidence`, r.evidence));
  });
  d.values.forEach((v, i) => span(`values[${i}]`, v, v.text));
  d.quotes.forEach((q, i) => {
    span(`quotes[${i}]`, q, q.text);
    if (q.cue) span(`quotes[${i}].cue`, q.cue, q.cue.text);
  });
  d.attributions.forEach((a, i) => {
    span(`attributions[${i}]`, a, a.text);
    span(`attributions[${i}].cue`, a.cue, a.cue.text);
  });
  const ids = new Set(d.entities.map((e) => e.id));
  d.events.forEach((ev, i) => {
    span(`events[${i}].evidence`, ev.evidence);
    for (const k of ['actor', 'target', 'reportedBy', 'place'] as const) {
      const v = ev[k];
      if (v !== null && !ids.has(v)) problems.push(`events[${i}].${k}: no entity "${v}"`);
    }
  });
  d.quotes.forEach((q, i) => {
    if (q.speaker !== null && !ids.has(q.speaker)) problems.push(`quotes[${i}].speaker: no entity "${q.speaker}"`);
  });
  return problems;
}
