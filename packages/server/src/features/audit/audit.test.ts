import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { addUser, login, type ApiSession } from '../../../test/api-client.js';
import { buildHousehold, buildSite, TOWNSHIP_A } from '../../../test/factories.js';
import { verifyAuditChain } from './audit-verify.js';

let tdb: TestDatabase;
let app: FastifyInstance;
let ctx: ReturnType<typeof testContext>;
let clerk: ApiSession;

beforeAll(async () => {
  tdb = await createTestDatabase();
  ctx = testContext(tdb.database);
  app = await buildApp(ctx);
  await addUser(ctx, 'audit-clerk', 'clerk', TOWNSHIP_A);
  clerk = await login(app, 'audit-clerk');
  const site = await clerk.request('POST', '/api/v1/sites', buildSite());
  for (let i = 0; i < 3; i++) await clerk.request('POST', '/api/v1/households', buildHousehold(Number(site.body.id)));
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});

async function entries() {
  return ctx.db.selectFrom('audit_log').select(['id', 'action', 'entity', 'before', 'after', 'username']).orderBy('id').execute();
}

describe('audit log', () => {
  it('records each change in the same transaction with who, what, before and after', async () => {
    const log = await entries();
    const creates = log.filter((e) => e.action === 'create' && e.entity === 'household');
    expect(creates).toHaveLength(3);
    expect(creates[0]!.username).toBe('audit-clerk');
    expect(creates[0]!.before).toBeNull();
    expect(creates[0]!.after).toMatchObject({ relocationYear: 2018 });
  });

  it('leaves no entry when the change fails', async () => {
    const before = (await entries()).length;
    const res = await clerk.request('POST', '/api/v1/households', buildHousehold(999999));
    expect(res.status).toBe(400);
    expect((await entries()).length).toBe(before);
  });

  it('refuses updates and deletes through SQL', async () => {
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(ctx.db)).rejects.toThrow(/append-only/);
  });

  it('verifies an intact chain and names the first tampered entry', async () => {
    const intact = await verifyAuditChain(ctx.db);
    expect(intact).toMatchObject({ ok: true });
    const log = await entries();
    const victim = log[2]!;
    // A database owner can switch the guard off; the chain still gives the edit away.
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(ctx.db);
    await sql`UPDATE audit_log SET after = jsonb_set(after, '{relocationYear}', '2019') WHERE id = ${victim.id}`.execute(ctx.db);
    const edited = await verifyAuditChain(ctx.db);
    expect(edited).toMatchObject({ ok: false, brokenId: String(victim.id) });
    await sql`DELETE FROM audit_log WHERE id = ${victim.id}`.execute(ctx.db);
    const deleted = await verifyAuditChain(ctx.db);
    expect(deleted).toMatchObject({ ok: false, brokenId: String(log[3]!.id) });
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(ctx.db);
  });

  it('shows administrators the verification result through the API', async () => {
    await addUser(ctx, 'audit-admin', 'admin', '');
    const admin = await login(app, 'audit-admin');
    const res = await admin.request('POST', '/api/v1/audit/verify');
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    expect(res.body.reason).toBeTruthy();
  });
});
