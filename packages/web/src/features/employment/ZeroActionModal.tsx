/** What a zero-employment household is given (推荐岗位、公益岗位、培训…) and who answers for it. */
import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { zeroEmploymentActionInput } from '@anju/core';
import { api } from '../../api/client';
import { isApiError } from '../../api/errors';
import { useLabels, useMessages } from '../../i18n/locale';
import { errorText } from '../../shared/ErrorState';
import type { ZeroCase } from './employment-queries';

interface ActionValues {
  action?: string;
  responsible?: string;
  note?: string;
}

const inputSchema = zeroEmploymentActionInput.omit({ version: true });

export function ZeroActionModal({ item, onClose }: { item: ZeroCase | null; onClose(): void }) {
  const m = useMessages();
  const e = m.employment;
  const labels = useLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ActionValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!item) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({ action: item.action ?? undefined, responsible: item.responsible ?? '', note: item.actionNote ?? '' });
  }, [item, form]);

  async function submit() {
    if (!item) return;
    setError(null);
    const values = form.getFieldsValue(true) as ActionValues;
    const parsed = inputSchema.safeParse({ action: values.action, responsible: values.responsible ?? '', note: values.note ?? '' });
    if (!parsed.success) {
      form.setFields(parsed.error.issues.map((i) => ({ name: String(i.path[0]) as keyof ActionValues, errors: [i.message] })));
      return;
    }
    setSaving(true);
    try {
      await api.put(`/employment/zero-households/${item.id}/action`, { ...parsed.data, version: item.version });
      message.success(e.actionSaved);
      await queryClient.invalidateQueries({ queryKey: ['employment', 'zero'] });
      onClose();
    } catch (err) {
      if (isApiError(err, 'VALIDATION') && err.details.length > 0) {
        form.setFields(err.details.map((i) => ({ name: i.path.split('.')[0] as keyof ActionValues, errors: [i.message] })));
      }
      setError(errorText(err, m.common.networkError));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={!!item}
      title={item ? `${e.actionTitle} · ${item.householdNo}` : e.actionTitle}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'zero-action-submit' }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="zero-action-error" />}
      <Form form={form} layout="vertical" data-testid="zero-action-form">
        <Form.Item name="action" label={e.action} required>
          <Select options={labels.options('zeroEmploymentActions')} data-testid="zero-action" />
        </Form.Item>
        <Form.Item name="responsible" label={e.responsible} required>
          <Input maxLength={50} data-testid="zero-responsible" />
        </Form.Item>
        <Form.Item name="note" label={e.note}>
          <Input.TextArea rows={3} maxLength={500} data-testid="zero-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
