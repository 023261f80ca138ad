#!/usr/bin/env node
/**
 * The newsgraph command line. Thin: every command calls the library (src/pipeline, src/ingest,
 * src/store). Data goes to stdout (JSON/JSONL when piped, a readable summary on a terminal); progress
 * and errors go to stderr; the exit code says whether anything failed.
 */
import { Command } from 'commander';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { registerCommonCommands } from './commands.js';
import { registerEventsCommand } from './events-command.js';
import { registerQueueCommand } from './queue-command.js';
import { registerQuotesCommand } from './quotes-command.js';
import { registerServeCommand } from './serve-command.js';

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
export function buildProgram(): Command {
  const program = new Command('newsgraph')
    .description('who said and did what to whom, when, where, and according to whom — from news articles')
    .version(version())
    .showHelpAfterError();
  registerCommonCommands(program);
  registerQuotesCommand(program);
  registerEventsCommand(program);
  registerServeCommand(program);
  registerQueueCommand(program);
  return program;
}

// Run when started as a program (directly, through tsx, or through the npm bin symlink), not when imported.
const started = process.argv[1];
if (started && existsSync(started) && realpathSync(started) === fileURLToPath(import.meta.url)) {
  const program = buildProgram();
  await program.parseAsync(process.argv);
}
