/**
 * A closed period is changed only by a correction with a reason (monitor, administrator); the
 * corrections already made are listed with what each one changed. Others see the list only.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Col, Empty, Form, Input, Modal, Row, Spin, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { labourCorrection, labourFacts } from '@anju/core';
import dayjs from 'dayjs';
import { isApiError } from '../../api/errors';
import { useLabels, useMessages } from '../../i18n/locale';
import { errorText } from '../../shared/ErrorState';
import { useSession } from '../auth/session';
import { correctRecord, readIncome, useCorrections, type Correction, type LabourRecord } from './employment-queries';
import { FactInput } from './FactInputs';
import { FACT_KEYS, factLabel, fieldOf, formatFact, toFacts, toValues, type FactKey, type FactValues } from './fact-format';

type CorrectionValues = FactValues & { reason: string };

function Changes({ c }: { c: Correction }) {
  const m = useMessages();
  const labels = useLabels();
  const keys = FACT_KEYS.filter((k) => JSON.stringify(c.before?.[k] ?? null) !== JSON.stringify(c.after?.[k] ?? null));
  return (
    <ul className="history-change">
      {keys.map((k) => (
        <li key={k}>
          {factLabel(m, k)}：{k === 'monthlyIncome' ? m.employment.incomeHidden : formatFact(m, labels, k, c.before?.[k])} → {k === 'monthlyIncome' ? m.employment.incomeHidden : formatFact(m, labels, k, c.after?.[k])}
        </li>
      ))}
    </ul>
  );
}

export function CorrectionModal({ record, onClose }: { record: LabourRecord | null; onClose(): void }) {
  const m = useMessages();
  const e = m.employment;
  const { message } = App.useApp();
  const session = useSession();
  const queryClient = useQueryClient();
  const canCorrect = session.can('employment.period');
  const corrections = useCorrections(record);
  const [form] = Form.useForm<CorrectionValues>();
  const state = Form.useWatch('state', form);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!record || !canCorrect) return;
    let live = true;
    setReady(false);
    setError(null);
    // Every fact is sent back, so a hidden income is read first (an audited read).
    const income = record.incomeMasked ? readIncome(record) : Promise.resolve(record.facts.monthlyIncome);
    income
      .then((value) => {
        if (!live) return;
        form.resetFields();
        form.setFieldsValue({ ...toValues(record.facts, value), reason: '' });
        setReady(true);
      })
      .catch((err: unknown) => live && setError(errorText(err, m.common.networkError)));
    return () => {
      live = false;
    };
  }, [record, canCorrect, form, m]);

  async function submit() {
    if (!record) return;
    setError(null);
    const values = form.getFieldsValue(true) as CorrectionValues;
    const facts = labourFacts.safeParse(toFacts(values, record.facts));
    const reason = labourCorrection.shape.reason.safeParse(values.reason ?? '');
    const issues = [...(facts.success ? [] : facts.error.issues), ...(reason.success ? [] : reason.error.issues.map((i) => ({ ...i, path: ['reason'] })))];
    if (!facts.success || !reason.success) {
      form.setFields(issues.map((i) => ({ name: fieldOf(i.path.map(String).join('.')) as keyof CorrectionValues, errors: [i.message] })));
      return;
    }
    setSaving(true);
    try {
      await correctRecord(record, facts.data, record.version, reason.data);
      message.success(e.correctionSaved);
      await queryClient.invalidateQueries({ queryKey: ['employment'] });
      onClose();
    } catch (err) {
      if (isApiError(err, 'VALIDATION') && err.details.length > 0) {
        form.setFields(err.details.map((i) => ({ name: fieldOf(i.path) as keyof CorrectionValues, errors: [i.message] })));
      }
      setError(errorText(err, m.common.networkError));
    } finally {
      setSaving(false);
    }
  }

  const fields: FactKey[] = FACT_KEYS;
  return (
    <Modal
      open={!!record}
      title={`${canCorrect ? e.correctionTitle : e.correctionsTitle} · ${record?.period ?? ''}`}
      width={760}
      onCancel={onClose}
      onOk={canCorrect ? () => void submit() : onClose}
      okText={canCorrect ? e.correct : m.common.confirm}
      okButtonProps={{ disabled: canCorrect && !ready, 'data-testid': 'correction-submit' }}
      confirmLoading={saving}
      cancelButtonProps={canCorrect ? undefined : { style: { display: 'none' } }}
      destroyOnHidden
    >
      <div data-testid="correction-dialog">
        {record && (
          <Typography.Paragraph>
            <b>{record.name}</b> · {record.householdNo}
          </Typography.Paragraph>
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="correction-error" />}
        {canCorrect && (
          <Spin spinning={!ready && !error}>
            <Form form={form} layout="vertical" requiredMark={false}>
              <Row gutter={12}>
                {fields.map((k) => (
                  <Col xs={12} sm={8} key={k}>
                    <Form.Item name={k} label={factLabel(m, k)} style={{ marginBottom: 10 }}>
                      <FactInput field={k} employed={state === 'employed'} />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
              <Form.Item name="reason" label={e.reason} required>
                <Input.TextArea rows={2} maxLength={500} placeholder={e.reasonPlaceholder} data-testid="correction-reason" />
              </Form.Item>
            </Form>
          </Spin>
        )}
        <Typography.Title level={5}>{e.correctionsTitle}</Typography.Title>
        {corrections.isLoading && <Spin />}
        {corrections.data && corrections.data.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={e.noCorrections} />}
        <div data-testid="corrections-list">
          {corrections.data?.map((c) => (
            <div key={c.id} className="correction-item" data-testid="correction-item" style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Typography.Text type="secondary">{e.correctionBy(c.by ?? '—', dayjs(c.at).format('YYYY-MM-DD HH:mm'))}</Typography.Text>
              <div>{c.reason}</div>
              <Changes c={c} />
            </div>
          ))}
        </div>
      </div>
    </Modal>
  );
}
