/**
 * What the demo's monitoring cases are (demo-monitoring.ts turns them into rows): each case's
 * step, channel, category and how many days ago things happened, the needs and tasks a plan of
 * each category gets, and the safety-net conversions.
 */
export interface CaseScenario {
  n: number;
  /** A registered-poor household (脱贫不稳定户, and most sudden hardship) or a synchronous one. */
  poor: boolean;
  channel: 'self_report' | 'cadre_screening' | 'department_warning' | 'petition';
  category: 'unstable' | 'marginal' | 'sudden_hardship';
  step: string;
  riskNote: string;
  leadAgo: number;
  /** Days since the step in hand began (notice start, last action). */
  sinceStep?: number;
  monitoredAgo?: number;
  eliminatedAgo?: number;
  rejectedAt?: string;
  rejectedReason?: string;
}

const illness = '家庭主要劳动力患慢性病，医疗支出大，收入下降';
const jobLoss = '务工人员返乡失业，家庭收入骤减';

export const CASES: CaseScenario[] = [
  { n: 1, poor: true, channel: 'self_report', category: 'unstable', step: 'lead', riskNote: '户主电话申报：今年务工收入明显减少', leadAgo: 1 },
  { n: 2, poor: true, channel: 'department_warning', category: 'sudden_hardship', step: 'lead', riskNote: '医保部门预警：住院自付费用超过家庭收入一半', leadAgo: 12 },
  { n: 3, poor: false, channel: 'department_warning', category: 'marginal', step: 'lead', riskNote: '民政部门预警：家庭成员新增重度残疾', leadAgo: 3 },
  { n: 4, poor: true, channel: 'cadre_screening', category: 'unstable', step: 'verified', riskNote: jobLoss, leadAgo: 6, sinceStep: 2 },
  { n: 5, poor: false, channel: 'petition', category: 'marginal', step: 'notice', riskNote: '信访反映：家中房屋漏雨、收入低', leadAgo: 14, sinceStep: 6 },
  { n: 6, poor: true, channel: 'cadre_screening', category: 'sudden_hardship', step: 'township_reviewed', riskNote: '户主车祸致残，暂时无法务工', leadAgo: 18, sinceStep: 2 },
  { n: 7, poor: true, channel: 'cadre_screening', category: 'unstable', step: 'monitored', riskNote: jobLoss, leadAgo: 330, monitoredAgo: 300 },
  { n: 8, poor: true, channel: 'department_warning', category: 'unstable', step: 'monitored', riskNote: '人社部门预警：家庭无人就业', leadAgo: 295, monitoredAgo: 270 },
  { n: 9, poor: false, channel: 'self_report', category: 'marginal', step: 'monitored', riskNote: '子女上学支出大，收入接近监测线', leadAgo: 265, monitoredAgo: 240 },
  { n: 10, poor: true, channel: 'department_warning', category: 'sudden_hardship', step: 'monitored', riskNote: illness, leadAgo: 228, monitoredAgo: 200 },
  { n: 11, poor: true, channel: 'cadre_screening', category: 'unstable', step: 'monitored', riskNote: '产业经营失败，家庭负债', leadAgo: 205, monitoredAgo: 180 },
  { n: 12, poor: false, channel: 'petition', category: 'marginal', step: 'monitored', riskNote: '舆情反映：独居老人生活困难', leadAgo: 176, monitoredAgo: 150 },
  { n: 13, poor: true, channel: 'department_warning', category: 'unstable', step: 'monitored', riskNote: '教育部门预警：义务教育阶段子女辍学', leadAgo: 146, monitoredAgo: 120 },
  { n: 14, poor: true, channel: 'self_report', category: 'sudden_hardship', step: 'monitored', riskNote: '自然灾害损毁蔬菜大棚', leadAgo: 114, monitoredAgo: 90 },
  { n: 15, poor: true, channel: 'cadre_screening', category: 'unstable', step: 'monitored', riskNote: illness, leadAgo: 85, monitoredAgo: 60 },
  { n: 16, poor: false, channel: 'department_warning', category: 'marginal', step: 'monitored', riskNote: '人社部门预警：公益性岗位到期未续', leadAgo: 58, monitoredAgo: 35 },
  { n: 17, poor: true, channel: 'cadre_screening', category: 'unstable', step: 'monitored', riskNote: jobLoss, leadAgo: 26, monitoredAgo: 2 },
  { n: 18, poor: true, channel: 'self_report', category: 'unstable', step: 'elimination_notice', riskNote: jobLoss, leadAgo: 360, monitoredAgo: 330, sinceStep: 3 },
  { n: 19, poor: true, channel: 'cadre_screening', category: 'unstable', step: 'eliminated', riskNote: illness, leadAgo: 420, monitoredAgo: 400, eliminatedAgo: 40 },
  { n: 20, poor: false, channel: 'department_warning', category: 'marginal', step: 'eliminated', riskNote: '人社部门预警：家庭无人就业', leadAgo: 405, monitoredAgo: 380, eliminatedAgo: 3 },
  {
    n: 21, poor: true, channel: 'self_report', category: 'unstable', step: 'rejected', riskNote: '户主申报：收入下降', leadAgo: 30, sinceStep: 18,
    rejectedAt: 'compared', rejectedReason: '经信息比对，家庭人均纯收入高于监测范围，且无刚性支出',
  },
];

type Need = { kind: string; description: string };
type Task = { measure: string; department: string; title: string; outcome: string };

export const NEEDS: Record<string, Need[]> = {
  unstable: [
    { kind: 'employment', description: '家庭主要劳动力需要稳定就业岗位' },
    { kind: 'income', description: '希望发展庭院经济增加收入' },
  ],
  marginal: [{ kind: 'employment', description: '需要就近就业或公益性岗位' }],
  sudden_hardship: [
    { kind: 'medical', description: '大病医疗费用负担重' },
    { kind: 'safety_net', description: '申请临时救助' },
  ],
};

export const TASKS: Record<string, Task[]> = {
  unstable: [
    { measure: 'employment', department: 'hrss', title: '推荐到帮扶车间就业', outcome: '已在安置点帮扶车间就业，月收入约2800元' },
    { measure: 'industry', department: 'agriculture', title: '发放庭院经济产业奖补', outcome: '已发放产业奖补2000元' },
  ],
  marginal: [
    { measure: 'employment', department: 'hrss', title: '安排公益性岗位', outcome: '已安排保洁公益性岗位' },
    { measure: 'education_training', department: 'education', title: '落实子女教育资助', outcome: '已落实雨露计划资助' },
  ],
  sudden_hardship: [
    { measure: 'social_security', department: 'medical_security', title: '落实医疗救助和大病保险', outcome: '已报销住院费用并落实医疗救助' },
    { measure: 'social_security', department: 'civil_affairs', title: '办理临时救助', outcome: '已发放临时救助金3000元' },
  ],
};

/** Confirmed this many days ago; the first is overdue, the second in time, the third completed. */
export const CONVERSIONS: { confirmedAgo: number; completedAgo?: number; status: 'pending' | 'completed'; note: string | null }[] = [
  { confirmedAgo: 70, status: 'pending', note: '户籍已迁入安置地社区' },
  { confirmedAgo: 5, status: 'pending', note: null },
  { confirmedAgo: 90, completedAgo: 50, status: 'completed', note: '已按城市低保标准发放' },
];
