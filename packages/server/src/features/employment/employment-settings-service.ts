/**
 * The employment settings an administrator may change (stable employment, labour-force ages live
 * in settings/), shown with the clause each derived fact comes from. A change takes effect from
 * its date; the open periods it reaches are recomputed at once so the figures follow it.
 */
import { z } from 'zod';
import { DEFAULT_STABLE_EMPLOYMENT, EMPLOYMENT_SETTING_KEYS, employmentFactSources } from '@anju/core';
import { today as chinaToday, type AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ForbiddenError } from '../../platform/errors.js';
import { appendAudit } from '../audit/audit-repo.js';
import { putSetting, settingRowInForce } from '../settings/setting-repo.js';
import { assertRead } from './ledger-service.js';
import { stableSchema } from './employment-settings.js';
import { refreshFacts } from './labour-facts.js';
import { openPeriodsFrom } from './period-repo.js';

export const stableSettingInput = z
  .object({
    minEmployedPeriods: z.number().int().min(1, '至少1期').max(24, '不超过24期'),
    windowPeriods: z.number().int().min(1, '至少1期').max(24, '不超过24期'),
    minContractMonths: z.number().int().min(1, '至少1个月').max(120, '不超过120个月'),
    effectiveFrom: z.iso.date({ error: '生效日期须为 YYYY-MM-DD' }),
    source: z.string().trim().min(1, '请填写依据（文件名称和条款）').max(200),
  })
  .refine((v) => v.minEmployedPeriods <= v.windowPeriods, { path: ['minEmployedPeriods'], message: '就业期数不能多于统计期数' });

export async function employmentSettings(ctx: AppContext, actor: Actor) {
  assertRead(actor);
  const today = chinaToday(ctx);
  const row = await settingRowInForce(ctx.db, EMPLOYMENT_SETTING_KEYS.stable, actor.divisionCode, today);
  const parsed = stableSchema.safeParse(row?.value);
  return {
    stable: parsed.success
      ? { ...parsed.data, jurisdiction: row!.jurisdiction, effectiveFrom: row!.effective_from, source: row!.source }
      : { ...DEFAULT_STABLE_EMPLOYMENT, jurisdiction: '', effectiveFrom: null, source: employmentFactSources.stablyEmployed.clause + '（默认值）' },
    sources: employmentFactSources,
  };
}

export async function setStableSetting(ctx: AppContext, actor: Actor, input: z.infer<typeof stableSettingInput>) {
  if (actor.role !== 'admin') throw new ForbiddenError('仅系统管理员可修改稳定就业标准');
  const value = { minEmployedPeriods: input.minEmployedPeriods, windowPeriods: input.windowPeriods, minContractMonths: input.minContractMonths };
  await ctx.db.transaction().execute(async (trx) => {
    await putSetting(trx, EMPLOYMENT_SETTING_KEYS.stable, actor.divisionCode, input.effectiveFrom, value, input.source);
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'update', entity: 'setting', entityId: EMPLOYMENT_SETTING_KEYS.stable, divisionCode: actor.divisionCode, before: null, after: { ...value, effectiveFrom: input.effectiveFrom, source: input.source } });
    for (const p of await openPeriodsFrom(trx, actor.divisionCode, input.effectiveFrom.slice(0, 7))) await refreshFacts(ctx, trx, p.county_code, p.period);
  });
  return employmentSettings(ctx, actor);
}
