/**
 * Risk elimination: refused with every unmet condition named — too soon, no task done, no
 * income history, no working-age labour — then proposed, noticed, rejected back to monitoring,
 * proposed again and approved once all six hold; the household then re-enters with a new case.
 * Both households are monitored from Sat 10 Jan 2026; the ledger has six periods, Jan–Jun.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { COUNTY, TOWNSHIP_A } from '../../../test/factories.js';
import { systemActor } from '../../platform/actor.js';
import { setIncomeLine } from '../monitoring/monitoring-settings-service.js';
import { startKit, type Kit } from '../../../test/case-kit.js';

let kit: Kit;
const worker = { hh: { id: '', people: [] as string[] }, caseId: '' };
const frail = { hh: { id: '', people: [] as string[] }, caseId: '' };
const PERIODS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

async function doneTask(caseId: string, householdId: string) {
  await sql`INSERT INTO assistance_task (case_id, household_id, county_code, dest_division_code, measure, department, title, due_on, status, outcome, done_on, created_by)
    VALUES (${caseId}, ${householdId}, ${COUNTY}, ${TOWNSHIP_A}, 'employment', 'hrss', '推荐就近就业', '2026-03-31', 'done', '已在县内企业稳定就业', '2026-03-20', 'test')`.execute(kit.ctx.db);
}

async function ledger(personId: string, householdId: string, income: number) {
  for (const period of PERIODS) {
    await sql`INSERT INTO labour_period (county_code, period, status) VALUES (${COUNTY}, ${period}, 'closed') ON CONFLICT DO NOTHING`.execute(kit.ctx.db);
    await sql`INSERT INTO labour_record (person_id, period, county_code, dest_division_code, household_id, state, channel, place, monthly_income, labour_force)
      VALUES (${personId}, ${period}, ${COUNTY}, ${TOWNSHIP_A}, ${householdId}, 'employed', 'local', 'in_county', ${income}, true)`.execute(kit.ctx.db);
  }
}

const check = async (caseId: string) => {
  const res = await kit.as.collector.request('GET', `/api/v1/monitoring/cases/${caseId}/elimination-check`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { allMet: boolean; conditions: { key: string; met: boolean; detail: string }[] };
};
const unmet = async (caseId: string) => (await check(caseId)).conditions.filter((c) => !c.met).map((c) => c.key);

beforeAll(async () => {
  kit = await startKit('elim');
  // The province sets its line (a provincial administrator: the system actor here).
  await setIncomeLine(kit.ctx, systemActor('test'), { province: '52', year: 2026, yuan: 9000, source: '测试：省2026年监测标准' });
  worker.hh = await kit.household([{ birth: '1980-05-05' }, { birth: '1982-06-06', over: { relation: 'spouse' } }]);
  frail.hh = await kit.household([{ birth: '1950-02-02', over: { labourCapacity: 'none' } }]);
  worker.caseId = (await kit.monitored(worker.hh.id, '2026-01-05')).id;
  frail.caseId = (await kit.monitored(frail.hh.id, '2026-01-05')).id;
});
afterAll(async () => kit?.close());

describe('risk elimination', () => {
  it('is refused two months in, without a done task or an income history, each reason named', async () => {
    const { as, act, at } = kit;
    at('2026-03-02');
    expect(await unmet(worker.caseId)).toEqual(['monitoredMonths', 'taskDone', 'stableIncome']);
    const refused = await act(worker.caseId, as.collector, { action: 'propose_elimination', noticeStart: '2026-03-02' });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe('不符合风险消除条件：纳入监测满6个月、帮扶措施已落实、收入持续稳定');
    expect(refused.body.details.map((d: { path: string }) => d.path)).toEqual(['monitoredMonths', 'taskDone', 'stableIncome']);
    expect(refused.body.details[0].message).toContain('2026-07-10起满6个月');
    const button = (await as.collector.request('GET', `/api/v1/monitoring/cases/${worker.caseId}`)).body.nextActions[0];
    expect(button).toMatchObject({ action: 'propose_elimination', allowed: false });
    expect(button.reason).toContain('帮扶措施已落实');
  });

  it('is refused the day before six months even with a done task and stable income', async () => {
    await doneTask(worker.caseId, worker.hh.id);
    await doneTask(frail.caseId, frail.hh.id);
    await ledger(worker.hh.people[0]!, worker.hh.id, 3000);
    kit.at('2026-07-09');
    const result = await check(worker.caseId);
    expect(result.conditions.filter((c) => !c.met).map((c) => c.key)).toEqual(['monitoredMonths']);
    const income = result.conditions.find((c) => c.key === 'stableIncome')!;
    expect(income.detail).toContain('2026-06 1500元');
    expect(income.detail).toContain('每月750元');
  });

  it('is refused for a household without working-age labour: it stays monitored under the safety net', async () => {
    const { as, act, at } = kit;
    at('2026-07-13');
    const refused = await act(frail.caseId, as.collector, { action: 'propose_elimination', noticeStart: '2026-07-13' });
    expect(refused.status).toBe(400);
    const labour = refused.body.details.find((d: { path: string }) => d.path === 'labour');
    expect(labour.message).toContain('无劳动能力的兜底保障户不作风险消除');
  });

  it('is proposed once all six hold, cannot be approved during the notice, and a rejection keeps the household monitored', async () => {
    const { as, act, actOk, at } = kit;
    expect((await check(worker.caseId)).allMet).toBe(true);
    const proposed = await actOk(worker.caseId, as.collector, { action: 'propose_elimination', noticeStart: '2026-07-13' });
    // Notice 13–17 July; approval due 5 working days later: 20–24 July.
    expect(proposed).toMatchObject({ step: 'elimination_notice', noticeEnd: '2026-07-17', stepDue: '2026-07-24', eliminationProposedOn: '2026-07-13' });
    at('2026-07-17');
    expect((await act(worker.caseId, as.monitor, { action: 'approve_elimination' })).status).toBe(400);
    expect((await act(worker.caseId, as.clerk, { action: 'reject', reason: '公示期间有群众反映收入不实' })).status).toBe(403);
    const back = await actOk(worker.caseId, as.monitor, { action: 'reject', reason: '公示期间有群众反映收入不实' });
    expect(back).toMatchObject({ step: 'monitored', noticeStart: null, eliminationProposedOn: null, rejectedStep: null });
    expect((await as.admin.request('GET', `/api/v1/households/${worker.hh.id}`)).body.monitoringCategory).toBe('unstable');
  });

  it('is approved after a second notice: the household is no longer a monitoring object and may re-enter', async () => {
    const { as, actOk, at } = kit;
    await actOk(worker.caseId, as.collector, { action: 'propose_elimination', noticeStart: '2026-07-14' });
    at('2026-07-20');
    const done = await actOk(worker.caseId, as.monitor, { action: 'approve_elimination', note: '县级审批同意风险消除' });
    expect(done).toMatchObject({ step: 'eliminated', eliminatedOn: '2026-07-20', closedOn: '2026-07-20', stepDue: null, nextActions: [] });
    const approval = done.events.at(-1);
    expect(approval.data.conditions).toHaveLength(6);
    expect((await as.admin.request('GET', `/api/v1/households/${worker.hh.id}`)).body.monitoringCategory).toBe('none');
    const listed = await as.clerk.request('GET', '/api/v1/monitoring/cases?eliminatedIn=2026-07');
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([worker.caseId]);

    const again = await kit.lead(worker.hh.id, as.clerk, { category: 'sudden_hardship' });
    const detail = (await as.clerk.request('GET', `/api/v1/monitoring/cases/${again.id}`)).body;
    expect(detail.earlierCases).toEqual([expect.objectContaining({ id: worker.caseId, step: 'eliminated', monitoredOn: '2026-01-10', eliminatedOn: '2026-07-20' })]);
  });
});

describe('a member whose medical insurance nobody recorded', () => {
  it('is not counted as insured: 三保障 is unmet and names the unknown', async () => {
    const unknown = await kit.household([{ birth: '1981-04-04' }, { birth: '1983-03-03', over: { relation: 'spouse', medicalInsurance: null } }]);
    const caseId = (await kit.monitored(unknown.id, '2026-01-05')).id;
    const basic = (await check(caseId)).conditions.find((c) => c.key === 'basicNeeds')!;
    expect(basic.met).toBe(false);
    expect(basic.detail).toBe('1人是否参加基本医疗保险未填写');
  });
});
