/**
 * A work queue in the store's own database, so any number of worker processes on any number of
 * machines can share one list of inputs to analyse (ARCHITECTURE.md, "Scale"). On PostgreSQL,
 * claimers take rows with `FOR UPDATE SKIP LOCKED` and never wait on each other; on SQLite the
 * write lock serialises claims, which is right for one machine. A claim is a lease: a worker that
 * dies leaves its jobs to be claimed again once the lease runs out; putDoc being idempotent makes
 * the redo harmless.
 * @example
 *   const q = store.queue();
 *   await q.enqueue([{ key: 'https://example.com/a', payload: { url: 'https://example.com/a' } }]);
 *   for (const job of await q.claim('worker-1', 10)) { ...; await q.complete(job.seq, 'worker-1', id); }
 */
import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from './dialect.js';
import type { Database } from './schema.js';

/** A claimed job. */
export interface Job<P = unknown> {
  seq: number;
  key: string;
  payload: P;
  /** How many times it has been claimed, this claim included. */
  attempts: number;
}

/** How many jobs are in each state. */
export interface QueueCounts {
  queued: number;
  running: number;
  done: number;
  failed: number;
}

/** Options of a work queue. */
export interface QueueOptions {
  /** How long a claim lasts before another worker may take the job (default 5 minutes). */
  leaseMs?: number;
  /** Claims after which a failing or abandoned job is given up (default 3). */
  maxAttempts?: number;
  /** The clock, for tests of lease expiry. */
  now?: () => number;
}

/** The queue interface workers program against. */
export interface WorkQueue {
  /** Adds jobs; a key already queued (in any state) is not added again. Returns how many were added. */
  enqueue(items: readonly { key: string; payload: unknown }[]): Promise<number>;
  /** Claims up to `n` jobs for `worker`, oldest first, including jobs whose lease has run out. */
  claim<P = unknown>(worker: string, n?: number): Promise<Job<P>[]>;
  /** Marks a job done; false when the worker no longer holds it (its lease ran out and it was reclaimed). */
  complete(seq: number, worker: string, articleId?: string | null): Promise<boolean>;
  /** Records a failure: the job is queued again until maxAttempts, then failed. Null when not held. */
  fail(seq: number, worker: string, error: string): Promise<'queued' | 'failed' | null>;
  /** Extends the lease of a job still held by `worker` (for long work); false when not held. */
  extend(seq: number, worker: string): Promise<boolean>;
  counts(): Promise<QueueCounts>;
}

/** The work queue on the store's Kysely layer. Get one with `store.queue()`. */
export class KyselyWorkQueue implements WorkQueue {
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly now: () => number;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: StoreDialect,
    opts: QueueOptions = {},
  ) {
    this.leaseMs = opts.leaseMs ?? 5 * 60_000;
    this.maxAttempts = Math.max(1, opts.maxAttempts ?? 3);
    this.now = opts.now ?? Date.now;
  }

  async enqueue(items: readonly { key: string; payload: unknown }[]): Promise<number> {
    let added = 0;
    const now = this.now();
    for (let i = 0; i < items.length; i += 500) {
      const rows = items.slice(i, i + 500).map((it) => ({
        key: it.key,
        payload: JSON.stringify(it.payload ?? null),
        state: 'queued' as const,
        attempts: 0,
        updated_ms: now,
      }));
      const r = await this.engine.writeTransaction(this.db, (trx) =>
        trx.insertInto('jobs').values(rows).onConflict((oc) => oc.column('key').doNothing()).returning('seq').execute(),
      );
      added += r.length;
    }
    return added;
  }

  async claim<P = unknown>(worker: string, n = 1): Promise<Job<P>[]> {
    const now = this.now();
    const rows = await this.engine.writeTransaction(this.db, async (trx) => {
      // Jobs that exhausted their attempts by killing workers are given up, not retried forever.
      await trx
        .updateTable('jobs')
        .set({ state: 'failed', error: `abandoned by workers ${this.maxAttempts} times (lease expired)`, worker: null, lease_until_ms: null, updated_ms: now })
        .where('state', '=', 'running')
        .where('lease_until_ms', '<', now)
        .where('attempts', '>=', this.maxAttempts)
        .execute();
      let pick = trx
        .selectFrom('jobs')
        .select('seq')
        .where((eb) => eb.or([eb('state', '=', 'queued'), eb.and([eb('state', '=', 'running'), eb('lease_until_ms', '<', now)])]))
        .orderBy('seq')
        .limit(Math.max(1, Math.floor(n)));
      if (this.engine.skipLocked) pick = pick.forUpdate().skipLocked();
      return trx
        .updateTable('jobs')
        .set((eb) => ({
          state: 'running' as const,
          worker,
          lease_until_ms: now + this.leaseMs,
          attempts: eb('attempts', '+', 1),
          updated_ms: now,
        }))
        .where('seq', 'in', pick)
        .returning(['seq', 'key', 'payload', 'attempts'])
        .execute();
    });
    return rows
      .map((r) => ({ seq: Number(r.seq), key: r.key, payload: JSON.parse(r.payload) as P, attempts: Number(r.attempts) }))
      .sort((a, b) => a.seq - b.seq);
  }

  async complete(seq: number, worker: string, articleId: string | null = null): Promise<boolean> {
    const r = await this.engine.writeTransaction(this.db, (trx) =>
      trx
        .updateTable('jobs')
        .set({ state: 'done', article_id: articleId, lease_until_ms: null, error: null, updated_ms: this.now() })
        .where('seq', '=', seq)
        .where('worker', '=', worker)
        .where('state', '=', 'running')
        .executeTakeFirst(),
    );
    return Number(r.numUpdatedRows) > 0;
  }

  async fail(seq: number, worker: string, error: string): Promise<'queued' | 'failed' | null> {
    return this.engine.writeTransaction(this.db, async (trx) => {
      const job = await trx
        .selectFrom('jobs')
        .select('attempts')
        .where('seq', '=', seq)
        .where('worker', '=', worker)
        .where('state', '=', 'running')
        .executeTakeFirst();
      if (!job) return null;
      const state = Number(job.attempts) >= this.maxAttempts ? 'failed' : 'queued';
      await trx
        .updateTable('jobs')
        .set({ state, error: error.slice(0, 2000), worker: state === 'failed' ? worker : null, lease_until_ms: null, updated_ms: this.now() })
        .where('seq', '=', seq)
        .execute();
      return state;
    });
  }

  async extend(seq: number, worker: string): Promise<boolean> {
    const now = this.now();
    const r = await this.engine.writeTransaction(this.db, (trx) =>
      trx
        .updateTable('jobs')
        .set({ lease_until_ms: now + this.leaseMs, updated_ms: now })
        .where('seq', '=', seq)
        .where('worker', '=', worker)
        .where('state', '=', 'running')
        .executeTakeFirst(),
    );
    return Number(r.numUpdatedRows) > 0;
  }

  async counts(): Promise<QueueCounts> {
    const rows = await this.db
      .selectFrom('jobs')
      .select(['state', sql<number>`count(*)`.as('n')])
      .groupBy('state')
      .execute();
    const out: QueueCounts = { queued: 0, running: 0, done: 0, failed: 0 };
    for (const r of rows) out[r.state] = Number(r.n);
    return out;
  }
}
