import type { Doc, Entity } from '../doc/types.js';

/** Shortens a string for one terminal line. */
export function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= n ? one : `${one.slice(0, n - 1)}…`;
}

function entityLabel(doc: Doc, id: string | null, fallback: string | null): string {
  if (!id) return fallback ?? '?';
  return doc.entities.find((e) => e.id === id)?.name ?? fallback ?? id;
}

function roleText(e: Entity): string {
  const r = e.roles[0];
  if (!r) return '';
  return ` (${r.title}${r.of ? `, ${r.of}` : ''})`;
}

/** The readable summary `analyze` prints on a terminal. */
export function formatDocSummary(doc: Doc): string {
  const out: string[] = [];
  const m = doc.meta;
  out.push(m.title ?? clip(doc.text, 80));
  const facts = [m.source, m.byline, m.published, m.url ?? m.input].filter((x): x is string => Boolean(x));
  if (facts.length > 0) out.push(`  ${facts.join(' · ')}`);
  out.push(`  id ${doc.id}`);
  const roles = new Map<string, number>();
  for (const p of doc.paragraphs) roles.set(p.role, (roles.get(p.role) ?? 0) + 1);
  out.push(
    `  ${[...roles].map(([r, n]) => `${n} ${r}`).join(', ')} paragraphs; ${doc.sentences.length} sentences; ` +
      `${doc.tokens.length} tokens`,
  );
  if (m.dek) out.push(`  dek: ${clip(m.dek, 100)}`);
  const removed = doc.diagnostics.filter((d) => d.ruleId.startsWith('clean/'));
  if (removed.length > 0) {
    const by = new Map<string, number>();
    for (const d of removed) by.set(d.ruleId, (by.get(d.ruleId) ?? 0) + 1);
    out.push(`  removed by cleaning: ${[...by].map(([r, n]) => `${n} ${r.replace('clean/', '')}`).join(', ')}`);
  }
  if (doc.entities.length > 0) {
    out.push('', 'Entities');
    const sorted = [...doc.entities].sort((a, b) => b.mentions.length - a.mentions.length);
    for (const e of sorted.slice(0, 20)) {
      out.push(`  ${e.type.padEnd(6)} ${e.name}${roleText(e)}${e.country ? ` [${e.country}]` : ''} ×${e.mentions.length}`);
    }
    if (sorted.length > 20) out.push(`  … ${sorted.length - 20} more`);
  }
  if (doc.quotes.length > 0) {
    out.push('', 'Quotes');
    for (const q of doc.quotes) {
      const who = entityLabel(doc, q.speaker, q.speakerText);
      out.push(`  ${who} [${q.cue?.text ?? q.kind}] ${q.kind}: ${clip(q.text, 110)}`);
    }
  }
  if (doc.attributions.length > 0) {
    out.push('', 'Attributed to sources');
    for (const a of doc.attributions) {
      out.push(`  ${entityLabel(doc, a.source, a.sourceText ?? null)} [${a.cue.text}]: ${clip(a.text, 110)}`);
    }
  }
  if (doc.events.length > 0) {
    out.push('', 'Events');
    for (const ev of doc.events) {
      const flags = [ev.negated ? 'negated' : '', ev.modality !== 'asserted' ? ev.modality : '', ev.date ?? '']
        .filter(Boolean)
        .join(', ');
      out.push(
        `  ${entityLabel(doc, ev.actor, ev.actorText)} ${ev.action.plover}/${ev.action.cameo} ` +
          `${entityLabel(doc, ev.target, ev.targetText)}${flags ? ` (${flags})` : ''}: "${clip(ev.action.text, 60)}"`,
      );
    }
  }
  const warnings = doc.diagnostics.filter((d) => !d.ruleId.startsWith('clean/') && d.severity !== 'info');
  if (warnings.length > 0) {
    out.push('', 'Diagnostics');
    for (const d of warnings) out.push(`  ${d.severity} ${d.ruleId}: ${d.reason}`);
  }
  return out.join('\n');
}
