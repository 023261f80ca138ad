/**
 * Shared set-up for the server tests: real stores (a temp SQLite file, and a fresh PostgreSQL schema
 * per run on the local server) and the web UI built when missing.
 */
import { mkdtempSync, rmSync, existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';

export const PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** True when the local PostgreSQL answers (the CI script starts it). */
export async function postgresUp(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 10_000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/** A store of the given dialect that removes itself (file or schema) on dispose. */
export interface TestStore {
  store: Store;
  spec: string;
  dispose(): Promise<void>;
}

/** Opens a fresh SQLite or PostgreSQL store. */
export async function openTestStore(dialect: 'sqlite' | 'postgres'): Promise<TestStore> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'ng-server-'));
    const spec = join(dir, 'test.db');
    const store = await openStore(spec);
    return {
      store,
      spec,
      async dispose() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `ng_server_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const spec = `${PG_URL}?schema=${schema}`;
  const store = await openStore(spec);
  return {
    store,
    spec,
    async dispose() {
      await store.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    },
  };
}

/** The project root (tests run from it). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function newestSource(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds web/dist with vite when it is missing or older than the UI sources. */
export function ensureWebBuilt(): string {
  const dist = join(ROOT, 'web/dist');
  const index = join(dist, 'index.html');
  const stale =
    !existsSync(index) ||
    statSync(index).mtimeMs < Math.max(newestSource(join(ROOT, 'web/src')), statSync(join(ROOT, 'web/index.html')).mtimeMs);
  if (stale) {
    const r = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`building the web UI failed:\n${r.stdout}\n${r.stderr}`);
  }
  return dist;
}
