/** 登记对接结果: hired, declined or not hired, on a date, with a note; checked with the shared schema. */
import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { referralOutcomeInput } from '@anju/core';
import { isApiError } from '../../api/errors';
import type { ReferralOutput } from '../../api/types';
import { useLabels, useMessages } from '../../i18n/locale';
import { errorText } from '../../shared/ErrorState';
import { zodRule } from '../../shared/zod-rules';
import { recordOutcome } from './job-opening-queries';

interface Values {
  outcome?: string;
  outcomeOn: Dayjs | null;
  note: string | null;
}

const f = referralOutcomeInput.shape;

export function OutcomeModal({ referral, onClose }: { referral: ReferralOutput | null; onClose(): void }) {
  const m = useMessages();
  const labels = useLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The form is destroyed on close, so each opening starts from this referral's values.
  const initial: Values | undefined = referral
    ? { outcome: referral.outcome === 'pending' ? undefined : referral.outcome, outcomeOn: referral.outcomeOn ? dayjs(referral.outcomeOn) : dayjs(), note: referral.note }
    : undefined;
  function close() {
    setError(null);
    onClose();
  }

  async function submit() {
    const v = await form.validateFields();
    const parsed = referralOutcomeInput.safeParse({ outcome: v.outcome, outcomeOn: v.outcomeOn?.format('YYYY-MM-DD'), note: v.note ?? null, version: referral!.version });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? m.common.validationFailed);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await recordOutcome(referral!.openingId, referral!.id, parsed.data);
      message.success(m.common.saved);
      void queryClient.invalidateQueries({ queryKey: ['job-openings'] });
      close();
    } catch (e) {
      if (isApiError(e, 'CONFLICT')) {
        // Someone recorded it first: close, refresh the list, and let the user look again.
        message.error(e.message);
        void queryClient.invalidateQueries({ queryKey: ['job-openings'] });
        close();
      } else setError(errorText(e, m.common.networkError));
    } finally {
      setBusy(false);
    }
  }

  const outcomes = labels.options('referralOutcomes').filter((o) => o.value !== 'pending');
  return (
    <Modal open={!!referral} title={`${m.jobOpening.outcomeTitle} · ${referral?.name ?? ''}`} onCancel={close} onOk={() => void submit()} confirmLoading={busy} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="outcome-error" />}
      <Form form={form} layout="vertical" initialValues={initial} key={referral?.id}>
        <Form.Item name="outcome" label={m.jobOpening.outcome} required rules={[zodRule(f.outcome)]}>
          <Select options={outcomes} data-testid="field-outcome" />
        </Form.Item>
        <Form.Item name="outcomeOn" label={m.jobOpening.outcomeOn} required rules={[zodRule(f.outcomeOn, 'string', (d: Dayjs | null) => d?.format('YYYY-MM-DD'))]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="note" label={m.jobOpening.note} rules={[zodRule(f.note, 'null')]}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
