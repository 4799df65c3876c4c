/**
 * Policy packs as stored data (SPEC §6): the packs shipped with Anju become revision 1 of their
 * code on first start; an administrator's edit — a parameter value or a rule version taking
 * effect on a date, or a whole pack uploaded — is checked with the whole pack and stored as the
 * next revision, audited; a pack that fails the check is refused with every issue named, and
 * nothing is stored. The engine evaluates with the latest revision of each pack, and because
 * versions keep their dates, evaluation as of an earlier day still sees the values then in force.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendVersion, can, checkPack, checkPackText, inForceOn, type PackIssue, type PolicyPack } from '@anju/core';
import type { DB } from '../../db/schema.js';
import { today, type AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { canonicalJson } from '../../platform/canonical-json.js';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { appendAudit } from '../audit/audit-repo.js';
import { bundledPacks } from './bundled-packs.js';
import { assertPolicyRead } from './policy-access.js';
import * as repo from './pack-repo.js';
import type { ParameterEdit, RuleEdit } from './policy-schemas.js';

/** A pack edit or upload that does not pass the check: 422 with every issue. */
export class PackRejectedError extends DomainError {
  readonly status = 422;
  readonly code = 'PACK_INVALID';
  constructor(readonly issues: PackIssue[]) {
    const shown = issues.slice(0, 5).map((i) => `${i.where}${i.field ? ` ${i.field}` : ''}：${i.reason}`);
    super(
      `政策包未通过校验，未保存（共 ${issues.length} 处问题）：${shown.join('；')}${issues.length > shown.length ? '；……' : ''}`,
      issues.map((i) => ({ path: i.field ? `${i.where}.${i.field}` : i.where, message: i.reason })),
    );
  }
}

/** The latest revision of every stored pack: what evaluation, eligibility and what-ifs use. */
export async function activePacks(db: Kysely<DB>): Promise<PolicyPack[]> {
  return repo.latestBodies(db);
}

const digest = (pack: PolicyPack) => createHash('sha256').update(canonicalJson(pack)).digest('hex');

/** The audit entry names the revision and a digest of its body, so the chain covers the content. */
function revisionAudit(pack: PolicyPack, revision: number, note: string | null) {
  return { code: pack.code, title: pack.title, revision, sha256: digest(pack), note };
}

/**
 * Stores each bundled pack as revision 1 of its code when the code has none; an existing pack,
 * edited or not, is left alone. Runs on every start (prepareDatabase): a second run adds nothing.
 */
export async function storeBundledPacks(db: Kysely<DB>, packs: PolicyPack[] = bundledPacks()): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const stored: string[] = [];
    for (const pack of packs) {
      const note = '随系统发布的政策包';
      if (!(await repo.insertRevision(trx, { code: pack.code, revision: 1, body: pack, createdBy: null, note }))) continue;
      await appendAudit(trx, {
        userId: null, username: 'system', action: 'create', entity: 'policy_pack', entityId: pack.code,
        divisionCode: pack.jurisdiction, before: null, after: revisionAudit(pack, 1, note),
      });
      stored.push(pack.code);
    }
    return stored;
  });
}

export async function listPacks(ctx: AppContext, actor: Actor) {
  assertPolicyRead(actor);
  const on = today(ctx);
  const items = (await repo.latestRevisions(ctx.db)).map((r) => ({
    code: r.body.code,
    title: r.body.title,
    document: r.body.document,
    issued: r.body.issued,
    jurisdiction: r.body.jurisdiction,
    revision: r.revision,
    updatedAt: r.createdAt.toISOString(),
    rules: r.body.rules.length,
    parameters: r.body.parameters.length,
    unsetParameters: r.body.parameters.filter((p) => inForceOn(p.versions, on)?.value === null).length,
  }));
  return { items };
}

const historyItem = (h: { revision: number; createdAt: Date; createdBy: string | null; note: string | null }) => ({
  revision: h.revision,
  createdAt: h.createdAt.toISOString(),
  createdBy: h.createdBy ?? '系统',
  note: h.note,
});

async function latest(ctx: AppContext, code: string): Promise<repo.RevisionRow> {
  const row = await repo.latestRevision(ctx.db, code);
  if (!row) throw new NotFoundError(`政策包 ${code}`);
  return row;
}

export async function getPack(ctx: AppContext, actor: Actor, code: string) {
  assertPolicyRead(actor);
  const row = await latest(ctx, code);
  return { pack: row.body, revision: row.revision, history: (await repo.revisionHistory(ctx.db, code)).map(historyItem) };
}

export async function getRevision(ctx: AppContext, actor: Actor, code: string, revision: number) {
  assertPolicyRead(actor);
  const row = await repo.findRevision(ctx.db, code, revision);
  if (!row) throw new NotFoundError(`政策包 ${code} 的第 ${revision} 版`);
  return { code: row.code, pack: row.body, ...historyItem(row) };
}

function assertManage(actor: Actor, jurisdictions: string[]): void {
  if (!can(actor.role, 'policy.manage')) throw new ForbiddenError('无权修改政策包（须为系统管理员）');
  const outside = jurisdictions.find((j) => !j.startsWith(actor.divisionCode));
  if (outside !== undefined) throw new ForbiddenError(`政策包适用区划 ${outside} 超出本人管辖范围，不能修改`);
}

/** Checks the whole new body and stores it as the next revision with its audit entry. */
async function storeRevision(ctx: AppContext, actor: Actor, previous: repo.RevisionRow | undefined, raw: unknown, note: string, change: object) {
  const checked = checkPack(raw);
  if (!checked.pack) throw new PackRejectedError(checked.issues);
  const pack = checked.pack;
  assertManage(actor, [pack.jurisdiction]);
  if (previous && canonicalJson(previous.body) === canonicalJson(pack)) {
    throw new ValidationError(`与政策包 ${pack.code} 现行第 ${previous.revision} 版相同，无需保存`);
  }
  const revision = (previous?.revision ?? 0) + 1;
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.insertRevision(trx, { code: pack.code, revision, body: pack, createdBy: actor.userId, note }))) {
      throw new ConflictError(`政策包 ${pack.code} 刚被他人修改（已有第 ${revision} 版），请查看最新内容后重试`);
    }
    await appendAudit(trx, {
      userId: actor.userId, username: actor.username, action: previous ? 'update' : 'create', entity: 'policy_pack', entityId: pack.code,
      divisionCode: pack.jurisdiction, before: previous ? revisionAudit(previous.body, previous.revision, previous.note) : null,
      after: { ...revisionAudit(pack, revision, note), change },
    });
  });
  return getPack(ctx, actor, pack.code);
}

export async function setParameter(ctx: AppContext, actor: Actor, code: string, name: string, edit: ParameterEdit) {
  assertManage(actor, []);
  const current = await latest(ctx, code);
  assertManage(actor, [current.body.jurisdiction]);
  const parameter = current.body.parameters.find((p) => p.name === name);
  if (!parameter) throw new NotFoundError(`政策包 ${code} 的参数 ${name}`);
  const version = { from: edit.from, ...(edit.to ? { to: edit.to } : {}), value: edit.value, ...(edit.source ? { source: edit.source } : {}), change: edit.change };
  const versions = appendVersion(parameter.versions, version);
  const body = { ...current.body, parameters: current.body.parameters.map((p) => (p.name === name ? { ...p, versions } : p)) };
  const note = `参数 ${name}（${parameter.title}）自 ${edit.from} 起为 ${edit.value ?? '由地方确定'}：${edit.change}`;
  return storeRevision(ctx, actor, current, body, note, { parameter: name, before: parameter.versions, after: versions });
}

export async function setRule(ctx: AppContext, actor: Actor, code: string, id: string, edit: RuleEdit) {
  assertManage(actor, []);
  const current = await latest(ctx, code);
  assertManage(actor, [current.body.jurisdiction]);
  const rule = current.body.rules.find((r) => r.id === id);
  if (!rule) throw new NotFoundError(`政策包 ${code} 的规则 ${id}`);
  const version = {
    from: edit.from,
    ...(edit.to ? { to: edit.to } : {}),
    condition: edit.condition,
    benefit: edit.benefit as (typeof rule.versions)[number]['benefit'],
    evidence: edit.evidence,
    change: edit.change,
  };
  const versions = appendVersion(rule.versions, version);
  const body = { ...current.body, rules: current.body.rules.map((r) => (r.id === id ? { ...r, versions } : r)) };
  const note = `规则 ${id}（${rule.title}）自 ${edit.from} 起${edit.to ? `至 ${edit.to}` : ''}的新版本：${edit.change}`;
  return storeRevision(ctx, actor, current, body, note, { rule: id, before: rule.versions, after: versions });
}

/** A pack uploaded whole: a new code, or the next revision of an existing one. */
export async function uploadPack(ctx: AppContext, actor: Actor, input: { text: string; note?: string }) {
  assertManage(actor, []);
  const checked = checkPackText(input.text);
  if (!checked.pack) throw new PackRejectedError(checked.issues);
  const previous = await repo.latestRevision(ctx.db, checked.pack.code);
  if (previous) assertManage(actor, [previous.body.jurisdiction]);
  const note = input.note || (previous ? `上传政策包 ${checked.pack.code} 的新版本` : `新增政策包 ${checked.pack.code}`);
  return storeRevision(ctx, actor, previous, checked.pack, note, { uploaded: true });
}
