/**
 * 风险预警: the warnings of the division in view, filtered by status, rule, category and month; each
 * with its household, rule and clause, the monitoring category it points to, the facts that fired
 * it and the department rows behind them. Open ones are dismissed with a reason or turned into a
 * lead (several of one household together).
 */
import { useState } from 'react';
import { Button, DatePicker, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlayCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useMessages } from '../../i18n/locale';
import { ErrorState } from '../../shared/ErrorState';
import { pagingQuery, useListTableProps } from '../../shared/list-table';
import { PageHead } from '../../shared/PageHead';
import { useUrlFilters } from '../../shared/url-filters';
import { usePageTitle } from '../../shared/use-page-title';
import { useSession } from '../auth/session';
import { useDivision } from '../layout/division-context';
import { usePack } from '../policy/policy-queries';
import { DismissModal } from './DismissModal';
import { DivisionFilter } from './DivisionFilter';
import { LeadModal, type LeadSource } from './LeadModal';
import { useMonitoringMessages } from './monitoring-messages';
import { useWarnings } from './monitoring-queries';
import { RunModal } from './RunModal';
import { RuleWithClause, WarningFacts } from './WarningFacts';
import { CategoryTag, WarningSources } from './WarningSource';
import type { Warning } from './warning-types';

const KEYS = ['status', 'ruleId', 'category', 'period'] as const;
const STATUS_COLOR: Record<string, string> = { open: 'red', taken: 'blue', dismissed: 'default' };

export function WarningsPage() {
  const m = useMessages();
  const t = useMonitoringMessages();
  const session = useSession();
  const { division } = useDivision();
  const { filters, paging, setFilters, onTableChange } = useUrlFilters(KEYS);
  const [dismissing, setDismissing] = useState<Warning | null>(null);
  const [lead, setLead] = useState<LeadSource | null>(null);
  const [running, setRunning] = useState(false);
  const [selected, setSelected] = useState<Warning[]>([]);
  usePageTitle(t.warnings);

  const status = filters.status ?? 'open';
  const pack = usePack('JC-2021');
  const query = useWarnings({
    division: division.code, status: status === 'all' ? undefined : status, ruleId: filters.ruleId, category: filters.category, period: filters.period, ...pagingQuery(paging),
  });
  const tableProps = useListTableProps<Warning>(query, paging, onTableChange);
  const canDismiss = session.can('monitoring.run') || session.can('registry.write');
  const canLead = session.can('monitoring.lead');
  const oneHousehold = selected.length > 0 && selected.every((w) => w.householdId === selected[0]!.householdId);
  const toLead = (ws: Warning[]) =>
    setLead({ household: { id: ws[0]!.householdId, householdNo: ws[0]!.householdNo, headName: ws[0]!.headName, kind: ws[0]!.householdKind }, warnings: ws, divisionCode: division.code });

  return (
    <div data-testid="warnings-page">
      <PageHead
        title={t.warnings}
        extra={
          <>
            {canLead && selected.length > 0 && (
              <Tooltip title={oneHousehold ? undefined : t.sameHouseholdOnly}>
                <Button disabled={!oneHousehold} onClick={() => toLead(selected)} data-testid="warnings-to-lead">
                  {t.toLeadMany(selected.length)}
                </Button>
              </Tooltip>
            )}
            {session.can('monitoring.run') && (
              <Button type="primary" icon={<PlayCircleOutlined />} onClick={() => setRunning(true)} data-testid="run-open">
                {t.run}
              </Button>
            )}
          </>
        }
      />
      <Typography.Paragraph type="secondary">{t.warningsHint}</Typography.Paragraph>
      <div className="filter-bar">
        <DivisionFilter testId="warnings-division" />
        <Select
          value={status}
          onChange={(s: string) => setFilters({ status: s === 'open' ? undefined : s })}
          options={[{ value: 'all', label: m.common.all }, ...Object.entries(t.warningStatuses).map(([value, label]) => ({ value, label }))]}
          style={{ width: 140 }}
          data-testid="filter-status"
        />
        <Select
          allowClear
          placeholder={t.rule}
          value={filters.ruleId}
          onChange={(ruleId?: string) => setFilters({ ruleId })}
          options={(pack.data?.pack.rules ?? []).map((r) => ({ value: r.id, label: r.title }))}
          style={{ width: 240 }}
          popupMatchSelectWidth={false}
          data-testid="filter-rule"
        />
        <Select
          allowClear
          placeholder={t.allCategories}
          value={filters.category}
          onChange={(category?: string) => setFilters({ category })}
          options={Object.entries(t.categories).map(([value, label]) => ({ value, label }))}
          style={{ width: 160 }}
          data-testid="filter-category"
        />
        <DatePicker
          picker="month"
          placeholder={t.period}
          value={filters.period ? dayjs(filters.period + '-01') : null}
          onChange={(d) => setFilters({ period: d ? d.format('YYYY-MM') : undefined })}
          data-testid="filter-period"
        />
      </div>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<Warning>
          {...tableProps}
          locale={{ emptyText: t.noWarnings }}
          data-testid="warnings-table"
          rowSelection={
            canLead
              ? { selectedRowKeys: selected.map((w) => w.id), onChange: (_, rows) => setSelected(rows), getCheckboxProps: (w) => ({ disabled: w.status !== 'open' }) }
              : undefined
          }
          onRow={(w) => ({ 'data-warning': w.id, 'data-rule': w.ruleId, 'data-household': w.householdId }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t.household,
              dataIndex: 'householdNo',
              render: (no: string, w) => (
                <>
                  <Link to={`/households/${w.householdId}`} data-testid="warning-household">
                    {no}
                  </Link>
                  <div>{w.headName}</div>
                </>
              ),
            },
            { title: t.rule, dataIndex: 'ruleTitle', render: (title: string, w) => <RuleWithClause title={title} clause={w.clause} /> },
            { title: t.warningCategory, dataIndex: 'category', render: (category: string, w) => <CategoryTag category={category} householdKind={w.householdKind} /> },
            { title: t.facts, dataIndex: 'facts', render: (facts: Warning['facts']) => <WarningFacts facts={facts} /> },
            { title: t.sources, dataIndex: 'sources', render: (_: unknown, w) => <WarningSources warning={w} /> },
            { title: t.period, dataIndex: 'period' },
            { title: t.division, dataIndex: 'divisionName', responsive: ['lg'] },
            {
              title: t.status,
              dataIndex: 'status',
              render: (s: string, w) => (
                <Tooltip title={w.dismissedReason}>
                  <Tag color={STATUS_COLOR[s]} data-testid="warning-status">
                    {t.warningStatuses[s] ?? s}
                  </Tag>
                </Tooltip>
              ),
            },
            {
              title: m.common.actions,
              key: 'actions',
              render: (_: unknown, w) => (
                <Space size={0} wrap>
                  {w.status === 'open' && canLead && (
                    <Button type="link" size="small" onClick={() => toLead([w])} data-testid="warning-to-lead">
                      {t.toLead}
                    </Button>
                  )}
                  {w.status === 'open' && canDismiss && (
                    <Button type="link" size="small" danger onClick={() => setDismissing(w)} data-testid="warning-dismiss">
                      {t.dismiss}
                    </Button>
                  )}
                  {w.takenCaseId && (
                    <Link to={`/monitoring/cases/${w.takenCaseId}`} data-testid="warning-case">
                      <Button type="link" size="small">
                        {t.viewCase}
                      </Button>
                    </Link>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      <DismissModal warning={dismissing} onClose={() => setDismissing(null)} />
      <LeadModal source={lead} onClose={() => { setLead(null); setSelected([]); }} />
      <RunModal open={running} division={division.code} onClose={() => setRunning(false)} />
    </div>
  );
}
