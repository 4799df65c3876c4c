/**
 * Policy packs stored as revisions: the bundled packs are stored once (a second start adds
 * nothing, an edited pack is never overwritten); a parameter edit makes a new revision whose dated
 * versions keep the old value for earlier days; a bad edit or upload is refused with the rule and
 * the reason in Chinese and leaves the revision in force; only administrators edit, and only
 * packs of their own jurisdiction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { compileRules, evaluateRule, type PolicyPack } from '@anju/core';
import { buildApp } from '../../app.js';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { addUser, login, type ApiSession } from '../../../test/api-client.js';
import { COUNTY } from '../../../test/factories.js';
import { bundledPacks } from './bundled-packs.js';
import { activePacks, storeBundledPacks } from './pack-service.js';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let app: FastifyInstance;
let admin: ApiSession;
let countyAdmin: ApiSession;
let monitor: ApiSession;
let clerk: ApiSession;

const RETURN_HIRE = 'GZ-2022-5-return-hire';

/** A county's own pack, as an administrator would upload it. */
const countyPack = (amount = 300, extra = '') => `
code: ST-2024
title: 松桃县搬迁群众就业奖补办法（试行）
document: 松桃县人民政府办公室
issued: '2024-01-10'
jurisdiction: '${COUNTY}'
parameters:
  - name: bonus
    title: 就业奖补标准
    type: int
    unit: 元/人
    versions:
      - { from: '2024-01-10', value: ${amount} }
rules:
  - id: ST-2024-1-bonus
    title: 搬迁劳动力就业奖补
    clause: { ref: '一', text: 对稳定就业的搬迁劳动力给予一次性奖补。 }
    subject: person
    versions:
      - from: '2024-01-10'
        condition: 'person.stablyEmployed'
        benefit: { kind: cash, amount: params.bonus, per: once }
${extra}`;

async function revisionCount(code: string): Promise<number> {
  const row = await ctx.db.selectFrom('policy_pack_revision').where('code', '=', code).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function auditCount(): Promise<number> {
  const row = await ctx.db.selectFrom('audit_log').where('entity', '=', 'policy_pack').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function latestOf(code: string): Promise<PolicyPack> {
  return (await activePacks(ctx.db)).find((p) => p.code === code)!;
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  ctx = testContext(tdb.database);
  app = await buildApp(ctx);
  await addUser(ctx, 'pk-admin', 'admin', '');
  await addUser(ctx, 'pk-county-admin', 'admin', COUNTY);
  await addUser(ctx, 'pk-monitor', 'monitor', COUNTY);
  await addUser(ctx, 'pk-clerk', 'clerk', COUNTY);
  admin = await login(app, 'pk-admin');
  countyAdmin = await login(app, 'pk-county-admin');
  monitor = await login(app, 'pk-monitor');
  clerk = await login(app, 'pk-clerk');
});
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('the bundled packs', () => {
  it('are stored as revision 1 when the database is prepared, each with an audit entry', async () => {
    const codes = bundledPacks().map((p) => p.code).sort();
    expect(codes.length).toBeGreaterThan(0);
    const rows = await ctx.db.selectFrom('policy_pack_revision').select(['code', 'revision', 'created_by']).orderBy('code').execute();
    expect(rows).toEqual(codes.map((code) => ({ code, revision: 1, created_by: null })));
    expect((await activePacks(ctx.db)).map((p) => p.code)).toEqual(codes);
    expect(await auditCount()).toBe(codes.length);
  });

  it('are not stored again on a second start', async () => {
    const audits = await auditCount();
    expect(await storeBundledPacks(ctx.db)).toEqual([]);
    expect(await revisionCount('GZ-2022')).toBe(1);
    expect(await auditCount()).toBe(audits);
  });

  it('store a new bundled code once, and never overwrite an edited pack', async () => {
    const extra = { ...bundledPacks().find((p) => p.code === 'GZ-2022')!, code: 'ZZ-2099', title: '测试政策包' };
    expect(await storeBundledPacks(ctx.db, [extra])).toEqual(['ZZ-2099']);
    expect(await storeBundledPacks(ctx.db, [extra])).toEqual([]);
    const edited = await admin.request('PUT', '/api/v1/policy/packs/ZZ-2099/parameters/returnHireSubsidy', { from: '2023-01-01', value: 700, change: '测试修改' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(await storeBundledPacks(ctx.db, [extra])).toEqual([]);
    expect(await revisionCount('ZZ-2099')).toBe(2);
    expect((await latestOf('ZZ-2099')).parameters.find((p) => p.name === 'returnHireSubsidy')!.versions.at(-1)!.value).toBe(700);
  });
});

describe('reading packs', () => {
  it('lists every pack with its revision and counts', async () => {
    const res = await clerk.request('GET', '/api/v1/policy/packs');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const gz = res.body.items.find((p: { code: string }) => p.code === 'GZ-2022');
    expect(gz).toMatchObject({ code: 'GZ-2022', jurisdiction: '52', revision: 1, unsetParameters: 0 });
    expect(gz.rules).toBe((await latestOf('GZ-2022')).rules.length);
  });

  it('answers 404 for an unknown pack or revision', async () => {
    expect((await clerk.request('GET', '/api/v1/policy/packs/QQ-2000')).status).toBe(404);
    expect((await clerk.request('GET', '/api/v1/policy/packs/GZ-2022/revisions/9')).status).toBe(404);
    expect((await admin.request('PUT', '/api/v1/policy/packs/GZ-2022/parameters/nope', { from: '2024-01-01', value: 1, change: '测试' })).status).toBe(404);
    expect((await admin.request('PUT', `/api/v1/policy/packs/GZ-2022/rules/GZ-2022-nope`, { from: '2024-01-01', condition: 'true', benefit: { kind: 'service' }, change: '测试' })).status).toBe(404);
  });
});

describe('a parameter edit', () => {
  const hire = { hire: { returneeHire: true, startDate: '2022-03-01', monthsEmployed: 8 }, person: {}, employer: {} };
  const amountOn = (packs: PolicyPack[], asOf: string) => evaluateRule(compileRules(packs, asOf).find((r) => r.rule.id === RETURN_HIRE)!, hire);

  it('stores a new revision, audited, and dates the new value', async () => {
    const before = await activePacks(ctx.db);
    expect(amountOn(before, '2023-03-01')).toMatchObject({ eligible: true, amount: 500 });
    const audits = await auditCount();
    const res = await admin.request('PUT', '/api/v1/policy/packs/GZ-2022/parameters/returnHireSubsidy', {
      from: '2023-01-01', value: 800, source: '省人社厅通知', change: '2023年起提高标准',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.revision).toBe(2);
    expect(res.body.history.map((h: { revision: number }) => h.revision)).toEqual([2, 1]);
    expect(res.body.history[0]).toMatchObject({ createdBy: 'pk-admin' });
    expect(res.body.history[0].note).toContain('2023年起提高标准');
    expect(res.body.history[1]).toMatchObject({ createdBy: '系统' });
    const versions = res.body.pack.parameters.find((p: { name: string }) => p.name === 'returnHireSubsidy').versions;
    expect(versions).toMatchObject([
      { from: '2022-07-20', to: '2022-12-31', value: 500 },
      { from: '2023-01-01', value: 800, source: '省人社厅通知', change: '2023年起提高标准' },
    ]);
    expect(await auditCount()).toBe(audits + 1);
    const entry = await ctx.db.selectFrom('audit_log').where('entity', '=', 'policy_pack').orderBy('id', 'desc').selectAll().executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'update', entity_id: 'GZ-2022', username: 'pk-admin', division_code: '52' });
  });

  it('leaves evaluation as of an earlier day with the old value, and later days with the new', async () => {
    const after = await activePacks(ctx.db);
    expect(amountOn(after, '2022-12-01')).toMatchObject({ eligible: true, amount: 500 });
    expect(amountOn(after, '2023-03-01')).toMatchObject({ eligible: true, amount: 800 });
  });

  it('keeps every revision readable', async () => {
    const first = await clerk.request('GET', '/api/v1/policy/packs/GZ-2022/revisions/1');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ code: 'GZ-2022', revision: 1, createdBy: '系统' });
    expect(first.body.pack.parameters.find((p: { name: string }) => p.name === 'returnHireSubsidy').versions).toHaveLength(1);
    const detail = await clerk.request('GET', '/api/v1/policy/packs/GZ-2022');
    expect(detail.body.revision).toBe(2);
  });
});

describe('a bad edit', () => {
  it('with an unknown fact in a rule condition is refused with the rule and the reason, and nothing is stored', async () => {
    const audits = await auditCount();
    const res = await admin.request('PUT', `/api/v1/policy/packs/GZ-2022/rules/${RETURN_HIRE}`, {
      from: '2023-01-01',
      condition: 'hire.returneeHire && person.shoeSize > 40',
      benefit: { kind: 'cash', amount: 'params.returnHireSubsidy', per: 'once', payee: 'employer' },
      evidence: [],
      change: '测试错误条件',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.code).toBe('PACK_INVALID');
    expect(res.body.issues).toContainEqual(expect.objectContaining({ where: RETURN_HIRE, field: expect.stringMatching(/condition$/), reason: expect.stringContaining('未知事实 shoeSize') }));
    expect(res.body.message).toContain(RETURN_HIRE);
    expect(res.body.message).toContain('未知事实');
    expect(await revisionCount('GZ-2022')).toBe(2);
    expect(await auditCount()).toBe(audits);
  });

  it('with a monthly benefit without months is refused naming the rule', async () => {
    const res = await admin.request('PUT', `/api/v1/policy/packs/GZ-2022/rules/${RETURN_HIRE}`, {
      from: '2023-01-01', condition: 'hire.returneeHire', benefit: { kind: 'cash', amount: '500', per: 'month' }, change: '测试按月',
    });
    expect(res.status).toBe(422);
    expect(res.body.issues).toContainEqual(expect.objectContaining({ where: RETURN_HIRE, reason: '按月发放的待遇须写明月数（months）' }));
    expect(await revisionCount('GZ-2022')).toBe(2);
  });

  it('with a non-integer value of an integer parameter is refused naming the parameter', async () => {
    const res = await admin.request('PUT', '/api/v1/policy/packs/GZ-2022/parameters/returnHireMinMonths', { from: '2024-01-01', value: 2.5, change: '测试小数' });
    expect(res.status).toBe(422);
    expect(res.body.issues).toEqual([expect.objectContaining({ where: '参数 returnHireMinMonths', reason: expect.stringContaining('整数') })]);
    expect(await revisionCount('GZ-2022')).toBe(2);
  });

  it('uploading a pack whose rule versions overlap is refused naming the rule, and the revision stays', async () => {
    const overlapping = countyPack(300, `      - from: '2024-06-01'
        condition: 'person.stablyEmployed'
        benefit: { kind: cash, amount: params.bonus, per: once }`).replace("      - from: '2024-01-10'\n        condition", "      - from: '2024-01-10'\n        to: '2024-12-31'\n        condition");
    const res = await countyAdmin.request('POST', '/api/v1/policy/packs', { text: overlapping });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.issues).toContainEqual({ where: 'ST-2024-1-bonus', field: 'versions', reason: '版本有效期重叠：2024-01-10 起与 2024-06-01 起' });
    expect(await revisionCount('ST-2024')).toBe(0);
  });

  it('that is not YAML is refused with the reason', async () => {
    const res = await admin.request('POST', '/api/v1/policy/packs', { text: 'code: [unclosed' });
    expect(res.status).toBe(422);
    expect(res.body.issues[0].reason).toContain('不是有效的 YAML');
  });
});

describe('uploading a pack', () => {
  it('adds a county’s own pack, then a new revision of it, and refuses an unchanged one', async () => {
    const first = await countyAdmin.request('POST', '/api/v1/policy/packs', { text: countyPack(300) });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ revision: 1, pack: { code: 'ST-2024', jurisdiction: COUNTY } });
    const same = await countyAdmin.request('POST', '/api/v1/policy/packs', { text: countyPack(300) });
    expect(same.status).toBe(400);
    expect(same.body.message).toContain('相同');
    const second = await countyAdmin.request('POST', '/api/v1/policy/packs', { text: countyPack(400), note: '提高标准' });
    expect(second.status).toBe(201);
    expect(second.body.revision).toBe(2);
    expect(second.body.history[0]).toMatchObject({ revision: 2, note: '提高标准', createdBy: 'pk-county-admin' });
    expect((await latestOf('ST-2024')).parameters[0]!.versions[0]!.value).toBe(400);
  });
});

describe('who may edit', () => {
  const param = { from: '2024-01-01', value: 600, change: '测试权限' };

  it('nobody but an administrator (403), and nothing is stored', async () => {
    for (const as of [monitor, clerk]) {
      expect((await as.request('PUT', '/api/v1/policy/packs/ST-2024/parameters/bonus', param)).status, as.username).toBe(403);
      expect((await as.request('PUT', '/api/v1/policy/packs/ST-2024/rules/ST-2024-1-bonus', { from: '2024-01-01', condition: 'true', benefit: { kind: 'service' }, change: '测试权限' })).status).toBe(403);
      expect((await as.request('POST', '/api/v1/policy/packs', { text: countyPack(999) })).status).toBe(403);
    }
    expect(await revisionCount('ST-2024')).toBe(2);
  });

  it('an administrator of a county only its own jurisdiction’s packs', async () => {
    const res = await countyAdmin.request('PUT', '/api/v1/policy/packs/GZ-2022/parameters/returnHireSubsidy', param);
    expect(res.status).toBe(403);
    expect(res.body.message).toContain('超出本人管辖范围');
    const upload = await countyAdmin.request('POST', '/api/v1/policy/packs', { text: countyPack(300).replace(`jurisdiction: '${COUNTY}'`, "jurisdiction: '52'") });
    expect(upload.status).toBe(403);
    expect(await revisionCount('GZ-2022')).toBe(2);
    expect(await revisionCount('ST-2024')).toBe(2);
    expect((await countyAdmin.request('PUT', '/api/v1/policy/packs/ST-2024/parameters/bonus', param)).status).toBe(200);
  });
});
