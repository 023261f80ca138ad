/**
 * One error type with stable codes. Each code maps to a CLI exit code and an HTTP status here, in one
 * place; messages say what was found, where, and what would be accepted.
 */

export interface ErrorInfo {
  /** Short name, for logs and JSON. */
  name: string;
  /** HTTP status the server answers with. */
  http: number;
  /** Process exit code the CLI ends with when this is the worst error it met. */
  exit: number;
}

/** The catalogue of error codes. Codes are stable: never renumber, only add. */
export const ERROR_CODES = {
  NG_E001: { name: 'input-not-found', http: 404, exit: 2 },
  NG_E002: { name: 'input-empty', http: 422, exit: 3 },
  NG_E003: { name: 'input-binary', http: 415, exit: 3 },
  NG_E004: { name: 'input-too-large', http: 413, exit: 3 },
  NG_E005: { name: 'input-bad-encoding', http: 422, exit: 3 },
  NG_E006: { name: 'jsonl-bad-line', http: 422, exit: 3 },
  NG_E007: { name: 'feed-not-xml', http: 422, exit: 3 },
  NG_E008: { name: 'url-refused', http: 403, exit: 4 },
  NG_E009: { name: 'url-unreachable', http: 502, exit: 4 },
  NG_E010: { name: 'url-http-status', http: 502, exit: 4 },
  NG_E011: { name: 'url-timeout', http: 504, exit: 4 },
  NG_E012: { name: 'url-too-many-redirects', http: 502, exit: 4 },
  NG_E013: { name: 'unsupported-input', http: 415, exit: 3 },
  NG_E014: { name: 'no-article-text', http: 422, exit: 3 },
  NG_E020: { name: 'pipeline-order', http: 500, exit: 70 },
  NG_E021: { name: 'model-missing', http: 500, exit: 70 },
  NG_E030: { name: 'store-open-failed', http: 500, exit: 5 },
  NG_E031: { name: 'store-write-failed', http: 500, exit: 5 },
  NG_E032: { name: 'not-found', http: 404, exit: 6 },
  NG_E040: { name: 'bad-request', http: 400, exit: 64 },
  NG_E041: { name: 'unauthorized', http: 401, exit: 64 },
  NG_E042: { name: 'body-too-large', http: 413, exit: 64 },
  NG_E099: { name: 'internal', http: 500, exit: 70 },
} as const satisfies Record<string, ErrorInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Where an error happened: a file or URL, and a line when the reader knows it. */
export interface ErrorPlace {
  input?: string | null;
  line?: number;
}

/** The one error type newsgraph throws. `code` is stable; `message` is for people. */
export class NgError extends Error {
  readonly code: ErrorCode;
  readonly place: ErrorPlace;

  constructor(code: ErrorCode, message: string, place: ErrorPlace = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NgError';
    this.code = code;
    this.place = place;
  }

  get http(): number {
    return ERROR_CODES[this.code].http;
  }

  get exit(): number {
    return ERROR_CODES[this.code].exit;
  }

  /** One line: `NG_E002 input-empty: <message> (at file:line)`. */
  toLine(): string {
    const where = this.place.input
      ? ` (at ${this.place.input}${this.place.line !== undefined ? `:${this.place.line}` : ''})`
      : '';
    return `${this.code} ${ERROR_CODES[this.code].name}: ${this.message}${where}`;
  }

  toJSON(): { code: ErrorCode; name: string; message: string; place: ErrorPlace } {
    return { code: this.code, name: ERROR_CODES[this.code].name, message: this.message, place: this.place };
  }
}

/** Wraps anything thrown into an NgError (unknown errors become NG_E099). */
export function toNgError(err: unknown, place: ErrorPlace = {}): NgError {
  if (err instanceof NgError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new NgError('NG_E099', message, place, { cause: err });
}
