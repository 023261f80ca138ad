import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { backends, freshStorePerTest } from './backends.js';

describe.each(backends)('work queue on $name', (backend) => {
  let store: KyselyStore;
  let spec: string;
  freshStorePerTest(backend, (s, sp) => {
    store = s;
    spec = sp;
  });

  it('queue: enqueue is idempotent by key; claims go oldest first and carry the payload', async () => {
    const q = store.queue();
    const items = ['a', 'b', 'c', 'd'].map((k) => ({ key: `https://q.example/${k}`, payload: { input: k } }));
    expect(await q.enqueue(items)).toBe(4);
    expect(await q.enqueue(items.slice(1))).toBe(0);
    const jobs = await q.claim<{ input: string }>('w1', 3);
    expect(jobs.map((j) => j.payload.input)).toEqual(['a', 'b', 'c']);
    expect(jobs.every((j) => j.attempts === 1)).toBe(true);
    expect(await q.counts()).toEqual({ queued: 1, running: 3, done: 0, failed: 0 });
    expect(await q.complete(jobs[0]!.seq, 'w1', 'article-1')).toBe(true);
    expect(await q.complete(jobs[0]!.seq, 'w1')).toBe(false);
    // Another worker cannot complete a job it does not hold.
    expect(await q.complete(jobs[1]!.seq, 'w2')).toBe(false);
    expect(await q.counts()).toEqual({ queued: 1, running: 2, done: 1, failed: 0 });
  });

  it('queue: concurrent claimers through separate connections never get the same job', async () => {
    const others = await Promise.all([openStore(spec), openStore(spec), openStore(spec)]);
    try {
      const all = [store, ...others];
      await store.queue().enqueue(Array.from({ length: 60 }, (_, i) => ({ key: `k${i}`, payload: i })));
      const claimed: number[] = [];
      // Each worker claims in small bites until the queue is empty.
      await Promise.all(
        all.map(async (s, w) => {
          const q = s.queue();
          for (;;) {
            const jobs = await q.claim<number>(`w${w}`, 4);
            if (jobs.length === 0) return;
            for (const j of jobs) {
              claimed.push(j.payload);
              expect(await q.complete(j.seq, `w${w}`)).toBe(true);
            }
          }
        }),
      );
      expect(claimed).toHaveLength(60);
      expect(new Set(claimed).size).toBe(60);
      expect(await store.queue().counts()).toEqual({ queued: 0, running: 0, done: 60, failed: 0 });
    } finally {
      await Promise.all(others.map((s) => s.close()));
    }
  });

  it('queue: a job whose worker died is claimed again after its lease, and given up after maxAttempts', async () => {
    let clock = 1_000_000;
    const q = store.queue({ leaseMs: 1000, maxAttempts: 2, now: () => clock });
    await q.enqueue([{ key: 'poison', payload: null }]);
    expect((await q.claim('dead-1'))[0]!.attempts).toBe(1);
    expect(await q.claim('w2')).toEqual([]);
    clock += 1001;
    const again = await q.claim('w2');
    expect(again.map((j) => [j.key, j.attempts])).toEqual([['poison', 2]]);
    // The first worker woke up too late: its lease is gone.
    expect(await q.complete(again[0]!.seq, 'dead-1')).toBe(false);
    clock += 1001;
    expect(await q.claim('w3')).toEqual([]);
    expect(await q.counts()).toEqual({ queued: 0, running: 0, done: 0, failed: 1 });
  });

  it('queue: a failed job is retried until maxAttempts, then failed; extend keeps a lease alive', async () => {
    let clock = 5_000;
    const q = store.queue({ leaseMs: 100, maxAttempts: 2, now: () => clock });
    await q.enqueue([{ key: 'flaky', payload: 1 }, { key: 'slow', payload: 2 }]);
    const [flaky, slow] = await q.claim('w', 2);
    expect(await q.fail(flaky!.seq, 'w', 'timeout')).toBe('queued');
    clock += 90;
    expect(await q.extend(slow!.seq, 'w')).toBe(true);
    clock += 90;
    // slow's lease was extended, so only flaky is claimable.
    const retry = await q.claim('w', 2);
    expect(retry.map((j) => j.key)).toEqual(['flaky']);
    expect(await q.fail(retry[0]!.seq, 'w', 'timeout again')).toBe('failed');
    expect(await q.fail(retry[0]!.seq, 'w', 'x')).toBeNull();
    expect(await q.counts()).toEqual({ queued: 0, running: 1, done: 0, failed: 1 });
  });
});
