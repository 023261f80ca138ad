/**
 * `npm run bench` runs every bench/<name>.bench.ts in turn; `npm run bench -- <name>` runs one.
 * Each benchmark measures its baseline in the same run and prints ratios, because machines are noisy.
 */
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const all = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace(/\.bench\.ts$/, '')).sort();
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length > 0 ? wanted : all.filter((n) => n !== 'server');
let failed = 0;
for (const n of names) {
  if (!all.includes(n)) {
    console.error(`no benchmark named "${n}"; have: ${all.join(', ')}`);
    failed++;
    continue;
  }
  console.log(`\n== bench ${n} ==`);
  // A fresh process per benchmark so peak memory belongs to that benchmark alone.
  // The pipeline benchmark is on one core: V8's own work (GC, compilation) runs on the same thread.
  const v8 = n === 'events' ? ['--single-threaded'] : [];
  const r = spawnSync(process.execPath, [...v8, '--import', 'tsx', '--expose-gc', join(here, `${n}.bench.ts`), ...process.argv.slice(2).filter((a) => a.startsWith('-'))], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
