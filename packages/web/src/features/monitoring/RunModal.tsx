/**
 * 运行月度监测 (county monitors and administrators): a month, run over the division in view; the
 * result by rule, by the category the warnings point to and by division, and the division's
 * recent runs.
 */
import { useState } from 'react';
import { App, Button, DatePicker, Modal, Space, Table, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useMessages } from '../../i18n/locale';
import { errorText } from '../../shared/ErrorState';
import { formatDateTime } from '../../shared/format';
import { DivisionName } from '../admin/DivisionName';
import { useMonitoringMessages } from './monitoring-messages';
import { refreshMonitoring, runMonitoring, useRuns, type RunRecord } from './monitoring-queries';
import type { RunSummary } from './warning-types';
import { CategoryTag } from './WarningSource';

export function RunModal({ open, division, onClose }: { open: boolean; division: string; onClose(): void }) {
  const m = useMessages();
  const t = useMonitoringMessages();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [month, setMonth] = useState<Dayjs>(() => dayjs().subtract(1, 'month'));
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<RunSummary | null>(null);
  const runs = useRuns(division, open);

  async function run() {
    setBusy(true);
    try {
      const result = await runMonitoring(month.format('YYYY-MM'), division);
      setSummary(result);
      message.success(t.runDone(result.raised));
      void refreshMonitoring(queryClient);
    } catch (error) {
      message.error(errorText(error, m.common.networkError));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open={open} title={t.runTitle} onCancel={onClose} footer={null} width={720} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t.runHint}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <span>{t.runPeriod}</span>
        <DatePicker picker="month" value={month} allowClear={false} onChange={(d) => d && setMonth(d)} data-testid="run-period" />
        <span>
          {t.runDivision}：<DivisionName code={division} />
        </span>
        <Button type="primary" loading={busy} onClick={() => void run()} data-testid="run-submit">
          {t.runSubmit}
        </Button>
      </Space>
      {summary && (
        <div data-testid="run-summary" data-raised={summary.raised}>
          <Typography.Title level={5}>
            {t.runSummary}：{summary.period} · {t.raised} {summary.raised}
          </Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey="ruleId"
            dataSource={summary.byRule}
            data-testid="run-by-rule"
            columns={[
              { title: t.byRule, dataIndex: 'title' },
              { title: t.count, dataIndex: 'count', align: 'right' },
            ]}
            style={{ marginBottom: 12 }}
          />
          <Table
            size="small"
            pagination={false}
            rowKey="category"
            dataSource={Object.entries(summary.byCategory).map(([category, count]) => ({ category, count }))}
            data-testid="run-by-category"
            columns={[
              { title: t.byCategory, dataIndex: 'category', render: (category: string) => <CategoryTag category={category} /> },
              { title: t.count, dataIndex: 'count', align: 'right' },
            ]}
            style={{ marginBottom: 12 }}
          />
          <Table
            size="small"
            pagination={false}
            rowKey="division"
            dataSource={summary.byDivision}
            columns={[
              { title: t.byDivision, dataIndex: 'division', render: (code: string) => <DivisionName code={code} /> },
              { title: t.count, dataIndex: 'count', align: 'right' },
            ]}
            style={{ marginBottom: 12 }}
          />
        </div>
      )}
      <Typography.Title level={5}>{t.recentRuns}</Typography.Title>
      <Table<RunRecord>
        size="small"
        rowKey="id"
        loading={runs.isFetching}
        dataSource={runs.data}
        pagination={{ pageSize: 5, size: 'small' }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t.noRuns }}
        data-testid="recent-runs"
        columns={[
          { title: t.period, dataIndex: 'period' },
          { title: t.division, dataIndex: 'division', render: (code: string) => <DivisionName code={code} /> },
          { title: t.raised, dataIndex: 'raised', align: 'right' },
          { title: t.startedAt, dataIndex: 'startedAt', render: formatDateTime },
          { title: t.by, dataIndex: 'by' },
        ]}
      />
    </Modal>
  );
}
