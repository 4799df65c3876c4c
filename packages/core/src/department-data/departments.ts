/**
 * Department data comparison (数据比对, SPEC §11.2; YC-2021 (五) "加强数据比对和信息共享"):
 * the lists departments hand over, the kinds of record each list holds, and the Chinese words
 * for them. Light on purpose (no zod): the web's menus and access checks import it.
 */
import { labelled, schoolStages } from '../registry/enums.js';

/** Each kind of department record (`department_record.kind`) and the department it comes from. */
export const departmentRecordKinds = labelled({
  medical_expense: '医疗费用',
  dibao: '低保',
  tekun: '特困供养',
  temporary_assistance: '临时救助',
  disability: '残疾人',
  student: '在校生',
  dropout: '辍学',
  social_insurance: '参保',
  employment: '就业登记',
  unsafe_housing: '住房不安全（C、D级）',
  safe_housing: '住房安全（A、B级）',
  unsafe_water: '饮水不安全',
  safe_water: '饮水安全',
  death: '死亡',
  hukou_move: '户籍迁移',
});
export type DepartmentRecordKind = (typeof departmentRecordKinds.values)[number];

/** The departments that hand over lists (a subset of the departments of user accounts). */
export const listDepartments = labelled({
  medical_security: '医保',
  civil_affairs: '民政',
  disabled_federation: '残联',
  education: '教育',
  hrss: '人社',
  housing: '住建',
  water: '水利',
  public_security: '公安',
});
export type ListDepartment = (typeof listDepartments.values)[number];

/** The title of each department's list (its ledger and template). */
export const departmentListTitles: Record<ListDepartment, string> = {
  medical_security: '医保部门医疗费用数据',
  civil_affairs: '民政部门社会救助数据',
  disabled_federation: '残联残疾人数据',
  education: '教育部门学生就学数据',
  hrss: '人社部门参保和就业数据',
  housing: '住建部门住房安全数据',
  water: '水利部门饮水安全数据',
  public_security: '公安部门死亡和户籍迁移数据',
};

export const kindsOfDepartment: Record<ListDepartment, DepartmentRecordKind[]> = {
  medical_security: ['medical_expense'],
  civil_affairs: ['dibao', 'tekun', 'temporary_assistance'],
  disabled_federation: ['disability'],
  education: ['student', 'dropout'],
  hrss: ['social_insurance', 'employment'],
  housing: ['unsafe_housing', 'safe_housing'],
  water: ['unsafe_water', 'safe_water'],
  public_security: ['death', 'hukou_move'],
};

/**
 * The name of the department's own number of a row (`department_record.record_no`), in the lists
 * that carry one: with the file and the row, it finds the record on the department's paper.
 */
export const recordNoLabels = { medical_security: '结算单号' } as const satisfies Partial<Record<ListDepartment, string>>;

export function recordNoLabel(department: string): string {
  return (recordNoLabels as Partial<Record<string, string>>)[department] ?? '编号';
}

export function departmentOfKind(kind: DepartmentRecordKind): ListDepartment {
  return listDepartments.values.find((d) => kindsOfDepartment[d].includes(kind))!;
}

/** Each department's list is a ledger of the import centre named `department_<code>`. */
export type DepartmentLedgerName = `department_${ListDepartment}`;
export const departmentLedgerNames = listDepartments.values.map((d) => `department_${d}` as DepartmentLedgerName);

/** The department whose list a ledger is, or null for the registry and labour ledgers. */
export function ledgerDepartment(ledger: string): ListDepartment | null {
  if (!ledger.startsWith('department_')) return null;
  const code = ledger.slice('department_'.length);
  return (listDepartments.values as string[]).includes(code) ? (code as ListDepartment) : null;
}

// The coded values inside the lists (kept in `department_record.detail`).
export const medicalVisitTypes = labelled({ inpatient: '住院', chronic: '门诊慢特病', outpatient: '普通门诊', pharmacy: '药店购药' });
export const assistanceCategories = labelled({ dibao: '低保', tekun: '特困', temporary_assistance: '临时救助' });
export const urbanRural = labelled({ rural: '农村', urban: '城市' });
export const safetyNetStatuses = labelled({ active: '在保', ended: '已停保' });
export const disabilityCategories = labelled({
  visual: '视力残疾',
  hearing: '听力残疾',
  speech: '言语残疾',
  physical: '肢体残疾',
  intellectual: '智力残疾',
  mental: '精神残疾',
  multiple: '多重残疾',
});
export const disabilityGrades = labelled({ '1': '一级', '2': '二级', '3': '三级', '4': '四级' });
export const schoolStatuses = labelled({ student: '在校', dropout: '辍学' });
export const hrssCategories = labelled({ social_insurance: '参保', employment: '就业' });
export const insuranceKinds = labelled({
  employee_pension: '城镇职工基本养老保险',
  resident_pension: '城乡居民基本养老保险',
  unemployment: '失业保险',
  work_injury: '工伤保险',
});
export const insuranceStatuses = labelled({ paying: '正常缴费', suspended: '暂停缴费', ended: '终止参保' });
export const housingGrades = labelled({ A: 'A级', B: 'B级', C: 'C级', D: 'D级' });
export const waterSafety = labelled({ safe: '安全', unsafe: '不安全' });
export const waterProblems = labelled({ quantity: '水量不足', quality: '水质不达标', access: '取水不方便', reliability: '供水保证率低' });
export const publicSecurityChanges = labelled({ death: '死亡', hukou_out: '户籍迁出', hukou_in: '户籍迁入' });

type Detail = Record<string, string | number | null | undefined>;

const label = (set: { labels: Record<string, string> }, value: unknown) => (value === null || value === undefined ? null : (set.labels[String(value)] ?? String(value)));
const yuan = (value: unknown) => (value === null || value === undefined ? null : `${Number(value).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`);

/** One line a person reads on a case page: what the department said, in Chinese. */
export function describeDepartmentRecord(kind: DepartmentRecordKind, amount: number | null, detail: Detail): string {
  const parts: (string | null)[] = (() => {
    switch (kind) {
      case 'medical_expense':
        return [label(medicalVisitTypes, detail.visitType), detail.hospital as string, amount === null ? null : `个人自付 ${yuan(amount)}`, detail.totalCost == null ? null : `总费用 ${yuan(detail.totalCost)}`];
      case 'dibao':
      case 'tekun':
        return [`${label(urbanRural, detail.area) ?? ''}${departmentRecordKinds.labels[kind]}`, label(safetyNetStatuses, detail.status), amount === null ? null : `月保障金 ${yuan(amount)}`];
      case 'temporary_assistance':
        return ['临时救助', yuan(amount)];
      case 'disability':
        return [label(disabilityCategories, detail.category), label(disabilityGrades, detail.grade), detail.certificateNo ? `证号 ${detail.certificateNo}` : null];
      case 'student':
      case 'dropout':
        return [departmentRecordKinds.labels[kind], detail.school as string, label(schoolStages, detail.stage)];
      case 'social_insurance':
        return [label(insuranceKinds, detail.insurance), label(insuranceStatuses, detail.insuranceStatus)];
      case 'employment':
        return ['就业登记', detail.employer as string, amount === null ? null : `月工资 ${yuan(amount)}`];
      case 'unsafe_housing':
      case 'safe_housing':
        return [`房屋安全等级 ${label(housingGrades, detail.grade)}`, detail.address as string];
      case 'unsafe_water':
      case 'safe_water':
        return [departmentRecordKinds.labels[kind], label(waterProblems, detail.problem)];
      case 'death':
        return ['死亡'];
      case 'hukou_move':
        return [detail.direction === 'in' ? '户籍迁入' : '户籍迁出', detail.place as string];
    }
  })();
  return parts.filter((p) => p !== null && p !== undefined && p !== '').join('，');
}
