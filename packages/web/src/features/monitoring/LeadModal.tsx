/**
 * 登记风险线索: a household (found by number or head's name, or given), the channel it was found
 * through, the category it may fall in and the risk seen. From warnings the channel is 部门筛查预警
 * and the warnings become "taken"; the new case opens on success. The category is proposed from
 * the household's kind and the warnings (core warning-categories.ts, as the server does), and the
 * other kind's category is not offered: a registered-poor household is never 边缘易致贫户, an
 * ordinary one never 脱贫不稳定户.
 */
import { useState } from 'react';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { categoriesOfKind, proposedCategory, type HouseholdKind } from '@anju/core/monitoring/warning-categories';
import { useLabels, useMessages } from '../../i18n/locale';
import { errorText } from '../../shared/ErrorState';
import { HouseholdPicker } from './HouseholdPicker';
import { useMonitoringMessages } from './monitoring-messages';
import { createLead, refreshMonitoring } from './monitoring-queries';
import type { Warning } from './warning-types';

export interface LeadSource {
  /** A household already chosen (from its page or its warnings). */
  household?: { id: string; householdNo: string; headName: string | null; kind: string };
  warnings?: Warning[];
  /** Where to look for households when none is given. */
  divisionCode: string;
}

interface Values {
  householdId: string;
  channel: string;
  category: string;
  riskNote: string;
}

export function LeadModal({ source, onClose }: { source: LeadSource | null; onClose(): void }) {
  const m = useMessages();
  const t = useMonitoringMessages();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const labels = useLabels();
  const warnings = source?.warnings ?? [];
  const household = source?.household;
  const [pickedKind, setPickedKind] = useState<string | undefined>();
  const kind = (household?.kind ?? pickedKind) as HouseholdKind | undefined;
  const proposed = kind && proposedCategory(kind, warnings.map((w) => w.category));
  const close = () => {
    setPickedKind(undefined);
    onClose();
  };

  async function submit(v: Values) {
    setBusy(true);
    setError(null);
    try {
      const created = await createLead({
        householdId: household?.id ?? v.householdId,
        channel: v.channel,
        category: v.category,
        riskNote: v.riskNote.trim(),
        warningIds: warnings.length ? warnings.map((w) => w.id) : undefined,
      });
      message.success(t.leadCreated);
      void refreshMonitoring(queryClient);
      close();
      navigate(`/monitoring/cases/${created.id}`);
    } catch (e) {
      setError(errorText(e, m.common.networkError));
    } finally {
      setBusy(false);
    }
  }

  const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
  return (
    <Modal
      open={!!source}
      title={t.leadTitle}
      onCancel={close}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'lead-submit' }}
      destroyOnHidden
    >
      {household && (
        <p data-testid="lead-household-fixed">
          {household.householdNo} {household.headName ?? ''}
        </p>
      )}
      {warnings.length > 0 && (
        <Typography.Paragraph type="secondary">
          {t.leadFromWarnings(warnings.length)}
          <br />
          {warnings.map((w) => `${w.ruleTitle}（${w.period}）`).join('；')}
        </Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ channel: warnings.length ? 'department_warning' : undefined, category: proposed }}
        onFinish={(v) => void submit(v)}
      >
        {!household && (
          <Form.Item name="householdId" label={t.pickHousehold} rules={[{ required: true, message: t.pickHouseholdHint }]}>
            <HouseholdPicker
              divisionCode={source?.divisionCode ?? ''}
              placeholder={t.pickHouseholdHint}
              onKind={(picked) => {
                setPickedKind(picked);
                form.setFieldValue('category', proposedCategory(picked as HouseholdKind, []));
              }}
            />
          </Form.Item>
        )}
        <Form.Item name="channel" label={t.channel} rules={[{ required: true, message: t.required }]}>
          <Select options={options(t.channels)} data-testid="lead-channel" />
        </Form.Item>
        <Form.Item
          name="category"
          label={t.category}
          rules={[{ required: true, message: t.required }]}
          extra={kind && proposed ? <span data-testid="lead-category-hint">{t.categoryProposed(labels.label('householdKinds', kind), t.categories[proposed] ?? proposed)}</span> : undefined}
        >
          <Select
            disabled={!kind}
            placeholder={t.categoryPickFirst}
            options={kind ? categoriesOfKind(kind).map((value) => ({ value, label: t.categories[value] ?? value })) : []}
            data-testid="lead-category"
          />
        </Form.Item>
        <Form.Item name="riskNote" label={t.riskNote} rules={[{ required: true, whitespace: true, message: t.required }]}>
          <Input.TextArea rows={3} maxLength={500} placeholder={t.riskNoteHint} data-testid="lead-risk-note" />
        </Form.Item>
      </Form>
      {error && <Typography.Text type="danger" data-testid="lead-error">{error}</Typography.Text>}
    </Modal>
  );
}
