import { z } from 'zod';
import { recordId } from '@anju/core';
import { pageOf, pageQuery } from '../../platform/paging.js';

const division = z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})?$/, '行政区划代码须为2、4、6、9或12位数字');

export const caseParams = z.object({ id: recordId('监测对象编号') });

export const needOutput = z.object({
  id: z.string(),
  kind: z.string(),
  description: z.string(),
  username: z.string(),
  createdAt: z.string(),
});
export type NeedOutput = z.infer<typeof needOutput>;

export const taskOutput = z.object({
  id: z.string(),
  caseId: z.string(),
  householdId: z.string(),
  householdNo: z.string(),
  headName: z.string(),
  divisionCode: z.string(),
  divisionName: z.string(),
  measure: z.string(),
  department: z.string(),
  title: z.string(),
  dueOn: z.string(),
  status: z.enum(['assigned', 'in_progress', 'done', 'cancelled']),
  outcome: z.string().nullable(),
  doneOn: z.string().nullable(),
  late: z.boolean().describe('未办结且已过办理时限'),
  version: z.number(),
});
export type TaskOutput = z.infer<typeof taskOutput>;

export const planOutput = z.object({ needs: z.array(needOutput), tasks: z.array(taskOutput) });
export type PlanOutput = z.infer<typeof planOutput>;

export const taskListQuery = pageQuery.extend({
  division: division.optional().describe('不填为本人所属区划'),
  department: z.string().optional().describe('责任部门；部门用户只看本部门'),
  status: z.enum(['assigned', 'in_progress', 'done', 'cancelled', 'open']).optional().describe('open：已交办和办理中'),
  late: z.enum(['true', 'false']).optional().describe('true：仅逾期未办结'),
});
export type TaskListQuery = z.infer<typeof taskListQuery>;

export const taskPage = pageOf(taskOutput);
