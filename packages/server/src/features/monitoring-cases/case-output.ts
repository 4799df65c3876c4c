/** A case row as the API shows it: the list item, and the case fields of the detail page. */
import type { WorkingCalendar } from '../calendar/working-days.js';
import { latenessOf } from './case-deadlines.js';
import type { CaseRow } from './case-repo.js';

export function caseListItemOf(row: CaseRow, today: string, cal: WorkingCalendar) {
  return {
    id: row.id,
    householdId: row.household_id,
    householdNo: row.household_no,
    headName: row.head_name ?? '',
    divisionCode: row.dest_division_code,
    divisionName: row.division_name ?? '',
    channel: row.channel,
    category: row.category,
    householdKind: row.household_kind,
    step: row.step,
    leadOn: row.lead_on,
    stepDue: row.step_due,
    wholeDue: row.whole_due,
    dueEstimated: cal.isEstimate(row.step_due) || cal.isEstimate(row.whole_due),
    ...latenessOf(row, today),
    monitoredOn: row.monitored_on,
    eliminatedOn: row.eliminated_on,
    version: row.version,
  };
}

export function caseFieldsOf(row: CaseRow, today: string, cal: WorkingCalendar) {
  return {
    ...caseListItemOf(row, today, cal),
    countyCode: row.county_code,
    riskNote: row.risk_note,
    rejectedStep: row.rejected_step,
    rejectedReason: row.rejected_reason,
    commitmentSignedOn: row.commitment_signed_on,
    authorizationSignedOn: row.authorization_signed_on,
    noticeStart: row.notice_start,
    noticeEnd: row.notice_end,
    eliminationProposedOn: row.elimination_proposed_on,
    closedOn: row.closed_on,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
