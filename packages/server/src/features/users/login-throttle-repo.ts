import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Failures older than this are forgotten; longer than the longest wait, so waits stay long. */
const FORGET_MS = 7 * 24 * 60 * 60_000;
/** The longest wait between two tries from one source for one account. */
const MAX_WAIT_MINUTES = 24 * 60;

export interface ThrottleRule {
  /** Tries from one source for one account before the first wait. */
  attempts: number;
  /** The first wait; each further failure doubles it, up to a day. */
  minutes: number;
}

/**
 * Counts this try as a failure before the password is checked, in one statement, so parallel
 * requests cannot all slip in before the first failure is written; a success deletes the row.
 * Returns undefined while this account and source must still wait. blockedUntil is set when
 * this try, if it fails, starts or lengthens a wait.
 */
export async function reserveAttempt(db: Kysely<DB>, username: string, ip: string, now: Date, rule: ThrottleRule) {
  const forgetBefore = new Date(now.getTime() - FORGET_MS);
  const next = sql<number>`CASE WHEN t.last_failure_at < ${forgetBefore} THEN 1 ELSE t.failures + 1 END`;
  // The exponent is capped before power() so that a long siege cannot overflow it.
  const wait = (failures: unknown) =>
    sql`CASE WHEN ${failures} >= ${rule.attempts}
          THEN ${now}::timestamptz + make_interval(mins => LEAST(${rule.minutes} * power(2, LEAST(${failures} - ${rule.attempts}, 16)), ${MAX_WAIT_MINUTES})::int)
        END`;
  const { rows } = await sql<{ failures: number; blocked_until: Date | null }>`
    INSERT INTO login_throttle AS t (username, ip, failures, last_failure_at, blocked_until)
    VALUES (${username}, ${ip}, 1, ${now}, ${wait(sql`1`)})
    ON CONFLICT (username, ip) DO UPDATE
      SET failures = ${next}, last_failure_at = ${now}, blocked_until = ${wait(next)}
      WHERE t.blocked_until IS NULL OR t.blocked_until <= ${now}
    RETURNING failures, blocked_until`.execute(db);
  const row = rows[0];
  return row && { failures: row.failures, blockedUntil: row.blocked_until };
}

export async function clearAttempts(db: Kysely<DB>, username: string, ip: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('username', '=', username).where('ip', '=', ip).execute();
}

/** An administrator's reset lifts every wait on the account. */
export async function clearAccountAttempts(db: Kysely<DB>, username: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('username', '=', username).execute();
}

/** Rows of names sprayed once and never again would otherwise stay for ever. */
export async function forgetOldAttempts(db: Kysely<DB>, now: Date): Promise<void> {
  await db.deleteFrom('login_throttle').where('last_failure_at', '<', new Date(now.getTime() - FORGET_MS)).execute();
}
