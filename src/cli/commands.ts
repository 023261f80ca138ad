import { Command, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { Doc } from '../doc/types.js';
import { NgError, toNgError } from '../errors.js';
import { readInputs, type ReadOptions } from '../ingest/index.js';
import { analyzeRaw } from '../pipeline/default.js';
import { AnalysisPool } from '../pipeline/pool.js';
import { availableParallelism } from 'node:os';
import { openStore, withStore } from '../store/open.js';
import { splitSentences } from '../text/sentences.js';
import { clip, formatDocSummary } from './format.js';
import { type CliIo, ExitStatus, processIo } from './io.js';

/** The store used when no --db is given: NEWSGRAPH_DB, else newsgraph.db in the working directory. */
export function defaultDb(): string {
  return process.env.NEWSGRAPH_DB ?? 'newsgraph.db';
}

/** The bundled example articles (the seed article), for `newsgraph demo` and `npm start`. */
export function examplesDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // src/cli -> examples (tsx) or dist/src/cli -> examples (built).
  const dirs = ['../..', '../../..'].map((up) => join(here, up, 'examples'));
  return dirs.find((d) => existsSync(join(d, '000_381fc5596f504642.txt'))) ?? dirs[0]!;
}

interface ReadFlags {
  maxBytes?: string;
  allowPrivate?: boolean;
  timeout?: string;
  follow?: boolean;
  as?: string;
}

/** Options shared by every command that reads inputs. */
export function addReadOptions(cmd: Command): Command {
  return cmd
    .option('--max-bytes <n>', 'refuse inputs larger than this many bytes', String(20 * 1024 * 1024))
    .option('--allow-private', 'allow URLs that resolve to loopback, private or link-local addresses')
    .option('--timeout <ms>', 'timeout for each URL', '15000')
    .option('--no-follow', 'do not fetch the pages feed entries link to; use the entry text')
    .addOption(new Option('--as <format>', 'read inputs as this format instead of detecting it').choices(['auto', 'text', 'html', 'jsonl', 'feed']));
}

/** Turns the shared read flags into reader options. */
export function readOptions(f: ReadFlags): ReadOptions {
  const o: ReadOptions = {
    maxBytes: Number(f.maxBytes ?? 20 * 1024 * 1024),
    allowPrivate: Boolean(f.allowPrivate),
    timeoutMs: Number(f.timeout ?? 15000),
    followFeedLinks: f.follow !== false,
  };
  if (f.as && f.as !== 'auto') o.format = f.as as NonNullable<ReadOptions['format']>;
  return o;
}

/**
 * Reads and analyses every input, yielding Docs in input order; a failure is reported on stderr and
 * the batch goes on. With `workers` > 1, analysis runs on a pool of worker threads, started only
 * when a second article arrives (one article is analysed in-process, without the pool's start-up).
 */
export async function* analyzeInputs(
  inputs: string[],
  opts: ReadOptions,
  analyze: { raw: boolean; tokens: boolean; workers?: number },
  io: CliIo,
  status: ExitStatus,
): AsyncGenerator<Doc> {
  const workers = analyze.workers ?? 1;
  const settings = { raw: analyze.raw, tokens: analyze.tokens };
  let pool: AnalysisPool | null = null;
  const pending: { input: string | null; doc: Promise<Doc> }[] = [];
  const settle = async function* (limit: number): AsyncGenerator<Doc> {
    while (pending.length > limit) {
      const next = pending.shift();
      if (!next) break;
      try {
        const doc = await next.doc;
        doc.meta.input = next.input;
        yield doc;
      } catch (e) {
        status.report(io, toNgError(e, { input: next.input }));
      }
    }
  };
  let seen = 0;
  try {
    for await (const r of readInputs(inputs, opts)) {
      if (!r.ok) {
        status.report(io, r.error);
        continue;
      }
      seen++;
      const raw = r.article;
      if (workers > 1 && seen >= 2) pool ??= new AnalysisPool(workers);
      const doc = pool ? pool.analyze(raw, settings) : Promise.resolve().then(() => analyzeRaw(raw, settings));
      doc.catch(() => undefined); // handled when settled, in order
      pending.push({ input: raw.input, doc });
      yield* settle(pool ? workers * 2 : 0);
    }
    yield* settle(0);
  } finally {
    await pool?.close();
  }
}

type Format = 'text' | 'json' | 'jsonl';


/** Registers analyze, sentences, ingest, search, show and demo. */
export function registerCommonCommands(program: Command, io: CliIo = processIo): void {
  addReadOptions(
    program
      .command('analyze')
      .description('analyse articles and print them (a summary on a terminal, newsgraph/doc@1 JSON when piped)')
      .argument('<inputs...>', 'files, directories, URLs, or - for stdin')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'jsonl']))
      .option('--raw', 'take the text as it is: no structure detection, no removal')
      .option('--no-tokens', 'leave the token layer out of the JSON'),
  ).action(async (inputs: string[], flags: ReadFlags & { format?: string; raw?: boolean; tokens: boolean }) => {
    const status = new ExitStatus();
    const docs: Doc[] = [];
    // Piped with no --format: one article prints as one JSON object; as soon as a second one comes
    // out (several inputs, a directory, a feed), the output is JSONL, streamed.
    let format: Format | 'auto' = flags.format === 'text' || flags.format === 'json' || flags.format === 'jsonl'
      ? flags.format
      : io.outIsTty ? 'text' : 'auto';
    let first: Doc | null = null;
    for await (const doc of analyzeInputs(inputs, readOptions(flags), { raw: Boolean(flags.raw), tokens: flags.tokens }, io, status)) {
      if (format === 'auto') {
        if (!first) {
          first = doc;
          continue;
        }
        format = 'jsonl';
        io.out(`${JSON.stringify(first)}\n`);
      }
      if (format === 'jsonl') io.out(`${JSON.stringify(doc)}\n`);
      else if (format === 'text') io.out(`${formatDocSummary(doc)}\n\n`);
      else docs.push(doc);
    }
    if (format === 'auto' && first) io.out(`${JSON.stringify(first, null, 2)}\n`);
    // --format json: one object for one article, an array when several came out.
    if (format === 'json') io.out(`${JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2)}\n`);
    process.exitCode = status.code;
  });

  program
    .command('sentences')
    .description('print one sentence per line')
    .argument('[input]', 'a file, or - for stdin', '-')
    .action(async (input: string) => {
      let text: string;
      try {
        text = input === '-' ? readFileSync(0, 'utf8') : readFileSync(input, 'utf8');
      } catch (e) {
        const err = (e as { code?: string }).code === 'ENOENT'
          ? new NgError('NG_E001', `no such file: ${input}`, { input })
          : toNgError(e, { input });
        const status = new ExitStatus();
        status.report(io, err);
        process.exitCode = status.code;
        return;
      }
      for (const s of splitSentences(text)) io.out(`${text.slice(s.start, s.end).replace(/\s*\n\s*/g, ' ')}\n`);
    });

  addReadOptions(
    program
      .command('ingest')
      .description('analyse articles and store them (idempotent: an article already stored is not stored again)')
      .argument('<inputs...>', 'files, directories, URLs, or - for stdin')
      .option('--db <db>', 'SQLite file or postgres:// URL', defaultDb())
      .option('--raw', 'take the text as it is: no structure detection, no removal')
      .option('--workers <n>', 'worker threads for analysis (default: one per core)', String(availableParallelism())),
  ).action(async (inputs: string[], flags: ReadFlags & { db: string; raw?: boolean; workers: string }) => {
    const summary = await ingest(inputs, flags, io);
    process.exitCode = summary.status.code;
  });

  program
    .command('search')
    .description('full-text search over stored articles, ranked, with snippets')
    .argument('<query>', 'words to search for')
    .option('--db <db>', 'SQLite file or postgres:// URL', defaultDb())
    .option('-n, --limit <n>', 'how many results', '10')
    .option('--from <date>', 'published on or after (ISO date)')
    .option('--to <date>', 'published on or before (ISO date)')
    .option('--source <source>', 'only this source')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'jsonl']))
    .action(async (query: string, flags: { db: string; limit: string; from?: string; to?: string; source?: string; format?: string }) => {
      await withStore(flags.db, async (store) => {
        const page = await store.searchArticles({
          q: query,
          limit: Number(flags.limit),
          ...(flags.from ? { from: flags.from } : {}),
          ...(flags.to ? { to: flags.to } : {}),
          ...(flags.source ? { source: flags.source } : {}),
        });
        const asText = flags.format === 'text' || (!flags.format && io.outIsTty);
        if (asText && page.items.length === 0) io.out(`no articles match "${query}"\n`);
        for (const hit of page.items) {
          if (!asText) {
            io.out(`${JSON.stringify(hit)}\n`);
            continue;
          }
          io.out(`${hit.id}  ${hit.title ?? '(untitled)'}\n`);
          const facts = [hit.source, hit.published, hit.url].filter(Boolean).join(' · ');
          if (facts) io.out(`    ${facts}\n`);
          if (hit.snippet) io.out(`    ${clip(hit.snippet.replace(/<\/?mark>/g, '*'), 160)}\n`);
        }
      });
    });

  program
    .command('show')
    .description('print a stored article by id or URL')
    .argument('<idOrUrl>', 'article id or URL')
    .option('--db <db>', 'SQLite file or postgres:// URL', defaultDb())
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']))
    .action(async (key: string, flags: { db: string; format?: string }) => {
      await withStore(flags.db, async (store) => {
        const doc = await store.getDoc(key);
        if (!doc) {
          const status = new ExitStatus();
          status.report(io, new NgError('NG_E032', `no stored article has id or URL "${key}"`, { input: flags.db }));
          process.exitCode = status.code;
          return;
        }
        const asText = flags.format === 'text' || (!flags.format && io.outIsTty);
        io.out(asText ? `${formatDocSummary(doc)}\n` : `${JSON.stringify(doc, null, 2)}\n`);
      });
    });

  program
    .command('demo')
    .description('ingest the bundled example article into a SQLite file and show what newsgraph found')
    .option('--db <db>', 'SQLite file or postgres:// URL', defaultDb())
    .action(async (flags: { db: string }) => {
      const dir = examplesDir();
      const summary = await ingest([dir], { db: flags.db }, io);
      await withStore(flags.db, async (store) => {
        for (const id of summary.ids) {
          const doc = await store.getDoc(id);
          if (doc) io.out(`\n${formatDocSummary(doc)}\n`);
        }
        const n = await store.countDocs();
        io.out(`\n${n} article(s) stored in ${flags.db}. Next: newsgraph search "Sheinbaum" --db ${flags.db}` +
          `; newsgraph serve --db ${flags.db}\n`);
      });
      process.exitCode = summary.status.code;
    });
}

/** Articles written per store commit during ingest. */
export const INGEST_BATCH = 25;

/** What `ingest` did. */
export interface IngestSummary {
  added: number;
  already: number;
  status: ExitStatus;
  ids: string[];
}

/** Reads, analyses and stores; prints a progress bar on a terminal and a closing summary line. */
export async function ingest(inputs: string[], flags: ReadFlags & { db: string; raw?: boolean; workers?: string }, io: CliIo): Promise<IngestSummary> {
  const status = new ExitStatus();
  const store = await openStore(flags.db);
  const bar = io.errIsTty
    ? new SingleBar({ format: 'ingest {value} articles | added {added} | already stored {already} | failed {failed}', stream: process.stderr, clearOnComplete: true }, undefined)
    : null;
  let added = 0;
  let already = 0;
  const ids: string[] = [];
  let batch: Doc[] = [];
  // Articles are written in batches (one commit each; the store falls back to one transaction per
  // article when a batch fails, so only a bad article fails). A killed process loses at most the
  // batch in flight, which a rerun stores without duplicates.
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const docs = batch;
    batch = [];
    let results: Awaited<ReturnType<typeof store.putDocs>>;
    try {
      results = await store.putDocs(docs);
    } catch (e) {
      for (const d of docs) status.report(io, toNgError(e, { input: d.meta.input }));
      return;
    }
    for (const r of results) {
      if (r.error) status.report(io, r.error);
      else {
        ids.push(r.id);
        if (r.added) added++;
        else already++;
      }
    }
    bar?.setTotal(added + already + status.failed);
    bar?.update(added + already + status.failed, { added, already, failed: status.failed });
  };
  bar?.start(0, 0, { added, already, failed: 0 });
  try {
    for await (const doc of analyzeInputs(inputs, readOptions(flags), { raw: Boolean(flags.raw), tokens: true, workers: Number(flags.workers ?? 1) }, io, status)) {
      batch.push(doc);
      if (batch.length >= INGEST_BATCH) await flush();
    }
    await flush();
  } finally {
    bar?.stop();
    await store.close();
  }
  io.err(`ingest: ${added} added, ${already} already stored, ${status.failed} failed\n`);
  return { added, already, status, ids };
}
