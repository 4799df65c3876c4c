/**
 * Moving a task on (开始办理, 办结) at the version the inbox showed. A stale version comes back
 * 409 with the server's copy: the conflict dialog shows both, unless the task has meanwhile
 * been finished or withdrawn, which no overwrite can undo — then the inbox just refreshes.
 */
import { useEffect } from 'react';
import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useLabels, useMessages } from '../../i18n/locale';
import { ConflictDialog, type ConflictField } from '../../shared/ConflictDialog';
import { errorText } from '../../shared/ErrorState';
import { useVersionedSave } from '../../shared/use-versioned-save';
import { patchTask, tasksKey, type AssistanceTask, type TaskChange } from './task-queries';
import { useTasksMessages } from './tasks-messages';

interface Move extends TaskChange {
  id: string;
}

export function useTaskUpdate() {
  const m = useMessages();
  const t = useTasksMessages();
  const labels = useLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const saver = useVersionedSave<Move, AssistanceTask, AssistanceTask>(({ id, ...change }, version) => patchTask(id, change, version!));
  const refresh = () => queryClient.invalidateQueries({ queryKey: tasksKey });

  /** Sends the change; true when saved, false on a conflict (dialog open); throws other errors. */
  async function move(task: AssistanceTask, change: TaskChange, version = task.version): Promise<boolean> {
    const saved = await saver.submit({ id: task.id, ...change }, version);
    if (!saved) return false;
    message.success(saved.status === 'done' ? t.finished : t.started);
    await refresh();
    return true;
  }

  const conflict = saver.conflict;
  const closed = conflict && (conflict.current.status === 'done' || conflict.current.status === 'cancelled');
  const closedMessage = closed ? conflict.message : null;
  const { dismiss } = saver;
  useEffect(() => {
    if (!closedMessage) return;
    // Nothing to choose: say why and take the server's copy.
    message.warning(closedMessage);
    dismiss();
    void queryClient.invalidateQueries({ queryKey: tasksKey });
  }, [closedMessage, dismiss, message, queryClient]);

  const fields: ConflictField[] = [
    { key: 'status', label: t.status, format: (v) => (v ? (t.statuses[String(v)] ?? String(v)) : m.common.none) },
    { key: 'outcome', label: t.outcome },
    { key: 'doneOn', label: t.doneOn },
    { key: 'department', label: t.department, format: (v) => labels.label('departments', v as string) },
  ];

  const dialog =
    conflict && !closed ? (
      <ConflictDialog
        open
        message={conflict.message}
        fields={fields}
        mine={{ ...conflict.current, ...conflict.mine } as unknown as Record<string, unknown>}
        theirs={conflict.current as unknown as Record<string, unknown>}
        busy={saver.pending}
        onCancel={saver.dismiss}
        onUseTheirs={() => {
          saver.dismiss();
          void refresh();
        }}
        onOverwrite={() => {
          void saver
            .overwrite()
            .then(async (saved) => {
              if (!saved) return;
              message.success(saved.status === 'done' ? t.finished : t.started);
              await refresh();
            })
            .catch((error: unknown) => message.error(errorText(error, m.common.networkError)));
        }}
      />
    ) : null;

  return { move, pending: saver.pending, dialog };
}
