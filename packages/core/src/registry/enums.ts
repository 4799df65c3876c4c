/**
 * Coded values of the registry with their Chinese labels, in the words of the policy documents.
 * Identifiers are English (see docs/GLOSSARY.md); labels are what users read and type in files.
 */
export function labelled<const T extends Record<string, string>>(labels: T) {
  const values = Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
  const byLabel = new Map(Object.entries(labels).map(([k, v]) => [v, k as keyof T & string]));
  return {
    labels,
    values,
    /** Accepts either the code or its Chinese label, as office files carry labels. */
    parse(input: string): (keyof T & string) | undefined {
      if (input in labels) return input as keyof T & string;
      return byLabel.get(input);
    },
  };
}

export const sexes = labelled({ M: '男', F: '女' });

export const siteAreaKinds = labelled({ urban: '城镇安置', rural: '农村安置' });
export const siteSettlementKinds = labelled({ concentrated: '集中安置', scattered: '分散安置' });

export const householdKinds = labelled({ registered_poor: '建档立卡脱贫户', synchronous: '同步搬迁户' });

export const propertyCertStates = labelled({ none: '未办理', applying: '办理中', issued: '已颁证' });

export const monitoringCategories = labelled({
  none: '非监测对象',
  unstable: '脱贫不稳定户',
  marginal: '边缘易致贫户',
  sudden_hardship: '突发严重困难户',
});

export const householdStatuses = labelled({ active: '在册', dissolved: '已注销' });

export const relations = labelled({
  head: '户主',
  spouse: '配偶',
  son: '子',
  daughter: '女',
  son_in_law: '女婿',
  daughter_in_law: '儿媳',
  grandchild: '孙子女',
  parent: '父母',
  grandparent: '祖父母',
  sibling: '兄弟姐妹',
  other: '其他',
});

export const educations = labelled({
  none: '文盲或半文盲',
  primary: '小学',
  junior: '初中',
  senior: '高中',
  vocational: '中职',
  college: '大专',
  bachelor: '本科及以上',
  preschool: '学龄前',
});

export const schoolStages = labelled({
  none: '非在校生',
  preschool: '学前教育',
  primary: '小学',
  junior: '初中',
  senior: '高中',
  vocational: '中职',
  college: '高职高专',
  university: '本科及以上',
});

export const healthStates = labelled({ healthy: '健康', chronic: '长期慢性病', serious: '大病', disabled: '残疾' });

export const labourCapacities = labelled({
  ordinary: '普通劳动力',
  skilled: '技能劳动力',
  weak: '弱劳动力或半劳动力',
  lost: '丧失劳动力',
  none: '无劳动力',
});

export const safetyNetStates = labelled({
  none: '无',
  dibao_rural: '农村低保',
  dibao_urban: '城市低保',
  tekun_rural: '农村特困',
  tekun_urban: '城市特困',
});

export const hukouStates = labelled({ moved: '户籍已迁入', residence_permit: '办理居住证', not_moved: '户籍未迁移' });

export const employerKinds = labelled({
  enterprise: '企业',
  workshop: '帮扶车间',
  cooperative: '合作社',
  individual: '个体工商户',
  other: '其他',
});

export const roles = labelled({
  collector: '村/社区采集员',
  clerk: '乡镇录入员',
  monitor: '县监测员',
  department: '行业部门用户',
  leader: '领导/督查',
  admin: '系统管理员',
});

export const departments = labelled({
  hrss: '人社',
  civil_affairs: '民政',
  medical_security: '医保',
  education: '教育',
  housing: '住建',
  water: '水利',
  agriculture: '农业农村',
  health: '卫健',
  disabled_federation: '残联',
  public_security: '公安',
});

export type Role = (typeof roles.values)[number];
export type LabourCapacity = (typeof labourCapacities.values)[number];
export type SchoolStage = (typeof schoolStages.values)[number];
