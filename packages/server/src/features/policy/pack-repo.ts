/** Stored revisions of policy packs: every edit is a whole new revision, none is ever changed. */
import type { Kysely } from 'kysely';
import type { PolicyPack } from '@anju/core';
import type { DB } from '../../db/schema.js';

export interface RevisionRow {
  code: string;
  revision: number;
  body: PolicyPack;
  createdAt: Date;
  createdBy: string | null;
  note: string | null;
}

function withAuthor(db: Kysely<DB>) {
  return db
    .selectFrom('policy_pack_revision as r')
    .leftJoin('app_user as u', 'u.id', 'r.created_by')
    .select(['r.code', 'r.revision', 'r.body', 'r.created_at', 'r.note', 'u.username']);
}

type Row = Awaited<ReturnType<ReturnType<typeof withAuthor>['executeTakeFirstOrThrow']>>;

const toRevision = (r: Row): RevisionRow => ({
  code: r.code,
  revision: r.revision,
  body: r.body as PolicyPack,
  createdAt: r.created_at,
  createdBy: r.username,
  note: r.note,
});

/** The latest revision of every pack, in code order. */
export async function latestRevisions(db: Kysely<DB>): Promise<RevisionRow[]> {
  const rows = await withAuthor(db)
    .distinctOn('r.code')
    .orderBy('r.code')
    .orderBy('r.revision', 'desc')
    .execute();
  return rows.map(toRevision);
}

/** Only the bodies of the latest revisions: what evaluation needs, without the join. */
export async function latestBodies(db: Kysely<DB>): Promise<PolicyPack[]> {
  const rows = await db
    .selectFrom('policy_pack_revision')
    .distinctOn('code')
    .select('body')
    .orderBy('code')
    .orderBy('revision', 'desc')
    .execute();
  return rows.map((r) => r.body as PolicyPack);
}

export async function latestRevision(db: Kysely<DB>, code: string): Promise<RevisionRow | undefined> {
  const row = await withAuthor(db).where('r.code', '=', code).orderBy('r.revision', 'desc').limit(1).executeTakeFirst();
  return row && toRevision(row);
}

export async function findRevision(db: Kysely<DB>, code: string, revision: number): Promise<RevisionRow | undefined> {
  const row = await withAuthor(db).where('r.code', '=', code).where('r.revision', '=', revision).executeTakeFirst();
  return row && toRevision(row);
}

/** Every revision of a pack without its body, newest first. */
export async function revisionHistory(db: Kysely<DB>, code: string) {
  const rows = await db
    .selectFrom('policy_pack_revision as r')
    .leftJoin('app_user as u', 'u.id', 'r.created_by')
    .where('r.code', '=', code)
    .select(['r.revision', 'r.created_at', 'r.note', 'u.username'])
    .orderBy('r.revision', 'desc')
    .execute();
  return rows.map((r) => ({ revision: r.revision, createdAt: r.created_at, createdBy: r.username, note: r.note }));
}

export interface NewRevision {
  code: string;
  revision: number;
  body: PolicyPack;
  createdBy: string | null;
  note: string | null;
}

/** False when that revision number is taken: someone else stored an edit first. */
export async function insertRevision(db: Kysely<DB>, r: NewRevision): Promise<boolean> {
  const row = await db
    .insertInto('policy_pack_revision')
    .values({ code: r.code, revision: r.revision, body: JSON.stringify(r.body), created_by: r.createdBy, note: r.note })
    .onConflict((oc) => oc.columns(['code', 'revision']).doNothing())
    .returning('revision')
    .executeTakeFirst();
  return row !== undefined;
}
