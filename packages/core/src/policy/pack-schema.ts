/**
 * The shape of a policy pack: one per source document, as data (YAML in policy-packs/, JSON in
 * the database). Rules and parameters keep every version with its effective dates, so an edit
 * appends a version and evaluation as of a date takes the one then in force. The CEL inside is
 * checked separately (check-pack.ts), against the fact catalog.
 */
import { z } from 'zod';
import { subjectKinds } from './fact-catalog.js';

const date = (field: string) => z.iso.date({ error: `${field}须为日期（YYYY-MM-DD）` });
const nonEmpty = (field: string) => z.string({ error: `${field}须为文本` }).trim().min(1, `${field}不能为空`);
const dates = {
  from: date('生效日期'),
  /** Last day in force (inclusive); absent while in force. */
  to: date('失效日期').nullable().optional(),
};

export const benefitKinds = { cash: '现金补贴', loan: '贷款', service: '服务', obligation: '责任义务', warning: '返贫风险预警' } as const;
export const benefitPers = { once: '一次性', month: '按月' } as const;
export const payeeKinds = { subject: '对象本人', employer: '用人单位', agency: '人力资源服务机构' } as const;

export const benefitSchema = z
  .object({
    kind: z.enum(Object.keys(benefitKinds) as [keyof typeof benefitKinds], { error: '待遇类型须为 cash、loan、service、obligation 或 warning' }),
    /** CEL, a number in yuan; absent for services and obligations without an amount. */
    amount: z.string().trim().min(1).optional(),
    /** CEL, the most that may be granted (a loan's limit). */
    cap: z.string().trim().min(1).optional(),
    per: z.enum(['once', 'month'], { error: '发放方式须为 once 或 month' }).default('once'),
    months: z.number().int().positive().optional(),
    /** Who receives it, when not the subject (an employer's subsidy for a hire). */
    payee: z.enum(Object.keys(payeeKinds) as [keyof typeof payeeKinds]).default('subject'),
    /** What the benefit is, in the document's words (贴息, 兜底 …). */
    note: z.string().optional(),
  })
  .refine((b) => b.per === 'once' || b.months !== undefined, { message: '按月发放的待遇须写明月数（months）', path: ['months'] });

export const ruleVersionSchema = z.object({
  ...dates,
  condition: nonEmpty('条件'),
  benefit: benefitSchema,
  evidence: z.array(z.string()).default([]),
  /** Why this version was made (an edit's reason). */
  change: z.string().optional(),
});

export const ruleSchema = z.object({
  id: z.string().regex(/^[A-Z]{2}-\d{4}-[A-Za-z0-9-]+$/, '规则编号须形如 GZ-2022-5-return-hire'),
  title: nonEmpty('规则名称'),
  clause: z.object({ ref: nonEmpty('条款编号'), text: nonEmpty('条款原文') }),
  subject: z.enum(subjectKinds, { error: `对象须为 ${subjectKinds.join('、')} 之一` }),
  /** Division code prefix where the rule applies, when narrower than the pack's. */
  jurisdiction: z.string().regex(/^\d{2,12}$/).optional(),
  versions: z.array(ruleVersionSchema).min(1, '规则至少有一个版本'),
});

export const parameterSchema = z.object({
  name: z.string().regex(/^[a-z][A-Za-z0-9]*$/, '参数名须为英文字母开头的驼峰名'),
  title: nonEmpty('参数名称'),
  type: z.enum(['int', 'double'], { error: '参数类型须为 int 或 double' }),
  unit: z.string().optional(),
  clause: z.string().optional(),
  versions: z
    .array(
      z.object({
        ...dates,
        /** null: the document leaves it to local decision and nobody has set it yet. */
        value: z.number().nullable(),
        source: z.string().optional(),
        change: z.string().optional(),
      }),
    )
    .min(1, '参数至少有一个版本'),
});

export const packSchema = z.object({
  code: z.string().regex(/^[A-Z]{2}-\d{4}$/, '政策包编号须形如 GZ-2022'),
  title: nonEmpty('文件名称'),
  document: nonEmpty('文号或发文机关'),
  issued: date('成文日期'),
  /** Division code prefix where the pack applies; empty for national rules (the monitoring procedure). */
  jurisdiction: z.string().regex(/^(\d{2,12})?$/, '适用区划须为区划代码前缀（全国适用为空）'),
  parameters: z.array(parameterSchema).default([]),
  rules: z.array(ruleSchema).min(1, '政策包至少有一条规则'),
});

export type PolicyPack = z.infer<typeof packSchema>;
export type PolicyRule = z.infer<typeof ruleSchema>;
export type RuleVersion = z.infer<typeof ruleVersionSchema>;
export type PolicyParameter = z.infer<typeof parameterSchema>;
export type Benefit = z.infer<typeof benefitSchema>;
