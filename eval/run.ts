/** `npm run eval -- <name>` runs eval/<name>.ts (extraction, ner, quotes, events). */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const name = process.argv[2];
const here = dirname(fileURLToPath(import.meta.url));
const file = name ? join(here, `${name}.ts`) : '';
if (!name || !existsSync(file)) {
  console.error(`usage: npm run eval -- <name>; no evaluation named "${name ?? ''}" (eval/<name>.ts)`);
  process.exit(64);
}
process.argv.splice(2, 1);
await import(pathToFileURL(file).href);
