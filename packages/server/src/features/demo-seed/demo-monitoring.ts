/**
 * The demo's monitoring cases (docs/MONITORING.md): about twenty households of the first county
 * at every step — leads from each channel (some from department warnings, one overdue), cases in
 * verification and notice, a dozen monitored with needs and tasks for several departments (some
 * done, some late), one in the elimination notice, two eliminated, one rejected — and three
 * safety-net conversions, one overdue. Dates count back from today, deadlines in working days.
 */
import { today as todayOf, type AppContext } from '../../platform/context.js';
import { calendarOf, type WorkingCalendar } from '../calendar/working-days.js';
import { monitoringDeadlines } from '../monitoring/monitoring-settings.js';
import { countiesWithHouseholds } from './demo-ledger-repo.js';
import * as repo from './demo-monitoring-repo.js';
import { CASES, CONVERSIONS, NEEDS, TASKS, type CaseScenario } from './demo-monitoring-plan.js';

const DAY_MS = 86_400_000;
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Working days on the calendar; past its last covered year the calendar estimates (Monday to Friday), as the workflow does. */
function workingDays(cal: WorkingCalendar) {
  return (from: string, n: number): string => cal.addWorkingDays(from, n);
}

type Due = ReturnType<typeof workingDays>;
type Deadlines = Awaited<ReturnType<typeof monitoringDeadlines>>;

/** The dated columns of a scenario, and the timeline that led there. */
function caseRow(s: CaseScenario, today: string, due: Due, d: Deadlines): { row: repo.CaseSeed; events: Omit<repo.EventSeed, 'case_id'>[] } {
  const leadOn = shift(today, -s.leadAgo);
  const monitoredOn = s.monitoredAgo === undefined ? null : shift(today, -s.monitoredAgo);
  const wholeDue = due(leadOn, d.whole);
  // The identification steps are spread evenly between the lead and the county's approval.
  const end = monitoredOn ?? shift(today, -(s.sinceStep ?? 1));
  const stepOn = (i: number) => shift(leadOn, Math.round(((Date.parse(end) - Date.parse(leadOn)) / DAY_MS) * (i / 5)));
  const noticeStart = s.step === 'notice' ? shift(today, -(s.sinceStep ?? 1)) : null;
  const noticeEnd = noticeStart && shift(noticeStart, d.noticeDays - 1);
  const eliminationStart = s.step === 'elimination_notice' ? shift(today, -(s.sinceStep ?? 1)) : null;
  const eliminationEnd = eliminationStart && shift(eliminationStart, d.noticeDays - 1);
  const eliminatedOn = s.eliminatedAgo === undefined ? null : shift(today, -s.eliminatedAgo);
  const stepDue: Record<string, string | null> = {
    lead: due(leadOn, d.verification),
    verified: wholeDue,
    compared: wholeDue,
    notice: noticeEnd && due(noticeEnd, d.townshipReview),
    township_reviewed: due(end, d.countyApproval),
    elimination_notice: eliminationEnd && due(eliminationEnd, d.countyApproval),
  };
  const path = ['lead', 'verified', 'compared', 'notice', 'township_reviewed', 'monitored'];
  const actions = ['verify', 'compare', 'notice', 'township_review', 'county_approve'];
  const reached = s.step === 'rejected' ? path.indexOf(s.rejectedAt!) : Math.min(path.indexOf(s.step) === -1 ? 5 : path.indexOf(s.step), 5);
  const events: Omit<repo.EventSeed, 'case_id'>[] = [{ action: 'lead', from_step: null, to_step: 'lead', note: s.riskNote, at: leadOn }];
  for (let i = 0; i < reached; i++) {
    // The last step taken is the one the case has stood at since `end` (the notice's start, the approval).
    const at = i === reached - 1 && s.step !== 'rejected' ? end : stepOn(i + 1);
    events.push({ action: actions[i]!, from_step: path[i]!, to_step: path[i + 1]!, note: null, at });
  }
  if (s.step === 'rejected') events.push({ action: 'reject', from_step: s.rejectedAt!, to_step: 'rejected', note: s.rejectedReason!, at: end });
  if (eliminationStart || eliminatedOn) {
    const proposed = eliminationStart ?? shift(eliminatedOn!, -(d.noticeDays + 3));
    events.push({ action: 'propose_elimination', from_step: 'monitored', to_step: 'elimination_notice', note: '收入持续稳定，帮扶措施已落实', at: proposed });
    if (eliminatedOn) events.push({ action: 'approve_elimination', from_step: 'elimination_notice', to_step: 'eliminated', note: null, at: eliminatedOn });
  }
  const row: repo.CaseSeed = {
    n: s.n, poor: s.poor, channel: s.channel, category: s.category, risk_note: s.riskNote, step: s.step, lead_on: leadOn,
    commitment_signed_on: reached >= 1 ? stepOn(1) : null,
    notice_start: noticeStart ?? eliminationStart, notice_end: noticeEnd ?? eliminationEnd,
    step_due: stepDue[s.step] ?? null,
    whole_due: wholeDue, monitored_on: monitoredOn, elimination_proposed_on: eliminationStart,
    eliminated_on: eliminatedOn, closed_on: eliminatedOn ?? (s.step === 'rejected' ? end : null),
    rejected_step: s.rejectedAt ?? null, rejected_reason: s.rejectedReason ?? null,
  };
  return { row, events };
}

/** Seeds the first county's cases, plans and conversions; returns what was written. */
export async function seedMonitoring(ctx: AppContext, seed: number): Promise<{ cases: number; tasks: number; conversions: number }> {
  const [countyCode] = await countiesWithHouseholds(ctx.db);
  if (!countyCode) return { cases: 0, tasks: 0, conversions: 0 };
  const today = todayOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const due = workingDays(await calendarOf(trx, { estimate: true }));
    const deadlines = await monitoringDeadlines(trx, countyCode, today);
    const built = CASES.map((s) => ({ s, ...caseRow(s, today, due, deadlines) }));
    const ids = await repo.insertDemoCases(trx, seed, countyCode, built.map((b) => b.row));
    await repo.markMonitoredHouseholds(trx);
    await repo.insertDemoEvents(trx, built.flatMap((b) => (ids.has(b.s.n) ? b.events.map((e) => ({ ...e, case_id: ids.get(b.s.n)! })) : [])));
    const planned = built.filter((b) => b.row.monitored_on !== null && ids.has(b.s.n));
    await repo.insertDemoNeeds(trx, planned.flatMap((b) => NEEDS[b.s.category]!.map((need) => ({ ...need, case_id: ids.get(b.s.n)! }))));
    const tasks = planned.flatMap((b, i) => TASKS[b.s.category]!.map((t, j) => {
      const start = b.row.monitored_on!;
      // Every third task of a case monitored for a while is done, and all of the cases proposed
      // or eliminated; of the rest, those handed over more than a month ago are late.
      const done = ((i + j) % 3 === 0 && b.s.monitoredAgo! > 50) || b.s.step !== 'monitored';
      const dueOn = done || b.s.monitoredAgo! > 40 ? shift(start, 30 + 10 * j) : shift(today, 15 + 5 * j);
      return {
        case_id: ids.get(b.s.n)!, measure: t.measure, department: t.department, title: t.title, due_on: dueOn,
        status: done ? 'done' : j % 2 === 0 ? 'assigned' : 'in_progress', outcome: done ? t.outcome : null, done_on: done ? [shift(start, 20 + 10 * j), today].sort()[0]! : null,
      };
    }));
    await repo.insertDemoTasks(trx, tasks);
    const conversions = CONVERSIONS.map((c, k) => {
      const confirmedOn = shift(today, -c.confirmedAgo);
      return {
        k: k + 1, confirmed_on: confirmedOn, due_on: due(confirmedOn, deadlines.conversion), status: c.status,
        completed_on: c.completedAgo === undefined ? null : shift(today, -c.completedAgo), note: c.note,
      };
    });
    // Two more than are converted, so the candidates page has someone to confirm.
    await repo.ensureConversionCandidates(trx, seed, countyCode, CONVERSIONS.length + 2);
    const converted = await repo.insertDemoConversions(trx, seed, countyCode, conversions);
    return { cases: ids.size, tasks: tasks.length, conversions: converted };
  });
}
