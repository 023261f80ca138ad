#!/usr/bin/env node
/**
 * The newsgraph command line. Thin: every command calls the library (src/pipeline, src/ingest,
 * src/store). Data goes to stdout (JSON/JSONL when piped, a readable summary on a terminal); progress
 * and errors go to stderr; the exit code says whether anything failed.
 */
import { Command, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { registerCommonCommands } from './commands.js';

const here = dirname(fileURLToPath(import.meta.url));

function version(): string {
  for (const p of [join(here, '../../package.json'), join(here, '../../../package.json')]) {
    try {
      return (JSON.parse(readFileSync(p, 'utf8')) as { version: string }).version;
    } catch {
      /* try the next place: the path differs between tsx and the built dist/ */
    }
  }
  return '0.0.0';
}

/** Builds the commander program with every command registered. */
export async function buildProgram(): Promise<Command> {
  const program = new Command('newsgraph')
    .description('who said and did what to whom, when, where, and according to whom — from news articles')
    .version(version())
    .addOption(new Option('--quiet', 'no progress output on stderr'))
    .showHelpAfterError();
  registerCommonCommands(program);
  // Commands owned by other modules register themselves when present.
  const optional: [string, string][] = [
    ['./quotes-command.js', 'registerQuotesCommand'],
    ['./events-command.js', 'registerEventsCommand'],
    ['./serve-command.js', 'registerServeCommand'],
  ];
  for (const [file, fn] of optional) {
    let mod: Record<string, (p: Command) => void>;
    try {
      mod = (await import(file)) as Record<string, (p: Command) => void>;
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String(e).includes(file.slice(2, -3))) continue;
      throw e;
    }
    const register = mod[fn];
    if (register) register(program);
  }
  return program;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain || process.argv[1]?.endsWith('/newsgraph') || process.argv[1]?.endsWith('cli/main.ts')) {
  const program = await buildProgram();
  await program.parseAsync(process.argv);
}
