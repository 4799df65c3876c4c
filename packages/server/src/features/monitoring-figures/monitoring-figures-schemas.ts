import { z } from 'zod';

export const figuresQuery = z.object({
  division: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})?$/, '行政区划代码须为2、4、6、9或12位数字').optional().describe("不填为本人所属区划；'' 为全国"),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '统计月份须为 YYYY-MM').optional().describe('不填为本月'),
});

const byCategory = z.object({ unstable: z.number(), marginal: z.number(), sudden_hardship: z.number() });

export const figuresOutput = z.object({
  divisionCode: z.string(),
  divisionName: z.string(),
  period: z.string(),
  asOf: z.string().describe('监测对象按此日统计：月末，本月为今天'),
  today: z.string().describe('逾期、任务、转换按今天统计'),
  objects: z.object({ total: z.number(), byCategory }).describe('当日在监测的户（下钻：monitoredOn=asOf&category=）'),
  warnings: z.object({
    raised: z.number().describe('本月预警（下钻：period=period）'),
    raisedByCategory: byCategory.describe('本月预警按指向的监测类别（下钻：period=period&category=）'),
    open: z.number().describe('当前未处理预警（下钻：status=open）'),
    openByCategory: byCategory.describe('当前未处理预警按指向的监测类别（下钻：status=open&category=）'),
  }),
  openByStep: z.record(z.string(), z.number()).describe('未结案件按环节（当前）'),
  openCases: z.number(),
  newMonitored: z.number().describe('本月新纳入（下钻：monitoredIn=period）'),
  eliminated: z.number().describe('本月风险消除（下钻：eliminatedIn=period）'),
  overdue: z.number().describe('当前逾期案件（下钻：overdue=true）'),
  tasks: z.object({ open: z.number(), late: z.number(), done: z.number() }),
  conversions: z.object({ pending: z.number(), overdue: z.number() }),
  consolidation: z.object({
    rate: z.number().nullable().describe('巩固率（%），两位小数；无脱贫人口时为空'),
    numerator: z.number().describe('未处于脱贫不稳定户监测中的脱贫人口'),
    denominator: z.number().describe('脱贫人口（建档立卡脱贫户人口）'),
    atRisk: z.number().describe('脱贫不稳定户监测中的脱贫人口'),
  }),
  trend: z.array(z.object({ period: z.string(), monitored: z.number(), newMonitored: z.number(), eliminated: z.number() })),
  byDivision: z.array(
    z.object({ code: z.string(), name: z.string(), monitored: z.number(), newMonitored: z.number(), eliminated: z.number(), overdue: z.number(), lateTasks: z.number() }),
  ),
});
export type FiguresOutput = z.infer<typeof figuresOutput>;
