import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { canonicalJson } from '../../platform/canonical-json.js';
import { auditHash, GENESIS_HASH, type AuditEntryFields } from './audit-hash.js';

// Serialises appends so that ids and the chain grow in the same order; held to commit.
const AUDIT_LOCK = 734_201;

export type NewAuditEntry = Omit<AuditEntryFields, 'id' | 'at'>;

/** Must be called inside the transaction of the change it records. */
export async function appendAudit(trx: Kysely<DB>, entry: NewAuditEntry): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const { rows } = await sql<{ id: string }>`SELECT nextval('audit_log_id_seq')::text AS id`.execute(trx);
  const full: AuditEntryFields = { ...entry, id: rows[0]!.id, at: new Date() };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await trx
    .insertInto('audit_log')
    .values({
      id: sql`${full.id}::bigint`,
      at: full.at,
      user_id: full.userId,
      username: full.username,
      action: full.action,
      entity: full.entity,
      entity_id: full.entityId,
      division_code: full.divisionCode,
      before: full.before === undefined || full.before === null ? null : canonicalJson(full.before),
      after: full.after === undefined || full.after === null ? null : canonicalJson(full.after),
      prev_hash: prevHash,
      hash: auditHash(prevHash, full),
    } as never)
    .execute();
}

export interface AuditRow {
  id: string;
  at: Date;
  user_id: string | null;
  username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  division_code: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

export async function auditBatchAfter(db: Kysely<DB>, afterId: string, limit: number): Promise<AuditRow[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('id', '>', afterId as never)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, id: String(r.id), user_id: r.user_id === null ? null : String(r.user_id) }));
}

export interface AuditFilter {
  divisionCode: string;
  entity?: string;
  entityId?: string;
  username?: string;
  action?: string;
  from?: string;
  to?: string;
}

export async function listAudit(db: Kysely<DB>, f: AuditFilter, page: number, pageSize: number) {
  let q = db.selectFrom('audit_log');
  // National entries (division_code null: logins, user admin) only for national readers.
  if (f.divisionCode) q = q.where('division_code', 'like', `${f.divisionCode}%`);
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.username) q = q.where('username', '=', f.username);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.from) q = q.where('at', '>=', new Date(f.from));
  if (f.to) q = q.where('at', '<', new Date(f.to));
  const [items, total] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** A digest of every row an import changed, kept in its audit entry so the chain covers them. */
export async function importChangesDigest(db: Kysely<DB>, jobId: string): Promise<{ rows: number; digest: string }> {
  const { rows } = await sql<{ rows: string; digest: string }>`
    SELECT count(*) AS rows,
           encode(sha256(convert_to(coalesce(string_agg(entity || ':' || entity_id || ':' || before::text || '>' || after::text, E'\n'
             ORDER BY entity, entity_id), ''), 'UTF8')), 'hex') AS digest
    FROM import_change WHERE job_id = ${jobId}`.execute(db);
  return { rows: Number(rows[0]!.rows), digest: rows[0]!.digest };
}

export async function auditEntryHash(db: Kysely<DB>, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('audit_log').select('hash').where('id', '=', id as never).executeTakeFirst();
  return row?.hash;
}
