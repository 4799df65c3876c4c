import { z } from 'zod';
import { DEFAULT_LABOUR_FORCE } from '@anju/core';
import { today, type AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ForbiddenError, ValidationError } from '../../platform/errors.js';
import { appendAudit } from '../audit/audit-repo.js';
import { LABOUR_FORCE_KEY, labourForceSetting } from './labour-force-setting.js';
import { putSetting } from './setting-repo.js';

export const labourForceInput = z
  .object({
    minAge: z.number().int().min(14, '起始年龄不低于14岁').max(30, '起始年龄不高于30岁'),
    maxAge: z.number().int().min(45, '截止年龄不低于45岁').max(75, '截止年龄不高于75岁'),
    effectiveFrom: z.iso.date({ error: '生效日期须为 YYYY-MM-DD' }),
    source: z.string().trim().min(1, '请填写依据（文件名称和文号）').max(200),
  })
  .refine((v) => v.minAge < v.maxAge, { path: ['maxAge'], message: '截止年龄须大于起始年龄' });

export async function getLabourForce(ctx: AppContext, actor: Actor) {
  return { ...(await labourForceSetting(ctx, actor.divisionCode)), defaults: DEFAULT_LABOUR_FORCE, on: today(ctx) };
}

/** Labour-force ages are a dated setting of the administrator's own jurisdiction (SPEC §3.3). */
export async function setLabourForce(ctx: AppContext, actor: Actor, input: z.infer<typeof labourForceInput>) {
  if (actor.role !== 'admin') throw new ForbiddenError('仅系统管理员可修改劳动力年龄设置');
  if (input.effectiveFrom < '2000-01-01') throw new ValidationError('生效日期过早', [{ path: 'effectiveFrom', message: '生效日期不早于2000年' }]);
  const value = { minAge: input.minAge, maxAge: input.maxAge };
  await ctx.db.transaction().execute(async (trx) => {
    await putSetting(trx, LABOUR_FORCE_KEY, actor.divisionCode, input.effectiveFrom, value, input.source);
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'update', entity: 'setting', entityId: LABOUR_FORCE_KEY, divisionCode: actor.divisionCode, before: null, after: { ...value, effectiveFrom: input.effectiveFrom, source: input.source } });
  });
  return getLabourForce(ctx, actor);
}
