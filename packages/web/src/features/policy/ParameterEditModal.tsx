/**
 * 修改参数: a new value in force from a date, with its source and the reason. The server re-checks
 * the whole pack; a refusal (422) lists its reasons above the form, which keeps what was typed.
 */
import { useState } from 'react';
import { App, DatePicker, Form, Input, InputNumber, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import type { PolicyParameter } from '@anju/core/policy/pack-schema';
import { inForceOn } from '@anju/core/policy/versions';
import { today } from './benefit-format';
import { PackIssuesAlert } from './PackIssues';
import { usePolicyMessages } from './policy-messages';
import { editParameter } from './policy-queries';

interface Values {
  value: number | null;
  from: Dayjs | null;
  source: string;
  change: string;
}

export function ParameterEditModal({ packCode, param, onClose }: { packCode: string; param: PolicyParameter; onClose(): void }) {
  const p = usePolicyMessages();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const current = inForceOn(param.versions, today());

  async function submit(v: Values) {
    setSaving(true);
    setError(null);
    try {
      await editParameter(packCode, param.name, {
        from: v.from!.format('YYYY-MM-DD'),
        value: v.value ?? null,
        source: v.source?.trim() || undefined,
        change: v.change.trim(),
      });
      message.success(p.saved);
      await queryClient.invalidateQueries({ queryKey: ['policy'] });
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      width={720}
      title={p.editParameterTitle(param.title)}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'param-edit-submit' }}
      destroyOnHidden
    >
      <PackIssuesAlert error={error} />
      <Typography.Paragraph type="secondary">
        {param.name}
        {param.clause ? ` · ${p.clause} ${param.clause}` : ''}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ value: current?.value ?? null, from: dayjs(), source: '', change: '' }}
        data-testid="param-edit-form"
      >
        <Form.Item name="value" label={`${p.newValue}${param.unit ? `（${param.unit}）` : ''}`} extra={p.newValueHint}>
          <InputNumber style={{ width: 240 }} step={1} placeholder={p.local} data-testid="param-value-input" />
        </Form.Item>
        <Form.Item name="from" label={p.from} rules={[{ required: true, message: p.fromRequired }]}>
          <DatePicker style={{ width: 240 }} data-testid="param-from" />
        </Form.Item>
        <Form.Item name="source" label={p.source}>
          <Input maxLength={200} placeholder={p.sourcePlaceholder} data-testid="param-source" />
        </Form.Item>
        <Form.Item name="change" label={p.change} rules={[{ required: true, whitespace: true, min: 2, message: p.changeRequired }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder={p.changePlaceholder} data-testid="param-change" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
