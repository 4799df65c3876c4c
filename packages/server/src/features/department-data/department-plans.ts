/** The departments' lists as ledgers of the import centre: one staging layout, one merge. */
import { departmentLedgers, listDepartments, type DepartmentLedgerName, type LedgerDefinition, type ListDepartment } from '@anju/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { LedgerPlan } from '../imports/ledger-plans.js';
import type { MergeCounts } from '../imports/registry-import-repo.js';
import type { StageColumn } from '../imports/stage-columns.js';
import { systemActor } from '../../platform/actor.js';
import { runMonitor } from '../monitoring/monitor-run.js';
import { countiesOfJob } from './department-record-repo.js';
import { matchAndCheck, mergeRecords, unmatchedRows, updateDisability, updateSafetyNet } from './department-import-repo.js';
import { departmentStage } from './department-stage.js';
import { today as chinaToday } from '../../platform/context.js';

/** Lists whose matches update a registry fact (SPEC §11.2); 公安 deaths are recorded only. */
const FACT_UPDATES: Partial<Record<ListDepartment, (db: Kysely<DB>, stage: string, jobId: string) => Promise<MergeCounts>>> = {
  civil_affairs: updateSafetyNet,
  disabled_federation: updateDisability,
};

function departmentPlan(department: ListDepartment): LedgerPlan {
  return {
    definition: departmentLedgers[`department_${department}`] as LedgerDefinition<unknown>,
    stage: departmentStage as StageColumn<unknown>[],
    check: (db, stage, scope) => matchAndCheck(db, stage, scope),
    unmatched: (db, stage) => unmatchedRows(db, stage),
    // SPEC §4: warnings run "monthly and on every relevant data change" — so at once, this month,
    // over the counties the list touched (a re-imported list adds no records and raises nothing).
    async afterCommit(ctx, jobId) {
      const period = chinaToday(ctx).slice(0, 7);
      for (const county of await countiesOfJob(ctx.db, jobId)) await runMonitor(ctx, systemActor('数据比对'), { period, division: county });
    },
    async merge(db, stage, jobId) {
      const counts: Record<string, MergeCounts> = { department_record: await mergeRecords(db, stage, jobId, department) };
      const update = FACT_UPDATES[department];
      if (update) counts.person = await update(db, stage, jobId);
      return counts;
    },
  };
}

export const departmentPlans = Object.fromEntries(listDepartments.values.map((d) => [`department_${d}`, departmentPlan(d)])) as Record<DepartmentLedgerName, LedgerPlan>;
