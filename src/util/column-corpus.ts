import { readFileSync } from 'node:fs';

/** One sentence of a one-token-per-line corpus: its rows split into columns. */
export interface ColumnSentence {
  rows: string[][];
  /** The sentence opens a new document (a `-DOCSTART-` line came before it). */
  docStart: boolean;
}

/**
 * Reads a CoNLL-style corpus (CoNLL-2003 with `sep` ' ', the GMB export with '\t'): a token a line,
 * a blank line between sentences, `-DOCSTART-` between documents. Readers of the POS and NER columns
 * pick their fields from the rows.
 */
export function readColumnSentences(path: string, sep: string): ColumnSentence[] {
  const out: ColumnSentence[] = [];
  let rows: string[][] = [];
  let docStart = true;
  const flush = (): void => {
    if (rows.length > 0) out.push({ rows, docStart });
    if (rows.length > 0) docStart = false;
    rows = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const l = line.replace(/\r$/, '').trimEnd();
    if (l.trim() === '') {
      flush();
    } else if (l.trimStart().startsWith('-DOCSTART-')) {
      flush();
      docStart = true;
    } else {
      rows.push(l.split(sep));
    }
  }
  flush();
  return out;
}
