/**
 * 监测对象识别: the board of open cases by step (with overdue counts) over the paged list of the
 * division's cases. Filters live in the address, so the figures pages drill down with
 * ?step=&category=&channel=&overdue=true&monitoredIn=YYYY-MM&eliminatedIn=YYYY-MM&monitoredOn=YYYY-MM-DD.
 */
import { useState } from 'react';
import { Button, Select, Switch, Table, Tag, Typography } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { ErrorState } from '../../shared/ErrorState';
import { pagingQuery, useListTableProps } from '../../shared/list-table';
import { PageHead } from '../../shared/PageHead';
import { useUrlFilters } from '../../shared/url-filters';
import { usePageTitle } from '../../shared/use-page-title';
import { useSession } from '../auth/session';
import { useDivision } from '../layout/division-context';
import { CaseBoard } from './CaseBoard';
import { DueDate, OverdueNote, StepTag } from './case-format';
import type { CaseItem } from './case-types';
import { DivisionFilter } from './DivisionFilter';
import { LeadModal, type LeadSource } from './LeadModal';
import { useMonitoringMessages } from './monitoring-messages';
import { useCases } from './monitoring-queries';

const KEYS = ['step', 'category', 'channel', 'overdue', 'monitoredIn', 'eliminatedIn', 'monitoredOn'] as const;

export function CasesPage() {
  const t = useMonitoringMessages();
  const session = useSession();
  const { division } = useDivision();
  const { filters, paging, setFilters, onTableChange } = useUrlFilters(KEYS);
  const [lead, setLead] = useState<LeadSource | null>(null);
  usePageTitle(t.cases);
  const query = useCases({ division: division.code, ...filters, ...pagingQuery(paging) });
  const tableProps = useListTableProps<CaseItem>(query, paging, onTableChange);
  const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

  return (
    <div data-testid="cases-page">
      <PageHead
        title={t.cases}
        extra={
          session.can('monitoring.lead') && (
            <Button type="primary" icon={<FileAddOutlined />} onClick={() => setLead({ divisionCode: division.code })} data-testid="lead-open">
              {t.newLead}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t.casesHint}</Typography.Paragraph>
      <CaseBoard division={division.code} step={filters.step} onStep={(step) => setFilters({ step })} />
      <div className="filter-bar">
        <DivisionFilter testId="cases-division" />
        <Select allowClear placeholder={t.step} value={filters.step} onChange={(step?: string) => setFilters({ step })} options={options(t.steps)} style={{ width: 160 }} data-testid="filter-step" />
        <Select allowClear placeholder={t.category} value={filters.category} onChange={(category?: string) => setFilters({ category })} options={options(t.categories)} style={{ width: 160 }} data-testid="filter-category" />
        <Select allowClear placeholder={t.channel} value={filters.channel} onChange={(channel?: string) => setFilters({ channel })} options={options(t.channels)} style={{ width: 160 }} data-testid="filter-channel" />
        <span>
          <Switch checked={filters.overdue === 'true'} onChange={(on) => setFilters({ overdue: on ? 'true' : undefined })} data-testid="filter-overdue" /> {t.onlyOverdue}
        </span>
        {filters.monitoredIn && (
          <Tag closable onClose={() => setFilters({ monitoredIn: undefined })} data-testid="filter-monitored-in">
            {t.monitoredIn(filters.monitoredIn)}
          </Tag>
        )}
        {filters.monitoredOn && (
          <Tag closable onClose={() => setFilters({ monitoredOn: undefined })} data-testid="filter-monitored-on">
            {t.monitoredOnDay(filters.monitoredOn)}
          </Tag>
        )}
        {filters.eliminatedIn && (
          <Tag closable onClose={() => setFilters({ eliminatedIn: undefined })} data-testid="filter-eliminated-in">
            {t.eliminatedIn(filters.eliminatedIn)}
          </Tag>
        )}
      </div>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<CaseItem>
          {...tableProps}
          locale={{ emptyText: t.noCases }}
          data-testid="cases-table"
          onRow={(c) =>
            ({ 'data-case': c.id, 'data-household': c.householdId, 'data-overdue': c.overdue ? 'true' : undefined, style: c.overdue ? { background: '#fff1f0' } : undefined }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t.household,
              dataIndex: 'householdNo',
              render: (no: string, c) => (
                <>
                  <Link to={`/monitoring/cases/${c.id}`} data-testid="case-link">
                    {no}
                  </Link>
                  <div>{c.headName}</div>
                </>
              ),
            },
            { title: t.step, dataIndex: 'step', render: (s: string) => <StepTag step={s} /> },
            { title: t.category, dataIndex: 'category', render: (v: string) => t.categories[v] ?? v },
            { title: t.channel, dataIndex: 'channel', render: (v: string) => t.channels[v] ?? v, responsive: ['md'] },
            { title: t.division, dataIndex: 'divisionName', responsive: ['lg'] },
            { title: t.leadOn, dataIndex: 'leadOn', responsive: ['md'] },
            { title: t.stepDue, dataIndex: 'stepDue', render: (_: unknown, c) => <DueDate c={c} /> },
            { title: t.overdue, key: 'overdue', render: (_: unknown, c) => <OverdueNote c={c} /> },
            { title: t.monitoredOn, dataIndex: 'monitoredOn', render: (d: string | null) => d ?? '—', responsive: ['xl'] },
          ]}
        />
      )}
      <LeadModal source={lead} onClose={() => setLead(null)} />
    </div>
  );
}
