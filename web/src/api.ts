/** A small client for the newsgraph HTTP API, shared by every page. */
import type { Doc } from '../../src/doc/types.js';
import type { ArticleHit, EntityDetail, EntityRow, Page } from '../../src/store/types.js';

import { entityKey } from '../../src/store/keys.js';

export type { Doc, ArticleHit, EntityDetail, EntityRow, Page };

/** An API error, carrying the stable NG_Exxx code the server answered with. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'newsgraph.token';

/** The API token the user entered (only needed when the server asks for one). */
export function getToken(): string {
  try {
    return localStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Remembers the API token in this browser. */
export function setToken(t: string): void {
  try {
    if (t) localStorage.setItem(TOKEN_KEY, t);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    /* private mode: keep it for this page only */
  }
}

/** Calls the API and returns its JSON, throwing ApiError with the server's code on failure. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = getToken();
  if (token) headers['authorization'] = `Bearer ${token}`;
  const req: RequestInit = { method: init.method ?? 'GET', headers };
  if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    req.body = JSON.stringify(init.body);
  }
  const res = await fetch(path, req);
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(res.status, 'NG_E099', `the server answered ${res.status} with something that is not JSON`);
  }
  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, e?.code ?? 'NG_E099', e?.message ?? `HTTP ${res.status}`);
  }
  return data as T;
}

/** Builds a query string from the non-empty values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

/** The cross-article key of an entity, built exactly as the store builds it. */
export function entityKeyOf(type: string, name: string): string {
  return entityKey(type, name);
}
