import type { ErrorResponse } from '../../shared/contracts/common.contract.ts';
import { M } from '../messages.ts';

/** One field-level problem reported by the server (validation `details`). */
export interface FieldIssue {
  path: string;
  message: string;
}

/** An error answer of the API: `{ code, message, details? }` plus the HTTP status. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, body: ErrorResponse) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.details = body.details;
  }

  /** Field issues when `details` is an array of `{ path, message }` (path may be a string or an array). */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    const issues: FieldIssue[] = [];
    for (const d of this.details as unknown[]) {
      if (typeof d !== 'object' || d === null) continue;
      const { path, message } = d as { path?: unknown; message?: unknown };
      if (typeof message !== 'string') continue;
      const p = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '';
      issues.push({ path: p.replace(/^(body|query|params)\./, ''), message });
    }
    return issues;
  }
}

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

/** Remember the CSRF token from the login or /me response. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called on any 401 (except where a request opts out, e.g. the login form). */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: URLSearchParams | Record<string, string | number | boolean | undefined | null>;
  /** Do not redirect to /login on 401 (the login form shows the message itself). */
  no401Redirect?: boolean;
}

/** Build a query string; undefined, null and '' values are left out. */
export function toSearchParams(query: RequestOptions['query']): URLSearchParams {
  if (!query) return new URLSearchParams();
  if (query instanceof URLSearchParams) return query;
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    sp.set(k, String(v));
  }
  return sp;
}

/** Build a same-origin API URL with a query string. */
export function apiUrl(path: string, query?: RequestOptions['query']): string {
  const qs = toSearchParams(query).toString();
  return qs ? `${path}?${qs}` : path;
}

async function parseError(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as Partial<ErrorResponse>;
    if (typeof body.message === 'string') {
      return new ApiError(res.status, {
        code: body.code ?? 'error',
        message: body.message,
        details: body.details,
      });
    }
  } catch {
    // not JSON: fall through
  }
  return new ApiError(res.status, {
    code: 'http_error',
    message: `${M.common.unknownError}（HTTP ${res.status}）`,
  });
}

/** Fetch JSON from the API with the session cookie and, for writes, the CSRF header. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) {
    body = opts.body;
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { code: 'network', message: M.common.networkError });
  }
  if (!res.ok) {
    const err = await parseError(res);
    // A wrong old password (invalid_credentials) is a form error, not an expired session.
    if (res.status === 401 && !opts.no401Redirect && err.code !== 'invalid_credentials')
      unauthorizedHandler?.();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** The human message of any thrown value. */
export function errorMessage(err: unknown): string {
  if (typeof err === 'string') return err;
  if (err instanceof Error && err.message) return err.message;
  return M.common.unknownError;
}

/** True for 403/404 answers that mean "outside your scope / does not exist". */
export function isAccessError(err: unknown): err is ApiError {
  return err instanceof ApiError && (err.status === 403 || err.status === 404);
}
