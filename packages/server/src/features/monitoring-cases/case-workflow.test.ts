/**
 * One household from a department warning to monitored, each step by the role it belongs to,
 * with its dues (June 2026: no holiday before the Dragon Boat Festival on the 19th), the notice
 * that cannot be reviewed before it ends, the department records attached at comparison, the
 * household's category set on approval; then rejection with a reason and re-entry. The category
 * is proposed from the household's kind and the warnings taken, and one contradicting the kind is
 * refused, at the lead and again at the county's approval.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { warningCategory } from '@anju/core';
import { COUNTY, TOWNSHIP_A } from '../../../test/factories.js';
import { startKit, type Kit } from '../../../test/case-kit.js';

let kit: Kit;
let hh: { id: string; people: string[] };
let caseId: string;
let warningId: string;

async function insertWarning(householdId: string, rule: string, category = warningCategory(rule, 'registered_poor')) {
  const { rows } = await sql<{ id: string }>`INSERT INTO monitoring_warning (household_id, rule_id, pack_code, period, county_code, dest_division_code, facts, category)
    VALUES (${householdId}, ${rule}, 'JC-2021', '2026-05', ${COUNTY}, ${TOWNSHIP_A}, '{}', ${category}) RETURNING id::text`.execute(kit.ctx.db);
  return rows[0]!.id;
}

async function insertDepartmentRecord(personId: string, householdId: string, occurredOn: string, key: string) {
  const { rows } = await sql<{ id: string }>`INSERT INTO import_job (ledger, file_name, dry_run, status) VALUES ('department_civil_affairs', '民政临时救助.xlsx', false, 'committed') RETURNING id::text`.execute(kit.ctx.db);
  await sql`INSERT INTO department_record (department, kind, person_id, household_id, county_code, dest_division_code, occurred_on, period, amount, record_key, import_job_id, source_file)
    VALUES ('civil_affairs', 'temporary_assistance', ${personId}, ${householdId}, ${COUNTY}, ${TOWNSHIP_A}, ${occurredOn}, ${occurredOn.slice(0, 7)}, 800, ${key}, ${rows[0]!.id}, '民政临时救助.xlsx')`.execute(kit.ctx.db);
}

beforeAll(async () => {
  kit = await startKit('flow');
  kit.at('2026-06-01');
  hh = await kit.household([{ birth: '1978-03-03' }, { birth: '2005-04-04' }]);
  warningId = await insertWarning(hh.id, 'JC-2021-income-drop');
  await insertDepartmentRecord(hh.people[0]!, hh.id, '2026-03-10', 'recent');
  await insertDepartmentRecord(hh.people[0]!, hh.id, '2025-05-20', 'old');
});
afterAll(async () => kit?.close());

const get = async (id = caseId) => (await kit.as.admin.request('GET', `/api/v1/monitoring/cases/${id}`)).body;

describe('the identification workflow', () => {
  it('opens a lead from a warning, with its dues, and refuses a second case for the household', async () => {
    const { as } = kit;
    const other = await kit.household();
    const foreign = await insertWarning(other.id, 'JC-2021-income-drop');
    const wrong = await as.collector.request('POST', '/api/v1/monitoring/cases', { householdId: hh.id, channel: 'department_warning', category: 'marginal', riskNote: '收入大幅下降', warningIds: [foreign] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details[0]).toMatchObject({ path: 'warningIds.0' });

    const c = await kit.lead(hh.id, as.collector, { channel: 'department_warning', warningIds: [warningId] });
    caseId = c.id;
    // No category given: proposed from the warning taken (a sharp income drop → 突发严重困难户).
    expect(c).toMatchObject({ category: 'sudden_hardship', householdKind: 'registered_poor' });
    // 5 working days after Mon 1 June: 2, 3, 4, 5, 8 June; 20: June 2–5, 8–12, 15–18, (19 端午) 22–26, 29, 30.
    expect(c).toMatchObject({ step: 'lead', leadOn: '2026-06-01', stepDue: '2026-06-08', wholeDue: '2026-06-30', overdue: false, channel: 'department_warning' });
    const detail = await get();
    expect(detail.warnings).toEqual([expect.objectContaining({ id: warningId, status: 'taken', takenCaseId: caseId })]);
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['lead']);
    expect(detail.nextActions).toEqual([
      { action: 'verify', label: '入户核实', allowed: false, reason: '须先上传已签字的承诺书、数据查询授权书' },
      { action: 'reject', label: '退回（不予纳入）', allowed: true },
    ]);

    const again = await as.clerk.request('POST', '/api/v1/monitoring/cases', { householdId: hh.id, channel: 'petition', category: 'marginal', riskNote: '信访反映困难' });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain(`案件编号${caseId}`);
    expect(again.body.message).toContain('线索待核实');
  });

  it('verifies at home with the signed papers and compares the last 12 months of department records', async () => {
    const { as, actOk, signPapers } = kit;
    await signPapers(caseId);
    const verified = await actOk(caseId, as.collector, { action: 'verify', commitmentSignedOn: '2026-06-01', authorizationSignedOn: '2026-06-01', note: '已入户' });
    expect(verified).toMatchObject({ step: 'verified', commitmentSignedOn: '2026-06-01', stepDue: '2026-06-30' });
    const compared = await actOk(caseId, as.clerk, { action: 'compare' });
    expect(compared.step).toBe('compared');
    const event = compared.events.find((e: { action: string }) => e.action === 'compare');
    expect(event.data.departmentRecords).toEqual([expect.objectContaining({ kind: 'temporary_assistance', occurredOn: '2026-03-10', amount: 800 })]);
    // A leader may read the case but not the department records behind it.
    const seen = (await as.leader.request('GET', `/api/v1/monitoring/cases/${caseId}`)).body;
    const masked = seen.events.find((e: { action: string }) => e.action === 'compare');
    expect(masked.data.departmentRecords).toBeUndefined();
    expect(masked.data.departmentRecordCount).toBe(1);
  });

  it('puts the case on notice and refuses the township review until the notice has ended', async () => {
    const { as, act, actOk, at } = kit;
    const early = await act(caseId, as.collector, { action: 'notice', noticeStart: '2026-05-30' });
    expect(early.status).toBe(400);
    at('2026-06-03');
    const noticed = await actOk(caseId, as.collector, { action: 'notice', noticeStart: '2026-06-03' });
    // Five calendar days 3–7 June; the review is due 5 working days after the 7th: 8–12 June.
    expect(noticed).toMatchObject({ step: 'notice', noticeStart: '2026-06-03', noticeEnd: '2026-06-07', stepDue: '2026-06-12' });
    at('2026-06-07');
    const tooSoon = await act(caseId, as.clerk, { action: 'township_review' });
    expect(tooSoon.status).toBe(400);
    expect(tooSoon.body.message).toBe('公示期至2026-06-07，公示期满后方可乡级审核');
    const buttons = (await as.clerk.request('GET', `/api/v1/monitoring/cases/${caseId}`)).body.nextActions;
    expect(buttons[0]).toMatchObject({ action: 'township_review', allowed: false });
    expect((await act(caseId, as.collector, { action: 'township_review' })).status).toBe(403);
    at('2026-06-08');
    const reviewed = await actOk(caseId, as.clerk, { action: 'township_review' });
    expect(reviewed).toMatchObject({ step: 'township_reviewed', stepDue: '2026-06-15' });
  });

  it('approves at the county: the household becomes a monitoring object of the case category', async () => {
    const { as, actOk } = kit;
    const approved = await actOk(caseId, as.monitor, { action: 'county_approve', note: '县级审批同意' });
    expect(approved).toMatchObject({ step: 'monitored', monitoredOn: '2026-06-08', stepDue: null, overdue: false });
    expect(approved.events.map((e: { action: string }) => e.action)).toEqual(['lead', 'evidence', 'evidence', 'verify', 'compare', 'notice', 'township_review', 'county_approve']);
    expect(approved.nextActions.map((a: { action: string }) => a.action)).toEqual(['propose_elimination']);
    const household = await as.admin.request('GET', `/api/v1/households/${hh.id}`);
    expect(household.body.monitoringCategory).toBe('sudden_hardship');
    const { rows } = await sql<{ action: string }>`SELECT action FROM audit_log WHERE entity = 'monitoring_case' AND entity_id = ${caseId} ORDER BY id`.execute(kit.ctx.db);
    expect(rows.map((r) => r.action)).toEqual(['create', 'verify', 'compare', 'notice', 'township_review', 'county_approve']);

    const list = await as.clerk.request('GET', `/api/v1/monitoring/cases?step=monitored&monitoredIn=2026-06&householdId=${hh.id}`);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({ id: caseId, householdId: hh.id, divisionCode: TOWNSHIP_A, category: 'sudden_hardship', step: 'monitored', escalatedTo: null });
    expect(list.body.items[0].headName).not.toBe('');
    expect((await as.clerk.request('GET', '/api/v1/monitoring/cases?monitoredIn=2026-05')).body.total).toBe(0);
  });

  it('rejects at a step with a reason, and lets the household re-enter with its earlier case listed', async () => {
    const { as, act, actOk, signPapers } = kit;
    const other = await kit.household();
    const first = await kit.lead(other.id);
    const short = await act(first.id, as.collector, { action: 'reject', reason: '不实' });
    expect(short.status).toBe(400);
    await signPapers(first.id);
    await actOk(first.id, as.collector, { action: 'verify', commitmentSignedOn: '2026-06-08', authorizationSignedOn: '2026-06-08' });
    const rejected = await actOk(first.id, as.collector, { action: 'reject', reason: '入户核实收入稳定不符合纳入条件' });
    expect(rejected).toMatchObject({ step: 'rejected', rejectedStep: 'verified', rejectedReason: '入户核实收入稳定不符合纳入条件', closedOn: '2026-06-08', stepDue: null });
    expect(rejected.nextActions).toEqual([]);
    expect((await act(first.id, as.collector, { action: 'compare' })).body.message).toBe('当前环节为“未纳入（已退回）”，不能信息比对');

    const second = await kit.lead(other.id, as.clerk);
    const detail = await get(second.id);
    expect(detail.earlierCases).toEqual([expect.objectContaining({ id: first.id, step: 'rejected', rejectedStep: 'verified' })]);
    const history = await as.clerk.request('GET', `/api/v1/monitoring/cases?householdId=${other.id}`);
    expect(history.body.items.map((c: { step: string }) => c.step)).toEqual(['lead', 'rejected']);
  });

  it('counts open cases by step on the board', async () => {
    const board = await kit.as.monitor.request('GET', `/api/v1/monitoring/cases/board?division=${TOWNSHIP_A}`);
    expect(board.status).toBe(200);
    const byStep = Object.fromEntries(board.body.steps.map((s: { step: string; count: number }) => [s.step, s.count]));
    expect(byStep).toMatchObject({ lead: 1, monitored: 1, verified: 0 });
    expect(board.body.total).toBe(2);
    expect(board.body.steps[0]).toMatchObject({ step: 'lead', label: '线索待核实' });
  });

  it('proposes the category from the household kind and the warnings, and refuses one contradicting the kind', async () => {
    const { as } = kit;
    const post = (householdId: string, extra: Record<string, unknown>) =>
      as.clerk.request('POST', '/api/v1/monitoring/cases', { householdId, channel: 'cadre_screening', riskNote: '入户排查发现家庭收入偏低', ...extra });
    // An ordinary (同步搬迁) household is never 脱贫不稳定户: refused, the field named.
    const ordinary = await kit.household([{ birth: '1979-01-01' }], TOWNSHIP_A, { kind: 'synchronous' });
    const refused = await post(ordinary.id, { category: 'unstable' });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe('监测类别与户类型不符：同步搬迁户不能认定为脱贫不稳定户，只能为边缘易致贫户或突发严重困难户');
    expect(refused.body.details).toEqual([{ path: 'category', message: '同步搬迁户不能认定为脱贫不稳定户，只能为边缘易致贫户或突发严重困难户' }]);
    const proposed = await post(ordinary.id, {});
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    expect(proposed.body).toMatchObject({ category: 'marginal', householdKind: 'synchronous' });

    // A registered-poor household is never 边缘易致贫户; a warning in the income range outweighs a sudden one.
    const poor = await kit.household([{ birth: '1981-01-01' }]);
    expect((await post(poor.id, { category: 'marginal' })).body.details).toEqual([{ path: 'category', message: expect.stringContaining('建档立卡脱贫户不能认定为边缘易致贫户') }]);
    const warnings = [await insertWarning(poor.id, 'JC-2021-rigid-expense'), await insertWarning(poor.id, 'JC-2021-zero-employment')];
    const mixed = await post(poor.id, { channel: 'department_warning', warningIds: warnings });
    expect(mixed.status, JSON.stringify(mixed.body)).toBe(201);
    expect(mixed.body.category).toBe('unstable');
    expect(mixed.body.warnings.map((w: { category: string }) => w.category).sort()).toEqual(['sudden_hardship', 'unstable']);
  });

  it('refuses the county approval when the household kind no longer fits the category', async () => {
    const { as, actOk, act, at, signPapers } = kit;
    const poor = await kit.household([{ birth: '1983-03-03' }]);
    const c = await kit.lead(poor.id);
    expect(c).toMatchObject({ category: 'unstable' });
    await signPapers(c.id);
    await actOk(c.id, as.collector, { action: 'verify', commitmentSignedOn: '2026-06-08', authorizationSignedOn: '2026-06-08' });
    await actOk(c.id, as.collector, { action: 'compare' });
    await actOk(c.id, as.collector, { action: 'notice', noticeStart: '2026-06-08' });
    at('2026-06-15');
    await actOk(c.id, as.clerk, { action: 'township_review' });
    // The registry is corrected meanwhile: the household was never registered-poor.
    await sql`UPDATE household SET kind = 'synchronous' WHERE id = ${poor.id}`.execute(kit.ctx.db);
    const refused = await act(c.id, as.monitor, { action: 'county_approve' });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([{ path: 'category', message: '同步搬迁户不能认定为脱贫不稳定户，只能为边缘易致贫户或突发严重困难户' }]);
    expect(refused.body.message).toContain('请退回本案件');
    expect((await as.admin.request('GET', `/api/v1/households/${poor.id}`)).body.monitoringCategory).toBe('none');
    await actOk(c.id, as.monitor, { action: 'reject', reason: '户类型已更正，按边缘易致贫户重新登记' });
  });
});
