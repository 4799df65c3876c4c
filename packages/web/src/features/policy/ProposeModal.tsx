/**
 * 按政策生成待审核名单: for a division and a date, one proposal per eligible subject and rule;
 * the answer says how many were proposed and how many were skipped, and why.
 */
import { useState } from 'react';
import { Alert, DatePicker, Form, Modal, Result } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useMessages } from '../../i18n/locale';
import { DivisionTreeSelect, type DivisionValue } from '../../shared/DivisionTreeSelect';
import { errorText } from '../../shared/ErrorState';
import { useDivision } from '../layout/division-context';
import { usePolicyMessages } from './policy-messages';
import { proposeEntitlements } from './policy-queries';
import type { ProposalResult } from './policy-types';

interface Values {
  division: DivisionValue;
  asOf: Dayjs;
}

export function ProposeModal({ division, onClose }: { division: string; onClose(): void }) {
  const m = useMessages();
  const p = usePolicyMessages();
  const { home } = useDivision();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<ProposalResult | null>(null);

  async function submit(v: Values) {
    setBusy(true);
    setError(null);
    try {
      setDone(await proposeEntitlements(v.division.code, v.asOf.format('YYYY-MM-DD')));
      await queryClient.invalidateQueries({ queryKey: ['policy', 'entitlements'] });
    } catch (e) {
      setError(errorText(e, m.common.networkError));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={p.proposeTitle}
      onCancel={onClose}
      onOk={() => (done ? onClose() : form.submit())}
      okText={done ? m.common.confirm : p.propose}
      cancelButtonProps={done ? { style: { display: 'none' } } : undefined}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'propose-submit' }}
      destroyOnHidden
    >
      {done ? (
        <Result
          status="success"
          title={<span data-testid="propose-result">{p.proposed(done.proposed)}</span>}
          subTitle={`${p.skippedGranted(done.skipped.granted)}；${p.skippedExhausted(done.skipped.exhausted)}`}
        />
      ) : (
        <>
          <Alert type="info" showIcon title={p.proposeHint} style={{ marginBottom: 12 }} />
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="propose-error" />}
          <Form<Values> form={form} layout="vertical" initialValues={{ division: { code: division, name: '' }, asOf: dayjs() }} onFinish={(v) => void submit(v)}>
            <Form.Item name="division" label={p.division} required>
              <DivisionPicker home={home} />
            </Form.Item>
            <Form.Item name="asOf" label={p.asOf} required>
              <DatePicker allowClear={false} style={{ width: 200 }} data-testid="propose-asof" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}

function DivisionPicker({ value, onChange, home }: { value?: DivisionValue; onChange?: (v: DivisionValue) => void; home: string }) {
  return <DivisionTreeSelect value={value} onChange={(v) => onChange?.(v)} home={home} testId="propose-division" style={{ width: '100%' }} />;
}
