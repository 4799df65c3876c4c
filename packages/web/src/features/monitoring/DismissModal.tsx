/**
 * 排除预警: a reason of at least 4 characters, sent with the warning's version. When someone else
 * has handled the warning meanwhile (409), the conflict dialog shows theirs beside mine; mine can
 * still be sent on top of their version while the warning is open.
 */
import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { isApiError } from '../../api/errors';
import { useMessages } from '../../i18n/locale';
import { ConflictDialog } from '../../shared/ConflictDialog';
import { errorText } from '../../shared/ErrorState';
import { useMonitoringMessages } from './monitoring-messages';
import { dismissWarning, refreshMonitoring } from './monitoring-queries';
import type { Warning, WarningPage } from './warning-types';

interface Conflict {
  message: string;
  reason: string;
  current: Warning | undefined;
}

export function DismissModal({ warning, onClose }: { warning: Warning | null; onClose(): void }) {
  const m = useMessages();
  const t = useMonitoringMessages();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  async function send(reason: string, version: number) {
    setBusy(true);
    try {
      await dismissWarning(warning!.id, { reason, version });
      message.success(t.dismissed);
      setConflict(null);
      onClose();
    } catch (error) {
      if (isApiError(error, 'CONFLICT')) {
        // The server names no current copy for a warning: read it again to show it.
        const page = await api.get<WarningPage>('/monitoring/warnings', { division: warning!.divisionCode, pageSize: 200 }).catch(() => undefined);
        setConflict({ message: error.message, reason, current: page?.items.find((w) => w.id === warning!.id) });
      } else message.error(errorText(error, m.common.networkError));
    } finally {
      setBusy(false);
      void refreshMonitoring(queryClient);
    }
  }

  const fields = [
    { key: 'status', label: t.status, format: (v: unknown) => t.warningStatuses[String(v)] ?? String(v ?? '—') },
    { key: 'dismissedReason', label: t.dismissedReason },
    { key: 'version', label: t.version },
  ];
  return (
    <>
      <Modal
        open={!!warning && !conflict}
        title={t.dismissTitle}
        onCancel={onClose}
        onOk={() => form.submit()}
        confirmLoading={busy}
        okButtonProps={{ danger: true, 'data-testid': 'dismiss-submit' }}
        destroyOnHidden
      >
        {warning && (
          <p>
            {warning.householdNo} {warning.headName} · {warning.ruleTitle} · {warning.period}
          </p>
        )}
        <Form form={form} layout="vertical" preserve={false} onFinish={(v) => void send(v.reason.trim(), warning!.version)}>
          <Form.Item
            name="reason"
            label={t.dismissReason}
            required
            rules={[{ validator: (_, v: string | undefined) => ((v ?? '').trim().length >= 4 ? Promise.resolve() : Promise.reject(new Error(t.reasonTooShort))) }]}
          >
            <Input.TextArea rows={3} maxLength={500} placeholder={t.dismissReasonHint} data-testid="dismiss-reason" />
          </Form.Item>
        </Form>
      </Modal>
      {conflict && (
        <ConflictDialog
          open
          message={conflict.message}
          fields={fields}
          mine={{ status: 'dismissed', dismissedReason: conflict.reason, version: warning?.version }}
          theirs={(conflict.current ?? {}) as Record<string, unknown>}
          busy={busy}
          onUseTheirs={() => {
            setConflict(null);
            onClose();
          }}
          onOverwrite={() => {
            // Only an open warning can still be dismissed; one taken or dismissed stays as it is.
            if (conflict.current && conflict.current.status !== 'open') {
              message.warning(conflict.message);
              setConflict(null);
              onClose();
            } else void send(conflict.reason, conflict.current?.version ?? warning!.version);
          }}
          onCancel={() => setConflict(null)}
        />
      )}
    </>
  );
}
