/**
 * A safe fetcher for untrusted URLs: http/https only; the address is checked in the DNS lookup that
 * the socket itself uses, so what was checked is what gets connected to (no DNS-rebinding gap), on
 * every redirect; a deadline, a redirect cap, and a size cap enforced while streaming, after
 * content-encoding is undone.
 */
import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import ipaddr from 'ipaddr.js';
import { NgError } from '../errors.js';
import { DEFAULT_MAX_BYTES, readCapped } from './files.js';
import type { ReadOptions } from './types.js';

/** Options of fetchUrl: the network part of ReadOptions. */
export type FetchOptions = Pick<ReadOptions, 'maxBytes' | 'allowPrivate' | 'allowHosts' | 'timeoutMs' | 'maxRedirects' | 'userAgent'>;

/** A fetched body, still bytes, with what the server said about it. */
export interface Fetched {
  url: string;
  finalUrl: string;
  status: number;
  contentType: string | null;
  body: Buffer;
}

/** Default User-Agent: says who we are, as polite crawlers do. */
export const DEFAULT_USER_AGENT = 'newsgraph/0.1 (+https://github.com/newsgraph/newsgraph)';

/**
 * Why an address is not public, or null when it is. Only globally routable unicast passes; IPv4-mapped
 * IPv6 is judged by the IPv4 inside it.
 */
export function nonPublicRange(address: string): string | null {
  let a: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    a = ipaddr.parse(address);
  } catch {
    return 'unparseable';
  }
  if (a.kind() === 'ipv6' && (a as ipaddr.IPv6).isIPv4MappedAddress()) a = (a as ipaddr.IPv6).toIPv4Address();
  const range = a.range();
  return range === 'unicast' ? null : range;
}

type LookupCb = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function guardedLookup(hostname: string, refuse: boolean, input: string): (host: string, opts: { all?: boolean; family?: number } | number, cb: LookupCb) => void {
  return (host, opts, cb) => {
    const o = typeof opts === 'number' ? { family: opts } : opts;
    dnsLookup(host, { all: true, family: o.family ?? 0 }, (err, addrs) => {
      if (err) return cb(err, '');
      const list = addrs as LookupAddress[];
      if (refuse) {
        // Refuse if ANY answer is private: picking a public one would let an attacker's name flip later.
        const bad = list.find((x) => nonPublicRange(x.address) !== null);
        if (bad) {
          return cb(new NgError('NG_E008', `${hostname} resolves to ${bad.address} (${nonPublicRange(bad.address)}); only public addresses are fetched unless allowPrivate is set`, { input }) as unknown as NodeJS.ErrnoException, '');
        }
      }
      if (list.length === 0) return cb(Object.assign(new Error(`no address for ${host}`), { code: 'ENOTFOUND' }), '');
      if (o.all) return cb(null, list);
      const first = list[0]!;
      return cb(null, first.address, first.family);
    });
  };
}

function checkUrl(u: URL, input: string, opts: FetchOptions): void {
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new NgError('NG_E008', `scheme ${u.protocol} refused; only http: and https: URLs are fetched`, { input });
  }
  if (u.username || u.password) {
    throw new NgError('NG_E008', 'URLs with credentials are refused', { input });
  }
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (!opts.allowPrivate && !trusted(u, opts) && isIP(host)) {
    const why = nonPublicRange(host);
    if (why) throw new NgError('NG_E008', `address ${host} is ${why}; only public addresses are fetched unless allowPrivate is set`, { input });
  }
}

function trusted(u: URL, opts: FetchOptions): boolean {
  const host = u.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (opts.allowHosts ?? []).some((h) => h.toLowerCase().replace(/^\[|\]$/g, '') === host);
}

function decodeStream(res: http.IncomingMessage): Readable {
  const enc = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (enc === 'gzip' || enc === 'x-gzip') return res.pipe(zlib.createGunzip());
  if (enc === 'deflate') return res.pipe(zlib.createInflate());
  if (enc === 'br') return res.pipe(zlib.createBrotliDecompress());
  return res;
}

/**
 * Fetches a URL under the safety rules. Errors: NG_E008 refused, NG_E009 unreachable, NG_E010 HTTP
 * status, NG_E011 timeout, NG_E012 too many redirects, NG_E004 too large.
 * @example const page = await fetchUrl('https://example.com/story', { timeoutMs: 5000 });
 */
export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<Fetched> {
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = opts.maxRedirects ?? 5;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const deadline = Date.now() + timeoutMs;
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw new NgError('NG_E008', `not a valid URL: ${url}`, { input: url });
  }
  for (let hop = 0; ; hop++) {
    checkUrl(current, url, opts);
    const res = await requestOnce(current, opts, deadline, url, timeoutMs);
    const status = res.statusCode ?? 0;
    if (status >= 300 && status < 400 && res.headers.location) {
      res.resume();
      if (hop >= maxRedirects) throw new NgError('NG_E012', `more than ${maxRedirects} redirects (last to ${res.headers.location})`, { input: url });
      try {
        current = new URL(res.headers.location, current);
      } catch {
        throw new NgError('NG_E009', `redirect to an invalid URL: ${res.headers.location}`, { input: url });
      }
      continue;
    }
    if (status < 200 || status >= 300) {
      res.resume();
      throw new NgError('NG_E010', `HTTP ${status} from ${current.href}; expected 2xx`, { input: url });
    }
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) {
      res.destroy();
      throw new NgError('NG_E004', `response of ${declared} bytes is larger than the ${max}-byte limit`, { input: url });
    }
    const body = await withDeadline(readCapped(decodeStream(res), max, { input: url }, 'response'), deadline, res, url, timeoutMs);
    return { url, finalUrl: current.href, status, contentType: (res.headers['content-type'] as string | undefined) ?? null, body };
  }
}

function requestOnce(u: URL, opts: FetchOptions, deadline: number, input: string, timeoutMs: number): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const mod = u.protocol === 'https:' ? https : http;
    const refuse = !opts.allowPrivate && !trusted(u, opts);
    const req = mod.request(u, {
      method: 'GET',
      agent: false,
      lookup: guardedLookup(u.hostname, refuse, input) as unknown as typeof dnsLookup,
      headers: {
        'user-agent': opts.userAgent ?? DEFAULT_USER_AGENT,
        accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
        'accept-encoding': 'gzip, deflate, br',
      },
    });
    const left = deadline - Date.now();
    const timer = setTimeout(() => req.destroy(new NgError('NG_E011', `no complete answer within ${timeoutMs} ms`, { input })), Math.max(0, left));
    req.on('response', (res) => {
      clearTimeout(timer);
      resolve(res);
    });
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(mapError(e, input));
    });
    req.end();
  });
}

async function withDeadline<T>(p: Promise<T>, deadline: number, res: http.IncomingMessage, input: string, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      res.destroy();
      reject(new NgError('NG_E011', `no complete answer within ${timeoutMs} ms`, { input }));
    }, Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([p, t]);
  } catch (e) {
    throw mapError(e, input);
  } finally {
    clearTimeout(timer);
  }
}

function mapError(e: unknown, input: string): NgError {
  if (e instanceof NgError) return e;
  const err = e as NodeJS.ErrnoException;
  const code = err.code ?? '';
  if (code === 'Z_DATA_ERROR' || code === 'ERR_PADDING_1' || code.startsWith('Z_')) {
    return new NgError('NG_E009', `bad content-encoding from server: ${err.message}`, { input }, { cause: e });
  }
  return new NgError('NG_E009', `cannot reach ${input}: ${code ? `${code} ` : ''}${err.message}`, { input }, { cause: e });
}
