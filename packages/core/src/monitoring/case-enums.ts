/**
 * Coded values of the identification workflow, the assistance plan and the safety-net
 * conversions (SPEC §4), with the words of the documents as labels. docs/MONITORING.md says
 * who may take each step.
 */
import { labelled } from '../registry/enums.js';

/** The four channels through which a risk is found (SPEC §4 "How risks are found"). */
export const leadChannels = labelled({
  self_report: '农户自主申报',
  cadre_screening: '基层干部排查',
  department_warning: '部门筛查预警',
  petition: '信访舆情研判',
});

/** The monitoring categories a case may propose (the household field also has 'none'). */
export const caseCategories = labelled({
  unstable: '脱贫不稳定户',
  marginal: '边缘易致贫户',
  sudden_hardship: '突发严重困难户',
});

/** Where a case stands; the order is the procedure's. */
export const caseSteps = labelled({
  lead: '线索待核实',
  verified: '已入户核实',
  compared: '已信息比对',
  notice: '民主评议公示中',
  township_reviewed: '乡级已审核',
  monitored: '已纳入监测',
  elimination_notice: '风险消除公示中',
  eliminated: '已风险消除',
  rejected: '未纳入（已退回）',
});

/** Steps of identification, before a household is monitored. */
export const IDENTIFICATION_STEPS = ['lead', 'verified', 'compared', 'notice', 'township_reviewed'] as const;
/** Steps after which a case is history. */
export const CLOSED_STEPS = ['eliminated', 'rejected'] as const;

export const evidenceKinds = labelled({
  commitment: '承诺书',
  authorization: '数据查询授权书',
  verification_form: '入户核实表',
  appraisal_record: '民主评议记录',
  notice_photo: '公示照片',
  other: '其他材料',
});

/** Evidence files: what may be uploaded, and how large (checked by content type and by size). */
export const EVIDENCE_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** 需求清单: what a household needs. */
export const needKinds = labelled({
  income: '增加收入',
  employment: '就业',
  medical: '医疗保障',
  education: '教育保障',
  housing: '住房安全',
  water: '饮水安全',
  safety_net: '兜底保障',
  other: '其他',
});

/** 帮扶措施 by kind (SPEC §4 "Assistance plan"). */
export const assistanceMeasures = labelled({
  industry: '产业帮扶',
  employment: '就业帮扶',
  social_security: '综合保障',
  education_training: '扶志扶智',
  social: '社会帮扶',
  housing: '住房保障',
  water: '饮水保障',
  small_loan: '小额信贷',
});

export const taskStatuses = labelled({ assigned: '已交办', in_progress: '办理中', done: '已办结', cancelled: '已撤销' });

export const conversionStatuses = labelled({ pending: '待转换', completed: '已转换', cancelled: '已撤销' });
