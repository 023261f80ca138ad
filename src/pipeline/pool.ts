import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Doc } from '../doc/types.js';
import { NgError } from '../errors.js';
import type { RawArticle } from '../ingest/types.js';
import type { AnalyzeOptions } from './default.js';
import type { WorkerResult } from './worker.js';

/** A pool of worker threads, one per core by default, each with its own loaded pipeline. */
export class AnalysisPool {
  private readonly pool: Piscina;

  constructor(threads = availableParallelism()) {
    const ts = import.meta.url.endsWith('.ts');
    this.pool = new Piscina({
      filename: fileURLToPath(new URL(ts ? './worker.ts' : './worker.js', import.meta.url)),
      minThreads: 1,
      maxThreads: Math.max(1, threads),
      // Under tsx the workers need the same loader to read TypeScript.
      execArgv: ts ? ['--import', 'tsx'] : [],
    });
  }

  /** Analyses one article on a worker; rejects with the NgError the worker met. */
  async analyze(raw: RawArticle, opts: AnalyzeOptions = {}): Promise<Doc> {
    const r = (await this.pool.run({ raw, opts })) as WorkerResult;
    if (r.ok) return r.doc;
    throw new NgError(r.error.code, r.error.message, r.error.place);
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
