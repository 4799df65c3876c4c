import { z } from 'zod';

export const dashboardQuery = z.object({
  divisionCode: z
    .string()
    .regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, '行政区划代码须为2、4、6、9或12位数字')
    .optional()
    .describe('不填为本人所属区划'),
});

const areaFigures = z.object({
  code: z.string(),
  name: z.string(),
  sites: z.number(),
  households: z.number(),
  people: z.number(),
  registeredPoorPeople: z.number(),
  labourForce: z.number(),
});

export const dashboardOutput = z.object({
  /** '' is the whole country (national users only). */
  divisionCode: z.string(),
  divisionName: z.string(),
  divisionLevel: z.number().describe('0 全国 1 省 2 市 3 县 4 乡 5 村'),
  asOf: z.string().describe('年龄、劳动力按此日期计算'),
  labourForceAges: z.object({ minAge: z.number(), maxAge: z.number() }),
  totals: z.object({
    sites: z.number(),
    households: z.number(),
    registeredPoorHouseholds: z.number(),
    people: z.number(),
    registeredPoorPeople: z.number(),
    labourForce: z.number(),
  }),
  /** The monthly employment ledger (月调度) is not in the registry yet: null until it is. */
  employment: z.object({ employed: z.number(), rate: z.number() }).nullable(),
  byKind: z.array(z.object({ kind: z.string(), households: z.number(), people: z.number() })),
  bySite: z.array(z.object({ siteId: z.string(), siteName: z.string(), households: z.number(), people: z.number(), registeredPoorPeople: z.number() })),
  ageBands: z.array(z.object({ from: z.number(), to: z.number().nullable(), male: z.number(), female: z.number() })),
  children: z.array(areaFigures).describe('下一级行政区划的数字'),
  map: z.object({
    level: z.enum(['country', 'province']),
    provinceCode: z.string().nullable(),
    areaCodeLength: z.number(),
    areas: z.array(areaFigures).describe('地图区域（省或市/区县）的数字，仅含本人管辖范围内的数据'),
  }),
});
export type DashboardOutput = z.infer<typeof dashboardOutput>;
