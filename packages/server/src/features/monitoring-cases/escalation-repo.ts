/**
 * The escalation check's one statement: an `escalated` event for every case late at its step
 * that has none since it entered that step, so a case is escalated once per step however often
 * the check runs (and again if it comes back to the step, e.g. a rejected elimination).
 */
import { sql, type Kysely } from 'kysely';
import { IDENTIFICATION_STEPS } from '@anju/core';
import type { DB } from '../../db/schema.js';
import { escalationLevel, FORWARD } from './case-flow.js';

const LEVEL_NAMES = { township: '乡镇', county: '县级', city: '市级' } as const;

const levelCase = sql.raw(
  `CASE c.step ${Object.keys(FORWARD)
    .map((step) => [step, escalationLevel(step)] as const)
    .filter(([, level]) => level)
    .map(([step, level]) => `WHEN '${step}' THEN '${level}'`)
    .join(' ')} END`,
);
const levelName = sql.raw(`CASE x.level ${Object.entries(LEVEL_NAMES).map(([k, v]) => `WHEN '${k}' THEN '${v}'`).join(' ')} END`);
const identification = sql.join(IDENTIFICATION_STEPS.map((s) => sql.lit(s)));

export async function insertEscalations(db: Kysely<DB>, division: string, today: string, at: Date) {
  const { rows } = await sql<{ case_id: string; dest_division_code: string; step: string; level: string }>`
    WITH x AS (
      SELECT c.id, c.step, c.dest_division_code, ${levelCase} AS level,
        least(c.step_due, CASE WHEN c.step IN (${identification}) THEN c.whole_due END) AS due
      FROM monitoring_case c
      WHERE c.dest_division_code LIKE ${division + '%'} AND c.step NOT IN ('monitored', 'eliminated', 'rejected')
    ), late AS (
      SELECT x.* FROM x
      WHERE x.due < ${today}::date AND x.level IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM case_event e
        WHERE e.case_id = x.id AND e.action = 'escalated' AND e.from_step = x.step
          AND e.id > coalesce((SELECT max(t.id) FROM case_event t WHERE t.case_id = x.id AND t.to_step = x.step AND t.action <> 'escalated'), 0))
    ), written AS (
      INSERT INTO case_event (case_id, action, from_step, to_step, note, data, username, at)
      SELECT x.id, 'escalated', x.step, NULL, '逾期未办结，已提请' || ${levelName} || '督办',
        jsonb_build_object('dueOn', to_char(x.due, 'YYYY-MM-DD'), 'overdueDays', ${today}::date - x.due, 'escalatedTo', x.level),
        'system', ${at}
      FROM late x
      RETURNING case_id
    )
    SELECT w.case_id::text AS case_id, x.dest_division_code, x.step, x.level FROM written w JOIN late x ON x.id = w.case_id
    ORDER BY w.case_id`.execute(db);
  return rows;
}
