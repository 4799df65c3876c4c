import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { auditBatchAfter, importChangesDigest } from './audit-repo.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';

export type AuditVerifyResult =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenId: string; reason: string };

/** Walks the chain in id order; the first entry whose hash or link does not match is named. */
export async function verifyAuditChain(db: Kysely<DB>): Promise<AuditVerifyResult> {
  let prev = GENESIS_HASH;
  let lastId = '0';
  let entries = 0;
  for (;;) {
    const batch = await auditBatchAfter(db, lastId, 5000);
    if (batch.length === 0) return { ok: true, entries, lastHash: prev };
    for (const row of batch) {
      // Ids may skip (a rolled-back transaction consumes one); a deleted entry shows as a broken link.
      if (row.prev_hash !== prev) {
        return { ok: false, entries, brokenId: row.id, reason: '与上一条记录的哈希链接不一致（其前记录被删除或修改）' };
      }
      const expected = auditHash(prev, {
        id: row.id,
        at: row.at,
        userId: row.user_id,
        username: row.username,
        action: row.action,
        entity: row.entity,
        entityId: row.entity_id,
        divisionCode: row.division_code,
        before: row.before,
        after: row.after,
      });
      if (expected !== row.hash) return { ok: false, entries, brokenId: row.id, reason: '记录内容与哈希不符（被篡改）' };
      const recorded = (row.after as { changes?: { digest: string } } | null)?.changes;
      if (row.action === 'import' && recorded && row.entity_id) {
        const actual = await importChangesDigest(db, row.entity_id);
        if (actual.digest !== recorded.digest) return { ok: false, entries, brokenId: row.id, reason: '该次导入的逐行变更明细与审计记录不符（被篡改）' };
      }
      prev = row.hash;
      lastId = row.id;
      entries++;
    }
  }
}
