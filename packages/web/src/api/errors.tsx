/** The API's one error shape, { code, message, details, current? }, as a typed error. */
export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldIssue[] = [],
    /** On 409 CONFLICT after a stale update: the server's current version of the record. */
    readonly current?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** 0 = no answer from the server at all (network down, server stopped). */
export const NETWORK_ERROR = 'NETWORK';

export function toApiError(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && 'code' in body && 'message' in body) {
    const b = body as { code: string; message: string; details?: FieldIssue[]; current?: unknown };
    return new ApiError(status, b.code, b.message, Array.isArray(b.details) ? b.details : [], b.current);
  }
  return new ApiError(status, status >= 500 ? 'INTERNAL' : 'HTTP_' + status, `服务器返回错误（HTTP ${status}）`);
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
