/**
 * Viewing and changing the monitoring settings. Anyone who reads the registry may see the values
 * in force and their history (they decide who is warned and when a step is overdue); only an
 * administrator changes them, for a jurisdiction inside their own, from a date and with the
 * document behind the change, audited in the same transaction.
 */
import type { z } from 'zod';
import {
  DEFAULT_MONITORING_DEADLINES,
  DEFAULT_MONITORING_THRESHOLDS,
  MONITORING_SETTING_KEYS,
  can,
  divisionContains,
  incomeLineValue,
  monitoringDeadlinesValue,
  monitoringThresholdsValue,
  type incomeLineInput,
  type monitoringDeadlinesInput,
  type monitoringThresholdsInput,
} from '@anju/core';
import { today as chinaToday, type AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ForbiddenError, ValidationError } from '../../platform/errors.js';
import { appendAudit } from '../audit/audit-repo.js';
import { getDivision } from '../divisions/division-repo.js';
import { putSetting, settingRowInForce } from '../settings/setting-repo.js';
import { incomeLineOn } from './monitoring-settings.js';
import { settingAt, settingHistory } from './monitoring-settings-repo.js';

type DatedKey = typeof MONITORING_SETTING_KEYS.thresholds | typeof MONITORING_SETTING_KEYS.deadlines;
const DEFAULTS = { [MONITORING_SETTING_KEYS.thresholds]: DEFAULT_MONITORING_THRESHOLDS, [MONITORING_SETTING_KEYS.deadlines]: DEFAULT_MONITORING_DEADLINES };
const SCHEMAS = { [MONITORING_SETTING_KEYS.thresholds]: monitoringThresholdsValue, [MONITORING_SETTING_KEYS.deadlines]: monitoringDeadlinesValue };

function assertRead(actor: Actor, division: string): void {
  if (!can(actor.role, 'registry.read')) throw new ForbiddenError('无权查看监测设置');
  if (!divisionContains(actor.divisionCode, division)) throw new ForbiddenError('只能查看本辖区的监测设置');
}

function assertAdmin(actor: Actor, jurisdiction: string, what: string): void {
  if (actor.role !== 'admin') throw new ForbiddenError(`仅系统管理员可修改${what}`);
  if (!divisionContains(actor.divisionCode, jurisdiction)) throw new ForbiddenError(`只能修改本辖区的${what}`);
}

async function inForce(ctx: AppContext, key: DatedKey, division: string, on: string) {
  const row = await settingRowInForce(ctx.db, key, division, on);
  const parsed = SCHEMAS[key].safeParse(row?.value);
  if (!row || !parsed.success) return { value: DEFAULTS[key] as Record<string, number>, jurisdiction: null, effectiveFrom: null, source: '系统默认值（未设置）' };
  return { value: parsed.data as Record<string, number>, jurisdiction: row.jurisdiction, effectiveFrom: row.effective_from, source: row.source };
}

/** What is in force for a division (default: the reader's own) on a date (default: today). */
export async function monitoringSettingsInForce(ctx: AppContext, actor: Actor, q: { division?: string; on?: string }) {
  const division = q.division ?? actor.divisionCode;
  assertRead(actor, division);
  const on = q.on ?? chinaToday(ctx);
  return {
    division,
    on,
    incomeLine: division.length >= 2 ? await incomeLineOn(ctx.db, division, on) : null,
    thresholds: await inForce(ctx, MONITORING_SETTING_KEYS.thresholds, division, on),
    deadlines: await inForce(ctx, MONITORING_SETTING_KEYS.deadlines, division, on),
  };
}

export async function listIncomeLines(ctx: AppContext, actor: Actor) {
  assertRead(actor, actor.divisionCode);
  const rows = await settingHistory(ctx.db, MONITORING_SETTING_KEYS.incomeLine, actor.divisionCode);
  return {
    items: rows.flatMap((r) => {
      const v = incomeLineValue.safeParse(r.value);
      return v.success ? [{ province: r.jurisdiction, provinceName: r.jurisdictionName, year: v.data.year, yuan: v.data.yuan, source: r.source }] : [];
    }),
  };
}

async function assertJurisdiction(ctx: AppContext, code: string, path: string, level?: number): Promise<void> {
  if (code === '') return;
  const division = await getDivision(ctx.db, code);
  if (!division || (level !== undefined && division.level !== level)) {
    throw new ValidationError(`区划代码 ${code} 不存在`, [{ path, message: level === 1 ? '不是有效的省级区划代码' : '不是有效的区划代码' }]);
  }
}

/** A province's line for a year, in force from 1 January of that year (SPEC §4). */
export async function setIncomeLine(ctx: AppContext, actor: Actor, input: z.infer<typeof incomeLineInput>) {
  assertAdmin(actor, input.province, '本省的防止返贫监测收入标准');
  await assertJurisdiction(ctx, input.province, 'province', 1);
  const effectiveFrom = `${input.year}-01-01`;
  const value = { year: input.year, yuan: input.yuan };
  await ctx.db.transaction().execute(async (trx) => {
    const before = await settingAt(trx, MONITORING_SETTING_KEYS.incomeLine, input.province, effectiveFrom);
    await putSetting(trx, MONITORING_SETTING_KEYS.incomeLine, input.province, effectiveFrom, value, input.source);
    await appendAudit(trx, {
      userId: actor.userId, username: actor.username, action: 'update', entity: 'setting', entityId: `${MONITORING_SETTING_KEYS.incomeLine}:${input.province}:${input.year}`,
      divisionCode: input.province, before: before ? { value: before.value, source: before.source } : null, after: { value, effectiveFrom, source: input.source },
    });
  });
  return listIncomeLines(ctx, actor);
}

/** The history of thresholds or deadlines that can apply inside the reader's division, and what is in force there today. */
export async function datedSettings(ctx: AppContext, actor: Actor, key: DatedKey) {
  assertRead(actor, actor.divisionCode);
  // A row the current schema cannot read (never written by this code) is left out, not shown half.
  const history = (await settingHistory(ctx.db, key, actor.divisionCode)).flatMap((r) => {
    const v = SCHEMAS[key].safeParse(r.value);
    return v.success ? [{ ...r, value: v.data as Record<string, number> }] : [];
  });
  return { inForce: await inForce(ctx, key, actor.divisionCode, chinaToday(ctx)), defaults: DEFAULTS[key] as Record<string, number>, history };
}

type DatedInput = z.infer<typeof monitoringThresholdsInput> | z.infer<typeof monitoringDeadlinesInput>;

export async function setDatedSetting(ctx: AppContext, actor: Actor, key: DatedKey, input: DatedInput) {
  const { effectiveFrom, source, jurisdiction: requested, ...value } = input;
  const jurisdiction = requested ?? actor.divisionCode;
  const what = key === MONITORING_SETTING_KEYS.thresholds ? '监测预警阈值' : '监测识别期限';
  assertAdmin(actor, jurisdiction, what);
  await assertJurisdiction(ctx, jurisdiction, 'jurisdiction');
  if (effectiveFrom < '2021-01-01') throw new ValidationError('生效日期过早', [{ path: 'effectiveFrom', message: '生效日期不早于2021年（过渡期开始）' }]);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await settingAt(trx, key, jurisdiction, effectiveFrom);
    await putSetting(trx, key, jurisdiction, effectiveFrom, value, source);
    await appendAudit(trx, {
      userId: actor.userId, username: actor.username, action: 'update', entity: 'setting', entityId: `${key}:${jurisdiction}`,
      divisionCode: jurisdiction, before: before ? { value: before.value, source: before.source } : null, after: { value, effectiveFrom, source },
    });
  });
  return datedSettings(ctx, actor, key);
}
