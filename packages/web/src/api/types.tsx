/**
 * Response types. Where the server exports its zod output schemas, the types come from them
 * (type-only imports, erased at build time), so a change on the server fails this type-check
 * instead of drifting silently. The rest mirror route schemas the server does not export.
 */
import type { z } from 'zod';
import type { householdDetail, historyEntry } from '../../../server/src/features/households/household-schemas.js';
import type { sensitiveOutput } from '../../../server/src/features/persons/person-schemas.js';

export type { SiteOutput } from '../../../server/src/features/sites/site-schemas.js';
export type { HouseholdOutput } from '../../../server/src/features/households/household-schemas.js';
export type { PersonOutput } from '../../../server/src/features/persons/person-schemas.js';
export type { EmployerOutput } from '../../../server/src/features/employers/employer-schemas.js';
export type { WorkshopOutput } from '../../../server/src/features/workshops/workshop-schemas.js';
export type { OpeningOutput, MatchOutput, ReferralOutput } from '../../../server/src/features/job-openings/job-opening-schemas.js';
export type { CourseOutput, EnrolmentOutput, TrainingFiguresOutput } from '../../../server/src/features/training/training-schemas.js';
export type { PostOutput, HoldingOutput, CandidateOutput, WelfarePostFiguresOutput } from '../../../server/src/features/welfare-posts/welfare-post-schemas.js';
export type { PersonBrief } from '../../../server/src/features/persons/person-brief.js';
export type { UserOutput } from '../../../server/src/features/users/user-schemas.js';
export type { DashboardOutput } from '../../../server/src/features/dashboard/dashboard-schemas.js';

export type HouseholdDetail = z.infer<typeof householdDetail>;
export type HistoryEntry = z.infer<typeof historyEntry>;
export type SensitiveValues = z.infer<typeof sensitiveOutput>;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Division {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  codeYear: number;
}

export interface DivisionWithPath {
  division: Division;
  path: Division[];
}

export interface SessionUser {
  id: string | null;
  username: string;
  displayName: string;
  role: string;
  divisionCode: string;
  department: string | null;
  /** After an administrator's reset: only the change-password form until it is done. */
  mustChangePassword: boolean;
}

export interface SessionInfo {
  csrfToken: string;
  user: SessionUser;
  idleTimeoutMinutes: number;
}

export type ImportStatus = 'running' | 'validated' | 'rejected' | 'committed' | 'failed';

export interface ImportRowError {
  row: number;
  column: string;
  value: string;
  reason: string;
}

/** A row passed over without an error (a subtotal or total row), and why. */
export interface ImportRowNote {
  row: number;
  reason: string;
}

export interface ImportJob {
  id: string;
  ledger: string;
  fileName: string;
  dryRun: boolean;
  status: ImportStatus;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  errors: ImportRowError[];
  noteCount: number;
  notes: ImportRowNote[];
  counts: Record<string, { inserted: number; updated: number; unchanged: number }>;
  hasErrorFile: boolean;
  /** Department lists: rows matching nobody registered in the division, and their downloadable list. */
  unmatchedCount: number;
  hasUnmatchedFile: boolean;
  username: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  divisionCode: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditVerifyResult {
  ok: boolean;
  entries: number;
  brokenId?: string;
  reason?: string;
  lastHash?: string;
}
