import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueInputs, runWorker } from '../../src/cli/queue-command.js';
import type { CliIo } from '../../src/cli/io.js';
import { openStore } from '../../src/store/open.js';
import { backends } from '../store/backends.js';

const ARTICLES = [
  'Kenya and Uganda signed a trade agreement in Nairobi on Monday.\n\nOfficials said the deal would cut tariffs on farm goods.',
  'Flooding forced thousands from their homes in Bangladesh.\n\n"We lost everything," said Rahima Begum, a farmer near Sylhet.',
  'The European Central Bank held interest rates steady.\n\nChristine Lagarde said inflation was easing but remained too high.',
  'Brazil deployed troops to the Amazon to fight illegal mining.\n\nThe defence ministry said 500 soldiers would join the operation.',
];

const CHILD = fileURLToPath(new URL('./worker-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Starts a worker process and SIGKILLs it as soon as it has stored its first article. */
function workerKilledAfterFirst(spec: string, leaseMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, spec, 'doomed', String(leaseMs)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    createInterface({ input: child.stdout! }).on('line', (l) => {
      lines.push(l);
      child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => (signal === 'SIGKILL' ? resolve(lines) : reject(new Error(`worker ended without being killed (${signal})`))));
  });
}

function quietIo(lines: string[]): CliIo {
  return { out: (s) => lines.push(s), err: () => undefined, outIsTty: false, errIsTty: false };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ng-queue-cli-'));
  ARTICLES.forEach((a, i) => writeFileSync(join(dir, `a${i}.txt`), a));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(backends)('queue and worker on $name', (backend) => {
  it('queue: articles queued once are analysed and stored once by two workers sharing the queue', async () => {
    const { spec, drop } = backend.fresh();
    const store = await openStore(spec);
    const other = await openStore(spec);
    try {
      const lines: string[] = [];
      expect(await enqueueInputs(store, [dir], {}, quietIo(lines))).toEqual({ added: 4, already: 0, failed: 0 });
      expect(await enqueueInputs(store, [dir], {}, quietIo(lines))).toEqual({ added: 0, already: 4, failed: 0 });
      const [a, b] = await Promise.all([
        runWorker(store, { name: 'w1', batch: 1, exitWhenEmpty: true }, quietIo(lines)),
        runWorker(other, { name: 'w2', batch: 1, exitWhenEmpty: true }, quietIo(lines)),
      ]);
      expect(a.stored + b.stored).toBe(4);
      expect(a.failed + b.failed).toBe(0);
      expect(await store.countDocs()).toBe(4);
      expect(await store.queue().counts()).toEqual({ queued: 0, running: 0, done: 4, failed: 0 });
      const out = lines.map((l) => JSON.parse(l) as { id: string; added: boolean });
      expect(new Set(out.map((o) => o.id)).size).toBe(4);
      expect((await store.searchArticles({ q: 'tariffs' })).items).toHaveLength(1);
    } finally {
      await Promise.all([store.close(), other.close()]);
      await drop();
    }
  });

  it('worker: jobs of a worker killed mid-batch are taken over after their lease, each article stored once', async () => {
    const { spec, drop } = backend.fresh();
    const store = await openStore(spec);
    try {
      expect((await enqueueInputs(store, [dir], {}, quietIo([]))).added).toBe(4);
      const leaseMs = 1500;
      const killed = await workerKilledAfterFirst(spec, leaseMs);
      expect(killed.length).toBeGreaterThanOrEqual(1);
      const before = await store.queue().counts();
      expect(before.done).toBeGreaterThanOrEqual(1);
      expect(before.done + before.running + before.queued).toBe(4);
      // Let the dead worker's lease run out (waiting, not measuring), then a second worker takes over.
      await new Promise((r) => setTimeout(r, leaseMs + 200));
      const lines: string[] = [];
      const r = await runWorker(store, { name: 'heir', batch: 2, exitWhenEmpty: true }, quietIo(lines));
      expect(r.failed).toBe(0);
      expect(await store.queue().counts()).toEqual({ queued: 0, running: 0, done: 4, failed: 0 });
      expect(await store.countDocs()).toBe(4);
      // An article the dead worker stored but could not mark done is found stored, not stored twice.
      const ids = [...killed, ...lines].map((l) => (JSON.parse(l) as { id: string }).id);
      expect(await store.countDocs()).toBe(new Set(ids).size);
    } finally {
      await store.close();
      await drop();
    }
  });
});
