/**
 * Job openings, matching and referrals (劳务对接, 岗位推送; SPEC §5; XX-2020 二(七)): openings
 * come from employers, workshops and east–west partner regions and are matched to the workers of
 * the labour ledger by skills, wishes and place.
 */
import { z } from 'zod';
import { choice, optionalText, recordId, text } from '../validation/zod-fields.js';
import { openingSources, referralOutcomes, workPlaces } from './enums.js';
import { openingCapacities, openingStatuses } from './opening-enums.js';




const age = (field: string) => z.number({ error: `${field}须为整数` }).int(`${field}须为整数`).min(16, `${field}不低于16岁`).max(75, `${field}不高于75岁`).nullable().default(null);

export const jobOpeningInput = z
  .object({
    title: text('岗位名称', 100),
    source: choice(openingSources, '岗位来源'),
    employerId: recordId('用工单位编号').nullable().default(null),
    partner: optionalText('协作地区', 50),
    divisionCode: z.string({ error: '对接区划须为文本' }).regex(/^(\d{6}|\d{9}|\d{12})$/, '对接区划须为县、乡镇或村级代码'),
    place: choice(workPlaces, '工作地点类型'),
    workLocation: optionalText('工作地址', 100),
    skills: z.array(text('技能要求', 30)).max(10, '技能要求最多10项').default([]),
    minCapacity: choice(openingCapacities, '最低劳动能力').default('weak'),
    minAge: age('最低年龄'),
    maxAge: age('最高年龄'),
    monthlyPay: z.number({ error: '月薪须为数字' }).min(0, '月薪不能为负').max(1_000_000, '月薪不超过100万元').nullable().default(null),
    positions: z.number({ error: '招聘人数须为整数' }).int('招聘人数须为整数').min(1, '招聘人数至少为1').max(100_000, '招聘人数过大'),
    openUntil: z.iso.date({ error: '截止日期须为日期（YYYY-MM-DD）' }).nullable().default(null),
    status: choice(openingStatuses, '状态').default('open'),
  })
  .superRefine((o, ctx) => {
    if (o.source === 'partner') {
      if (!o.partner) ctx.addIssue({ code: 'custom', path: ['partner'], message: '东西部协作岗位须填写协作地区' });
      if (o.employerId) ctx.addIssue({ code: 'custom', path: ['employerId'], message: '东西部协作岗位不填写本地用工单位' });
    } else {
      if (o.partner) ctx.addIssue({ code: 'custom', path: ['partner'], message: '仅东西部协作岗位填写协作地区' });
      if ((o.source === 'employer' || o.source === 'workshop') && !o.employerId) ctx.addIssue({ code: 'custom', path: ['employerId'], message: '请选择用工单位' });
    }
    if (o.minAge !== null && o.maxAge !== null && o.minAge > o.maxAge) ctx.addIssue({ code: 'custom', path: ['maxAge'], message: '最高年龄不能低于最低年龄' });
    if (new Set(o.skills).size !== o.skills.length) ctx.addIssue({ code: 'custom', path: ['skills'], message: '技能要求有重复' });
  });
export type JobOpeningInput = z.infer<typeof jobOpeningInput>;

/** 岗位推送: one person to one opening. */
export const referralInput = z.object({
  personId: recordId('人员编号', '请选择人员'),
  referredOn: z.iso.date({ error: '推送日期须为日期（YYYY-MM-DD）' }).optional(),
  note: optionalText('备注', 200),
});
export type ReferralInput = z.infer<typeof referralInput>;

const recordedOutcomes = referralOutcomes.values.filter((v) => v !== 'pending') as ['hired', 'declined', 'rejected'];

/** What came of a referral: hired, declined by the worker, or not taken by the employer. */
export const referralOutcomeInput = z.object({
  outcome: z.enum(recordedOutcomes, { error: () => '对接结果须为以下之一：已录用、本人放弃、未录用' }),
  outcomeOn: z.iso.date({ error: '结果日期须为日期（YYYY-MM-DD）' }),
  note: optionalText('备注', 200),
  version: z.number({ error: '缺少版本号' }).int().positive(),
});
export type ReferralOutcomeInput = z.infer<typeof referralOutcomeInput>;
