/**
 * Assistance workshops 帮扶车间 (SPEC §5): the facts a county keeps about each one, and the
 * common provincial rules as checks. The thresholds are dated settings (key `workshop.rules`);
 * these are the defaults. A workshop that fails a check is still a workshop: the checks say what
 * is missing, they refuse nothing except the upgrade to a 乡村就业工厂.
 */
import { z } from 'zod';
import { workshopKinds } from './enums.js';

export interface WorkshopRules {
  /** Each workshop employs at least this many poverty-alleviated workers (脱贫劳动力). */
  minPovertyWorkers: number;
  /** Upgrade to a 乡村就业工厂 after running this many years since recognition … */
  upgradeMinYears: number;
  /** … with at least this many workers on contracts of a year or more. */
  upgradeMinYearlyWorkers: number;
}

export const WORKSHOP_RULES_KEY = 'workshop.rules';
export const DEFAULT_WORKSHOP_RULES: WorkshopRules = { minPovertyWorkers: 5, upgradeMinYears: 1, upgradeMinYearlyWorkers: 10 };
export const DEFAULT_WORKSHOP_RULES_SOURCE = '省级帮扶车间认定办法（常见规定）';

export const workshopRulesValue = z.object({
  minPovertyWorkers: z.number({ error: '脱贫劳动力人数下限须为整数' }).int('脱贫劳动力人数下限须为整数').min(1, '脱贫劳动力人数下限至少为1').max(100, '脱贫劳动力人数下限不超过100'),
  upgradeMinYears: z.number({ error: '运行年限须为整数' }).int('运行年限须为整数').min(1, '运行年限至少1年').max(10, '运行年限不超过10年'),
  upgradeMinYearlyWorkers: z.number({ error: '合同工人数下限须为整数' }).int('合同工人数下限须为整数').min(1, '合同工人数下限至少为1').max(500, '合同工人数下限不超过500'),
});

const count = (field: string) => z.number({ error: `${field}须为整数` }).int(`${field}须为整数`).min(0, `${field}不能为负`).max(100_000, `${field}过大`);
const date = (field: string) => z.iso.date({ error: `${field}须为日期（YYYY-MM-DD）` }).nullable();

/** The workshop facts as a clerk fills them in; every count of a kind of worker is part of `jobs`. */
export const workshopFacts = z
  .object({
    workshopKind: z.enum(workshopKinds.values, { error: () => `车间类型须为以下之一：${Object.values(workshopKinds.labels).join('、')}` }),
    jobs: count('吸纳就业人数'),
    povertyWorkers: count('脱贫劳动力人数'),
    relocatedWorkers: count('搬迁群众人数'),
    insuredWorkers: count('参保人数'),
    yearlyContractWorkers: count('签订1年以上劳动合同人数'),
    recognisedOn: date('认定日期'),
    upgradedOn: date('升级日期'),
  })
  .superRefine((f, ctx) => {
    const parts = [
      ['povertyWorkers', '脱贫劳动力人数'],
      ['relocatedWorkers', '搬迁群众人数'],
      ['insuredWorkers', '参保人数'],
      ['yearlyContractWorkers', '签订1年以上劳动合同人数'],
    ] as const;
    for (const [key, label] of parts) {
      if (f[key] > f.jobs) ctx.addIssue({ code: 'custom', path: [key], message: `${label}不能多于吸纳就业人数（${f.jobs}人）` });
    }
    if (f.upgradedOn && !f.recognisedOn) ctx.addIssue({ code: 'custom', path: ['recognisedOn'], message: '已升级的车间须填写认定日期' });
    if (f.upgradedOn && f.recognisedOn && f.upgradedOn < f.recognisedOn) ctx.addIssue({ code: 'custom', path: ['upgradedOn'], message: '升级日期不能早于认定日期' });
  });
export type WorkshopFacts = z.infer<typeof workshopFacts>;

export const workshopCheckKeys = ['poverty_workers', 'insured', 'upgrade'] as const;
export type WorkshopCheckKey = (typeof workshopCheckKeys)[number];

export interface WorkshopCheck {
  key: WorkshopCheckKey;
  passed: boolean;
  /** Why, in the words an official reads: the numbers and the threshold. */
  reason: string;
}

/** The same day `years` later (29 February falls back to the 28th in a common year). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Why the workshop may not (yet) become a 乡村就业工厂 on `on`; empty when it may. */
export function upgradeObstacles(facts: WorkshopFacts, rules: WorkshopRules, on: string): string[] {
  const reasons: string[] = [];
  if (!facts.recognisedOn) reasons.push('未登记认定日期，无法计算运行年限');
  else {
    const due = addYears(facts.recognisedOn, rules.upgradeMinYears);
    if (due > on) reasons.push(`认定于 ${facts.recognisedOn}，运行不满 ${rules.upgradeMinYears} 年（${due} 起满 ${rules.upgradeMinYears} 年）`);
  }
  if (facts.yearlyContractWorkers < rules.upgradeMinYearlyWorkers) {
    reasons.push(`签订1年以上劳动合同 ${facts.yearlyContractWorkers} 人，少于 ${rules.upgradeMinYearlyWorkers} 人`);
  }
  return reasons;
}

/**
 * The checks of a workshop on a date. `facts` null means the employer is registered as a
 * workshop but its workshop facts were never filled in: every check fails for that reason.
 */
export function workshopChecks(facts: WorkshopFacts | null, rules: WorkshopRules, on: string): WorkshopCheck[] {
  if (!facts) {
    const reason = '尚未登记帮扶车间信息';
    return workshopCheckKeys.map((key) => ({ key, passed: false, reason }));
  }
  const poverty = facts.povertyWorkers >= rules.minPovertyWorkers;
  const uninsured = facts.jobs - facts.insuredWorkers;
  const obstacles = upgradeObstacles(facts, rules, on);
  return [
    {
      key: 'poverty_workers',
      passed: poverty,
      reason: `吸纳脱贫劳动力 ${facts.povertyWorkers} 人，${poverty ? '达到' : '少于'} ${rules.minPovertyWorkers} 人`,
    },
    {
      key: 'insured',
      passed: uninsured <= 0,
      reason: facts.jobs === 0 ? '尚无在岗人员' : uninsured <= 0 ? `在岗 ${facts.jobs} 人全部参加社会保险` : `在岗 ${facts.jobs} 人中 ${uninsured} 人未参加社会保险`,
    },
    facts.upgradedOn
      ? { key: 'upgrade', passed: true, reason: `已于 ${facts.upgradedOn} 升级为乡村就业工厂` }
      : {
          key: 'upgrade',
          passed: obstacles.length === 0,
          reason: obstacles.length === 0 ? `可升级为乡村就业工厂（运行满 ${rules.upgradeMinYears} 年，签订1年以上劳动合同 ${facts.yearlyContractWorkers} 人）` : obstacles.join('；'),
        },
  ];
}

export const workshopCheckLabels: Record<WorkshopCheckKey, string> = {
  poverty_workers: '吸纳脱贫劳动力',
  insured: '参加社会保险',
  upgrade: '升级乡村就业工厂',
};
