/**
 * The dashboard's only way to the collector: same-origin JSON under /admin/api with the
 * session cookie, and the CSRF token in a header on every change (contract A).
 */
import type { ExportFormat, ViewFilters, ViewId } from './api-types';

export const API_BASE = '/admin/api';

let csrfToken = '';
export function setCsrfToken(token: string) {
  csrfToken = token;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string; field?: string };
  } | null;
  return new ApiError(
    response.status,
    body?.error?.code ?? `http-${response.status}`,
    body?.error?.message ?? response.statusText,
    body?.error?.field,
  );
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const response = await fetch(`${API_BASE}${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** The query string of a view's filters; empty values are left out so the server's defaults apply. */
export function filterQuery(filters: ViewFilters | Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

export function viewPath(view: ViewId, filters: ViewFilters): string {
  return `/views/${view}?${filterQuery(filters)}`;
}

/** Exports are plain links, so the browser downloads them with the session cookie. */
export function viewExportUrl(view: ViewId, filters: ViewFilters, format: ExportFormat): string {
  return `${API_BASE}/views/${view}/export?${filterQuery({ ...filters, format })}`;
}

export function exportUrl(kind: string, params: Record<string, string | undefined>): string {
  return `${API_BASE}/exports/${kind}?${filterQuery(params)}`;
}
