/**
 * The one place where errors become HTTP answers: every NgError code maps to the status in the error
 * catalogue (src/errors.ts), and the body is always `{error:{code,name,message}}`.
 */
import { ERROR_CODES, NgError, toNgError, type ErrorCode } from '../errors.js';

/** The JSON body of an error answer. */
export interface ErrorBody {
  error: { code: ErrorCode; name: string; message: string };
}

/** The body and status for anything thrown inside a handler. */
export function errorAnswer(err: unknown): { status: number; body: ErrorBody } {
  const e = toNgError(err);
  return {
    status: ERROR_CODES[e.code].http,
    body: { error: { code: e.code, name: ERROR_CODES[e.code].name, message: e.message } },
  };
}

/** A JSON Response for an error, with the status from the catalogue. */
export function errorResponse(err: unknown): Response {
  const { status, body } = errorAnswer(err);
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

/** Shorthand for the errors the server raises itself. */
export function ngError(code: ErrorCode, message: string): NgError {
  return new NgError(code, message);
}
