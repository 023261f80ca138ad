/** `npm run train -- <name>` runs scripts/train-<name>.ts (pos, ner, ...). */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const name = process.argv[2];
const here = dirname(fileURLToPath(import.meta.url));
const file = name ? join(here, `train-${name}.ts`) : '';
if (!name || !existsSync(file)) {
  console.error(`usage: npm run train -- <name>; no trainer named "${name ?? ''}" (scripts/train-<name>.ts)`);
  process.exit(64);
}
process.argv.splice(2, 1);
await import(pathToFileURL(file).href);
