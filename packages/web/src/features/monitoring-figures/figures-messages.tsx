/**
 * The words of 监测统计 (SPEC §4, §10; docs/MONITORING.md §7), kept beside the page: Chinese as
 * the documents put it (coded values from @anju/core), English of the same shape.
 */
import { caseCategories, caseSteps } from '@anju/core/monitoring/case-enums';
import { useLocale } from '../../i18n/locale';

export const figuresZh = {
  title: '监测统计',
  hint: '防止返贫动态监测和帮扶的统计（SX-2021（一）、YC-2021（五）（六））：监测对象按所选月份的月末统计（本月按今天），逾期案件、帮扶任务和城乡转换按今天统计。点击任一数字或图形，进入对应的清单。',
  month: '统计月份',
  asOf: (d: string) => `监测对象截至 ${d}`,
  cards: {
    objects: '监测对象',
    newMonitored: '本月新识别',
    eliminated: '本月风险消除',
    overdue: '逾期未办',
    openCases: '在办案件',
    tasksOpen: '帮扶任务未办结',
    tasksLate: '帮扶任务逾期',
    tasksDone: '帮扶任务已办结',
    conversionsPending: '城乡转换待办',
    conversionsOverdue: '城乡转换逾期',
    consolidation: '巩固率',
  },
  hints: {
    objects: '该日处于监测中的户（已纳入监测、尚未风险消除），按监测类别分列。',
    newMonitored: '本月经县级审批纳入监测的户。',
    eliminated: '本月经县级审批风险消除的户。',
    overdue: '当前环节或识别全流程超过期限仍未办理的案件（期限按工作日计算），已提请上一级督办。',
    openCases: '尚未结案（未风险消除、未退回）的监测案件。',
    tasks: '一户一策任务清单中交由责任部门办理的任务；逾期指超过办理时限仍未办结。',
    conversions: '农村低保、特困人员搬入城镇安置点，经确认后30个工作日内转为城市低保、特困（XX-2020 三（三））。',
  },
  consolidationDefinition: '巩固率 = 1 −（脱贫不稳定户监测中的脱贫人口 ÷ 脱贫人口），即脱贫人口中未处于返贫风险的比例。',
  consolidationTerms: (numerator: string, denominator: string, atRisk: string) => `未处于风险的脱贫人口 ${numerator} ÷ 脱贫人口 ${denominator}（其中脱贫不稳定户监测中 ${atRisk} 人）`,
  consolidationTarget: '目标：到2025年巩固率达到98%以上（YC-2021（三））。',
  belowTarget: '低于98%目标',
  byCategory: '监测对象类别',
  byStep: '在办案件所处环节',
  trend: '近12个月监测趋势',
  byDivision: '下级区划',
  series: { monitored: '监测对象', newMonitored: '新识别', eliminated: '风险消除' },
  division: '区划',
  lateTasks: '逾期任务',
  unitHousehold: '户',
  unitCase: '件',
  unitTask: '项',
  unitPerson: '人',
  noDivisions: '无下级区划',
  categories: caseCategories.labels as Record<string, string>,
  steps: caseSteps.labels as Record<string, string>,
};

export type FiguresMessages = typeof figuresZh;

const en: FiguresMessages = {
  title: 'Monitoring figures',
  hint: 'Figures of relapse monitoring and assistance (SX-2021 (1), YC-2021 (5)(6)): monitoring objects as of the month’s last day (today for this month); overdue cases, tasks and conversions as of today. Click any number or chart for the list behind it.',
  month: 'Month',
  asOf: (d: string) => `Monitoring objects as of ${d}`,
  cards: {
    objects: 'Monitoring objects',
    newMonitored: 'New this month',
    eliminated: 'Eliminated this month',
    overdue: 'Overdue cases',
    openCases: 'Open cases',
    tasksOpen: 'Open tasks',
    tasksLate: 'Late tasks',
    tasksDone: 'Tasks done',
    conversionsPending: 'Conversions pending',
    conversionsOverdue: 'Conversions overdue',
    consolidation: 'Consolidation rate',
  },
  hints: {
    objects: 'Households being monitored on that day (approved, not yet eliminated), by category.',
    newMonitored: 'Households the county approved for monitoring this month.',
    eliminated: 'Households whose risk the county declared eliminated this month.',
    overdue: 'Cases past the deadline of their step or of the whole identification (working days), escalated to the level above.',
    openCases: 'Cases neither eliminated nor rejected.',
    tasks: 'Tasks of the assistance plans handed to departments; late = open past the due date.',
    conversions: 'Rural 低保/特困 recipients at urban sites are converted within 30 working days of confirmation (XX-2020 3(3)).',
  },
  consolidationDefinition: 'Consolidation rate = 1 − (poverty-alleviated people in households monitored as unstable ÷ poverty-alleviated people).',
  consolidationTerms: (numerator: string, denominator: string, atRisk: string) => `${numerator} not at risk ÷ ${denominator} poverty-alleviated people (${atRisk} monitored as unstable)`,
  consolidationTarget: 'Target: 98 % or more by 2025 (YC-2021 (3)).',
  belowTarget: 'Below the 98 % target',
  byCategory: 'Monitoring objects by category',
  byStep: 'Open cases by step',
  trend: 'Last 12 months',
  byDivision: 'Sub-divisions',
  series: { monitored: 'Monitored', newMonitored: 'New', eliminated: 'Eliminated' },
  division: 'Division',
  lateTasks: 'Late tasks',
  unitHousehold: '',
  unitCase: '',
  unitTask: '',
  unitPerson: '',
  noDivisions: 'No sub-divisions',
  categories: { unstable: 'Unstable after exit', marginal: 'Marginal, at risk', sudden_hardship: 'Sudden hardship' },
  steps: {
    lead: 'Lead',
    verified: 'Verified at home',
    compared: 'Data compared',
    notice: 'Appraisal and notice',
    township_reviewed: 'Township reviewed',
    monitored: 'Monitored',
    elimination_notice: 'Elimination notice',
    eliminated: 'Eliminated',
    rejected: 'Rejected',
  },
};

export function useFiguresMessages(): FiguresMessages {
  return useLocale().lang === 'zh-CN' ? figuresZh : en;
}
