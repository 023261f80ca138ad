/** Shared inputs for the benchmarks: real news text read from ../shared/data (never copied here). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Span } from '../../src/doc/types.js';

/** The project root (the folder holding package.json); ../shared sits beside it. */
export const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/** The article texts of PolNeAR dev (84 US election articles), the benchmarks' common input. */
export function polnearDevTexts(): string[] {
  return polnearTexts('dev');
}

/** The article texts of a PolNeAR split (train: 840 articles; dev: 84). */
export function polnearTexts(split: 'train' | 'dev'): string[] {
  return readFileSync(join(ROOT, '..', 'shared', 'data', 'quotes', `polnear.${split}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

/**
 * The article bodies of the article-extraction benchmark's pages (extraction/aeb/ground-truth.json:
 * 88 news pages from many publishers), as its annotators cut them.
 */
export function aebBodies(): string[] {
  const truth = JSON.parse(readFileSync(join(ROOT, '..', 'shared', 'data', 'extraction', 'aeb', 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string }>;
  return Object.values(truth)
    .map((t) => t.articleBody ?? '')
    .filter((t) => t.trim() !== '');
}

/** Paragraphs as the cleaner gives them for plain text: blocks between blank lines. */
export function blankLineParagraphs(t: string): Span[] {
  const out: Span[] = [];
  const re = /\n\s*\n/g;
  let s = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    out.push({ start: s, end: m.index });
    s = m.index + m[0].length;
  }
  out.push({ start: s, end: t.length });
  return out;
}

/** `--rounds=N` from the command line, or the default. */
export function roundsArg(def: number): number {
  const a = process.argv.find((x) => x.startsWith('--rounds='));
  return a ? Math.max(1, Number(a.slice('--rounds='.length))) : def;
}
