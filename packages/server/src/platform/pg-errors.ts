/** Recognising PostgreSQL errors that carry a domain meaning (both pg and PGlite set `code`). */

const UNIQUE_VIOLATION = '23505';

/** True when `error` is a unique violation, of the named index or constraint if one is given. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (e.code !== UNIQUE_VIOLATION) return false;
  if (!constraint) return true;
  return e.constraint === constraint || (typeof e.message === 'string' && e.message.includes(constraint));
}
