/**
 * Byte sources with a size cap that is enforced while reading: files (stat first, then counted while
 * streaming, since a file can grow), stdin, and gzip streams whose DECOMPRESSED size is capped too.
 */
import { createReadStream } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { NgError, type ErrorPlace } from '../errors.js';

/** Default cap on one input: 20 MB. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** Extensions a directory walk picks up (and the same with .gz). */
export const INPUT_EXTENSIONS = ['.txt', '.html', '.htm', '.jsonl', '.json', '.xml', '.rss', '.atom'];

function tooLarge(max: number, place: ErrorPlace, what: string): NgError {
  return new NgError('NG_E004', `${what} is larger than the ${max}-byte limit (raise maxBytes to accept it)`, place);
}

/** Reads a stream to one buffer, stopping with NG_E004 as soon as more than max bytes arrive. */
export async function readCapped(stream: Readable, max: number, place: ErrorPlace, what = 'input'): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const b = chunk as Buffer;
      total += b.length;
      if (total > max) {
        stream.destroy();
        throw tooLarge(max, place, what);
      }
      chunks.push(b);
    }
  } catch (e) {
    if (e instanceof NgError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') throw new NgError('NG_E005', `not valid gzip data: ${(e as Error).message}`, place);
    throw e;
  }
  return Buffer.concat(chunks, total);
}

function isGzipMagic(b: Buffer): boolean {
  return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
}

/** Gunzips in a stream so a zip bomb stops at the cap instead of filling memory. */
export async function gunzipCapped(bytes: Buffer, max: number, place: ErrorPlace): Promise<Buffer> {
  const gz = createGunzip();
  gz.end(bytes);
  return readCapped(gz, max, place, 'decompressed input');
}

/**
 * Reads a file's bytes under the cap, refusing an oversized file from its size alone; .gz files (or
 * any file starting with the gzip magic) are decompressed under the same cap.
 */
export async function readFileBytes(path: string, max: number): Promise<Buffer> {
  const place = { input: path };
  const st = await statOrThrow(path);
  if (st.size > max) throw tooLarge(max, place, `file (${st.size} bytes)`);
  const raw = await readCapped(createReadStream(path), max, place, 'file');
  return isGzipMagic(raw) ? gunzipCapped(raw, max, place) : raw;
}

/** Reads stdin under the cap (gzip on stdin is decompressed too). */
export async function readStdinBytes(max: number, stdin: Readable = process.stdin): Promise<Buffer> {
  const place = { input: '-' };
  const raw = await readCapped(stdin, max, place, 'stdin');
  return isGzipMagic(raw) ? gunzipCapped(raw, max, place) : raw;
}

async function statOrThrow(path: string): Promise<Awaited<ReturnType<typeof stat>>> {
  try {
    return await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new NgError('NG_E001', `no such file or directory: ${path}`, { input: path });
    if (code === 'EACCES' || code === 'EPERM') throw new NgError('NG_E001', `permission denied: ${path}`, { input: path });
    throw e;
  }
}

/** What a path names: a file, a directory, or nothing (NG_E001). */
export async function pathKind(path: string): Promise<'file' | 'dir'> {
  const st = await statOrThrow(path);
  if (st.isDirectory()) return 'dir';
  if (st.isFile()) return 'file';
  throw new NgError('NG_E013', `not a regular file or directory: ${path}`, { input: path });
}

/** True when a file name has an input extension (optionally followed by .gz). */
export function hasInputExtension(name: string): boolean {
  const n = name.toLowerCase().replace(/\.gz$/, '');
  return INPUT_EXTENSIONS.some((e) => n.endsWith(e));
}

/**
 * Files under a directory, recursively, in sorted order, skipping hidden entries and files without an
 * input extension. Symlinked directories are followed once (a loop is cut by real path). A
 * subdirectory that cannot be read is yielded as an error and the walk goes on.
 */
export async function* walkDir(dir: string, seen: Set<string> = new Set()): AsyncGenerator<string | NgError> {
  let entries: string[];
  try {
    const real = await realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
    entries = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    yield new NgError('NG_E001', `cannot read directory ${dir} (${code})`, { input: dir });
    return;
  }
  for (const name of entries) {
    const p = join(dir, name);
    let st;
    try {
      st = await stat(p);
    } catch {
      continue; // a dangling symlink is not an input
    }
    if (st.isDirectory()) yield* walkDir(p, seen);
    else if (st.isFile() && hasInputExtension(name)) yield p;
  }
}
