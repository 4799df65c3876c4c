/**
 * Shared zod schemas for registry input: the server validates requests with them and the web
 * forms show the same Chinese messages. Output schemas live beside the server routes.
 */
import { z } from 'zod';
import { parseIdNumber } from '../validation/id-number.js';
import { parseCreditCode } from '../validation/credit-code.js';
import { normalizeCode } from '../validation/normalize.js';
import { isPhone } from '../validation/phone.js';
import * as E from './enums.js';
import { choice, isoDate, personName, text } from '../validation/zod-fields.js';


const code = (field: string, pattern: RegExp, hint: string) =>
  z
    .string({ error: `${field}须为文本` })
    .transform(normalizeCode)
    .pipe(z.string().regex(pattern, `${field}${hint}`));


const year = (field: string) =>
  z.number({ error: `${field}须为年份` }).int(`${field}须为整数`).min(1949, `${field}不早于1949年`).max(2100, `${field}不晚于2100年`);

export const divisionCode = code('行政区划代码', /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, '须为2、4、6、9或12位数字');
export const villageCode = code('迁出地村代码', /^\d{12}$/, '须为12位村级行政区划代码');

export const idNumber = z
  .string({ error: '身份证号须为文本' })
  .transform(normalizeCode)
  .superRefine((value, ctx) => {
    const result = parseIdNumber(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason });
  });

export const creditCode = z
  .string({ error: '统一社会信用代码须为文本' })
  .transform(normalizeCode)
  .superRefine((value, ctx) => {
    const result = parseCreditCode(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason });
  });

export const phone = z
  .string({ error: '联系电话须为文本' })
  .transform(normalizeCode)
  .refine(isPhone, '联系电话须为11位手机号或带区号的固定电话');

/** Every update carries the version the user read: a stale one is a conflict, never an overwrite. */
export const versioned = z.object({ version: z.number({ error: '缺少版本号' }).int().positive() });

export const siteInput = z.object({
  code: code('安置点编码', /^[0-9A-Z-]{3,30}$/, '须为3至30位字母、数字或连字符'),
  name: text('安置点名称', 100),
  divisionCode: code('所在行政区划', /^(\d{9}|\d{12})$/, '须为9位乡镇或12位村/社区代码'),
  areaKind: choice(E.siteAreaKinds, '安置类型'),
  settlementKind: choice(E.siteSettlementKinds, '安置方式'),
  crossCounty: z.boolean({ error: '是否跨区县须为是或否' }),
  buildYear: year('建成年份').nullable().optional(),
  latitude: z.number().min(3).max(54, '纬度须在中国境内').nullable().optional(),
  longitude: z.number().min(73).max(136, '经度须在中国境内').nullable().optional(),
});
export type SiteInput = z.infer<typeof siteInput>;

export const householdInput = z.object({
  householdNo: code('户编号', /^[0-9A-Z-]{4,30}$/, '须为4至30位字母、数字或连字符'),
  originVillageCode: villageCode,
  siteId: z.number({ error: '安置点须选择' }).int().positive('安置点须选择'),
  building: text('楼栋', 20).nullable().optional(),
  unit: text('单元', 20).nullable().optional(),
  room: text('房号', 20).nullable().optional(),
  relocationYear: year('搬迁年份'),
  kind: choice(E.householdKinds, '户类型'),
  propertyCertState: choice(E.propertyCertStates, '不动产登记颁证').nullable().optional(),
  vegetablePlot: z.boolean({ error: '是否分配菜地须为是或否' }).nullable().optional(),
  // The system's own state (set by the identification workflow), never unknown: a new household is 非监测对象.
  monitoringCategory: choice(E.monitoringCategories, '监测类别').optional(),
  contractedLandMu: z.number().min(0, '承包地面积不能为负').max(10000).nullable().optional(),
  forestLandMu: z.number().min(0, '林地面积不能为负').max(100000).nullable().optional(),
  landTransferred: z.boolean({ error: '承包地是否流转须为是或否' }).nullable().optional(),
  homesteadReclaimed: z.boolean({ error: '宅基地是否复垦须为是或否' }).nullable().optional(),
});
export type HouseholdInput = z.infer<typeof householdInput>;

export const personFields = z.object({
    householdId: z.number({ error: '所属户须选择' }).int().positive('所属户须选择'),
    idNumber,
    name: personName('姓名', 50),
    sex: choice(E.sexes, '性别').optional(),
    birthDate: isoDate('出生日期').optional(),
    relation: choice(E.relations, '与户主关系'),
    // Facts nobody entered are unknown (null, shown as 未填写), never a default that rules would
    // read as true or false. Absent (undefined) means "leave what is stored": on create, unknown.
    ethnicity: text('民族', 20).nullable().optional(),
    education: choice(E.educations, '文化程度').nullable().optional(),
    schoolStage: choice(E.schoolStages, '在校生状况').nullable().optional(),
    health: choice(E.healthStates, '健康状况').nullable().optional(),
    disabilityGrade: z.number({ error: '残疾等级须为1至4级' }).int().min(1, '残疾等级为1至4级').max(4, '残疾等级为1至4级').nullable().optional(),
    labourCapacity: choice(E.labourCapacities, '劳动能力'),
    skills: z.array(text('技能', 30)).max(20).nullable().optional(),
    medicalInsurance: z.boolean({ error: '是否参加基本医疗保险须为是或否' }).nullable().optional(),
    pensionInsurance: z.boolean({ error: '是否参加基本养老保险须为是或否' }).nullable().optional(),
    safetyNet: choice(E.safetyNetStates, '低保特困状况').nullable().optional(),
    forestRanger: z.boolean({ error: '是否生态护林员须为是或否' }).nullable().optional(),
    hukouState: choice(E.hukouStates, '户籍状况').nullable().optional(),
    phone: phone.nullable().optional(),
});

/** Cross-field rules: sex and birth date must agree with the ID number. */
export function checkPerson(p: z.infer<typeof personFields>, ctx: z.RefinementCtx): void {
    const parsed = parseIdNumber(p.idNumber);
    if (!parsed.ok) return; // already reported on the field
    if (p.sex && p.sex !== parsed.facts.sex) {
      ctx.addIssue({ code: 'custom', path: ['sex'], message: `性别与身份证号不符（身份证号为${E.sexes.labels[parsed.facts.sex]}）` });
    }
    if (p.birthDate && p.birthDate !== parsed.facts.birthDate) {
      ctx.addIssue({ code: 'custom', path: ['birthDate'], message: `出生日期与身份证号不符（身份证号为${parsed.facts.birthDate}）` });
    }
    if (p.health === 'disabled' && p.disabilityGrade == null) {
      ctx.addIssue({ code: 'custom', path: ['disabilityGrade'], message: '健康状况为残疾时须填写残疾等级' });
    }
}

export const personInput = personFields.superRefine(checkPerson);
export type PersonInput = z.infer<typeof personInput>;

export const employerInput = z.object({
  creditCode: creditCode.nullable().default(null),
  name: text('经营主体名称', 100),
  kind: choice(E.employerKinds, '经营主体类型'),
  divisionCode: code('所在行政区划', /^(\d{6}|\d{9}|\d{12})$/, '须为县、乡镇或村级代码'),
  siteId: z.number().int().positive().nullable().default(null),
  startDate: isoDate('成立日期').nullable().default(null),
  foundedByRelocated: z.boolean().default(false),
  positions: z.number().int().min(0, '岗位数不能为负').default(0),
  relocatedEmployed: z.number().int().min(0, '吸纳搬迁群众就业人数不能为负').default(0),
});
export type EmployerInput = z.infer<typeof employerInput>;



export const personUpdate = personFields.extend(versioned.shape).superRefine(checkPerson);
