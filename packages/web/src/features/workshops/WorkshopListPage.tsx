/**
 * 帮扶车间: every workshop of the division with its checks. A workshop that fails a rule is
 * listed with the reason; nothing is hidden.
 */
import { Input, Select, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { WorkshopOutput } from '../../api/types';
import { useLabels, useMessages } from '../../i18n/locale';
import { ErrorState } from '../../shared/ErrorState';
import { formatNumber } from '../../shared/format';
import { useCanManageLabourServices } from '../../shared/labour-services';
import { pagingQuery, useListTableProps } from '../../shared/list-table';
import { PageHead } from '../../shared/PageHead';
import { useUrlFilters } from '../../shared/url-filters';
import { usePageTitle } from '../../shared/use-page-title';
import { useDivision } from '../layout/division-context';
import { CheckTags } from './CheckTags';
import { RulesNote } from './RulesNote';
import { UpgradeButton } from './UpgradeButton';
import { useWorkshopRules, useWorkshops } from './workshop-queries';

const KEYS = ['q', 'workshopKind', 'divisionCode'] as const;

export function WorkshopListPage() {
  const m = useMessages();
  const labels = useLabels();
  const { division } = useDivision();
  const canManage = useCanManageLabourServices();
  const { filters, paging, setFilters, onTableChange } = useUrlFilters(KEYS);
  const rules = useWorkshopRules();
  usePageTitle(m.workshop.list);
  const query = useWorkshops({
    q: filters.q,
    workshopKind: filters.workshopKind,
    divisionCode: filters.divisionCode ?? (division.code || undefined),
    ...pagingQuery({ ...paging, sort: undefined }),
  });
  const tableProps = useListTableProps<WorkshopOutput>(query, paging, onTableChange);
  const count = (key: keyof NonNullable<WorkshopOutput['facts']>) => (w: WorkshopOutput) => (w.facts ? formatNumber(w.facts[key] as number) : '—');
  return (
    <>
      <PageHead title={m.workshop.list} />
      <RulesNote rules={rules.data} />
      <div className="filter-bar">
        <Input.Search allowClear placeholder={m.workshop.name} defaultValue={filters.q} onSearch={(q) => setFilters({ q })} style={{ width: 240 }} enterButton={m.common.search} data-testid="filter-q" />
        <Select allowClear placeholder={m.workshop.workshopKind} value={filters.workshopKind} onChange={(workshopKind?: string) => setFilters({ workshopKind })} options={labels.options('workshopKinds')} style={{ width: 160 }} data-testid="filter-workshopKind" />
      </div>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<WorkshopOutput>
          {...tableProps}
          rowKey="employerId"
          data-testid="workshops-table"
          columns={[
            { title: m.workshop.name, dataIndex: 'name', fixed: 'left', render: (v: string, w) => <Link to={`/workshops/${w.employerId}`}>{v}</Link> },
            { title: m.workshop.workshopKind, key: 'kind', render: (_: unknown, w) => (w.facts ? labels.label('workshopKinds', w.facts.workshopKind) : <Tag>{m.workshop.notFilled}</Tag>), responsive: ['sm'] },
            { title: m.workshop.jobs, key: 'jobs', align: 'right', render: (_: unknown, w) => count('jobs')(w), responsive: ['sm'] },
            { title: m.workshop.povertyWorkers, key: 'poverty', align: 'right', render: (_: unknown, w) => count('povertyWorkers')(w), responsive: ['sm'] },
            { title: m.workshop.relocatedWorkers, key: 'relocated', align: 'right', render: (_: unknown, w) => count('relocatedWorkers')(w), responsive: ['md'] },
            { title: m.workshop.recognisedOn, key: 'recognisedOn', render: (_: unknown, w) => w.facts?.recognisedOn ?? '—', responsive: ['lg'] },
            { title: m.workshop.checks, key: 'checks', width: 340, render: (_: unknown, w) => <CheckTags checks={w.checks} compact /> },
            ...(canManage
              ? [
                  {
                    title: m.common.actions,
                    key: 'actions',
                    render: (_: unknown, w: WorkshopOutput) => (
                      <Space wrap>
                        <Link to={`/workshops/${w.employerId}`}>{m.common.edit}</Link>
                        {w.upgradeEligible && <UpgradeButton workshop={w} size="small" />}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </>
  );
}
