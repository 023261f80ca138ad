/**
 * `newsgraph serve` as a user runs it: a child process on a free port, and the refusal to listen
 * beyond loopback without a token.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ng-serve-cli-'));
const CLI = [process.execPath, '--import', 'tsx', join(ROOT, 'src/cli/main.ts')] as const;

describe('newsgraph serve', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the API on the port it reports, and stops on SIGTERM', async () => {
    const child = spawn(CLI[0], [...CLI.slice(1), 'serve', '--db', join(dir, 'cli.db'), '--port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let err = '';
      child.stderr!.on('data', (c: Buffer) => {
        err += c.toString();
        const m = /at (http:\/\/\S+)/.exec(err);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
    });
    const health = (await (await fetch(`${url}/api/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ ok: true, dialect: 'sqlite', articles: 0 });
    child.kill('SIGTERM');
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(0);
  });

  it('refuses 0.0.0.0 without a token, with the unauthorized exit code', () => {
    const env = { ...process.env };
    delete env['NEWSGRAPH_TOKEN'];
    const r = spawnSync(CLI[0], [...CLI.slice(1), 'serve', '--db', join(dir, 'x.db'), '--host', '0.0.0.0', '--port', '0'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    expect(r.stderr).toContain('NG_E041');
    expect(r.stderr).toContain('--token');
    expect(r.status).toBe(64);
  });
});
