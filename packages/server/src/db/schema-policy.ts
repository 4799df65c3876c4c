/** Kysely table types of migrations/0004_policy.sql. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateText = ColumnType<string, string, string>;
/** numeric comes back as a string from pg; repositories convert it. */
type Numeric = ColumnType<string, number | string, number | string>;
/** jsonb: parsed on read, written as JSON text. */
type Json = ColumnType<unknown, string, string>;

export interface PolicyPackRevisionTable {
  code: string;
  revision: number;
  body: Json;
  created_at: Timestamp;
  created_by: string | null;
  note: string | null;
}

export interface EntitlementTable {
  id: Generated<string>;
  pack_code: string;
  rule_id: string;
  rule_version_from: DateText;
  subject_kind: string;
  subject_id: string;
  subject_label: string;
  payee: string;
  county_code: string;
  division_code: string;
  household_id: string | null;
  kind: string;
  per: string;
  amount: Numeric | null;
  months: number | null;
  period_from: DateText | null;
  period_to: DateText | null;
  status: Generated<string>;
  reason: string | null;
  proposed_at: Timestamp;
  proposed_by: string | null;
  decided_at: NullableTimestamp;
  decided_by: string | null;
  paid_at: NullableTimestamp;
  paid_by: string | null;
  version: Generated<number>;
}

export interface PolicyTables {
  policy_pack_revision: PolicyPackRevisionTable;
  entitlement: EntitlementTable;
}
