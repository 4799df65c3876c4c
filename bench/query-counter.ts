/**
 * Counts and times the SQL statements sent through a pg.Pool (its own query() and those of the
 * clients it hands out, which is how Kysely sends them), so a benchmark can say how many a step
 * issued and which of them took the time.
 */
import type pg from 'pg';

export interface QueryCounter {
  /** Statements since the last reset (BEGIN and COMMIT included). */
  count(): number;
  /** Milliseconds per kind of statement since the last reset, slowest first. */
  breakdown(): { statement: string; calls: number; ms: number }[];
  reset(): void;
}

type Query = (...args: unknown[]) => unknown;

/** The first words of a statement, enough to tell the ledger's statements apart. */
function label(args: unknown[]): string {
  const first = args[0];
  const text = typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '');
  return text.replace(/\s+/g, ' ').trim().slice(0, 60);
}

export function countQueries(pool: pg.Pool): QueryCounter {
  let n = 0;
  let times = new Map<string, { calls: number; ms: number }>();
  const wrapped = new WeakSet<object>();
  const record = (key: string, started: bigint) => {
    const t = times.get(key) ?? { calls: 0, ms: 0 };
    t.calls++;
    t.ms += Number(process.hrtime.bigint() - started) / 1e6;
    times.set(key, t);
  };
  // pool.query() goes through a client too, so wrapping each client (once, the first time the
  // pool hands it out) counts every statement exactly once.
  pool.on('acquire', (client: pg.PoolClient) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const clientQuery = client.query.bind(client) as Query;
    (client as unknown as { query: Query }).query = (...args) => {
      n++;
      const key = label(args);
      const started = process.hrtime.bigint();
      const callback = args.at(-1);
      // pool.query() passes a callback; Kysely awaits the returned promise.
      if (typeof callback === 'function') {
        return clientQuery(...args.slice(0, -1), (err: unknown, res: unknown) => {
          record(key, started);
          (callback as (err: unknown, res: unknown) => void)(err, res);
        });
      }
      const result = clientQuery(...args);
      // A COPY stream (pg-copy-streams) is returned as it is, untimed.
      if (!(result instanceof Promise)) return result;
      return result.finally(() => record(key, started));
    };
  });
  return {
    count: () => n,
    breakdown: () => [...times.entries()].map(([statement, t]) => ({ statement, ...t })).sort((a, b) => b.ms - a.ms),
    reset: () => {
      n = 0;
      times = new Map();
    },
  };
}
