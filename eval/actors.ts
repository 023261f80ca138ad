/**
 * `npm run eval -- actors`: actorCodes() on the actor phrases of the PLOVER gold records
 * (../shared/data/events/plover_gsr.dev.jsonl). Each gold actor has its text, a CAMEO code (a country,
 * or IGO/NGO/IMG...) and a sector. Country: accuracy over actors whose code is a country, and
 * precision of the countries given. Sector: accuracy over actors with a sector (first three letters,
 * as CAMEO composes codes), and how often no sector is given where the gold has none.
 * `--gazetteer` also lets capitalised words resolve as large GeoNames cities ("Tokyo" -> JPN).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { actorCodes } from '../src/entities/actors.js';

interface GoldActor {
  text: string;
  code: string | null;
  sector: string | null;
}

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const file = join(root, '..', 'shared', 'data', 'events', 'plover_gsr.dev.jsonl');
// CAMEO country codes that differ from ISO alpha-3.
const CAMEO_TO_ISO: Record<string, string> = { JAP: 'JPN' };
const NOT_COUNTRY = new Set(['IGO', 'NGO', 'IMG', 'MNC', '***']);

const actors: GoldActor[] = [];
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const rec = JSON.parse(line) as { expected: { source: GoldActor[]; target: GoldActor[] }[] };
  for (const e of rec.expected) actors.push(...e.source, ...e.target);
}

const gazetteer = process.argv.includes('--gazetteer');
let cTotal = 0;
let cRight = 0;
let cGiven = 0;
let cGivenRight = 0;
let sTotal = 0;
let sRight = 0;
let nTotal = 0;
let nRight = 0;
const misses: string[] = [];
for (const a of actors) {
  const got = actorCodes(a.text, { gazetteer });
  const gold = a.code ? (CAMEO_TO_ISO[a.code] ?? a.code) : null;
  const goldIsCountry = gold !== null && /^[A-Z]{3}$/u.test(gold) && !NOT_COUNTRY.has(gold);
  if (goldIsCountry) {
    cTotal++;
    if (got.country === gold) cRight++;
    else if (misses.length < 15) misses.push(`country ${a.text} -> ${got.country ?? '-'} (gold ${gold})`);
  }
  if (got.country) {
    cGiven++;
    if (got.country === gold) cGivenRight++;
  }
  const goldSector = gold === 'IGO' || gold === 'NGO' ? gold : a.sector && /^[A-Z]{3}/u.test(a.sector) ? a.sector.slice(0, 3) : null;
  if (goldSector) {
    sTotal++;
    if (got.sector === goldSector) sRight++;
    else if (misses.length < 30) misses.push(`sector ${a.text} -> ${got.sector ?? '-'} (gold ${goldSector})`);
  } else {
    nTotal++;
    if (got.sector === null) nRight++;
  }
}
const pct = (a: number, b: number): string => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}% (${a}/${b})`);
console.log(`actors: ${actors.length} gold actor phrases from ${file.replace(root, '.')}${gazetteer ? ' (with the city gazetteer)' : ''}`);
console.log(`country accuracy (gold is a country): ${pct(cRight, cTotal)}`);
console.log(`country precision (a country given):   ${pct(cGivenRight, cGiven)}`);
console.log(`sector accuracy (gold has a sector):  ${pct(sRight, sTotal)}`);
console.log(`no sector where gold has none:        ${pct(nRight, nTotal)}`);
if (process.argv.includes('--misses')) for (const m of misses) console.log(`  ${m}`);
