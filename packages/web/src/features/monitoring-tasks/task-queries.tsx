/**
 * Server state of the task inbox: the answers' types from the server's zod schemas (type-only,
 * erased at build time), so a change there fails this type-check instead of drifting.
 */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TaskUpdate } from '@anju/core';
import type { taskOutput, taskPage } from '../../../../server/src/features/assistance/assistance-schemas.js';
import { api, type Query } from '../../api/client';

export type AssistanceTask = z.infer<typeof taskOutput>;
export type TaskPage = z.infer<typeof taskPage>;
export type TaskStatus = AssistanceTask['status'];
/** What the inbox sends: the new status with its outcome and date (the version goes beside it). */
export type TaskChange = Omit<TaskUpdate, 'version'>;

export const tasksKey = ['monitoring', 'tasks'] as const;

export function useTasks(query: Query) {
  return useQuery({
    queryKey: [...tasksKey, query],
    queryFn: () => api.get<TaskPage>('/monitoring/tasks', query),
    placeholderData: (previous) => previous,
  });
}

export function patchTask(id: string, change: TaskChange, version: number) {
  return api.patch<AssistanceTask>(`/monitoring/tasks/${id}`, { ...change, version });
}
