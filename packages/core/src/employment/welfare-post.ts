/**
 * Public-welfare posts 公益岗位 (SPEC §5): a catalogue per site, who held each post when, and
 * the groups that come first when a post is filled (SX-2021 (六); XX-2020 二(三); GZ-2022 9).
 */
import { z } from 'zod';
import { choice, isoDate, recordId, text, version } from '../validation/zod-fields.js';
import { labelled } from '../registry/enums.js';
import { welfarePostDuties, welfarePostFunding, welfarePostGrades } from './enums.js';



const date = isoDate;

export const welfarePostInput = z.object({
  siteId: z.number({ error: '安置点须选择' }).int().positive('安置点须选择'),
  title: text('岗位名称', 100),
  duty: choice(welfarePostDuties, '岗位类别'),
  grade: choice(welfarePostGrades, '岗位类型'),
  monthlyPay: z.number({ error: '月补贴须为数字' }).min(0, '月补贴不能为负').max(100_000, '月补贴不超过10万元'),
  funding: choice(welfarePostFunding, '资金来源'),
  active: z.boolean({ error: '是否在用须为是或否' }).default(true),
});
export type WelfarePostInput = z.infer<typeof welfarePostInput>;
export const welfarePostUpdate = welfarePostInput.extend({ version });

/** 上岗: who takes the post, from when. */
export const holdingStart = z.object({
  personId: recordId('人员编号', '请选择人员'),
  startDate: date('上岗日期'),
});
export type HoldingStart = z.infer<typeof holdingStart>;

/** 离岗: the last day on the post, and why. */
export const holdingEnd = z.object({
  endDate: date('离岗日期'),
  reason: text('离岗原因', 200),
});
export type HoldingEnd = z.infer<typeof holdingEnd>;

/** Workers of this age or older come first (大龄劳动力). */
export const OLDER_WORKER_AGE = 50;

/** Why a person comes first for a post, in the order the documents list them. */
export const welfarePriorities = labelled({
  weak_labour: '弱劳动力或半劳动力',
  zero_employment: '零就业家庭',
  disabled: '残疾',
  older_worker: `大龄劳动力（${OLDER_WORKER_AGE}岁及以上）`,
});
export type WelfarePriority = (typeof welfarePriorities.values)[number];
