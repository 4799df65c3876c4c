/**
 * The words of the task inbox (帮扶任务, SPEC §4 一户一策), kept beside the page: Chinese as the
 * documents put it (coded values from @anju/core), English of the same shape.
 */
import { assistanceMeasures, taskStatuses } from '@anju/core/monitoring/case-enums';
import { useLocale } from '../../i18n/locale';

export const tasksZh = {
  title: '帮扶任务',
  departmentTitle: (department: string) => `${department}部门帮扶任务`,
  hint: '一户一策（YC-2021（五））：纳入监测的户制定帮扶计划，任务清单中的每项措施交由责任部门在办理时限内落实。部门用户只看到本部门在本辖区的任务；超过办理时限仍未办结的任务标红，并显示逾期天数。办结须填写办理结果。',
  department: '责任部门',
  allDepartments: '全部部门',
  status: '状态',
  allStatuses: '全部状态',
  open: '未办结（已交办和办理中）',
  lateOnly: '只看逾期',
  household: '搬迁户',
  headName: '户主',
  task: '任务内容',
  measure: '帮扶措施',
  dueOn: '办理时限',
  outcome: '办理结果',
  doneOn: '办结日期',
  lateDays: (n: number) => `逾期 ${n} 天`,
  dueIn: (n: number) => (n === 0 ? '今日到期' : `剩 ${n} 天`),
  start: '开始办理',
  finish: '办结',
  viewCase: '监测案件',
  started: '已开始办理',
  finished: '任务已办结',
  finishTitle: '办结帮扶任务',
  outcomePlaceholder: '写明落实了什么、结果如何（如：已申请临时救助2000元并发放到户）',
  doneOnRequired: '请选择办结日期',
  noTasks: '暂无帮扶任务',
  statuses: taskStatuses.labels as Record<string, string>,
  measures: assistanceMeasures.labels as Record<string, string>,
};

export type TasksMessages = typeof tasksZh;

const en: TasksMessages = {
  title: 'Assistance tasks',
  departmentTitle: (department: string) => `Assistance tasks · ${department}`,
  hint: 'One plan per household (YC-2021 (5)): each measure of a monitored household’s plan goes to a responsible department with a due date. Department users see only their own department’s tasks in their division; tasks open past their due date show in red with the days late. Finishing a task needs its outcome.',
  department: 'Department',
  allDepartments: 'All departments',
  status: 'Status',
  allStatuses: 'All statuses',
  open: 'Open (assigned and in progress)',
  lateOnly: 'Late only',
  household: 'Household',
  headName: 'Head',
  task: 'Task',
  measure: 'Measure',
  dueOn: 'Due',
  outcome: 'Outcome',
  doneOn: 'Done on',
  lateDays: (n: number) => `${n} days late`,
  dueIn: (n: number) => (n === 0 ? 'Due today' : `${n} days left`),
  start: 'Start',
  finish: 'Finish',
  viewCase: 'Case',
  started: 'Started',
  finished: 'Task finished',
  finishTitle: 'Finish the task',
  outcomePlaceholder: 'What was done and with what result',
  doneOnRequired: 'Choose the date',
  noTasks: 'No tasks',
  statuses: { assigned: 'Assigned', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' },
  measures: {
    industry: 'Industry',
    employment: 'Employment',
    social_security: 'Social security',
    education_training: 'Education and training',
    social: 'Social assistance',
    housing: 'Housing',
    water: 'Drinking water',
    small_loan: 'Small loan',
  },
};

export function useTasksMessages(): TasksMessages {
  return useLocale().lang === 'zh-CN' ? tasksZh : en;
}
