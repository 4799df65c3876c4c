/**
 * Finding 13.10: the audit chain. Anyone who can write to the database could empty the log,
 * cut off its newest entries or rewrite it with the public hash; checkpoints signed with a key
 * kept outside the database must give each of these away.
 */
import { mkdtemp, readFile, appendFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { auditHash } from '../../src/features/audit/audit-hash.js';
import { createTestDatabase, testContext, type TestDatabase } from '../test-database.js';
import { addUser, login, type ApiSession } from '../api-client.js';
import { buildSite, TOWNSHIP_A } from '../factories.js';

let tdb: TestDatabase;
let app: FastifyInstance;
let ctx: ReturnType<typeof testContext>;
let dataDir: string;

beforeAll(async () => {
  tdb = await createTestDatabase();
  ctx = testContext(tdb.database);
  app = await buildApp(ctx);
  await addUser(ctx, 'chain-root', 'admin', '');
  await addUser(ctx, 'chain-clerk', 'clerk', TOWNSHIP_A);
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});

let admin: ApiSession;
// Each test starts a checkpoint file of its own: the tests before it leave a damaged log behind.
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'anju-audit-'));
  ctx.config.dataDir = dataDir;
  admin = await login(app, 'chain-root');
});

/** What a database owner can do: switch the guards off, change the table, switch them on. */
async function asOwner(statements: (db: typeof ctx.db) => Promise<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(ctx.db);
  try {
    await statements(ctx.db);
  } finally {
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(ctx.db);
  }
}

async function someChanges(n: number): Promise<void> {
  const clerk = await login(app, 'chain-clerk');
  for (let i = 0; i < n; i++) expect((await clerk.request('POST', '/api/v1/sites', buildSite())).status).toBe(201);
}

const verify = async () => (await admin.request('POST', '/api/v1/audit/verify')).body;

describe('13.10 audit chain', () => {
  it('13.10 refuses TRUNCATE of the audit log and of import change rows', async () => {
    await expect(sql`TRUNCATE audit_log`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE import_change`.execute(ctx.db)).rejects.toThrow(/append-only/);
    expect(Number((await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log`.execute(ctx.db)).rows[0]!.n)).toBeGreaterThan(0);
  });

  it('13.10 keeps its key outside the database, in a file only the owner may read', async () => {
    await someChanges(1);
    expect(await verify()).toMatchObject({ ok: true });
    const key = await stat(join(dataDir, 'audit.key'));
    expect(key.mode & 0o777).toBe(0o600);
    const checkpoints = (await readFile(join(dataDir, 'audit-checkpoints.jsonl'), 'utf8')).trim().split('\n');
    expect(checkpoints.length).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(checkpoints.at(-1)!)).toMatchObject({ lastId: expect.any(String), hash: expect.stringMatching(/^[0-9a-f]{64}$/), mac: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('13.10 reports the newest entries deleted since the last checkpoint', async () => {
    await someChanges(3);
    expect(await verify()).toMatchObject({ ok: true });
    const newest = await ctx.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(3).execute();
    await asOwner((db) => db.deleteFrom('audit_log').where('id', 'in', newest.map((r) => r.id)).execute());
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/自检查点 \d+ 以来缺少 3 条记录/);
    expect(result.brokenId).toBe(String(newest[0]!.id));
  });

  it('13.10 reports a whole log emptied by an owner who switched the guard off', async () => {
    await someChanges(1);
    const before = await verify();
    expect(before).toMatchObject({ ok: true });
    await asOwner(() => sql`TRUNCATE audit_log`.execute(ctx.db));
    await someChanges(1); // new entries start a fresh chain that is whole in itself
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(new RegExp(`自检查点 \\d+ 以来缺少 ${before.entries} 条记录`));
  });

  it('13.10 catches a chain rewritten with the public hash after a checkpoint', async () => {
    await someChanges(2);
    expect(await verify()).toMatchObject({ ok: true });
    const rows = await ctx.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    const victim = rows.findIndex((r) => r.action === 'create' && r.entity === 'site');
    await asOwner(async (db) => {
      let prev = rows[victim - 1]?.hash ?? '0'.repeat(64);
      for (const row of rows.slice(victim)) {
        const after = row.id === rows[victim]!.id ? { ...(row.after as object), name: '改写的安置点' } : row.after;
        const fields = { id: String(row.id), at: row.at, userId: row.user_id === null ? null : String(row.user_id), username: row.username, action: row.action, entity: row.entity, entityId: row.entity_id, divisionCode: row.division_code, before: row.before, after };
        const hash = auditHash(prev, fields);
        await db.updateTable('audit_log').set({ after: JSON.stringify(after), prev_hash: prev, hash } as never).where('id', '=', row.id).execute();
        prev = hash;
      }
    });
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/检查点/);
  });

  it('13.10 rejects a checkpoint forged without the key', async () => {
    await someChanges(1);
    expect(await verify()).toMatchObject({ ok: true });
    const file = join(dataDir, 'audit-checkpoints.jsonl');
    const last = JSON.parse((await readFile(file, 'utf8')).trim().split('\n').at(-1)!);
    await appendFile(file, JSON.stringify({ ...last, seq: last.seq + 1, count: last.count + 5, mac: 'f'.repeat(64) }) + '\n');
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/检查点文件第 \d+ 行/);
  });
});
