import { can, departmentDataScope, departmentRecordKinds, describeDepartmentRecord, listDepartments, maskIdNumber, type DepartmentRecordKind } from '@anju/core';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ForbiddenError } from '../../platform/errors.js';
import type { Page } from '../../platform/paging.js';
import * as repo from './department-record-repo.js';
import type { RecordListQuery, RecordOutput } from './department-record-schemas.js';

function toOutput(r: repo.RecordRow): RecordOutput {
  const amount = r.amount === null ? null : Number(r.amount);
  const detail = (r.detail ?? {}) as Record<string, string | number | null>;
  const kind = r.kind as DepartmentRecordKind;
  return {
    id: String(r.id),
    department: r.department,
    departmentLabel: listDepartments.labels[r.department as keyof typeof listDepartments.labels] ?? r.department,
    kind: r.kind,
    kindLabel: departmentRecordKinds.labels[kind] ?? r.kind,
    summary: describeDepartmentRecord(kind, amount, detail),
    personId: String(r.person_id),
    personName: r.name,
    idNumber: maskIdNumber(r.id_number),
    householdId: String(r.household_id),
    householdNo: r.household_no,
    divisionCode: r.dest_division_code,
    occurredOn: r.occurred_on,
    period: r.period,
    amount,
    detail,
    sourceFile: r.source_file,
    importJobId: String(r.import_job_id),
    createdAt: r.created_at.toISOString(),
  };
}

/**
 * The department evidence inside a division (for a case page: its household). Health,
 * disability and assistance are sensitive, so only roles whose work needs them read these, and
 * a department user reads only their own department's records.
 */
export async function listDepartmentRecords(ctx: AppContext, actor: Actor, query: RecordListQuery): Promise<Page<RecordOutput>> {
  if (!can(actor.role, 'department_data.read')) throw new ForbiddenError('无权查看部门比对数据');
  const division = query.division ?? actor.divisionCode;
  if (!division.startsWith(actor.divisionCode)) throw new ForbiddenError('查询范围超出本人管辖范围');
  const own = departmentDataScope(actor.role, actor.department);
  if (own === 'none' || (own && query.department && query.department !== own)) throw new ForbiddenError('行业部门用户只能查看本部门的比对数据');
  const { page, pageSize, ...filter } = query;
  const { items, total } = await repo.listRecords(ctx.db, { ...filter, division, department: own ?? query.department }, page, pageSize);
  return { items: items.map(toOutput), total, page, pageSize };
}
