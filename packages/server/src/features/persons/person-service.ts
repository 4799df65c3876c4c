import { ageOn, birthDateFor, can, isLabourForce, maskIdNumber, maskPhone, parseIdNumber, type LabourForceSetting, type LabourCapacity, type PersonInput, type SchoolStage } from '@anju/core';
import { today, type AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { OUT_OF_SCOPE } from '../../platform/out-of-scope.js';
import type { Page } from '../../platform/paging.js';
import { appendAudit } from '../audit/audit-repo.js';
import { findHousehold } from '../households/household-repo.js';
import { labourForceBirthWindow, labourForceSetting } from '../settings/labour-force-setting.js';
import * as repo from './person-repo.js';
import type { z } from 'zod';
import type { PersonOutput, personListQuery } from './person-schemas.js';

/** `canUnmask`: the reader's `personal.unmask`; without it the birth date is left out (the age stays). */
export function toPersonOutput(p: repo.PersonRow, on: string, setting: LabourForceSetting, canUnmask: boolean): PersonOutput {
  return {
    id: String(p.id),
    householdId: String(p.household_id),
    householdNo: p.household_no,
    householdKind: p.household_kind,
    siteId: String(p.site_id),
    idNumber: maskIdNumber(p.id_number),
    masked: true,
    name: p.name,
    sex: p.sex,
    birthDate: birthDateFor(p.birth_date, canUnmask),
    age: ageOn(p.birth_date, on),
    relation: p.relation,
    ethnicity: p.ethnicity,
    education: p.education,
    schoolStage: p.school_stage,
    health: p.health,
    disabilityGrade: p.disability_grade,
    labourCapacity: p.labour_capacity,
    labourForce: isLabourForce(
      { birthDate: p.birth_date, labourCapacity: p.labour_capacity as LabourCapacity, schoolStage: p.school_stage as SchoolStage | null },
      on,
      setting,
    ),
    skills: p.skills,
    medicalInsurance: p.medical_insurance,
    pensionInsurance: p.pension_insurance,
    safetyNet: p.safety_net,
    forestRanger: p.forest_ranger,
    hukouState: p.hukou_state,
    phone: p.phone ? maskPhone(p.phone) : null,
    version: p.version,
    updatedAt: p.updated_at.toISOString(),
  };
}

function assertCan(actor: Actor, write: boolean): void {
  if (!can(actor.role, write ? 'registry.write' : 'registry.read')) throw new ForbiddenError(write ? '无权修改人员信息' : '无权查看人员信息');
}

async function load(ctx: AppContext, actor: Actor, id: string): Promise<repo.PersonRow> {
  const row = /^\d+$/.test(id) ? await repo.findPerson(ctx.db, id, actor.divisionCode) : undefined;
  if (!row) throw new NotFoundError('人员');
  return row;
}

export async function getPerson(ctx: AppContext, actor: Actor, id: string): Promise<PersonOutput> {
  assertCan(actor, false);
  const row = await load(ctx, actor, id);
  return toPersonOutput(row, today(ctx), await labourForceSetting(ctx, row.dest_division_code), can(actor.role, 'personal.unmask'));
}

export type PersonListQuery = z.infer<typeof personListQuery>;

export async function listPersons(ctx: AppContext, actor: Actor, query: PersonListQuery): Promise<Page<PersonOutput>> {
  assertCan(actor, false);
  const on = today(ctx);
  const setting = await labourForceSetting(ctx, query.divisionCode ?? actor.divisionCode);
  const filter: repo.PersonFilter = {
    scope: actor.divisionCode,
    q: query.q,
    idNumber: query.idNumber ? query.idNumber.toUpperCase() : undefined,
    householdId: query.householdId,
    siteId: query.siteId,
    divisionCode: query.divisionCode,
    sex: query.sex,
    labourCapacity: query.labourCapacity,
    labourForce: query.labourForce === 'true' ? labourForceBirthWindow(setting, on) : undefined,
    registeredPoor: query.registeredPoor === undefined ? undefined : query.registeredPoor === 'true',
  };
  const { items, total } = await repo.listPersons(ctx.db, filter, query.sort, query.desc === 'true', query.page, query.pageSize);
  const canUnmask = can(actor.role, 'personal.unmask');
  return { items: items.map((p) => toPersonOutput(p, on, setting, canUnmask)), total, page: query.page, pageSize: query.pageSize };
}

/** Birth date and sex come from the ID number; the schema already checked any given ones agree. */
function withDerived(input: PersonInput): PersonInput & { sex: string; birthDate: string } {
  const parsed = parseIdNumber(input.idNumber);
  if (!parsed.ok) throw new ValidationError(parsed.reason, [{ path: 'idNumber', message: parsed.reason }]);
  return { ...input, sex: parsed.facts.sex, birthDate: parsed.facts.birthDate };
}

async function writableHousehold(ctx: AppContext, actor: Actor, householdId: number) {
  const household = await findHousehold(ctx.db, String(householdId), actor.divisionCode);
  if (!household || !household.dest_division_code.startsWith(actor.divisionCode)) {
    throw new ValidationError('所属户不存在或不在本人管辖范围内', [{ path: 'householdId', message: '所属户不存在或无权访问' }]);
  }
  if (household.status !== 'active') throw new ValidationError(`户 ${household.household_no} 已注销，不能添加或修改成员`, [{ path: 'householdId', message: '该户已注销' }]);
  return household;
}

/**
 * One person, one household: a second registration inside the actor's division names the
 * household; one outside it answers OUT_OF_SCOPE.idNumber, the same wherever it is.
 */
async function assertIdNumberFree(ctx: AppContext, actor: Actor, idNumber: string, householdNo: string, selfId?: string): Promise<void> {
  const existing = await repo.findPersonByIdNumber(ctx.db, idNumber);
  if (!existing || String(existing.id) === selfId) return;
  if (!existing.dest_division_code.startsWith(actor.divisionCode)) throw new ConflictError(OUT_OF_SCOPE.idNumber);
  throw new ConflictError(`身份证号 ${maskIdNumber(idNumber)} 已登记在户 ${existing.household_no}，不能再登记到户 ${householdNo}（一人只能属于一个在册户）`);
}

export async function createPerson(ctx: AppContext, actor: Actor, input: PersonInput): Promise<PersonOutput> {
  assertCan(actor, true);
  const person = withDerived(input);
  const household = await writableHousehold(ctx, actor, input.householdId);
  await assertIdNumberFree(ctx, actor, person.idNumber, household.household_no);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { id } = await repo.insertPerson(trx, repo.personColumns(person, household));
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'create', entity: 'person', entityId: String(id), divisionCode: household.dest_division_code, before: null, after: person });
    return String(id);
  });
  return getPerson(ctx, actor, id);
}

export async function updatePerson(ctx: AppContext, actor: Actor, id: string, version: number, input: PersonInput): Promise<PersonOutput> {
  assertCan(actor, true);
  const current = await load(ctx, actor, id);
  const person = withDerived(input);
  const household = await writableHousehold(ctx, actor, input.householdId);
  await assertIdNumberFree(ctx, actor, person.idNumber, household.household_no, id);
  const on = today(ctx);
  const setting = await labourForceSetting(ctx, current.dest_division_code);
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await repo.updatePerson(trx, id, version, repo.personColumns(person, household));
    if (!updated) throw new ConflictError('该人员信息已被他人修改，请查看最新内容后重试', toPersonOutput(current, on, setting, can(actor.role, 'personal.unmask')));
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'update', entity: 'person', entityId: id, divisionCode: household.dest_division_code, before: rowToAudit(current), after: person });
  });
  return getPerson(ctx, actor, id);
}

export async function deletePerson(ctx: AppContext, actor: Actor, id: string, version: number): Promise<void> {
  assertCan(actor, true);
  const current = await load(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.deletePerson(trx, id, version))) throw new ConflictError('该人员信息已被他人修改，请刷新后重试');
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'delete', entity: 'person', entityId: id, divisionCode: current.dest_division_code, before: rowToAudit(current), after: null });
  });
}

/** The unmasked ID number and phone, for roles allowed to see them; every read is audited. */
export async function revealSensitive(ctx: AppContext, actor: Actor, id: string): Promise<{ idNumber: string; phone: string | null }> {
  if (!can(actor.role, 'personal.unmask')) throw new ForbiddenError('本角色无权查看身份证号、电话明文');
  const row = await load(ctx, actor, id);
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'unmask', entity: 'person', entityId: id, divisionCode: row.dest_division_code, before: null, after: { fields: ['idNumber', 'phone'] } }),
  );
  return { idNumber: row.id_number, phone: row.phone };
}

/** The audit log keeps the same field names as the API input, so before and after compare. */
function rowToAudit(p: repo.PersonRow): Record<string, unknown> {
  return {
    householdId: Number(p.household_id),
    idNumber: p.id_number,
    name: p.name,
    sex: p.sex,
    birthDate: p.birth_date,
    relation: p.relation,
    ethnicity: p.ethnicity,
    education: p.education,
    schoolStage: p.school_stage,
    health: p.health,
    disabilityGrade: p.disability_grade,
    labourCapacity: p.labour_capacity,
    skills: p.skills,
    medicalInsurance: p.medical_insurance,
    pensionInsurance: p.pension_insurance,
    safetyNet: p.safety_net,
    forestRanger: p.forest_ranger,
    hukouState: p.hukou_state,
    phone: p.phone,
  };
}
