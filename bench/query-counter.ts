/**
 * Counts the SQL statements sent through a pg.Pool (its own query() and those of the clients it
 * hands out, which is how Kysely sends them), so a benchmark can say how many a step issued.
 */
import type pg from 'pg';

export interface QueryCounter {
  /** Statements since the last reset (BEGIN and COMMIT included). */
  count(): number;
  reset(): void;
}

export function countQueries(pool: pg.Pool): QueryCounter {
  let n = 0;
  const wrapped = new WeakSet<object>();
  // pool.query() goes through a client too, so wrapping each client (once, the first time the
  // pool hands it out) counts every statement exactly once.
  pool.on('acquire', (client: pg.PoolClient) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const clientQuery = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => {
      n++;
      return clientQuery(...args);
    };
  });
  return { count: () => n, reset: () => void (n = 0) };
}
