/**
 * Public-welfare posts through the API: the catalogue per site with optimistic locking and audit,
 * one holder at a time (the partial unique index, reported by name), ending a holding, candidates
 * ranked by the priority groups with their reasons, access, and the posts / filled figures at
 * their edges. The test clock stands on 2026-06-01.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { PersonInput } from '@anju/core';
import { buildApp } from '../../app.js';
import type { AppContext } from '../../platform/context.js';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { addUser, login, type ApiSession } from '../../../test/api-client.js';
import { buildHousehold, buildPerson, buildSite, COUNTY, idNumberFor, TOWNSHIP_A, TOWNSHIP_B } from '../../../test/factories.js';
import { welfarePostFigures } from './welfare-post-figures-repo.js';

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
let villages: string[] = [];

const post = (siteId: string | undefined, over: Record<string, unknown> = {}) => ({
  siteId: Number(siteId),
  title: '小区保洁员',
  duty: 'cleaning',
  grade: 'ordinary',
  monthlyPay: 1200,
  funding: 'linkage_fund',
  active: true,
  ...over,
});

async function site(as: ApiSession, divisionCode: string): Promise<string> {
  const res = await as.request('POST', '/api/v1/sites', buildSite({ divisionCode }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

type Member = { key: string; birth: string; sex?: 'M' | 'F'; over?: Partial<PersonInput> };

/** One household at the site; returns its id and puts each member's id under its key. */
async function household(as: ApiSession, siteId: string, members: Member[]): Promise<string> {
  const hh = await as.request('POST', '/api/v1/households', buildHousehold(Number(siteId)));
  expect(hh.status, JSON.stringify(hh.body)).toBe(201);
  for (const [i, m] of members.entries()) {
    const p = await as.request('POST', '/api/v1/persons', buildPerson(Number(hh.body.id), { name: m.key, relation: i === 0 ? 'head' : 'other', idNumber: idNumberFor(m.birth, m.sex ?? 'M'), ...m.over }));
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    ids[m.key] = p.body.id;
  }
  return hh.body.id;
}

async function holdingCount(postId: string): Promise<number> {
  const row = await ctx.db.selectFrom('welfare_post_holding').where('post_id', '=', postId).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function auditCount(entity: string, entityId: string): Promise<number> {
  const row = await ctx.db.selectFrom('audit_log').where('entity', '=', entity).where('entity_id', '=', entityId).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  ctx = testContext(tdb.database);
  app = await buildApp(ctx);
  await addUser(ctx, 'wp-clerk-a', 'clerk', TOWNSHIP_A);
  await addUser(ctx, 'wp-clerk-b', 'clerk', TOWNSHIP_B);
  await addUser(ctx, 'wp-leader', 'leader', TOWNSHIP_A);
  await addUser(ctx, 'wp-hrss', 'department', COUNTY, 'hrss');
  await addUser(ctx, 'wp-civil', 'department', COUNTY, 'civil_affairs');
  clerkA = await login(app, 'wp-clerk-a');
  clerkB = await login(app, 'wp-clerk-b');
  leader = await login(app, 'wp-leader');
  hrss = await login(app, 'wp-hrss');
  civil = await login(app, 'wp-civil');
  villages = (await ctx.db.selectFrom('division').select('code').where('parent_code', '=', TOWNSHIP_A).orderBy('code').limit(2).execute()).map((d) => d.code);
  expect(villages).toHaveLength(2);
  ids.siteA = await site(clerkA, TOWNSHIP_A);
  ids.siteB = await site(clerkB, TOWNSHIP_B);
  await household(clerkA, ids.siteA, [
    { key: '赵一', birth: '1985-01-01' },
    { key: '赵二', birth: '1986-01-01', sex: 'F' },
    { key: '赵三', birth: '1987-01-01' },
  ]);
  await household(clerkB, ids.siteB, [{ key: '钱一', birth: '1985-01-01' }]);
  const p = await clerkA.request('POST', '/api/v1/welfare-posts', post(ids.siteA));
  expect(p.status, JSON.stringify(p.body)).toBe(201);
  ids.post = p.body.id;
  const h = await clerkA.request('POST', `/api/v1/welfare-posts/${ids.post}/holdings`, { personId: ids['赵一'], startDate: '2026-02-01' });
  expect(h.status, JSON.stringify(h.body)).toBe(201);
  ids.holding = h.body.id;
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});

describe('post catalogue', () => {
  it('creates a post at a site, copying the site’s division, and audits it', async () => {
    const res = await clerkA.request('POST', '/api/v1/welfare-posts', post(ids.siteA, { title: '楼栋协管员', duty: 'assistant', monthlyPay: 800.5 }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ siteId: ids.siteA, divisionCode: TOWNSHIP_A, title: '楼栋协管员', monthlyPay: 800.5, active: true, currentHolder: null, version: 1 });
    expect(res.body.siteName).toMatch(/^测试安置点/);
    expect(await auditCount('welfare_post', res.body.id)).toBe(1);
    const list = await clerkA.request('GET', `/api/v1/welfare-posts?siteId=${ids.siteA}&vacant=true`);
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([res.body.id]);
    const held = await clerkA.request('GET', `/api/v1/welfare-posts?siteId=${ids.siteA}&vacant=false`);
    expect(held.body.items.map((p: { id: string }) => p.id)).toEqual([ids.post]);
  });

  it('refuses bad input with a Chinese message naming the field', async () => {
    const res = await clerkA.request('POST', '/api/v1/welfare-posts', post(ids.siteA, { monthlyPay: -1, duty: 'guard' }));
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['duty', 'monthlyPay']);
    expect(res.body.message).toContain('月补贴不能为负');
    expect(res.body.message).toContain('岗位类别须为以下之一');
    const outside = await clerkA.request('POST', '/api/v1/welfare-posts', post(ids.siteB));
    expect(outside.status).toBe(400);
    expect(outside.body.details).toEqual([{ path: 'siteId', message: '安置点不存在或无权访问' }]);
  });

  it('answers a stale version with 409 and the current post, writing nothing', async () => {
    const p = (await clerkA.request('POST', '/api/v1/welfare-posts', post(ids.siteA, { title: '维修工' }))).body;
    expect((await clerkA.request('PUT', `/api/v1/welfare-posts/${p.id}`, { ...post(ids.siteA, { title: '水电维修工', duty: 'repair' }), version: 1 })).status).toBe(200);
    const stale = await clerkA.request('PUT', `/api/v1/welfare-posts/${p.id}`, { ...post(ids.siteA, { title: '管道维修工' }), version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ title: '水电维修工', version: 2 });
    expect((await clerkA.request('GET', `/api/v1/welfare-posts/${p.id}`)).body).toMatchObject({ title: '水电维修工', duty: 'repair', version: 2 });
    expect(await auditCount('welfare_post', p.id)).toBe(2);
    expect((await clerkA.request('DELETE', `/api/v1/welfare-posts/${p.id}?version=2`)).status).toBe(204);
  });

  it('keeps a post that was ever held: no delete, no deactivation while held', async () => {
    const p = (await clerkA.request('GET', `/api/v1/welfare-posts/${ids.post}`)).body;
    const del = await clerkA.request('DELETE', `/api/v1/welfare-posts/${ids.post}?version=${p.version}`);
    expect(del.status).toBe(409);
    expect(del.body.message).toContain('请改为停用');
    const off = await clerkA.request('PUT', `/api/v1/welfare-posts/${ids.post}`, { ...post(ids.siteA, { active: false }), version: p.version });
    expect(off.status).toBe(400);
    expect(off.body.details[0].path).toBe('active');
    expect(off.body.message).toContain('赵一');
  });
});

describe('holders', () => {
  it('shows the current holder masked, never with the phone', async () => {
    const p = (await clerkA.request('GET', `/api/v1/welfare-posts/${ids.post}`)).body;
    expect(p.currentHolder).toMatchObject({ personId: ids['赵一'], name: '赵一', sex: 'M', age: 41, holdingId: ids.holding, startDate: '2026-02-01' });
    expect(p.currentHolder.idNumber).toMatch(/^\d{4}\*{13}[\dX]$/);
    expect(JSON.stringify(p)).not.toContain('13800138000');
  });

  it('refuses a second current holder, naming the one in post, and writes nothing', async () => {
    const res = await clerkA.request('POST', `/api/v1/welfare-posts/${ids.post}/holdings`, { personId: ids['赵二'], startDate: '2026-03-01' });
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('岗位「小区保洁员」现由 赵一 在岗，须先办理其离岗，才能安排新的人员');
    expect(await holdingCount(ids.post!)).toBe(1);
  });

  it('ends a holding, keeps it as history, and lets the next holder start from that day', async () => {
    const early = await clerkA.request('POST', `/api/v1/welfare-posts/${ids.post}/holdings/${ids.holding}/end`, { endDate: '2026-01-31', reason: '本人辞职' });
    expect(early.status).toBe(400);
    expect(early.body.details[0]).toMatchObject({ path: 'endDate' });
    const noReason = await clerkA.request('POST', `/api/v1/welfare-posts/${ids.post}/holdings/${ids.holding}/end`, { endDate: '2026-04-30', reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details[0]).toEqual({ path: 'reason', message: '离岗原因不能为空' });
    const ended = await clerkA.request('POST', `/api/v1/welfare-posts/${ids.post}/holdings/${ids.holding}/end`, { endDate: '2026-04-30', reason: '外出务工' });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ current: false, endDate: '2026-04-30', endReason: '外出务工' });
    const again = await clerkA.request('POST', `/api/v1/welfare-posts/${ids.post}/holdings/${ids.holding}/end`, { endDate: '2026-05-01', reason: '重复' });
    expect(again.status).toBe(409);
    expect(await auditCount('welfare_post_holding', ids.holding!)).toBe(2);

    const overlap = await clerkA.request('POST', `/api/v1/welfare-posts/${ids.post}/holdings`, { personId: ids['赵二'], startDate: '2026-04-29' });
    expect(overlap.status).toBe(400);
    expect(overlap.body.details[0].path).toBe('startDate');
    const next = await clerkA.request('POST', `/api/v1/welfare-posts/${ids.post}/holdings`, { personId: ids['赵二'], startDate: '2026-04-30' });
    expect(next.status).toBe(201);
    const history = (await clerkA.request('GET', `/api/v1/welfare-posts/${ids.post}/holdings`)).body;
    expect(history.map((h: { person: { name: string }; current: boolean }) => [h.person.name, h.current])).toEqual([
      ['赵二', true],
      ['赵一', false],
    ]);
  });

  it('gives one person one post at a time', async () => {
    const other = (await clerkA.request('POST', '/api/v1/welfare-posts', post(ids.siteA, { title: '绿化员' }))).body;
    const res = await clerkA.request('POST', `/api/v1/welfare-posts/${other.id}/holdings`, { personId: ids['赵二'], startDate: '2026-05-01' });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('赵二 现在岗「小区保洁员」');
  });

  it('assigns only people of the actor’s division, answering as for a missing person', async () => {
    const other = (await clerkA.request('POST', '/api/v1/welfare-posts', post(ids.siteA, { title: '巡逻员' }))).body;
    const foreign = await clerkA.request('POST', `/api/v1/welfare-posts/${other.id}/holdings`, { personId: ids['钱一'], startDate: '2026-05-01' });
    const missing = await clerkA.request('POST', `/api/v1/welfare-posts/${other.id}/holdings`, { personId: NONE, startDate: '2026-05-01' });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toEqual(missing.body);
  });
});

describe('candidates', () => {
  it('ranks the labour force without a post by the priority groups, with the reasons', async () => {
    const s = await site(clerkA, villages[0]!);
    const zeroHousehold = await household(clerkA, s, [{ key: '零就业户成员', birth: '1986-05-05' }]);
    const other = await household(clerkA, s, [
      { key: '弱劳力大龄', birth: '1970-02-02', over: { labourCapacity: 'weak' } },
      { key: '弱劳力', birth: '1996-01-01', sex: 'F', over: { labourCapacity: 'weak' } },
      { key: '残疾人', birth: '1991-01-01', over: { health: 'disabled', disabilityGrade: 3 } },
      { key: '刚满五十', birth: '1976-06-01' },
      { key: '差一天五十', birth: '1976-06-02' },
      { key: '在校生', birth: '2009-01-01', over: { schoolStage: 'senior' } },
      { key: '丧失劳力', birth: '1980-01-01', over: { labourCapacity: 'lost' } },
      { key: '超龄', birth: '1960-01-01' },
      { key: '已在岗', birth: '1990-01-01' },
    ]);
    const zeroCase = { county_code: COUNTY, dest_division_code: villages[0]!, found_period: '2026-05', found_on: '2026-05-31', last_seen_period: '2026-05' };
    await ctx.db.insertInto('zero_employment_case').values({ ...zeroCase, household_id: zeroHousehold }).execute();
    // A cleared case no longer makes a household a zero-employment one.
    await ctx.db.insertInto('zero_employment_case').values({ ...zeroCase, household_id: other, found_period: '2026-03', cleared_period: '2026-04', cleared_on: '2026-04-30' }).execute();
    const p = (await clerkA.request('POST', '/api/v1/welfare-posts', post(s))).body;
    const busy = (await clerkA.request('POST', '/api/v1/welfare-posts', post(s, { title: '护林员', duty: 'forest' }))).body;
    expect((await clerkA.request('POST', `/api/v1/welfare-posts/${busy.id}/holdings`, { personId: ids['已在岗'], startDate: '2026-05-01' })).status).toBe(201);

    const res = await clerkA.request('GET', `/api/v1/welfare-posts/${p.id}/candidates`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { person: { name: string }; reasons: string[] }) => [c.person.name, c.reasons])).toEqual([
      ['弱劳力大龄', ['弱劳动力或半劳动力', '大龄劳动力（50岁及以上）']],
      ['刚满五十', ['大龄劳动力（50岁及以上）']],
      ['零就业户成员', ['零就业家庭']],
      ['残疾人', ['残疾（3级）']],
      ['弱劳力', ['弱劳动力或半劳动力']],
      ['差一天五十', []],
    ]);
    expect(res.body.total).toBe(6);
    expect(res.body.items[0].priorities).toEqual(['weak_labour', 'older_worker']);
    expect(res.body.items[0].person.idNumber).toContain('*');
    const page2 = await clerkA.request('GET', `/api/v1/welfare-posts/${p.id}/candidates?pageSize=4&page=2`);
    expect(page2.body.items.map((c: { person: { name: string } }) => c.person.name)).toEqual(['弱劳力', '差一天五十']);
  });
});

describe('access', () => {
  const cases: [string, string, () => unknown][] = [
    ['GET', '/api/v1/welfare-posts/{post}', () => undefined],
    ['PUT', '/api/v1/welfare-posts/{post}', () => ({ ...post(ids.siteB), version: 1 })],
    ['DELETE', '/api/v1/welfare-posts/{post}?version=1', () => undefined],
    ['GET', '/api/v1/welfare-posts/{post}/holdings', () => undefined],
    ['POST', '/api/v1/welfare-posts/{post}/holdings', () => ({ personId: ids['钱一'], startDate: '2026-05-01' })],
    ['POST', '/api/v1/welfare-posts/{post}/holdings/{holding}/end', () => ({ endDate: '2026-05-01', reason: '测试' })],
    ['GET', '/api/v1/welfare-posts/{post}/candidates', () => undefined],
  ];

  it.each(cases)('a clerk of another township: %s %s answers as for a missing id', async (method, path, body) => {
    const real = await clerkB.request(method as 'GET', path.replace(/\{(\w+)\}/g, (_, k: string) => ids[k]!), body());
    const none = await clerkB.request(method as 'GET', path.replace(/\{(\w+)\}/g, NONE), body());
    expect(real.status).toBe(404);
    expect(real.body).toEqual(none.body);
  });

  it('finds nothing of another township in lists and figures', async () => {
    expect((await clerkB.request('GET', '/api/v1/welfare-posts')).body.total).toBe(0);
    // Another township's figures are refused as a missing division (issue 13.9), never one's own instead.
    expect((await clerkB.request('GET', `/api/v1/welfare-posts/figures?divisionCode=${TOWNSHIP_A}`)).status).toBe(404);
    expect((await clerkB.request('GET', '/api/v1/welfare-posts/figures')).body).toMatchObject({ divisionCode: TOWNSHIP_B, posts: 0 });
  });

  it('a leader reads but cannot write', async () => {
    expect((await leader.request('GET', `/api/v1/welfare-posts/${ids.post}`)).status).toBe(200);
    expect((await leader.request('GET', `/api/v1/welfare-posts/${ids.post}/candidates`)).status).toBe(200);
    expect((await leader.request('POST', '/api/v1/welfare-posts', post(ids.siteA))).status).toBe(403);
    expect((await leader.request('POST', `/api/v1/welfare-posts/${ids.post}/holdings`, { personId: ids['赵三'], startDate: '2026-05-01' })).status).toBe(403);
  });

  it('of department users only 人社 manages posts', async () => {
    expect((await civil.request('POST', '/api/v1/welfare-posts', post(ids.siteA))).status).toBe(403);
    expect((await civil.request('GET', '/api/v1/welfare-posts')).status).toBe(200);
    expect((await hrss.request('POST', '/api/v1/welfare-posts', post(ids.siteB, { title: '县人社局设岗' }))).status).toBe(201);
  });
});

describe('welfarePostFigures', () => {
  it('counts active posts, and those held on the day', async () => {
    const village = villages[1]!;
    const s = await site(clerkA, village);
    await household(clerkA, s, [
      { key: 'F1', birth: '1980-01-01' },
      { key: 'F2', birth: '1981-01-01' },
      { key: 'F3', birth: '1982-01-01' },
      { key: 'F4', birth: '1983-01-01' },
    ]);
    const make = async (title: string, active = true) => (await clerkA.request('POST', '/api/v1/welfare-posts', post(s, { title, active }))).body.id as string;
    const hold = async (postId: string, key: string, startDate: string, endDate?: string) => {
      const h = await clerkA.request('POST', `/api/v1/welfare-posts/${postId}/holdings`, { personId: ids[key], startDate });
      expect(h.status, JSON.stringify(h.body)).toBe(201);
      if (endDate) expect((await clerkA.request('POST', `/api/v1/welfare-posts/${postId}/holdings/${h.body.id}/end`, { endDate, reason: '期满' })).status).toBe(200);
    };
    await hold(await make('在岗'), 'F1', '2026-01-01');
    await hold(await make('前一天离岗'), 'F2', '2026-01-01', '2026-03-30');
    await hold(await make('当天离岗'), 'F3', '2026-01-01', '2026-03-31');
    await hold(await make('次日上岗'), 'F4', '2026-04-01');
    await make('空缺');
    await make('已停用', false);

    expect(await welfarePostFigures(ctx.db, village, '2026-03-31')).toEqual({ posts: 5, filled: 2 });
    expect(await welfarePostFigures(ctx.db, village, '2026-04-01')).toEqual({ posts: 5, filled: 2 });
    expect(await welfarePostFigures(ctx.db, village, '2025-12-31')).toEqual({ posts: 5, filled: 0 });
    const api = await clerkA.request('GET', `/api/v1/welfare-posts/figures?divisionCode=${village}&on=2026-03-31`);
    expect(api.body).toEqual({ divisionCode: village, on: '2026-03-31', posts: 5, filled: 2 });
  });
});
