import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs, type ReadOptions, type ReadResult } from '../../src/ingest/index.js';
import type { ReadContext } from '../../src/ingest/index.js';

/** A fresh temporary directory for one test file. */
export function tempDir(prefix = 'ng-ingest-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Everything readInputs yields, in order. */
export async function readAll(inputs: string[], opts: ReadOptions = {}, ctx: ReadContext = {}): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const r of readInputs(inputs, opts, ctx)) out.push(r);
  return out;
}

/** The error of a failed result; fails the test if the result is an article. */
export function errorOf(r: ReadResult | undefined): { code: string; input: string | null | undefined; line: number | undefined; message: string } {
  if (!r || r.ok) throw new Error(`expected an error, got ${r ? JSON.stringify(r.article).slice(0, 200) : 'nothing'}`);
  return { code: r.error.code, input: r.error.place.input, line: r.error.place.line, message: r.error.message };
}

/** The article of a successful result; fails the test if the result is an error. */
export function articleOf(r: ReadResult | undefined) {
  if (!r || !r.ok) throw new Error(`expected an article, got ${r ? r.error.toLine() : 'nothing'}`);
  return r.article;
}
