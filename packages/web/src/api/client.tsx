/**
 * The one way the web app talks to /api/v1: adds the session's CSRF token to every
 * state-changing request, turns error bodies into ApiError, and on 401 hands over to the
 * session layer (which sends the user to the login page and back afterwards).
 */
import { ApiError, NETWORK_ERROR, toApiError } from './errors';

const BASE = '/api/v1';

let csrfToken: string | null = null;
let onUnauthenticated: (message: string) => void = () => {};
let lastRequestAt = Date.now();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setUnauthenticatedHandler(handler: (message: string) => void): void {
  onUnauthenticated = handler;
}

/** When the server last saw us: the server's idle timeout counts from there. */
export function millisSinceLastRequest(): number {
  return Date.now() - lastRequestAt;
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export function toSearch(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** false for the login call itself, whose 401 means "wrong password", not "session over". */
  authRedirect?: boolean;
}

function headersFor(method: string, json: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (json) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  return headers;
}

function fail(status: number, body: unknown, authRedirect: boolean | undefined): never {
  const error = toApiError(status, body);
  if (status === 401 && authRedirect !== false) onUnauthenticated(error.message);
  throw error;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(BASE + path + toSearch(options.query), {
      method,
      headers: headersFor(method, options.body !== undefined),
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, '无法连接服务器，请检查网络后重试');
  }
  lastRequestAt = Date.now();
  const body = parseJson(await res.text());
  if (!res.ok) fail(res.status, body, options.authRedirect);
  return body as T;
}

export const api = {
  get: <T,>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T,>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T,>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T,>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T,>(path: string, query?: Query) => request<T>('DELETE', path, { query }),
};

/**
 * Multipart upload through XHR, because fetch cannot report upload progress. `fields` go before
 * the file: the server reads them with the file part (e.g. an evidence file's kind).
 */
export function upload<T>(path: string, file: File, onProgress?: (percent: number) => void, fields: Record<string, string> = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', BASE + path);
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, NETWORK_ERROR, '无法连接服务器，请检查网络后重试'));
    xhr.onload = () => {
      lastRequestAt = Date.now();
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else {
        try {
          fail(xhr.status, body, true);
        } catch (error) {
          reject(error);
        }
      }
    };
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

function fileNameOf(res: Response, fallback: string): string {
  const header = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? fallback;
}

/**
 * Downloads a file (template, error workbook, export) through fetch rather than a plain link,
 * so an expired session leads to the login page instead of a JSON error page.
 */
export async function download(path: string, query?: Query, fallbackName = 'download'): Promise<void> {
  let res: Response;
  try {
    res = await fetch(BASE + path + toSearch(query), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, '无法连接服务器，请检查网络后重试');
  }
  lastRequestAt = Date.now();
  if (!res.ok) fail(res.status, parseJson(await res.text()), true);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
