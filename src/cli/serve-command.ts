import type { Command } from 'commander';
import { toNgError } from '../errors.js';
import { startServer } from '../server/start.js';

interface ServeFlags {
  db?: string;
  port: string;
  host: string;
  token?: string;
  openReads?: boolean;
  allowPrivate?: boolean;
  maxBody: string;
  analysisThreads: string;
}

/** Registers `newsgraph serve`: the HTTP API and the built web UI in one process. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (/api, OpenAPI at /api/openapi.json) and the web UI')
    .option('--db <spec>', 'SQLite file or postgres:// URL (default: NEWSGRAPH_DB or newsgraph.db)')
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <addr>', 'address to listen on; anything but loopback needs a token', '127.0.0.1')
    .option('--token <secret>', 'require "Authorization: Bearer <secret>" (default: NEWSGRAPH_TOKEN)')
    .option('--open-reads', 'let GET requests through without the token')
    .option('--allow-private', 'let POST {url} fetch loopback and private addresses')
    .option('--max-body <bytes>', 'largest request body accepted', String(8 * 1024 * 1024))
    .option('--analysis-threads <n>', 'worker threads analysing posted articles (0: on the server thread)', '2')
    .action(async (f: ServeFlags) => {
      try {
        const s = await startServer({
          db: f.db ?? process.env['NEWSGRAPH_DB'] ?? 'newsgraph.db',
          port: Number(f.port),
          host: f.host,
          token: f.token ?? process.env['NEWSGRAPH_TOKEN'],
          openReads: Boolean(f.openReads),
          allowPrivateUrls: Boolean(f.allowPrivate),
          maxBodyBytes: Number(f.maxBody),
          analysisThreads: Number(f.analysisThreads),
        });
        process.stderr.write(`newsgraph: serving ${s.store.dialect} store at ${s.url} (API under /api)\n`);
        const stop = () => {
          void s.close().then(() => process.exit(0));
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      } catch (err) {
        const e = toNgError(err);
        process.stderr.write(`newsgraph: ${e.toLine()}\n`);
        process.exit(e.exit);
      }
    });
}
