/**
 * Skills training through the API: courses with optimistic locking and audit, enrolments
 * (duplicate, 结业 with 持证, 退训), who may see and change what, and the trained / certified
 * figures at their edges (completed on the day counts, the day after does not; dropped never).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import type { AppContext } from '../../platform/context.js';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { addUser, login, type ApiSession } from '../../../test/api-client.js';
import { buildHousehold, buildPerson, buildSite, COUNTY, idNumberFor, TOWNSHIP_A, TOWNSHIP_B } from '../../../test/factories.js';
import { trainingFigures } from './training-figures-repo.js';

let tdb: TestDatabase;
let ctx: AppContext;
let app: FastifyInstance;
let clerkA: ApiSession;
let clerkB: ApiSession;
let leader: ApiSession;
let hrss: ApiSession;
let civil: ApiSession;
const NONE = '999999999';
const ids: Record<string, string> = {};

const course = (over: Record<string, unknown> = {}) => ({
  name: '家政服务员培训',
  kind: 'skills',
  provider: '县职业技能培训中心',
  divisionCode: TOWNSHIP_A,
  place: '安置点社区服务中心',
  startDate: '2026-01-05',
  endDate: '2026-01-25',
  certificate: '家政服务员职业技能等级证书',
  ...over,
});

async function addPeople(as: ApiSession, divisionCode: string, count: number, prefix: string): Promise<string[]> {
  const site = await as.request('POST', '/api/v1/sites', buildSite({ divisionCode }));
  const hh = await as.request('POST', '/api/v1/households', buildHousehold(Number(site.body.id)));
  expect(hh.status, JSON.stringify(hh.body)).toBe(201);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const p = await as.request('POST', '/api/v1/persons', buildPerson(Number(hh.body.id), { name: `${prefix}${i + 1}`, relation: i === 0 ? 'head' : 'son', idNumber: idNumberFor(`198${i}-03-0${i + 1}`) }));
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    out.push(p.body.id);
  }
  return out;
}

async function auditCount(entity: string, entityId: string): Promise<number> {
  const row = await ctx.db.selectFrom('audit_log').where('entity', '=', entity).where('entity_id', '=', entityId).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  ctx = testContext(tdb.database);
  app = await buildApp(ctx);
  await addUser(ctx, 'tr-clerk-a', 'clerk', TOWNSHIP_A);
  await addUser(ctx, 'tr-clerk-b', 'clerk', TOWNSHIP_B);
  await addUser(ctx, 'tr-leader', 'leader', TOWNSHIP_A);
  await addUser(ctx, 'tr-hrss', 'department', COUNTY, 'hrss');
  await addUser(ctx, 'tr-civil', 'department', COUNTY, 'civil_affairs');
  clerkA = await login(app, 'tr-clerk-a');
  clerkB = await login(app, 'tr-clerk-b');
  leader = await login(app, 'tr-leader');
  hrss = await login(app, 'tr-hrss');
  civil = await login(app, 'tr-civil');
  const [a1, a2, a3] = await addPeople(clerkA, TOWNSHIP_A, 3, '甲');
  const [b1] = await addPeople(clerkB, TOWNSHIP_B, 1, '乙');
  Object.assign(ids, { a1, a2, a3, b1 });
  const c = await clerkA.request('POST', '/api/v1/training/courses', course());
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  ids.course = c.body.id;
  const e = await clerkA.request('POST', `/api/v1/training/courses/${ids.course}/enrolments`, { personId: ids.a1 });
  expect(e.status, JSON.stringify(e.body)).toBe(201);
  ids.enrolment = e.body.id;
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});

describe('courses', () => {
  it('creates, reads, lists and edits a course, auditing each write', async () => {
    const created = await clerkA.request('POST', '/api/v1/training/courses', course({ name: '电工培训', kind: 'skills', certificate: null, place: '' }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '电工培训', countyCode: COUNTY, divisionCode: TOWNSHIP_A, place: null, certificate: null, enrolled: 0, version: 1 });
    expect(created.body.divisionName).toBeTruthy();
    const edited = await clerkA.request('PUT', `/api/v1/training/courses/${created.body.id}`, { ...course({ name: '电工（低压）培训' }), version: 1 });
    expect(edited.status).toBe(200);
    // Full-width brackets are folded like everything typed into the registry.
    expect(edited.body).toMatchObject({ name: '电工(低压)培训', version: 2 });
    const list = await clerkA.request('GET', '/api/v1/training/courses?q=电工&sort=name');
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].id).toBe(created.body.id);
    expect(await auditCount('training_course', created.body.id)).toBe(2);
    const gone = await clerkA.request('DELETE', `/api/v1/training/courses/${created.body.id}?version=2`);
    expect(gone.status).toBe(204);
    expect((await clerkA.request('GET', `/api/v1/training/courses/${created.body.id}`)).status).toBe(404);
  });

  it('refuses bad input with a Chinese message naming the field', async () => {
    const dates = await clerkA.request('POST', '/api/v1/training/courses', course({ startDate: '2026-03-01', endDate: '2026-02-01' }));
    expect(dates.status).toBe(400);
    expect(dates.body.details).toEqual([{ path: 'endDate', message: '结业日期不能早于开班日期' }]);
    expect(dates.body.message).toContain('结业日期不能早于开班日期');
    const blank = await clerkA.request('POST', '/api/v1/training/courses', course({ name: ' ', kind: 'cooking' }));
    expect(blank.status).toBe(400);
    expect(blank.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['kind', 'name']);
    expect(blank.body.message).toContain('课程名称不能为空');
    expect(blank.body.message).toContain('培训类型须为以下之一');
    const outside = await clerkA.request('POST', '/api/v1/training/courses', course({ divisionCode: TOWNSHIP_B }));
    expect(outside.status).toBe(400);
    expect(outside.body.details[0].path).toBe('divisionCode');
  });

  it('answers a stale version with 409 and the current course, writing nothing', async () => {
    const c = (await clerkA.request('POST', '/api/v1/training/courses', course({ name: '月嫂培训' }))).body;
    expect((await clerkA.request('PUT', `/api/v1/training/courses/${c.id}`, { ...course({ name: '育婴员培训' }), version: 1 })).status).toBe(200);
    const audits = await auditCount('training_course', c.id);
    const stale = await clerkA.request('PUT', `/api/v1/training/courses/${c.id}`, { ...course({ name: '保育员培训' }), version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ name: '育婴员培训', version: 2 });
    expect((await clerkA.request('GET', `/api/v1/training/courses/${c.id}`)).body).toMatchObject({ name: '育婴员培训', version: 2 });
    expect(await auditCount('training_course', c.id)).toBe(audits);
    const staleDelete = await clerkA.request('DELETE', `/api/v1/training/courses/${c.id}?version=1`);
    expect(staleDelete.status).toBe(409);
  });

  it('does not delete a course with enrolments', async () => {
    const c = (await clerkA.request('GET', `/api/v1/training/courses/${ids.course}`)).body;
    const res = await clerkA.request('DELETE', `/api/v1/training/courses/${c.id}?version=${c.version}`);
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('报名记录');
  });
});

describe('enrolments', () => {
  it('shows enrolled people masked, never with their phone', async () => {
    const list = await clerkA.request('GET', `/api/v1/training/courses/${ids.course}/enrolments`);
    expect(list.status).toBe(200);
    const [e] = list.body.items;
    expect(e.person).toMatchObject({ personId: ids.a1, name: '甲1', sex: 'M', age: 46 });
    expect(e.person.idNumber).toMatch(/^\d{4}\*{13}[\dX]$/);
    expect(JSON.stringify(list.body)).not.toContain('13800138000');
    expect(await auditCount('training_enrolment', ids.enrolment!)).toBe(1);
  });

  it('refuses a second enrolment of the same person with a clear message', async () => {
    const again = await clerkA.request('POST', `/api/v1/training/courses/${ids.course}/enrolments`, { personId: ids.a1 });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('甲1 已报名本课程（在训），不能重复报名');
  });

  it('enrols only people of the actor’s division, answering as for a missing person', async () => {
    const foreign = await clerkA.request('POST', `/api/v1/training/courses/${ids.course}/enrolments`, { personId: ids.b1 });
    const missing = await clerkA.request('POST', `/api/v1/training/courses/${ids.course}/enrolments`, { personId: NONE });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toEqual(missing.body);
    expect(foreign.body.details[0].path).toBe('personId');
    const bad = await clerkA.request('POST', `/api/v1/training/courses/${ids.course}/enrolments`, { personId: 'abc' });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0]).toEqual({ path: 'personId', message: '人员编号须为数字' });
  });

  it('completes with a certificate number, drops, and refuses what does not fit', async () => {
    const e2 = (await clerkA.request('POST', `/api/v1/training/courses/${ids.course}/enrolments`, { personId: ids.a2 })).body;
    const early = await clerkA.request('POST', `/api/v1/training/enrolments/${e2.id}/complete`, { completedOn: '2026-01-01', certificateNo: null, version: 1 });
    expect(early.status).toBe(400);
    expect(early.body.details[0].path).toBe('completedOn');
    const future = await clerkA.request('POST', `/api/v1/training/enrolments/${e2.id}/complete`, { completedOn: '2026-07-01', certificateNo: null, version: 1 });
    expect(future.status).toBe(400);
    const done = await clerkA.request('POST', `/api/v1/training/enrolments/${e2.id}/complete`, { completedOn: '2026-01-25', certificateNo: ' JZ-2026-0001 ', version: 1 });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', completedOn: '2026-01-25', certificateNo: 'JZ-2026-0001', version: 2 });
    const dropDone = await clerkA.request('POST', `/api/v1/training/enrolments/${e2.id}/drop`, { version: 2 });
    expect(dropDone.status).toBe(409);
    expect(dropDone.body.message).toContain('已于 2026-01-25 结业');

    const e3 = (await clerkA.request('POST', `/api/v1/training/courses/${ids.course}/enrolments`, { personId: ids.a3 })).body;
    const dropped = await clerkA.request('POST', `/api/v1/training/enrolments/${e3.id}/drop`, { version: 1 });
    expect(dropped.body).toMatchObject({ status: 'dropped', completedOn: null });
    const c = (await clerkA.request('GET', `/api/v1/training/courses/${ids.course}`)).body;
    expect(c).toMatchObject({ enrolled: 1, completed: 1, dropped: 1, certified: 1 });
    const onlyDropped = await clerkA.request('GET', `/api/v1/training/courses/${ids.course}/enrolments?status=dropped`);
    expect(onlyDropped.body.items.map((e: { id: string }) => e.id)).toEqual([e3.id]);

    const mine = await clerkA.request('GET', `/api/v1/persons/${ids.a2}/trainings`);
    expect(mine.body).toHaveLength(1);
    expect(mine.body[0]).toMatchObject({ courseName: '家政服务员培训', status: 'completed', certificateNo: 'JZ-2026-0001' });
  });

  it('refuses a certificate number when the course gives no certificate', async () => {
    const c = (await clerkA.request('POST', '/api/v1/training/courses', course({ name: '引导性培训', kind: 'guidance', certificate: null }))).body;
    const e = (await clerkA.request('POST', `/api/v1/training/courses/${c.id}/enrolments`, { personId: ids.a1 })).body;
    const res = await clerkA.request('POST', `/api/v1/training/enrolments/${e.id}/complete`, { completedOn: '2026-01-20', certificateNo: 'X-1', version: 1 });
    expect(res.status).toBe(400);
    expect(res.body.details[0].path).toBe('certificateNo');
  });

  it('answers a stale enrolment version with 409, writing nothing', async () => {
    const c = (await clerkA.request('POST', '/api/v1/training/courses', course({ name: '创业培训', kind: 'entrepreneurship' }))).body;
    const e = (await clerkA.request('POST', `/api/v1/training/courses/${c.id}/enrolments`, { personId: ids.a3 })).body;
    expect((await clerkA.request('POST', `/api/v1/training/enrolments/${e.id}/complete`, { completedOn: '2026-02-01', certificateNo: null, version: 1 })).status).toBe(200);
    const audits = await auditCount('training_enrolment', e.id);
    const stale = await clerkA.request('POST', `/api/v1/training/enrolments/${e.id}/complete`, { completedOn: '2026-02-02', certificateNo: 'LATE-1', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ status: 'completed', version: 2 });
    const row = await ctx.db.selectFrom('training_enrolment').selectAll().where('id', '=', e.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'completed', completed_on: '2026-02-01', version: 2 });
    expect(await auditCount('training_enrolment', e.id)).toBe(audits);
  });
});

describe('access', () => {
  const cases: [string, string, () => unknown][] = [
    ['GET', '/api/v1/training/courses/{course}', () => undefined],
    ['PUT', '/api/v1/training/courses/{course}', () => ({ ...course({ divisionCode: TOWNSHIP_B }), version: 1 })],
    ['DELETE', '/api/v1/training/courses/{course}?version=1', () => undefined],
    ['GET', '/api/v1/training/courses/{course}/enrolments', () => undefined],
    ['POST', '/api/v1/training/courses/{course}/enrolments', () => ({ personId: ids.b1 })],
    ['POST', '/api/v1/training/enrolments/{enrolment}/complete', () => ({ completedOn: '2026-01-25', certificateNo: null, version: 1 })],
    ['POST', '/api/v1/training/enrolments/{enrolment}/drop', () => ({ version: 1 })],
    ['DELETE', '/api/v1/training/enrolments/{enrolment}?version=1', () => undefined],
    ['GET', '/api/v1/persons/{a1}/trainings', () => undefined],
  ];

  it.each(cases)('a clerk of another township: %s %s answers as for a missing id', async (method, path, body) => {
    const real = await clerkB.request(method as 'GET', path.replace(/\{(\w+)\}/, (_, k: string) => ids[k]!), body());
    const none = await clerkB.request(method as 'GET', path.replace(/\{(\w+)\}/, NONE), body());
    expect(real.status).toBe(404);
    expect(real.body).toEqual(none.body);
  });

  it('finds nothing of another township in lists and figures', async () => {
    const list = await clerkB.request('GET', '/api/v1/training/courses');
    expect(list.body.total).toBe(0);
    // Another township's figures are refused as a missing division (issue 13.9), never one's own instead.
    const figures = await clerkB.request('GET', `/api/v1/training/figures?divisionCode=${TOWNSHIP_A}`);
    expect(figures.status).toBe(404);
    expect((await clerkB.request('GET', '/api/v1/training/figures')).body).toMatchObject({ divisionCode: TOWNSHIP_B, trained: 0 });
  });

  it('a leader reads but cannot write', async () => {
    expect((await leader.request('GET', `/api/v1/training/courses/${ids.course}`)).status).toBe(200);
    expect((await leader.request('GET', `/api/v1/training/courses/${ids.course}/enrolments`)).status).toBe(200);
    expect((await leader.request('POST', '/api/v1/training/courses', course())).status).toBe(403);
    expect((await leader.request('POST', `/api/v1/training/courses/${ids.course}/enrolments`, { personId: ids.a2 })).status).toBe(403);
    expect((await leader.request('POST', `/api/v1/training/enrolments/${ids.enrolment}/drop`, { version: 1 })).status).toBe(403);
  });

  it('of department users only 人社 manages training', async () => {
    const denied = await civil.request('POST', '/api/v1/training/courses', course());
    expect(denied.status).toBe(403);
    expect((await civil.request('GET', `/api/v1/training/courses/${ids.course}`)).status).toBe(200);
    const c = await hrss.request('POST', '/api/v1/training/courses', course({ name: '县人社局主办培训', divisionCode: COUNTY }));
    expect(c.status).toBe(201);
    const e = await hrss.request('POST', `/api/v1/training/courses/${c.body.id}/enrolments`, { personId: ids.b1 });
    expect(e.status).toBe(201);
    // A township clerk does not see a county course, but sees its own people's trainings in it.
    expect((await clerkB.request('GET', `/api/v1/training/courses/${c.body.id}`)).status).toBe(404);
    expect((await clerkB.request('GET', `/api/v1/persons/${ids.b1}/trainings`)).body.map((t: { courseName: string }) => t.courseName)).toEqual(['县人社局主办培训']);
  });
});

describe('trainingFigures', () => {
  it('counts distinct people completed by the day, and those with a certificate', async () => {
    const village = await ctx.db.selectFrom('division').select('code').where('parent_code', '=', TOWNSHIP_A).orderBy('code').executeTakeFirstOrThrow();
    const people = await addPeople(clerkA, village.code, 6, '丙');
    const [onTheDay, dayAfter, dropped, stillIn, twice, noCert] = people as [string, string, string, string, string, string];
    const withCert = (await clerkA.request('POST', '/api/v1/training/courses', course({ name: '挖掘机培训', divisionCode: village.code }))).body;
    const without = (await clerkA.request('POST', '/api/v1/training/courses', course({ name: '种植培训', divisionCode: village.code, certificate: null }))).body;
    const enrol = async (courseId: string, personId: string) => (await clerkA.request('POST', `/api/v1/training/courses/${courseId}/enrolments`, { personId })).body.id as string;
    const complete = async (id: string, completedOn: string, certificateNo: string | null) =>
      expect((await clerkA.request('POST', `/api/v1/training/enrolments/${id}/complete`, { completedOn, certificateNo, version: 1 })).status).toBe(200);

    await complete(await enrol(withCert.id, onTheDay), '2026-03-31', 'C-1');
    await complete(await enrol(withCert.id, dayAfter), '2026-04-01', 'C-2');
    await clerkA.request('POST', `/api/v1/training/enrolments/${await enrol(withCert.id, dropped)}/drop`, { version: 1 });
    await enrol(withCert.id, stillIn);
    await complete(await enrol(without.id, twice), '2026-02-01', null);
    await complete(await enrol(withCert.id, twice), '2026-03-01', 'C-3');
    await complete(await enrol(without.id, noCert), '2026-03-15', null);

    expect(await trainingFigures(ctx.db, village.code, '2026-03-31')).toEqual({ trained: 3, certified: 2 });
    expect(await trainingFigures(ctx.db, village.code, '2026-04-01')).toEqual({ trained: 4, certified: 3 });
    expect(await trainingFigures(ctx.db, village.code, '2026-01-31')).toEqual({ trained: 0, certified: 0 });
    // The township contains the village: its figures include these people.
    const township = await trainingFigures(ctx.db, TOWNSHIP_A, '2026-04-01');
    expect(township.trained).toBeGreaterThanOrEqual(4);
    const api = await clerkA.request('GET', `/api/v1/training/figures?divisionCode=${village.code}&on=2026-03-31`);
    expect(api.body).toEqual({ divisionCode: village.code, on: '2026-03-31', trained: 3, certified: 2 });
  });
});
