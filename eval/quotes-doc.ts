/**
 * Builds analysed Docs for the quotes evaluation, benchmark and tests: the lead's default pipeline
 * when it can be loaded, else the parts that exist (segmentation from src/text, then NER, entities and
 * POS if their modules are there), so the quotes work can be measured while the other parts land.
 */
import { createDoc } from '../src/doc/doc.js';
import type { Doc, Paragraph } from '../src/doc/types.js';
import { buildPipeline, type Component } from '../src/pipeline/component.js';

/** Paragraphs of already-clean text: one body paragraph per newline-separated block. */
export function rawParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let s = m.index;
    let e = s + m[0].length;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e, role: 'body' });
  }
  return out;
}

/** A function that analyses clean text up to (not including) the quotes component. */
export type PreQuotes = (text: string) => Doc;

async function tryImport<T>(path: string): Promise<T | null> {
  try {
    return (await import(path)) as T;
  } catch {
    return null;
  }
}

/** The components available before 'quotes', by name, in pipeline order. */
export async function componentsBeforeQuotes(): Promise<{ names: string[]; run: PreQuotes }> {
  const def = await tryImport<{ defaultComponents(): Component[] }>('../src/pipeline/default.js');
  let comps: Component[] = [];
  if (def) {
    try {
      comps = def.defaultComponents();
    } catch {
      comps = [];
    }
    const qi = comps.findIndex((c) => c.name === 'quotes');
    if (qi >= 0) comps = comps.slice(0, qi);
  }
  if (!comps.some((c) => c.name === 'segment')) {
    const seg = await tryImport<{ segmentComponent(): Component }>('../src/text/segment.js');
    if (!seg) throw new Error('no segmentation available (src/text/segment.ts)');
    comps.unshift(seg.segmentComponent());
  }
  // Parts that exist but are not (yet) in the default pipeline, in contract order.
  const extra: [string, string, string][] = [
    ['pos', '../src/text/pos.js', 'posComponent'],
    ['ner', '../src/entities/ner.js', 'nerComponent'],
    ['entities', '../src/entities/link.js', 'entitiesComponent'],
  ];
  for (const [name, path, fn] of extra) {
    if (comps.some((c) => c.name === name)) continue;
    const mod = await tryImport<Record<string, unknown>>(path);
    const make = mod?.[fn];
    if (typeof make !== 'function') continue;
    try {
      const c = (make as () => Component)();
      buildPipeline([...comps, c]);
      comps.push(c);
    } catch {
      // Its requirements are not met by what exists yet (e.g. entities without ner).
    }
  }
  const run: PreQuotes = (t) => {
    const doc = createDoc(t, rawParagraphs(t));
    for (const c of comps) c.run(doc);
    return doc;
  };
  return { names: comps.map((c) => c.name), run };
}
