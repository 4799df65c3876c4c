/**
 * The labour force's "not a full-time student" in SQL, for the person row aliased `alias`: only
 * a known student is left out; an unknown school stage (未填写) keeps the person in the labour
 * force (core registry/labour-force.ts `isLabourForce` says why). One fragment for every query
 * that counts or lists the labour force, so they cannot drift apart.
 */
import { sql } from 'kysely';

export const notKnownStudent = (alias: string) => sql<boolean>`coalesce(${sql.ref(`${alias}.school_stage`)}, 'none') = 'none'`;
