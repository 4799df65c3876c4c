/** The plan's add forms: a need (kind, description) and a task (measure, department, title, due date). */
import { useState } from 'react';
import { Button, DatePicker, Form, Input, Select, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useLabels, useMessages } from '../../i18n/locale';
import { errorText } from '../../shared/ErrorState';
import { useMonitoringMessages } from './monitoring-messages';
import { addNeed, addTask, refreshMonitoring } from './monitoring-queries';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

function useAdd<V>(save: (v: V) => Promise<unknown>) {
  const m = useMessages();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(v: V) {
    setBusy(true);
    setError(null);
    try {
      await save(v);
      form.resetFields();
      void refreshMonitoring(queryClient);
    } catch (e) {
      setError(errorText(e, m.common.networkError));
    } finally {
      setBusy(false);
    }
  }
  return { form, busy, error, submit };
}

export function NeedForm({ caseId }: { caseId: string }) {
  const t = useMonitoringMessages();
  const add = useAdd<{ kind: string; description: string }>((v) => addNeed(caseId, { kind: v.kind, description: v.description.trim() }));
  return (
    <Form form={add.form} layout="inline" onFinish={(v) => void add.submit(v)} style={{ rowGap: 8, marginBottom: 8 }} data-testid="need-form">
      <Form.Item name="kind" rules={[{ required: true, message: t.required }]}>
        <Select placeholder={t.needKind} options={options(t.needKinds)} style={{ width: 140 }} data-testid="need-kind" />
      </Form.Item>
      <Form.Item name="description" rules={[{ required: true, whitespace: true, message: t.required }]}>
        <Input placeholder={t.needDescription} maxLength={500} style={{ width: 260, maxWidth: '100%' }} data-testid="need-description" />
      </Form.Item>
      <Button htmlType="submit" loading={add.busy} data-testid="need-submit">
        {t.addNeed}
      </Button>
      {add.error && <Typography.Text type="danger">{add.error}</Typography.Text>}
    </Form>
  );
}

interface TaskValues {
  measure: string;
  department: string;
  title: string;
  dueOn: Dayjs;
}

export function TaskForm({ caseId }: { caseId: string }) {
  const t = useMonitoringMessages();
  const labels = useLabels();
  const add = useAdd<TaskValues>((v) => addTask(caseId, { measure: v.measure, department: v.department, title: v.title.trim(), dueOn: v.dueOn.format('YYYY-MM-DD') }));
  return (
    <Form form={add.form} layout="inline" onFinish={(v) => void add.submit(v)} style={{ rowGap: 8, marginBottom: 8 }} data-testid="task-form">
      <Form.Item name="measure" rules={[{ required: true, message: t.required }]}>
        <Select placeholder={t.measure} options={options(t.measures)} style={{ width: 130 }} data-testid="task-measure" />
      </Form.Item>
      <Form.Item name="department" rules={[{ required: true, message: t.required }]}>
        <Select placeholder={t.department} options={labels.options('departments')} style={{ width: 130 }} data-testid="task-department" />
      </Form.Item>
      <Form.Item name="title" rules={[{ required: true, whitespace: true, message: t.required }]}>
        <Input placeholder={t.taskTitle} maxLength={200} style={{ width: 240, maxWidth: '100%' }} data-testid="task-title" />
      </Form.Item>
      <Form.Item name="dueOn" rules={[{ required: true, message: t.dateRequired }]}>
        <DatePicker placeholder={t.dueOn} data-testid="task-due" />
      </Form.Item>
      <Button htmlType="submit" loading={add.busy} data-testid="task-submit">
        {t.addTask}
      </Button>
      {add.error && <Typography.Text type="danger" data-testid="task-error">{add.error}</Typography.Text>}
    </Form>
  );
}
