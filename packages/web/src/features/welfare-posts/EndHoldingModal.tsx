/** 离岗: the last day on the post and why; the holding stays in the post's history. */
import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { holdingEnd } from '@anju/core';
import type { PostOutput } from '../../api/types';
import { useMessages } from '../../i18n/locale';
import { errorText } from '../../shared/ErrorState';
import { zodRule } from '../../shared/zod-rules';
import { endHolding } from './welfare-post-queries';

const f = holdingEnd.shape;
type Holder = NonNullable<PostOutput['currentHolder']>;

export function EndHoldingModal({ postId, holder, onClose, onDone }: { postId: string; holder: Holder; onClose(): void; onDone(): void }) {
  const m = useMessages();
  const [form] = Form.useForm<{ endDate: Dayjs | null; reason: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal open title={m.welfarePost.endTitle(holder.name)} onCancel={onClose} onOk={() => form.submit()} okText={m.common.save} confirmLoading={saving} destroyOnHidden data-testid="end-modal">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="end-error" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ endDate: dayjs(), reason: '' }}
        onFinish={async (v) => {
          setSaving(true);
          setError(null);
          try {
            await endHolding(postId, holder.holdingId, { endDate: v.endDate?.format('YYYY-MM-DD') ?? '', reason: v.reason });
            onDone();
          } catch (e) {
            setError(errorText(e, m.common.networkError));
          } finally {
            setSaving(false);
          }
        }}
      >
        <Form.Item name="endDate" label={m.welfarePost.endDate} required rules={[zodRule(f.endDate, 'string', (v: Dayjs | null) => v?.format('YYYY-MM-DD'))]}>
          <DatePicker style={{ width: '100%' }} minDate={dayjs(holder.startDate)} data-testid="field-endDate" />
        </Form.Item>
        <Form.Item name="reason" label={m.welfarePost.endReason} required rules={[zodRule(f.reason)]}>
          <Input.TextArea rows={2} maxLength={200} data-testid="field-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
