/** 确认转换: the day civil affairs confirmed the urban standard applies; the deadline runs from it. */
import { useState } from 'react';
import { Alert, App, DatePicker, Descriptions, Form, Input, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { conversionInput } from '@anju/core';
import { isApiError } from '../../api/errors';
import { useLabels, useMessages } from '../../i18n/locale';
import { errorText } from '../../shared/ErrorState';
import { showFieldIssues, zodIssues } from '../../shared/zod-rules';
import { useConversionMessages } from './conversion-messages';
import { confirmConversion, conversionsKey, type Candidate } from './conversion-queries';

interface Values {
  confirmedOn: Dayjs | null;
  note: string;
}

export function ConfirmModal({ candidate, onClose }: { candidate: Candidate; onClose(): void }) {
  const m = useMessages();
  const c = useConversionMessages();
  const labels = useLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(values: Values) {
    setError(null);
    const parsed = conversionInput.safeParse({ personId: candidate.personId, confirmedOn: values.confirmedOn?.format('YYYY-MM-DD') ?? '', note: values.note?.trim() || null });
    if (!parsed.success) {
      const rest = showFieldIssues(form, zodIssues(parsed.error));
      if (rest.length > 0) setError(rest.map((i) => i.message).join('；'));
      return;
    }
    setSaving(true);
    try {
      const saved = await confirmConversion(parsed.data);
      message.success(c.confirmed(saved.dueOn));
      await queryClient.invalidateQueries({ queryKey: conversionsKey });
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
      title={c.confirmTitle(candidate.name)}
      okText={c.confirm}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'conversion-confirm-submit' }}
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'id', label: c.idNumber, children: <span className="masked">{candidate.idNumber}</span> },
          { key: 'household', label: c.household, children: candidate.householdNo },
          { key: 'site', label: c.site, children: candidate.siteName },
          { key: 'change', label: c.current, children: `${labels.label('safetyNetStates', candidate.safetyNet)} → ${labels.label('safetyNetStates', candidate.toState)}` },
        ]}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="conversion-error" />}
      <Form form={form} layout="vertical" initialValues={{ confirmedOn: dayjs(), note: '' }} onFinish={(v) => void submit(v)} data-testid="conversion-confirm-form">
        <Form.Item name="confirmedOn" label={c.confirmedOn} required extra={c.confirmHint} rules={[{ required: true, message: c.confirmedOnRequired }]}>
          <DatePicker style={{ width: '100%' }} maxDate={dayjs()} data-testid="conversion-confirmed-on" />
        </Form.Item>
        <Form.Item name="note" label={c.note}>
          <Input.TextArea rows={2} maxLength={500} data-testid="conversion-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
