/**
 * Who may import which department list and read the records, through the API: a department
 * user only their own department's list (and sees only those jobs), nobody outside their
 * division learns anything, administrators any list; the records endpoint is masked and scoped.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber } from '@anju/core';
import { buildApp } from '../../app.js';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { addUser, login, TEST_PASSWORD, type ApiSession } from '../../../test/api-client.js';
import { buildHousehold, buildPerson, buildSite, COUNTY, idNumberFor, TOWNSHIP_A, TOWNSHIP_B } from '../../../test/factories.js';
import { systemActor } from '../../platform/actor.js';
import { createSite } from '../sites/site-service.js';
import { createHousehold } from '../households/household-service.js';
import { createPerson } from '../persons/person-service.js';
import ExcelJS from '../imports/exceljs.js';
import { NOT_IN_DIVISION } from './department-import-repo.js';

let tdb: TestDatabase;
let app: FastifyInstance;
const sessions: Record<string, ApiSession> = {};
const cookies: Record<string, { cookie: string; csrf: string }> = {};
const person = { id: '', idNumber: idNumberFor('1972-02-02'), name: '接口甲', householdId: '' };
const unregistered = idNumberFor('1966-06-06');

const MEDICAL_HEADER = '身份证号,姓名,就诊类别,医疗机构,费用发生日期,医疗总费用（元）,医保报销金额（元）,个人自付金额（元）,结算单号,数据月份';
const medicalCsv = (rows: string[]) => `${MEDICAL_HEADER}\n${rows.join('\n')}\n`;

async function upload(user: string, ledger: string, fileName: string, content: string) {
  const boundary = '----anju-department-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const { cookie, csrf } = cookies[user]!;
  return app.inject({
    method: 'POST',
    url: `/api/v1/imports/${ledger}`,
    cookies: { anju_session: cookie },
    headers: { 'x-csrf-token': csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
}

async function finished(user: string, jobId: string) {
  for (let i = 0; i < 200; i++) {
    const job = await sessions[user]!.request('GET', `/api/v1/imports/${jobId}`);
    if (job.body.status !== 'running') return job.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

/** Upload, wait for the dry run, confirm, wait for the import. */
async function importList(user: string, ledger: string, content: string) {
  const res = await upload(user, ledger, `${ledger}.csv`, content);
  expect(res.statusCode, res.body).toBe(202);
  const checked = await finished(user, res.json().jobId);
  expect(checked.status, JSON.stringify(checked.errors)).toBe('validated');
  const confirmed = await sessions[user]!.request('POST', `/api/v1/imports/${checked.id}/confirm`);
  expect(confirmed.status).toBe(202);
  return { checked, committed: await finished(user, confirmed.body.jobId) };
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  const ctx = testContext(tdb.database, { dataDir: await mkdtemp(join(tmpdir(), 'anju-department-api-')) });
  app = await buildApp(ctx);
  const system = systemActor('test');
  const site = await createSite(ctx, system, buildSite());
  person.householdId = (await createHousehold(ctx, system, buildHousehold(Number(site.id)))).id;
  person.id = (await createPerson(ctx, system, buildPerson(Number(person.householdId), { idNumber: person.idNumber, name: person.name }))).id;
  const users: [string, Parameters<typeof addUser>[2], string, string | null][] = [
    ['medical-a', 'department', TOWNSHIP_A, 'medical_security'],
    ['civil-a', 'department', TOWNSHIP_A, 'civil_affairs'],
    ['medical-b', 'department', TOWNSHIP_B, 'medical_security'],
    ['clerk-a', 'clerk', TOWNSHIP_A, null],
    ['monitor', 'monitor', COUNTY, null],
    ['leader', 'leader', COUNTY, null],
    ['admin', 'admin', '', null],
  ];
  for (const [name, role, division, department] of users) {
    await addUser(ctx, `dd-${name}`, role, division, department);
    sessions[name] = await login(app, `dd-${name}`);
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: `dd-${name}`, password: TEST_PASSWORD } });
    cookies[name] = { cookie: res.cookies.find((c) => c.name === 'anju_session')!.value, csrf: res.json().csrfToken };
  }
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});

describe('importing department lists', () => {
  it('lets a department user import their own list, with the unmatched list to download', async () => {
    const template = await sessions['medical-a']!.request('GET', '/api/v1/templates/department_medical_security');
    expect(template.status).toBe(200);
    expect(String(template.headers['content-disposition'])).toContain(encodeURIComponent('医保部门医疗费用数据模板'));

    const { checked, committed } = await importList(
      'medical-a',
      'department_medical_security',
      medicalCsv([`${person.idNumber},${person.name},住院,县医院,2026-04-03,5000,3000,2000,,2026-04`, `${unregistered},无此人,普通门诊,,2026-04-04,,,50,,2026-04`]),
    );
    expect(checked).toMatchObject({ unmatchedCount: 1, hasUnmatchedFile: true, counts: { department_record: { inserted: 1 } } });
    expect(committed).toMatchObject({ status: 'committed', inserted: 1, unmatchedCount: 1, hasUnmatchedFile: true });
    const file = await app.inject({ method: 'GET', url: `/api/v1/imports/${committed.id}/unmatched.xlsx`, cookies: { anju_session: cookies['medical-a']!.cookie } });
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const row = (wb.worksheets[0]!.getRow(2).values as unknown[]).slice(1);
    expect([row[0], row[1], row[row.length - 1]]).toEqual([3, maskIdNumber(unregistered), NOT_IN_DIVISION]);
  });

  it("refuses another department's list, the registry ledgers, and department lists to clerks", async () => {
    const csv = medicalCsv([`${person.idNumber},${person.name},住院,县医院,2026-04-03,5000,3000,2000,,2026-04`]);
    const other = await upload('civil-a', 'department_medical_security', 'x.csv', csv);
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toContain('只能导入本部门');
    expect((await upload('medical-a', 'persons', 'p.csv', '户编号,姓名\n')).statusCode).toBe(403);
    expect((await upload('clerk-a', 'department_medical_security', 'x.csv', csv)).statusCode).toBe(403);
  });

  it('shows a department user only the jobs of their own list, and others nothing of theirs', async () => {
    await importList('civil-a', 'department_civil_affairs', `身份证号,姓名,救助类别,城乡类别,保障状态,救助日期,救助金额（元）,数据月份\n${person.idNumber},${person.name},临时救助,,,2026-04-10,800,2026-04\n`);
    const mine = await sessions['medical-a']!.request('GET', '/api/v1/imports');
    expect(mine.status).toBe(200);
    expect(new Set(mine.body.items.map((j: { ledger: string }) => j.ledger))).toEqual(new Set(['department_medical_security']));
    const civilJob = (await sessions['civil-a']!.request('GET', '/api/v1/imports')).body.items[0].id;
    expect((await sessions['medical-a']!.request('GET', `/api/v1/imports/${civilJob}`)).status).toBe(404);
    expect((await sessions['clerk-a']!.request('GET', '/api/v1/imports')).body.items).toEqual([]);
    const all = await sessions['monitor']!.request('GET', '/api/v1/imports');
    expect(new Set(all.body.items.map((j: { ledger: string }) => j.ledger))).toEqual(new Set(['department_medical_security', 'department_civil_affairs']));
  });

  it('treats a person outside the importer’s division exactly like an unknown one', async () => {
    const { committed } = await importList(
      'medical-b',
      'department_medical_security',
      medicalCsv([`${person.idNumber},${person.name},住院,县医院,2026-04-21,900,600,300,,2026-04`, `${unregistered},无此人,住院,县医院,2026-04-21,900,600,300,,2026-04`]),
    );
    expect(committed).toMatchObject({ inserted: 0, unmatchedCount: 2 });
    const file = await app.inject({ method: 'GET', url: `/api/v1/imports/${committed.id}/unmatched.xlsx`, cookies: { anju_session: cookies['medical-b']!.cookie } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const reasons: unknown[] = [];
    wb.worksheets[0]!.eachRow((r, n) => n > 1 && reasons.push((r.values as unknown[]).at(-1)));
    expect(reasons).toEqual([NOT_IN_DIVISION, NOT_IN_DIVISION]);
    // Township A's user cannot fetch township B's job or its file.
    expect((await sessions['medical-a']!.request('GET', `/api/v1/imports/${committed.id}/unmatched.xlsx`)).status).toBe(404);
  });

  it('lets an administrator import any list, and never exports a department list', async () => {
    const { committed } = await importList('admin', 'department_water', `身份证号,姓名,饮水安全,存在问题,核查日期,数据月份\n${person.idNumber},${person.name},不安全,水质不达标,2026-04-12,2026-04\n`);
    expect(committed).toMatchObject({ status: 'committed', inserted: 1, unmatchedCount: 0, hasUnmatchedFile: false });
    const exported = await sessions['admin']!.request('GET', '/api/v1/exports/department_water');
    expect(exported.status).toBe(400);
    expect(exported.body.message).toContain('只能导入');
  });
});

describe('GET /department-data/records', () => {
  it('lists a household’s department evidence, masked, with a Chinese summary', async () => {
    const res = await sessions['monitor']!.request('GET', `/api/v1/department-data/records?householdId=${person.householdId}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(res.body.items.map((r: { kind: string }) => r.kind)).toEqual(['unsafe_water', 'temporary_assistance', 'medical_expense']);
    expect(res.body.items[2]).toMatchObject({
      department: 'medical_security',
      departmentLabel: '医保',
      kindLabel: '医疗费用',
      summary: '住院，县医院，个人自付 2,000 元，总费用 5,000 元',
      personId: person.id,
      personName: person.name,
      idNumber: maskIdNumber(person.idNumber),
      divisionCode: TOWNSHIP_A,
      occurredOn: '2026-04-03',
      period: '2026-04',
      amount: 2000,
      sourceFile: 'department_medical_security.csv',
    });
    const filtered = await sessions['monitor']!.request('GET', `/api/v1/department-data/records?division=${TOWNSHIP_A}&department=civil_affairs&kind=temporary_assistance&period=2026-04`);
    expect(filtered.body).toMatchObject({ total: 1, items: [{ amount: 800 }] });
  });

  it("gives a department user only their own department's records", async () => {
    const own = await sessions['civil-a']!.request('GET', '/api/v1/department-data/records');
    expect(own.body.items.map((r: { department: string }) => r.department)).toEqual(['civil_affairs']);
    expect((await sessions['civil-a']!.request('GET', '/api/v1/department-data/records?department=medical_security')).status).toBe(403);
  });

  it('refuses roles without the need and divisions outside the user’s own', async () => {
    expect((await sessions['leader']!.request('GET', '/api/v1/department-data/records')).status).toBe(403);
    expect((await sessions['clerk-a']!.request('GET', `/api/v1/department-data/records?division=${TOWNSHIP_B}`)).status).toBe(403);
    expect((await sessions['medical-b']!.request('GET', '/api/v1/department-data/records')).body.total).toBe(0);
    const bad = await sessions['monitor']!.request('GET', '/api/v1/department-data/records?kind=flood');
    expect(bad.status).toBe(400);
  });
});
