/**
 * The six conditions of risk elimination (docs/MONITORING.md §4), each met or not with the
 * figures behind it. The household's facts are the policy engine's (fact-repo.ts), so the check
 * reads the registry, ledger and department data exactly as the warning rules do; the income
 * history and the tasks are read here because the facts hold one month only.
 */
import { today as todayOf, type AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ValidationError } from '../../platform/errors.js';
import { factQuery } from '../policy/policy-access.js';
import { factRowsOf } from '../policy/population-repo.js';
import { incomeLineOn, monitoringThresholds } from '../monitoring/monitoring-settings.js';
import { assertCaseRead, loadCase } from './case-access.js';
import { addMonthsToDate } from './case-deadlines.js';
import type { CaseRow } from './case-repo.js';
import { doneTaskCount, householdIncomeByPeriod, memberInsurance } from './case-facts-repo.js';

export interface Condition {
  key: 'monitoredMonths' | 'taskDone' | 'stableIncome' | 'rigidExpense' | 'basicNeeds' | 'labour';
  label: string;
  met: boolean;
  detail: string;
}

const yuan = (n: number) => `${Math.round(n)}元`;
const percent = (share: number) => `${Math.round(share * 100)}%`;

async function stableIncome(ctx: AppContext, c: CaseRow, today: string, months: number, members: number): Promise<Condition> {
  const label = '收入持续稳定';
  const line = await incomeLineOn(ctx.db, c.county_code, today);
  if (!line) return { key: 'stableIncome', label, met: false, detail: '本省尚未设置收入监测标准，无法判断' };
  const monthlyLine = line.yuan / 12;
  const periods = await householdIncomeByPeriod(ctx.db, c.household_id, c.county_code, today.slice(0, 7), months);
  const perCapita = periods.map((p) => ({ ...p, perCapita: p.income / Math.max(members, 1) }));
  const below = perCapita.filter((p) => p.perCapita <= monthlyLine);
  const shown = perCapita.map((p) => `${p.period} ${yuan(p.perCapita)}`).join('，');
  const base = `监测标准${line.yuan}元/年（每月${yuan(monthlyLine)}）；近${perCapita.length}期人均月务工收入：${shown || '无'}`;
  if (periods.length < months) return { key: 'stableIncome', label, met: false, detail: `就业台账仅有${periods.length}期，须连续${months}期高于监测标准；${base}` };
  if (below.length) return { key: 'stableIncome', label, met: false, detail: `${below.map((p) => p.period).join('、')}未高于监测标准；${base}` };
  return { key: 'stableIncome', label, met: true, detail: `连续${months}期高于监测标准；${base}` };
}

/** Every condition, in the order of §4, as of `today`. `ctx.db` may be a transaction. */
export async function eliminationConditions(ctx: AppContext, c: CaseRow, today: string): Promise<Condition[]> {
  const thresholds = await monitoringThresholds(ctx.db, c.county_code, today);
  const fq = await factQuery(ctx, { division: '', asOf: today, householdId: c.household_id });
  const [facts, tasks, insurance] = await Promise.all([factRowsOf(ctx.db, 'household', fq), doneTaskCount(ctx.db, c.id), memberInsurance(ctx.db, c.household_id)]);
  const f = (facts[0] ?? {}) as Record<string, unknown>;
  const fact = <T>(name: string, fallback: T) => (f[`household.${name}`] ?? fallback) as T;

  const since = c.monitored_on ? addMonthsToDate(c.monitored_on, thresholds.minMonitoredMonths) : null;
  const monitoredMonths: Condition = {
    key: 'monitoredMonths',
    label: `纳入监测满${thresholds.minMonitoredMonths}个月`,
    met: since !== null && today >= since,
    detail: since ? `${c.monitored_on}纳入监测，${since}起满${thresholds.minMonitoredMonths}个月` : '尚未纳入监测',
  };
  const taskDone: Condition = {
    key: 'taskDone', label: '帮扶措施已落实', met: tasks > 0, detail: tasks > 0 ? `已办结帮扶任务${tasks}项` : '尚无已办结的帮扶任务',
  };
  const share = fact('rigidExpenseShare', 0);
  const limit = fact('rigidExpenseThreshold', thresholds.rigidExpenseShare);
  const rigidExpense: Condition = {
    // The twin of the warning rule (JC-2021-rigid-expense warns above the share).
    key: 'rigidExpense', label: '刚性支出无压力', met: share <= limit,
    detail: `近12个月医疗支出${yuan(fact('medicalExpense12m', 0))}，占务工收入${percent(share)}（预警比例${percent(limit)}）`,
  };
  const gaps = [
    fact('childOutOfSchool', false) && '有义务教育阶段子女失学辍学',
    fact('unsafeHousing', false) && '住房不安全',
    fact('unsafeWater', false) && '饮水不安全',
    insurance.uninsured > 0 && `${insurance.uninsured}人未参加基本医疗保险`,
    // Unknown is not insured: 基本医疗有保障 has to be known, so the gap is named for filling in.
    insurance.unknown > 0 && `${insurance.unknown}人是否参加基本医疗保险未填写`,
  ].filter((g): g is string => typeof g === 'string');
  const basicNeeds: Condition = {
    key: 'basicNeeds', label: '“三保障”和饮水安全', met: gaps.length === 0,
    detail: gaps.length ? gaps.join('；') : '义务教育、基本医疗、住房安全和饮水安全均有保障',
  };
  const workers = fact('labourForceMembers', 0);
  const labour: Condition = {
    key: 'labour', label: '有劳动能力', met: workers > 0,
    detail: workers > 0 ? `劳动年龄内有劳动能力成员${workers}人` : '该户无劳动年龄内有劳动能力的成员：无劳动能力的兜底保障户不作风险消除，继续监测',
  };
  const income = await stableIncome(ctx, c, today, thresholds.stableIncomeMonths, insurance.members);
  return [monitoredMonths, taskDone, income, rigidExpense, basicNeeds, labour];
}

/** Refuses an elimination with every unmet condition named (details keyed by condition). */
export async function assertEliminable(ctx: AppContext, c: CaseRow, today: string): Promise<Condition[]> {
  const conditions = await eliminationConditions(ctx, c, today);
  const unmet = conditions.filter((x) => !x.met);
  if (unmet.length) {
    throw new ValidationError(
      `不符合风险消除条件：${unmet.map((x) => x.label).join('、')}`,
      unmet.map((x) => ({ path: x.key, message: `${x.label}：${x.detail}` })),
    );
  }
  return conditions;
}

/** GET …/elimination-check: the conditions as of today, for any case the actor may read. */
export async function eliminationCheck(ctx: AppContext, actor: Actor, id: string) {
  assertCaseRead(actor);
  const row = await loadCase(ctx, actor, id);
  const today = todayOf(ctx);
  const conditions = await eliminationConditions(ctx, row, today);
  return { caseId: row.id, asOf: today, allMet: conditions.every((c) => c.met), conditions };
}
