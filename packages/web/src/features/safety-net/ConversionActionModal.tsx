/**
 * 完成转换 (with the day) or 撤销 (with the reason), at the version the ledger showed. A stale
 * version opens the conflict dialog with both copies; a conversion meanwhile completed or
 * cancelled elsewhere cannot be acted on again, so the ledger just refreshes.
 */
import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { conversionCancel, conversionComplete } from '@anju/core';
import { isApiError } from '../../api/errors';
import { useLabels, useMessages } from '../../i18n/locale';
import { ConflictDialog } from '../../shared/ConflictDialog';
import { errorText } from '../../shared/ErrorState';
import { useVersionedSave } from '../../shared/use-versioned-save';
import { showFieldIssues, zodIssues } from '../../shared/zod-rules';
import { useConversionMessages } from './conversion-messages';
import { cancelConversion, completeConversion, conversionsKey, type Conversion } from './conversion-queries';

export type ConversionAction = 'complete' | 'cancel';

interface Values {
  completedOn: Dayjs | null;
  reason: string;
}

type Mine = { completedOn: string } | { reason: string };

export function ConversionActionModal({ item, action, onClose }: { item: Conversion; action: ConversionAction; onClose(): void }) {
  const m = useMessages();
  const c = useConversionMessages();
  const labels = useLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const send = (mine: Mine, version: number | null) =>
    'reason' in mine ? cancelConversion(item.id, { ...mine, version: version! }) : completeConversion(item.id, { ...mine, version: version! });
  const saver = useVersionedSave<Mine, Conversion, Conversion>(send);
  const refresh = () => queryClient.invalidateQueries({ queryKey: conversionsKey });

  async function finish(run: () => Promise<Conversion | undefined>) {
    setError(null);
    try {
      const saved = await run();
      if (!saved) return;
      message.success(saved.status === 'completed' ? c.completed : c.cancelled);
      await refresh();
      onClose();
    } catch (e) {
      const rest = isApiError(e, 'VALIDATION') ? showFieldIssues(form, e.details) : [];
      setError(isApiError(e, 'VALIDATION') && rest.length === 0 && e.details.length > 0 ? m.common.validationFailed : errorText(e, m.common.networkError));
    }
  }

  function submit(values: Values) {
    const input = action === 'complete' ? { completedOn: values.completedOn?.format('YYYY-MM-DD') ?? '', version: item.version } : { reason: values.reason ?? '', version: item.version };
    const parsed = (action === 'complete' ? conversionComplete : conversionCancel).safeParse(input);
    if (!parsed.success) {
      const rest = showFieldIssues(form, zodIssues(parsed.error));
      if (rest.length > 0) setError(rest.map((i) => i.message).join('；'));
      return;
    }
    const { version, ...mine } = parsed.data as Mine & { version: number };
    void finish(() => saver.submit(mine, version));
  }

  const conflict = saver.conflict;
  const stillPending = conflict?.current.status === 'pending';
  const state = (v: unknown) => labels.label('safetyNetStates', v as string);

  return (
    <>
      <Modal
        open
        title={action === 'complete' ? c.completeTitle(item.name) : c.cancelTitle(item.name)}
        okText={action === 'complete' ? c.complete : c.cancel}
        okButtonProps={{ danger: action === 'cancel', 'data-testid': 'conversion-action-submit' }}
        onCancel={onClose}
        onOk={() => form.submit()}
        confirmLoading={saver.pending}
        destroyOnHidden
      >
        {conflict && !stillPending && (
          <Alert type="warning" showIcon title={conflict.message} description={`${c.status}：${c.statuses[conflict.current.status]}`} style={{ marginBottom: 12 }} />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="conversion-error" />}
        <Form form={form} layout="vertical" initialValues={{ completedOn: dayjs(), reason: '' }} onFinish={submit} data-testid="conversion-action-form">
          {action === 'complete' ? (
            <Form.Item name="completedOn" label={c.completedOn} required extra={c.completeHint(state(item.fromState), state(item.toState))} rules={[{ required: true, message: c.completedOnRequired }]}>
              <DatePicker style={{ width: '100%' }} minDate={dayjs(item.confirmedOn)} maxDate={dayjs()} data-testid="conversion-completed-on" />
            </Form.Item>
          ) : (
            <Form.Item name="reason" label={c.reason} required>
              <Input.TextArea rows={3} maxLength={200} showCount placeholder={c.reasonPlaceholder} data-testid="conversion-reason" />
            </Form.Item>
          )}
        </Form>
      </Modal>
      {conflict && stillPending && (
        <ConflictDialog
          open
          message={conflict.message}
          fields={[
            { key: 'status', label: c.status, format: (v) => c.statuses[String(v)] ?? String(v) },
            { key: 'completedOn', label: c.completedOn },
            { key: 'dueOn', label: c.dueOn },
            { key: 'note', label: c.note },
          ]}
          mine={{ ...conflict.current, ...conflict.mine, status: action === 'complete' ? 'completed' : 'cancelled' }}
          theirs={conflict.current as unknown as Record<string, unknown>}
          busy={saver.pending}
          onCancel={saver.dismiss}
          onUseTheirs={() => {
            saver.dismiss();
            void refresh();
            onClose();
          }}
          onOverwrite={() => void finish(() => saver.overwrite())}
        />
      )}
    </>
  );
}
