/** Kysely table types of migrations/0002_employment.sql. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateText = ColumnType<string, string, string>;
/** numeric comes back as a string from pg; repositories convert it. */
type Numeric = ColumnType<string, number | string, number | string>;
type Json = ColumnType<unknown, string, string>;

export interface LabourPeriodTable {
  county_code: string;
  period: string;
  status: Generated<string>;
  opened_at: Timestamp;
  opened_by: string | null;
  closed_at: NullableTimestamp;
  closed_by: string | null;
}

export interface LabourRecordTable {
  person_id: string;
  period: string;
  county_code: string;
  dest_division_code: string;
  household_id: string;
  wants_work: Generated<boolean>;
  state: Generated<string>;
  channel: string | null;
  place: string | null;
  employer_id: string | null;
  employer_name: string | null;
  start_date: DateText | null;
  contract_months: number | null;
  social_insurance: Generated<boolean>;
  monthly_income: Numeric | null;
  training_wish: Generated<boolean>;
  confirmed: Generated<boolean>;
  corrected: Generated<boolean>;
  labour_force: Generated<boolean>;
  stably_employed: Generated<boolean>;
  first_cross_province: Generated<boolean>;
  returnee: Generated<boolean>;
  employed_last12: Generated<number>;
  outside_streak: Generated<number>;
  outside_months: Generated<number>;
  hired_as_returnee: Generated<boolean>;
  /** Months counted for the policy facts: confirmed ones (features/employment/labour-streaks.ts). */
  months_employed_last12: Generated<number>;
  months_employed: Generated<number>;
  months_outside: Generated<number>;
  months_at_employer: Generated<number>;
  months_insured: Generated<number>;
  version: Generated<number>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface LabourCorrectionTable {
  id: Generated<string>;
  person_id: string;
  period: string;
  reason: string;
  before: Json;
  after: Json;
  user_id: string | null;
  at: Timestamp;
}

export interface LabourSummaryTable {
  period: string;
  division_code: string;
  county_code: string;
  metric: string;
  value: Numeric;
}

export interface ZeroEmploymentCaseTable {
  id: Generated<string>;
  household_id: string;
  county_code: string;
  dest_division_code: string;
  found_period: string;
  found_on: DateText;
  last_seen_period: string;
  cleared_period: string | null;
  cleared_on: DateText | null;
  cleared_reason: string | null;
  action: string | null;
  action_note: string | null;
  responsible: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface TrainingCourseTable {
  id: Generated<string>;
  name: string;
  kind: string;
  provider: string;
  county_code: string;
  division_code: string;
  place: string | null;
  start_date: DateText;
  end_date: DateText;
  certificate: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface TrainingEnrolmentTable {
  id: Generated<string>;
  course_id: string;
  person_id: string;
  dest_division_code: string;
  status: Generated<string>;
  completed_on: DateText | null;
  certificate_no: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface WelfarePostTable {
  id: Generated<string>;
  site_id: string;
  division_code: string;
  title: string;
  duty: string;
  grade: string;
  monthly_pay: Numeric;
  funding: string;
  active: Generated<boolean>;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface WelfarePostHoldingTable {
  id: Generated<string>;
  post_id: string;
  person_id: string;
  start_date: DateText;
  end_date: DateText | null;
  end_reason: string | null;
}

export interface WorkshopTable {
  employer_id: string;
  workshop_kind: string;
  jobs: Generated<number>;
  poverty_workers: Generated<number>;
  relocated_workers: Generated<number>;
  insured_workers: Generated<number>;
  yearly_contract_workers: Generated<number>;
  recognised_on: DateText | null;
  upgraded_on: DateText | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface JobOpeningTable {
  id: Generated<string>;
  title: string;
  source: string;
  employer_id: string | null;
  partner: string | null;
  county_code: string;
  division_code: string;
  place: string;
  work_location: string | null;
  skills: ColumnType<string[], string[] | undefined, string[]>;
  min_capacity: Generated<string>;
  min_age: number | null;
  max_age: number | null;
  monthly_pay: Numeric | null;
  positions: Generated<number>;
  open_until: DateText | null;
  status: Generated<string>;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface JobReferralTable {
  id: Generated<string>;
  opening_id: string;
  person_id: string;
  dest_division_code: string;
  referred_on: DateText;
  outcome: Generated<string>;
  outcome_on: DateText | null;
  note: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface EmploymentTables {
  labour_period: LabourPeriodTable;
  labour_record: LabourRecordTable;
  labour_correction: LabourCorrectionTable;
  labour_summary: LabourSummaryTable;
  zero_employment_case: ZeroEmploymentCaseTable;
  training_course: TrainingCourseTable;
  training_enrolment: TrainingEnrolmentTable;
  welfare_post: WelfarePostTable;
  welfare_post_holding: WelfarePostHoldingTable;
  workshop: WorkshopTable;
  job_opening: JobOpeningTable;
  job_referral: JobReferralTable;
}
