/** 结业: the day and, when the course gives a certificate, its number (持证). */
import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { enrolmentCompletion } from '@anju/core';
import type { EnrolmentOutput } from '../../api/types';
import { useMessages } from '../../i18n/locale';
import { errorText } from '../../shared/ErrorState';
import { zodRule } from '../../shared/zod-rules';
import { completeEnrolment } from './training-queries';

const f = enrolmentCompletion.shape;

export function CompleteModal({ enrolment, onClose, onDone }: { enrolment: EnrolmentOutput; onClose(): void; onDone(): void }) {
  const m = useMessages();
  const [form] = Form.useForm<{ completedOn: Dayjs | null; certificateNo: string | null }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const end = dayjs(enrolment.courseEndDate);
  const initial = { completedOn: enrolment.completedOn ? dayjs(enrolment.completedOn) : end.isAfter(dayjs()) ? dayjs() : end, certificateNo: enrolment.certificateNo };
  return (
    <Modal
      open
      title={m.training.completeTitle(enrolment.person.name)}
      onCancel={onClose}
      okText={m.common.save}
      confirmLoading={saving}
      onOk={() => form.submit()}
      destroyOnHidden
      data-testid="complete-modal"
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="complete-error" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={async (v) => {
          setSaving(true);
          setError(null);
          try {
            await completeEnrolment(enrolment.id, { completedOn: v.completedOn?.format('YYYY-MM-DD') ?? '', certificateNo: v.certificateNo?.trim() || null, version: enrolment.version });
            onDone();
          } catch (e) {
            setError(errorText(e, m.common.networkError));
          } finally {
            setSaving(false);
          }
        }}
      >
        <Form.Item name="completedOn" label={m.training.completedOn} required rules={[zodRule(f.completedOn, 'string', (v: Dayjs | null) => v?.format('YYYY-MM-DD'))]}>
          <DatePicker style={{ width: '100%' }} minDate={dayjs(enrolment.courseStartDate)} maxDate={dayjs()} data-testid="field-completedOn" />
        </Form.Item>
        <Form.Item name="certificateNo" label={`${m.training.certificateNo}（${enrolment.courseCertificate ?? m.training.noCertificate}）`} rules={[zodRule(f.certificateNo, 'string')]}>
          <Input disabled={!enrolment.courseCertificate} data-testid="field-certificateNo" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
