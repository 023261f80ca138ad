/**
 * `newsgraph queue add|status` and `newsgraph worker`: ingest spread over any number of worker
 * processes (on any number of machines when the store is PostgreSQL). `queue add` reads inputs
 * once and queues each raw article in the store's database; every `worker` claims articles,
 * analyses them and stores the result. A worker that dies leaves its claims to others once their
 * lease runs out, and putDoc being idempotent makes the redo harmless.
 */
import { hostname } from 'node:os';
import type { Command } from 'commander';
import { sha256 } from '../doc/doc.js';
import { toNgError } from '../errors.js';
import { readInputs, type ReadOptions } from '../ingest/index.js';
import type { RawArticle } from '../ingest/types.js';
import { analyzeRaw } from '../pipeline/default.js';
import type { KyselyStore } from '../store/kysely-store.js';
import { withStore } from '../store/open.js';
import type { QueueCounts } from '../store/queue.js';
import { addReadOptions, defaultDb, readOptions } from './commands.js';
import { type CliIo, ExitStatus, processIo } from './io.js';

/** The job key of a raw article: where it came from plus what it says, so an edited file queues again. */
export function jobKey(a: RawArticle): string {
  return `${a.input ?? 'stdin'}#${sha256(a.content).slice(0, 16)}`;
}

/** Reads inputs and queues every article found; returns how many were new and how many queued already. */
export async function enqueueInputs(
  store: KyselyStore,
  inputs: string[],
  opts: ReadOptions,
  io: CliIo = processIo,
  status: ExitStatus = new ExitStatus(),
): Promise<{ added: number; already: number; failed: number }> {
  const q = store.queue();
  let added = 0;
  let seen = 0;
  let pending: { key: string; payload: RawArticle }[] = [];
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    added += await q.enqueue(pending);
    pending = [];
  };
  for await (const r of readInputs(inputs, opts)) {
    if (!r.ok) {
      status.report(io, r.error);
      continue;
    }
    seen++;
    pending.push({ key: jobKey(r.article), payload: r.article });
    if (pending.length >= 100) await flush();
  }
  await flush();
  return { added, already: seen - added, failed: status.failed };
}

/** Options of a worker loop. */
export interface WorkerOptions {
  /** This worker's name in the queue (default host:pid). */
  name?: string;
  /** Jobs claimed at a time. */
  batch?: number;
  /** Stop when no job is left (default: wait for more). */
  exitWhenEmpty?: boolean;
  /** How long to wait before looking again when the queue is empty, in ms. */
  pollMs?: number;
  /** Analyse texts as already clean (see analyzeText's raw). */
  raw?: boolean;
  /** Claim lease in ms. */
  leaseMs?: number;
  /** Stops the loop after the job in hand. */
  signal?: AbortSignal;
}

/** Claims, analyses and stores queued articles until told to stop (or, with exitWhenEmpty, the queue is empty). */
export async function runWorker(
  store: KyselyStore,
  opts: WorkerOptions = {},
  io: CliIo = processIo,
  status: ExitStatus = new ExitStatus(),
): Promise<{ stored: number; already: number; failed: number }> {
  const name = opts.name ?? `${hostname()}:${process.pid}`;
  const q = store.queue(opts.leaseMs !== undefined ? { leaseMs: opts.leaseMs } : {});
  let stored = 0;
  let already = 0;
  while (!opts.signal?.aborted) {
    const jobs = await q.claim<RawArticle>(name, opts.batch ?? 4);
    if (jobs.length === 0) {
      if (opts.exitWhenEmpty) break;
      await sleep(opts.pollMs ?? 1000, opts.signal);
      continue;
    }
    for (const job of jobs) {
      try {
        const doc = analyzeRaw(job.payload, { raw: opts.raw ?? false });
        const r = await store.putDoc(doc);
        await q.complete(job.seq, name, r.id);
        if (r.added) stored++;
        else already++;
        if (!io.outIsTty) io.out(`${JSON.stringify({ key: job.key, id: r.id, added: r.added })}\n`);
      } catch (err) {
        const e = toNgError(err, { input: job.payload.input });
        await q.fail(job.seq, name, e.toLine());
        status.report(io, e);
      }
    }
  }
  return { stored, already, failed: status.failed };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

function formatCounts(c: QueueCounts): string {
  return `queued ${c.queued}, running ${c.running}, done ${c.done}, failed ${c.failed}`;
}

/** Registers `newsgraph queue add|status` and `newsgraph worker`. */
export function registerQueueCommand(program: Command, io: CliIo = processIo): void {
  const queue = program.command('queue').description('a shared work queue in the store, for `newsgraph worker` processes');
  addReadOptions(
    queue
      .command('add <inputs...>')
      .description('read inputs (files, directories, URLs, JSONL, feeds) and queue each article for workers')
      .option('--db <spec>', 'SQLite file or postgres:// URL (default: NEWSGRAPH_DB or newsgraph.db)'),
  ).action(async (inputs: string[], flags: Parameters<typeof readOptions>[0] & { db?: string }) => {
    const status = new ExitStatus();
    try {
      await withStore(flags.db ?? defaultDb(), async (store) => {
        const r = await enqueueInputs(store, inputs, readOptions(flags), io, status);
        io.err(`queue: ${r.added} queued, ${r.already} queued before, ${r.failed} failed; ${formatCounts(await store.queue().counts())}\n`);
      });
    } catch (err) {
      status.report(io, toNgError(err));
    }
    process.exitCode = status.code;
  });
  queue
    .command('status')
    .description('how many jobs are queued, running, done and failed')
    .option('--db <spec>', 'SQLite file or postgres:// URL (default: NEWSGRAPH_DB or newsgraph.db)')
    .action(async (flags: { db?: string }) => {
      const status = new ExitStatus();
      try {
        const c = await withStore(flags.db ?? defaultDb(), (store) => store.queue().counts());
        io.out(io.outIsTty ? `${formatCounts(c)}\n` : `${JSON.stringify(c)}\n`);
      } catch (err) {
        status.report(io, toNgError(err));
      }
      process.exitCode = status.code;
    });

  program
    .command('worker')
    .description('claim queued articles, analyse and store them (run as many as you like, anywhere the store is reachable)')
    .option('--db <spec>', 'SQLite file or postgres:// URL (default: NEWSGRAPH_DB or newsgraph.db)')
    .option('--name <name>', 'worker name in the queue (default host:pid)')
    .option('--batch <n>', 'jobs claimed at a time', '4')
    .option('--poll <ms>', 'wait between looks at an empty queue', '1000')
    .option('--lease <ms>', 'how long a claim lasts before others may take the job', String(5 * 60_000))
    .option('--exit-when-empty', 'stop when the queue is empty instead of waiting for more')
    .option('--raw', 'texts are already clean: no structure detection or removal')
    .action(async (flags: { db?: string; name?: string; batch: string; poll: string; lease: string; exitWhenEmpty?: boolean; raw?: boolean }) => {
      const status = new ExitStatus();
      const stop = new AbortController();
      const onSignal = (): void => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        await withStore(flags.db ?? defaultDb(), async (store) => {
          const r = await runWorker(
            store,
            {
              ...(flags.name !== undefined ? { name: flags.name } : {}),
              batch: Number(flags.batch),
              pollMs: Number(flags.poll),
              leaseMs: Number(flags.lease),
              exitWhenEmpty: Boolean(flags.exitWhenEmpty),
              raw: Boolean(flags.raw),
              signal: stop.signal,
            },
            io,
            status,
          );
          io.err(`worker: ${r.stored} stored, ${r.already} already stored, ${r.failed} failed\n`);
        });
      } catch (err) {
        status.report(io, toNgError(err));
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
      process.exitCode = status.code;
    });
}
