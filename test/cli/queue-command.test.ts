import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
});
