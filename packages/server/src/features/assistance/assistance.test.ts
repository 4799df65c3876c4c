/**
 * The assistance plan (一户一策) and the department task inbox, through the API on a real
 * database: who sees and moves which task first, then a task's life, the late flag as the
 * clock moves, and the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { addUser, login, type ApiSession } from '../../../test/api-client.js';
import { buildHousehold, buildPerson, buildSite, COUNTY, TOWNSHIP_A, TOWNSHIP_B } from '../../../test/factories.js';
import { insertCase } from '../../../test/case-factory.js';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let app: FastifyInstance;
const as: Record<string, ApiSession> = {};
let monitoredCase: string;
let leadCase: string;
let otherTownshipCase: string;
const taskIds: Record<string, string> = {};

async function household(division: string): Promise<string> {
  const site = await as.monitor!.request('POST', '/api/v1/sites', buildSite({ divisionCode: division }));
  const hh = await as.monitor!.request('POST', '/api/v1/households', buildHousehold(Number(site.body.id)));
  expect(hh.status, JSON.stringify(hh.body)).toBe(201);
  const head = await as.monitor!.request('POST', '/api/v1/persons', buildPerson(Number(hh.body.id)));
  expect(head.status, JSON.stringify(head.body)).toBe(201);
  return hh.body.id;
}

const task = (department: string, dueOn = '2026-06-10') => ({ measure: 'employment', department, title: `${department}帮扶任务`, dueOn });

beforeAll(async () => {
  tdb = await createTestDatabase();
  ctx = testContext(tdb.database); // 2026-06-01
  app = await buildApp(ctx);
  await addUser(ctx, 'as-monitor', 'monitor', COUNTY);
  await addUser(ctx, 'as-hrss', 'department', COUNTY, 'hrss');
  await addUser(ctx, 'as-civil', 'department', COUNTY, 'civil_affairs');
  await addUser(ctx, 'as-clerk-a', 'clerk', TOWNSHIP_A);
  await addUser(ctx, 'as-clerk-b', 'clerk', TOWNSHIP_B);
  await addUser(ctx, 'as-hrss-b', 'department', TOWNSHIP_B, 'hrss');
  await addUser(ctx, 'as-leader', 'leader', COUNTY);
  for (const u of ['monitor', 'hrss', 'civil', 'clerk-a', 'clerk-b', 'hrss-b', 'leader']) as[u] = await login(app, `as-${u}`);

  monitoredCase = await insertCase(tdb.database, { householdId: await household(TOWNSHIP_A), step: 'monitored', monitoredOn: '2026-03-02' });
  leadCase = await insertCase(tdb.database, { householdId: await household(TOWNSHIP_A), step: 'lead', leadOn: '2026-05-28' });
  otherTownshipCase = await insertCase(tdb.database, { householdId: await household(TOWNSHIP_B), step: 'elimination_notice', monitoredOn: '2025-10-09' });
  for (const [key, caseId, department] of [['hrss', monitoredCase, 'hrss'], ['civil', monitoredCase, 'civil_affairs'], ['hrssB', otherTownshipCase, 'hrss']] as const) {
    const res = await as.monitor!.request('POST', `/api/v1/monitoring/cases/${caseId}/tasks`, task(department));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    taskIds[key] = res.body.id;
  }
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

const inbox = async (who: string, query = '') => {
  const res = await as[who]!.request('GET', `/api/v1/monitoring/tasks${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { total: number; items: { id: string; department: string; late: boolean; status: string; version: number }[] };
};

describe('who sees and moves which task', () => {
  it('shows a department user only its own department’s tasks inside its division, whatever it asks', async () => {
    const mine = await inbox('hrss');
    expect(mine.items.map((t) => t.id).sort()).toEqual([taskIds.hrss, taskIds.hrssB].sort());
    const asked = await inbox('hrss', '?department=civil_affairs');
    expect(asked.items.every((t) => t.department === 'hrss')).toBe(true);
    expect((await inbox('hrss-b')).items.map((t) => t.id)).toEqual([taskIds.hrssB]);
    const plan = await as.hrss!.request('GET', `/api/v1/monitoring/cases/${monitoredCase}/plan`);
    expect(plan.body.tasks.map((t: { id: string }) => t.id)).toEqual([taskIds.hrss]);
  });

  it('answers 404 for another department’s task, as for a missing one', async () => {
    const res = await as.hrss!.request('PATCH', `/api/v1/monitoring/tasks/${taskIds.civil}`, { status: 'in_progress', version: 1 });
    expect(res.status).toBe(404);
    expect((await as.hrss!.request('PATCH', '/api/v1/monitoring/tasks/999999', { status: 'in_progress', version: 1 })).status).toBe(404);
    expect((await as['hrss-b']!.request('PATCH', `/api/v1/monitoring/tasks/${taskIds.hrss}`, { status: 'in_progress', version: 1 })).status).toBe(404);
  });

  it('shows a user of another township nothing of this one', async () => {
    const other = await inbox('clerk-b');
    expect(other.items.map((t) => t.id)).toEqual([taskIds.hrssB]);
    expect((await as['clerk-b']!.request('GET', `/api/v1/monitoring/tasks?division=${TOWNSHIP_A}`)).status).toBe(404);
    expect((await as['clerk-b']!.request('GET', `/api/v1/monitoring/cases/${monitoredCase}/plan`)).status).toBe(404);
    expect((await as['clerk-b']!.request('POST', `/api/v1/monitoring/cases/${monitoredCase}/needs`, { kind: 'income', description: '收入不稳定' })).status).toBe(404);
    expect((await inbox('clerk-a')).items.map((t) => t.id).sort()).toEqual([taskIds.hrss, taskIds.civil].sort());
  });

  it('lets a leader read the plan and the tasks but not write them', async () => {
    expect((await as.leader!.request('GET', `/api/v1/monitoring/cases/${monitoredCase}/plan`)).status).toBe(200);
    expect((await inbox('leader')).total).toBe(3);
    expect((await as.leader!.request('POST', `/api/v1/monitoring/cases/${monitoredCase}/tasks`, task('hrss'))).status).toBe(403);
    expect((await as.leader!.request('POST', `/api/v1/monitoring/cases/${monitoredCase}/needs`, { kind: 'income', description: '收入不稳定' })).status).toBe(403);
    expect((await as.leader!.request('PATCH', `/api/v1/monitoring/tasks/${taskIds.hrss}`, { status: 'in_progress', version: 1 })).status).toBe(403);
    expect((await as.hrss!.request('POST', `/api/v1/monitoring/cases/${monitoredCase}/tasks`, task('hrss'))).status).toBe(403);
  });

  it('keeps withdrawing a task to the assigning side', async () => {
    const res = await as.hrss!.request('PATCH', `/api/v1/monitoring/tasks/${taskIds.hrss}`, { status: 'cancelled', version: 1 });
    expect(res.status).toBe(403);
  });
});

describe('the plan', () => {
  it('takes needs and tasks only while the household is monitored, naming the step in Chinese', async () => {
    const res = await as['clerk-a']!.request('POST', `/api/v1/monitoring/cases/${leadCase}/tasks`, task('hrss'));
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('线索待核实');
    const need = await as['clerk-a']!.request('POST', `/api/v1/monitoring/cases/${leadCase}/needs`, { kind: 'income', description: '家庭收入骤减' });
    expect(need.status).toBe(409);
    expect((await as.monitor!.request('POST', `/api/v1/monitoring/cases/${otherTownshipCase}/needs`, { kind: 'medical', description: '慢性病医疗支出大' })).status).toBe(201);
  });

  it('lists the needs and tasks of a case', async () => {
    const need = await as['clerk-a']!.request('POST', `/api/v1/monitoring/cases/${monitoredCase}/needs`, { kind: 'employment', description: ' 主要劳动力失业 需要就业岗位 ' });
    expect(need.status, JSON.stringify(need.body)).toBe(201);
    expect(need.body).toMatchObject({ kind: 'employment', description: '主要劳动力失业 需要就业岗位', username: 'as-clerk-a' });
    const bad = await as['clerk-a']!.request('POST', `/api/v1/monitoring/cases/${monitoredCase}/tasks`, { ...task('hrss'), dueOn: '2026-05-31' });
    expect(bad.status).toBe(400);
    const plan = await as.monitor!.request('GET', `/api/v1/monitoring/cases/${monitoredCase}/plan`);
    expect(plan.status).toBe(200);
    expect(plan.body.needs).toHaveLength(1);
    expect(plan.body.tasks).toHaveLength(2);
    expect(plan.body.tasks[0]).toMatchObject({ caseId: monitoredCase, divisionCode: TOWNSHIP_A, status: 'assigned', late: false, version: 1 });
    expect(plan.body.tasks[0].householdNo).toMatch(/^H/);
    expect(plan.body.tasks[0].headName).toMatch(/^测试/);
  });
});

describe('a task’s life', () => {
  it('moves on, needs an outcome to finish, refuses a stale version, and is audited', async () => {
    const url = `/api/v1/monitoring/tasks/${taskIds.hrss}`;
    const started = await as.hrss!.request('PATCH', url, { status: 'in_progress', outcome: '已联系就业岗位', version: 1 });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body).toMatchObject({ status: 'in_progress', version: 2, doneOn: null });
    const noOutcome = await as.hrss!.request('PATCH', url, { status: 'done', version: 2 });
    expect(noOutcome.status).toBe(400);
    expect(noOutcome.body.details[0].path).toBe('outcome');
    const stale = await as.hrss!.request('PATCH', url, { status: 'done', outcome: '已安排到县内企业就业', version: 1 });
    expect(stale.status).toBe(409);
    const done = await as.hrss!.request('PATCH', url, { status: 'done', outcome: '已安排到县内企业就业', version: 2 });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', outcome: '已安排到县内企业就业', doneOn: '2026-06-01', version: 3 });
    expect((await as.hrss!.request('PATCH', url, { status: 'in_progress', version: 3 })).status).toBe(409);
    const { rows } = await tdb.database.pool.query(`SELECT action, before, after FROM audit_log WHERE entity = 'assistance_task' AND entity_id = $1 ORDER BY id`, [taskIds.hrss]);
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'update']);
    expect(rows[2].after).toMatchObject({ status: 'done', doneOn: '2026-06-01' });
  });

  it('is late when open past its due date, as the clock moves', async () => {
    expect((await inbox('monitor', '?late=true')).total).toBe(0);
    ctx.clock.now = new Date('2026-06-11T08:00:00Z');
    as.monitor = await login(app, 'as-monitor');
    as.civil = await login(app, 'as-civil');
    const late = await inbox('monitor', '?late=true');
    expect(late.items.map((t) => t.id).sort()).toEqual([taskIds.civil, taskIds.hrssB].sort());
    expect(late.items.every((t) => t.late)).toBe(true);
    expect((await inbox('monitor', `?division=${TOWNSHIP_A}&late=true`)).items.map((t) => t.id)).toEqual([taskIds.civil]);
    const done = await inbox('monitor', '?status=done');
    expect(done.items).toEqual([expect.objectContaining({ id: taskIds.hrss, late: false })]);
    expect((await inbox('monitor', '?status=open')).total).toBe(2);
    const finished = await as.civil!.request('PATCH', `/api/v1/monitoring/tasks/${taskIds.civil}`, { status: 'done', outcome: '已办理临时救助', doneOn: '2026-06-09', version: 1 });
    expect(finished.body).toMatchObject({ status: 'done', doneOn: '2026-06-09', late: false });
    expect((await inbox('monitor', '?late=true')).items.map((t) => t.id)).toEqual([taskIds.hrssB]);
  });

  it('lets the county monitor withdraw a task', async () => {
    const res = await as.monitor!.request('PATCH', `/api/v1/monitoring/tasks/${taskIds.hrssB}`, { status: 'cancelled', outcome: '户已迁出本县', version: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', late: false, doneOn: null });
  });
});
