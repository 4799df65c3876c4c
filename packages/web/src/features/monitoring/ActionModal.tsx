/**
 * One step of a case: the dates or reason it needs, sent with the case's version. 民主评议并公示
 * shows when the notice will end; 风险消除评议 shows the six conditions first and is refused while
 * one is unmet. A refusal shows the server's reasons; a stale version (409) the conflict dialog.
 */
import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { isApiError, type FieldIssue } from '../../api/errors';
import { useMessages } from '../../i18n/locale';
import { ConflictDialog } from '../../shared/ConflictDialog';
import { errorText } from '../../shared/ErrorState';
import type { CaseAction, CaseDetail } from './case-types';
import { EliminationChecklist } from './EliminationChecklist';
import { useMonitoringMessages } from './monitoring-messages';
import { refreshMonitoring, takeAction, useEliminationCheck } from './monitoring-queries';

interface Values {
  commitmentSignedOn?: Dayjs;
  authorizationSignedOn?: Dayjs;
  noticeStart?: Dayjs;
  reason?: string;
  note?: string;
}

const day = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD');

/** The notice length in force for the case's division (公示天数, calendar days). */
function useNoticeDays(division: string) {
  const q = useQuery({ queryKey: ['monitoring', 'settings-in-force', division], queryFn: () => api.get<{ deadlines: { value: Record<string, number> } }>('/monitoring/settings', { division }) });
  return q.data?.deadlines.value.noticeDays ?? 5;
}

interface ActionModalProps {
  c: CaseDetail;
  action: CaseAction | null;
  /** Why the server will not take the step now (shown over the conditions, the step not offered). */
  refusedBecause?: string;
  onClose(): void;
}

export function ActionModal({ c, action, refusedBecause, onClose }: ActionModalProps) {
  const m = useMessages();
  const t = useMonitoringMessages();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ text: string; details: FieldIssue[] } | null>(null);
  const [conflict, setConflict] = useState<{ message: string; body: Values; current: CaseDetail | undefined } | null>(null);
  const noticeDays = useNoticeDays(c.divisionCode);
  const start = Form.useWatch('noticeStart', form);
  const proposing = action === 'propose_elimination';
  const eliminating = proposing || action === 'approve_elimination';
  const check = useEliminationCheck(c.id, eliminating);
  const label = action ? (t.actions[action] ?? action) : '';

  async function send(v: Values, version: number) {
    setBusy(true);
    setRefusal(null);
    try {
      await takeAction(c.id, action!, version, {
        commitmentSignedOn: day(v.commitmentSignedOn),
        authorizationSignedOn: day(v.authorizationSignedOn),
        noticeStart: day(v.noticeStart),
        reason: v.reason?.trim(),
        note: v.note?.trim() || undefined,
      });
      message.success(t.actionDone(label));
      setConflict(null);
      onClose();
    } catch (error) {
      if (isApiError(error, 'CONFLICT')) {
        const current = await api.get<CaseDetail>(`/monitoring/cases/${c.id}`).catch(() => undefined);
        setConflict({ message: error.message, body: v, current });
      } else if (isApiError(error)) setRefusal({ text: error.message, details: error.details });
      else message.error(errorText(error, m.common.networkError));
    } finally {
      setBusy(false);
      void refreshMonitoring(queryClient);
    }
  }

  const stepLabel = (v: unknown) => t.steps[String(v)] ?? String(v ?? '—');
  const dateRule = [{ required: true, message: t.dateRequired }];
  return (
    <>
      <Modal
        open={!!action && !conflict}
        title={label}
        onCancel={onClose}
        onOk={() => form.submit()}
        confirmLoading={busy}
        okButtonProps={{ danger: action === 'reject', disabled: !!refusedBecause || (eliminating && check.data?.allMet !== true), 'data-testid': 'action-submit' }}
        width={eliminating ? 640 : 520}
        destroyOnHidden
      >
        <p>
          {c.householdNo} {c.headName} · {t.steps[c.step] ?? c.step}
        </p>
        {refusedBecause && <Alert type="warning" showIcon title={refusedBecause} style={{ marginBottom: 8 }} data-testid="action-blocked" />}
        {eliminating && <EliminationChecklist caseId={c.id} />}
        <Form form={form} layout="vertical" preserve={false} onFinish={(v) => void send(v, c.version)} data-testid="action-form" data-action={action ?? ''}>
          {action === 'verify' && (
            <>
              <Form.Item name="commitmentSignedOn" label={t.commitmentSignedOn} rules={dateRule}>
                <DatePicker data-testid="action-commitment-date" />
              </Form.Item>
              <Form.Item name="authorizationSignedOn" label={t.authorizationSignedOn} rules={dateRule}>
                <DatePicker data-testid="action-authorization-date" />
              </Form.Item>
            </>
          )}
          {(action === 'notice' || proposing) && (
            <Form.Item
              name="noticeStart"
              label={t.noticeStart}
              rules={dateRule}
              extra={start ? <span data-testid="action-notice-end">{t.noticeEndComputed(start.add(noticeDays - 1, 'day').format('YYYY-MM-DD'), noticeDays)}</span> : undefined}
            >
              <DatePicker data-testid="action-notice-start" />
            </Form.Item>
          )}
          {action === 'reject' ? (
            <Form.Item
              name="reason"
              label={t.rejectReason}
              required
              rules={[{ validator: (_, v: string | undefined) => ((v ?? '').trim().length >= 4 ? Promise.resolve() : Promise.reject(new Error(t.reasonTooShort))) }]}
            >
              <Input.TextArea rows={3} maxLength={500} placeholder={t.rejectReasonHint} data-testid="action-reason" />
            </Form.Item>
          ) : (
            <Form.Item name="note" label={t.note}>
              <Input.TextArea rows={2} maxLength={500} placeholder={t.notePlaceholder} data-testid="action-note" />
            </Form.Item>
          )}
        </Form>
        {refusal && (
          <Alert
            type="error"
            showIcon
            data-testid="action-refused"
            title={proposing ? t.proposeRefused + refusal.text : refusal.text}
            description={refusal.details.length ? <ul style={{ margin: 0, paddingLeft: 18 }}>{refusal.details.map((d) => <li key={d.path + d.message}>{d.message}</li>)}</ul> : undefined}
          />
        )}
      </Modal>
      {conflict && (
        <ConflictDialog
          open
          message={conflict.message}
          fields={[
            { key: 'step', label: t.step, format: stepLabel },
            { key: 'version', label: t.version },
          ]}
          mine={{ step: c.step, version: c.version }}
          theirs={(conflict.current ?? {}) as Record<string, unknown>}
          busy={busy}
          onUseTheirs={() => {
            setConflict(null);
            onClose();
          }}
          onOverwrite={() => {
            // The step can be taken on top of their version only while the case is still at it.
            if (conflict.current && conflict.current.step !== c.step) {
              message.warning(conflict.message);
              setConflict(null);
              onClose();
            } else void send(conflict.body, conflict.current?.version ?? c.version);
          }}
          onCancel={() => setConflict(null)}
        />
      )}
    </>
  );
}
