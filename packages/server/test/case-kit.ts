/**
 * Shared set-up of the case tests: a database, the app, one user of each role (sessions that do
 * not time out while the tests move the clock by months), households made through the API, and
 * helpers to upload evidence and take steps.
 */
import { rm } from 'node:fs/promises';
import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { HouseholdInput, Role } from '@anju/core';
import { buildApp } from '../src/app.js';
import { createTestDatabase, testContext, type TestDatabase } from './test-database.js';
import { addUser, TEST_PASSWORD } from './api-client.js';
import { buildHousehold, buildPerson, buildSite, COUNTY, idNumberFor, TOWNSHIP_A, TOWNSHIP_B } from './factories.js';

export interface Session {
  request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<{ status: number; body: any; headers: Record<string, unknown>; raw: Buffer }>;
  upload(caseId: string, kind: string, fileName: string, bytes: Buffer): Promise<{ status: number; body: any }>;
}

const USERS: [string, Role, string, string | null][] = [
  ['collector', 'collector', TOWNSHIP_A, null],
  ['clerk', 'clerk', TOWNSHIP_A, null],
  ['monitor', 'monitor', COUNTY, null],
  ['leader', 'leader', COUNTY, null],
  ['department', 'department', COUNTY, 'civil_affairs'],
  ['otherClerk', 'clerk', TOWNSHIP_B, null],
  ['admin', 'admin', COUNTY, null],
];
export type UserKey = 'collector' | 'clerk' | 'monitor' | 'leader' | 'department' | 'otherClerk' | 'admin';

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

async function loginAs(app: FastifyInstance, username: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: TEST_PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  const cookies = { anju_session: res.cookies.find((c) => c.name === 'anju_session')!.value };
  const headers = { 'x-csrf-token': res.json().csrfToken as string };
  const parse = (r: { statusCode: number; body: string; headers: Record<string, unknown>; rawPayload: Buffer }) => {
    let body: unknown = r.body;
    try {
      body = JSON.parse(r.body);
    } catch {
      /* a file */
    }
    return { status: r.statusCode, body, headers: r.headers, raw: r.rawPayload };
  };
  return {
    async request(method, url, body) {
      return parse(await app.inject({ method, url, cookies, headers, ...(body === undefined ? {} : { payload: body as object }) }));
    },
    async upload(caseId, kind, fileName, bytes) {
      const boundary = '----anju-evidence-boundary';
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const r = await app.inject({
        method: 'POST', url: `/api/v1/monitoring/cases/${caseId}/evidence`, cookies, payload,
        headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      return parse(r);
    },
  };
}

export interface Member {
  birth: string;
  over?: Record<string, unknown>;
}

export async function startKit(prefix: string) {
  const tdb: TestDatabase = await createTestDatabase();
  const ctx = testContext(tdb.database, { idleTimeoutMinutes: 60 * 24 * 3650, dataDir: `/tmp/anju-test-evidence-${prefix}-${process.pid}` });
  const app = await buildApp(ctx);
  const as = {} as Record<UserKey, Session>;
  for (const [key, role, division, department] of USERS) {
    await addUser(ctx, `${prefix}-${key}`, role, division, department);
    as[key as UserKey] = await loginAs(app, `${prefix}-${key}`);
  }
  const at = (date: string) => {
    ctx.clock.now = new Date(`${date}T09:00:00Z`);
  };

  /** A household in TOWNSHIP_A (or elsewhere, made by an admin; registered-poor unless `over` says) with its members; returns ids. */
  async function household(members: Member[] = [{ birth: '1980-05-05' }], siteDivision = TOWNSHIP_A, over: Partial<HouseholdInput> = {}) {
    const site = await as.admin.request('POST', '/api/v1/sites', buildSite({ divisionCode: siteDivision }));
    expect(site.status, JSON.stringify(site.body)).toBe(201);
    const hh = await as.admin.request('POST', '/api/v1/households', buildHousehold(Number(site.body.id), over));
    expect(hh.status, JSON.stringify(hh.body)).toBe(201);
    const people: string[] = [];
    for (const [i, m] of members.entries()) {
      const p = await as.admin.request('POST', '/api/v1/persons', buildPerson(Number(hh.body.id), { idNumber: idNumberFor(m.birth), relation: i === 0 ? 'head' : 'son', ...m.over }));
      expect(p.status, JSON.stringify(p.body)).toBe(201);
      people.push(String(p.body.id));
    }
    return { id: String(hh.body.id), people };
  }

  /** A lead; without a category the server proposes one (the household kind's, or the warnings'). */
  async function lead(householdId: string, by: Session = as.collector, extra: Record<string, unknown> = {}) {
    const res = await by.request('POST', '/api/v1/monitoring/cases', { householdId, channel: 'cadre_screening', riskNote: '家庭成员突发重病，收入骤减', ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; version: number; step: string };
  }

  async function act(caseId: string, by: Session, body: Record<string, unknown>) {
    const current = await as.admin.request('GET', `/api/v1/monitoring/cases/${caseId}`);
    return by.request('POST', `/api/v1/monitoring/cases/${caseId}/actions`, { version: current.body.version, ...body });
  }

  async function actOk(caseId: string, by: Session, body: Record<string, unknown>) {
    const res = await act(caseId, by, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  }

  /** Uploads the signed commitment and authorization, as verification needs. */
  async function signPapers(caseId: string) {
    for (const kind of ['commitment', 'authorization']) expect((await as.collector.upload(caseId, kind, `${kind}.pdf`, PDF)).status).toBe(201);
  }

  /**
   * Takes a new lead of `householdId` on `leadOn` to monitored, the notice starting that day;
   * leaves the clock on the approval day (the first day after the notice).
   */
  async function monitored(householdId: string, leadOn: string) {
    at(leadOn);
    const c = await lead(householdId);
    await signPapers(c.id);
    await actOk(c.id, as.collector, { action: 'verify', commitmentSignedOn: leadOn, authorizationSignedOn: leadOn });
    await actOk(c.id, as.collector, { action: 'compare' });
    const noticed = await actOk(c.id, as.collector, { action: 'notice', noticeStart: leadOn });
    const after = new Date(Date.parse(`${noticed.noticeEnd}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    at(after);
    await actOk(c.id, as.clerk, { action: 'township_review' });
    return actOk(c.id, as.monitor, { action: 'county_approve' });
  }

  return {
    tdb, ctx, app, as, at, household, lead, act, actOk, signPapers, monitored,
    async close() {
      await app.close();
      await tdb.close();
      await rm(ctx.config.dataDir, { recursive: true, force: true });
    },
  };
}
export type Kit = Awaited<ReturnType<typeof startKit>>;
