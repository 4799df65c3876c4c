/**
 * A row's decisions: 审核通过 (asking the amount when the rule leaves it to local decision),
 * 登记发放, 不予通过 (with a reason; an approval only by those who approve). Each sends the row's
 * version; a stale one (409) says so.
 */
import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Popconfirm, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/errors';
import { useMessages } from '../../i18n/locale';
import { errorText } from '../../shared/ErrorState';
import { useSession } from '../auth/session';
import { usePolicyMessages } from './policy-messages';
import { decideEntitlement, type EntitlementAction } from './policy-queries';
import type { Entitlement } from './policy-types';

type Asking = 'amount' | 'reason' | null;

export function EntitlementActions({ e }: { e: Entitlement }) {
  const m = useMessages();
  const p = usePolicyMessages();
  const session = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<Asking>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ amount: number | null; reason: string }>();

  async function act(action: EntitlementAction, extra: { amount?: number; reason?: string } = {}) {
    setBusy(true);
    try {
      await decideEntitlement(e.id, action, { version: e.version, ...extra });
      message.success(action === 'approve' ? p.approvedOk : action === 'pay' ? p.paidOk : p.rejectedOk);
      setAsking(null);
    } catch (err) {
      message.error(isApiError(err, 'CONFLICT') ? p.stale : errorText(err, m.common.networkError));
      if (isApiError(err, 'CONFLICT')) setAsking(null);
    } finally {
      setBusy(false);
      void queryClient.invalidateQueries({ queryKey: ['policy', 'entitlements'] });
    }
  }

  const canApprove = session.can('entitlements.approve');
  const canPropose = session.can('entitlements.propose');
  return (
    <>
      <Space size={0} wrap>
        {e.status === 'proposed' && canApprove &&
          (e.amount === null ? (
            <Button type="link" size="small" onClick={() => setAsking('amount')} data-testid="entitlement-approve">
              {p.approve}
            </Button>
          ) : (
            <Popconfirm title={p.approveConfirm} onConfirm={() => act('approve')}>
              <Button type="link" size="small" data-testid="entitlement-approve">
                {p.approve}
              </Button>
            </Popconfirm>
          ))}
        {e.status === 'approved' && canApprove && (
          <Popconfirm title={p.payConfirm} onConfirm={() => act('pay')}>
            <Button type="link" size="small" data-testid="entitlement-pay">
              {p.pay}
            </Button>
          </Popconfirm>
        )}
        {((e.status === 'proposed' && canPropose) || (e.status === 'approved' && canApprove)) && (
          <Button type="link" size="small" danger onClick={() => setAsking('reason')} data-testid="entitlement-reject">
            {p.reject}
          </Button>
        )}
      </Space>
      <Modal
        open={asking !== null}
        title={asking === 'amount' ? p.approveTitle : p.rejectTitle}
        onCancel={() => setAsking(null)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        okButtonProps={{ 'data-testid': 'entitlement-decide-submit', danger: asking === 'reason' }}
        destroyOnHidden
      >
        <p>
          {e.subjectLabel} · {e.ruleTitle}
        </p>
        <Form form={form} layout="vertical" preserve={false} onFinish={(v) => void (asking === 'amount' ? act('approve', { amount: v.amount ?? undefined }) : act('reject', { reason: v.reason.trim() }))}>
          {asking === 'amount' && (
            <Form.Item name="amount" label={p.approveAmount} extra={p.approveAmountHint} rules={[{ required: true, message: p.amountRequired }]}>
              <InputNumber min={0} style={{ width: 200 }} data-testid="entitlement-amount" />
            </Form.Item>
          )}
          {asking === 'reason' && (
            <Form.Item
              name="reason"
              label={p.rejectReason}
              required
              rules={[{ validator: (_, v: string | undefined) => ((v ?? '').trim().length >= 4 ? Promise.resolve() : Promise.reject(new Error(p.reasonTooShort))) }]}
            >
              <Input.TextArea rows={3} maxLength={500} placeholder={p.rejectReasonHint} data-testid="entitlement-reason" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
