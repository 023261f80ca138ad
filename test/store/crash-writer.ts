/**
 * Child process for the crash test: writes a deterministic batch of articles into a store, one
 * putDoc each, printing `begin <i>` before and `stored <i> <id> <added>` after every article, then
 * `done` (and `ready` once the store is open; with NG_WAIT_GO=1 it then waits for a line on stdin). Article `huge` is large enough that its transaction takes long, so the parent can kill
 * the process while that transaction is open.
 * Usage: node --import tsx test/store/crash-writer.ts <spec> <count> <hugeIndex>
 */
import { writeSync } from 'node:fs';
import { openStore } from '../../src/store/open.js';
import { crashDoc } from './crash-docs.js';

const [spec, countArg, hugeArg] = process.argv.slice(2);
if (!spec || !countArg || !hugeArg) {
  process.stderr.write('usage: crash-writer.ts <spec> <count> <hugeIndex>\n');
  process.exit(64);
}
const count = Number(countArg);
const huge = Number(hugeArg);
// Synchronous writes: a line the parent reads was really printed before the next step began.
const say = (line: string): void => {
  writeSync(1, `${line}\n`);
};

const store = await openStore(spec);
say('ready');
if (process.env.NG_WAIT_GO === '1') {
  // Several writers start together: each waits for the parent's "go" once its store is open.
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  process.stdin.destroy();
}
for (let i = 0; i < count; i++) {
  const doc = crashDoc(i, i === huge);
  say(`begin ${i}`);
  const r = await store.putDoc(doc);
  say(`stored ${i} ${r.id} ${r.added}`);
}
await store.close();
say('done');
