/** 办结: the outcome (required, the shared schema's words) and the day the task was done. */
import { useState } from 'react';
import { Alert, DatePicker, Descriptions, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { taskUpdate } from '@anju/core';
import { isApiError } from '../../api/errors';
import { useLabels, useMessages } from '../../i18n/locale';
import { errorText } from '../../shared/ErrorState';
import { showFieldIssues, zodIssues } from '../../shared/zod-rules';
import type { AssistanceTask } from './task-queries';
import { useTasksMessages } from './tasks-messages';

interface Values {
  outcome: string;
  doneOn: Dayjs | null;
}

interface Props {
  task: AssistanceTask;
  /** Sends the change; false when a conflict took over (the dialog shows it). */
  onFinish(outcome: string, doneOn: string): Promise<boolean>;
  onClose(): void;
}

export function FinishTaskModal({ task, onFinish, onClose }: Props) {
  const m = useMessages();
  const t = useTasksMessages();
  const labels = useLabels();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(values: Values) {
    setError(null);
    const doneOn = values.doneOn?.format('YYYY-MM-DD') ?? '';
    const parsed = taskUpdate.safeParse({ status: 'done', outcome: values.outcome ?? '', doneOn, version: task.version });
    if (!parsed.success) {
      const rest = showFieldIssues(form, zodIssues(parsed.error));
      if (rest.length > 0) setError(rest.map((i) => i.message).join('；'));
      return;
    }
    setSaving(true);
    try {
      // Saved or handed to the conflict dialog: either way this form is done.
      await onFinish(parsed.data.outcome ?? '', doneOn);
      onClose();
    } catch (e) {
      const rest = isApiError(e, 'VALIDATION') ? showFieldIssues(form, e.details) : [];
      setError(isApiError(e, 'VALIDATION') && rest.length === 0 && e.details.length > 0 ? m.common.validationFailed : errorText(e, m.common.networkError));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t.finishTitle}
      onCancel={onClose}
      okText={t.finish}
      confirmLoading={saving}
      onOk={() => form.submit()}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'task-finish-submit' }}
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'household', label: t.household, children: `${task.householdNo} ${task.headName}` },
          { key: 'task', label: t.task, children: task.title },
          { key: 'department', label: t.department, children: labels.label('departments', task.department) },
          { key: 'due', label: t.dueOn, children: task.dueOn },
        ]}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="task-finish-error" />}
      <Form form={form} layout="vertical" initialValues={{ outcome: task.outcome ?? '', doneOn: dayjs() }} onFinish={(v) => void submit(v)} data-testid="task-finish-form">
        <Form.Item name="outcome" label={t.outcome} required>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t.outcomePlaceholder} data-testid="task-outcome" />
        </Form.Item>
        <Form.Item name="doneOn" label={t.doneOn} required rules={[{ required: true, message: t.doneOnRequired }]}>
          <DatePicker style={{ width: '100%' }} maxDate={dayjs()} data-testid="task-done-on" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
