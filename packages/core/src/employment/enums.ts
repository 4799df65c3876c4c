/**
 * Coded values of the labour ledger (SPEC §5) with the words of the source documents.
 * Channels are the six "一批" of SX-2021 (四)–(九) (training is its own column, `trainingWish`),
 * plus flexible work and own farming.
 */
import { labelled } from '../registry/enums.js';

export const employmentStates = labelled({ employed: '已就业', unemployed: '未就业' });

export const employmentChannels = labelled({
  out_migration: '外出务工',
  local: '就地就近就业',
  welfare_post: '公益岗位',
  work_relief: '以工代赈',
  own_business: '自主创业',
  flexible: '灵活就业',
  farming: '自主发展种养',
});

export const workPlaces = labelled({ outside_province: '省外', in_province: '省内县外', in_county: '县内' });

export const periodStatuses = labelled({ open: '填报中', closed: '已关闭' });

/** What a zero-employment household is given (动态清零, GZ-2022 5). */
export const zeroEmploymentActions = labelled({
  job_offer: '推荐岗位',
  welfare_post: '安排公益岗位',
  training: '组织技能培训',
  referral: '转介就业服务',
});

export const trainingKinds = labelled({
  skills: '职业技能培训',
  entrepreneurship: '创业培训',
  apprenticeship: '以工代训',
  guidance: '引导性培训',
});
export const enrolmentStatuses = labelled({ enrolled: '在训', completed: '结业', dropped: '退训' });

export const welfarePostGrades = labelled({ ordinary: '普通岗位', skilled: '技术技能岗位', special: '专项岗位' });
export const welfarePostDuties = labelled({
  cleaning: '保洁',
  property: '物业管理',
  assistant: '协管',
  repair: '维修',
  forest: '护林',
  solar: '光伏运维',
  other: '其他',
});
export const welfarePostFunding = labelled({
  linkage_fund: '衔接资金',
  employment_fund: '就业补助资金',
  solar_income: '光伏收益',
  local_fiscal: '地方财政',
  other: '其他',
});

export const workshopKinds = labelled({
  factory: '厂房式',
  home: '居家式',
  farming: '种养式',
  trade: '贸易流通式',
  tourism: '文化旅游式',
});

export const openingSources = labelled({ employer: '企业', workshop: '帮扶车间', partner: '东西部协作地区', public: '公益性岗位' });
export const referralOutcomes = labelled({ pending: '待反馈', hired: '已录用', declined: '本人放弃', rejected: '未录用' });

export type EmploymentState = (typeof employmentStates.values)[number];
export type EmploymentChannel = (typeof employmentChannels.values)[number];
export type WorkPlace = (typeof workPlaces.values)[number];
