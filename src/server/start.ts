/**
 * Starts the HTTP server (API + web UI) on @hono/node-server over a store opened from a spec.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { NgError } from '../errors.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import { createApp, type AppOptions } from './app.js';
import { AnalysisPool } from '../pipeline/pool.js';

/** Options of startServer. */
export interface ServerOptions {
  /** Store spec: a SQLite file path or a postgres:// URL (default newsgraph.db). */
  db?: string;
  /** An already opened store (takes precedence over db; the caller closes it). */
  store?: Store;
  port?: number;
  host?: string;
  token?: string | undefined;
  openReads?: boolean;
  maxBodyBytes?: number;
  allowPrivateUrls?: boolean;
  webRoot?: string | null;
  /**
   * Worker threads for analysing posted articles, so a long article never stalls reads; 0 analyses
   * on the server thread. Default: 2 (the pool starts on the first analysis, not at start-up).
   */
  analysisThreads?: number;
}

/** A running server. */
export interface RunningServer {
  url: string;
  port: number;
  host: string;
  store: Store;
  close(): Promise<void>;
}

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '::ffff:127.0.0.1';
}

/**
 * Opens the store, builds the app and listens. Refuses to listen beyond loopback without a token,
 * because writes (and by default reads) must then be authenticated.
 * Example: `const s = await startServer({ db: 'news.db', port: 0 }); console.log(s.url)`.
 */
export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? 8080;
  const token = opts.token ?? process.env['NEWSGRAPH_TOKEN'] ?? undefined;
  if (!isLoopback(host) && !token) {
    throw new NgError(
      'NG_E041',
      `refusing to listen on ${host} without a token; pass --token <secret> or set NEWSGRAPH_TOKEN, or listen on 127.0.0.1`,
    );
  }
  const ownStore = !opts.store;
  const store = opts.store ?? (await openStore(opts.db ?? 'newsgraph.db'));
  if (ownStore) await store.migrate();
  const appOpts: AppOptions = { store, token, openReads: opts.openReads ?? false };
  if (opts.maxBodyBytes !== undefined) appOpts.maxBodyBytes = opts.maxBodyBytes;
  if (opts.allowPrivateUrls !== undefined) appOpts.allowPrivateUrls = opts.allowPrivateUrls;
  if (opts.webRoot !== undefined) appOpts.webRoot = opts.webRoot;
  const threads = opts.analysisThreads ?? 2;
  let pool: AnalysisPool | null = null;
  if (threads > 0) {
    appOpts.analyze = (raw, o) => {
      pool ??= new AnalysisPool(threads);
      return pool.analyze(raw, o);
    };
  }
  const app = createApp(appOpts);

  // Requests still running when close() is called finish before the store closes under them.
  let inflight = 0;
  const fetch = async (req: Request, env?: object): Promise<Response> => {
    inflight++;
    try {
      return await app.fetch(req, env);
    } finally {
      inflight--;
    }
  };
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch, port, hostname: host }, () => resolve(s));
    s.once('error', (err: Error) => reject(new NgError('NG_E099', `cannot listen on ${host}:${port}: ${err.message}`)));
  });
  const addr = server.address() as AddressInfo;
  const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${shownHost}:${addr.port}`,
    port: addr.port,
    host,
    store,
    async close() {
      const http = server as unknown as { closeIdleConnections?: () => void; closeAllConnections?: () => void };
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      http.closeIdleConnections?.();
      const deadline = Date.now() + 10_000;
      while (inflight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      // Keep-alive connections would hold close() open until they time out.
      http.closeAllConnections?.();
      await closed;
      if (pool) await pool.close();
      if (ownStore) await store.close();
    },
  };
}
