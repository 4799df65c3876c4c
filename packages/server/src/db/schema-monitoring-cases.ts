import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A date column read as 'YYYY-MM-DD' text (see the pg type parser in db/). */
type DateText = ColumnType<string, string, string>;

export interface MonitoringCaseTable {
  id: Generated<string>;
  household_id: string;
  county_code: string;
  dest_division_code: string;
  channel: string;
  category: string;
  risk_note: string;
  step: Generated<string>;
  rejected_step: string | null;
  rejected_reason: string | null;
  commitment_signed_on: DateText | null;
  authorization_signed_on: DateText | null;
  notice_start: DateText | null;
  notice_end: DateText | null;
  step_due: DateText | null;
  whole_due: DateText | null;
  lead_on: DateText;
  monitored_on: DateText | null;
  elimination_proposed_on: DateText | null;
  eliminated_on: DateText | null;
  closed_on: DateText | null;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CaseEventTable {
  id: Generated<string>;
  case_id: string;
  action: string;
  from_step: string | null;
  to_step: string | null;
  note: string | null;
  data: Generated<unknown>;
  username: string;
  at: Timestamp;
}

export interface CaseEvidenceTable {
  id: Generated<string>;
  case_id: string;
  kind: string;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  stored_path: string;
  username: string;
  uploaded_at: Generated<Date>;
}

export interface AssistanceNeedTable {
  id: Generated<string>;
  case_id: string;
  kind: string;
  description: string;
  username: string;
  created_at: Generated<Date>;
}

export interface AssistanceTaskTable {
  id: Generated<string>;
  case_id: string;
  household_id: string;
  county_code: string;
  dest_division_code: string;
  measure: string;
  department: string;
  title: string;
  due_on: DateText;
  status: Generated<string>;
  outcome: string | null;
  done_on: DateText | null;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SafetyNetConversionTable {
  id: Generated<string>;
  person_id: string;
  household_id: string;
  county_code: string;
  dest_division_code: string;
  from_state: string;
  to_state: string;
  confirmed_on: DateText;
  due_on: DateText;
  completed_on: DateText | null;
  status: Generated<string>;
  note: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface MonitoringCaseTables {
  monitoring_case: MonitoringCaseTable;
  case_event: CaseEventTable;
  case_evidence: CaseEvidenceTable;
  assistance_need: AssistanceNeedTable;
  assistance_task: AssistanceTaskTable;
  safety_net_conversion: SafetyNetConversionTable;
}
