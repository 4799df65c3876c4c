import { Input, Select, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { EmployerOutput } from '../../api/types';
import { useLabels, useMessages } from '../../i18n/locale';
import { ErrorState } from '../../shared/ErrorState';
import { formatNumber } from '../../shared/format';
import { pagingQuery, useListTableProps } from '../../shared/list-table';
import { ListHead } from '../../shared/ListHead';
import { sortOrderOf, useUrlFilters } from '../../shared/url-filters';
import { usePageTitle } from '../../shared/use-page-title';
import { useDivision } from '../layout/division-context';
import { useEmployers } from './employer-queries';

const KEYS = ['q', 'kind', 'divisionCode'] as const;

/** 经营主体: enterprises, 帮扶车间, cooperatives and businesses (names are not personal data). */
export function EmployerListPage() {
  const m = useMessages();
  const labels = useLabels();
  const { division } = useDivision();
  const { filters, paging, setFilters, onTableChange } = useUrlFilters(KEYS);
  usePageTitle(m.employer.list);
  const query = useEmployers({
    q: filters.q,
    kind: filters.kind,
    divisionCode: filters.divisionCode ?? (division.code || undefined),
    ...pagingQuery(paging),
  });
  const tableProps = useListTableProps<EmployerOutput>(query, paging, onTableChange);
  return (
    <>
      <ListHead title={m.employer.list} createLabel={m.employer.new} createPath="/employers/new" createTestId="employer-create" />
      <div className="filter-bar">
        <Input.Search allowClear placeholder={m.filters.employerQ} defaultValue={filters.q} onSearch={(q) => setFilters({ q })} style={{ width: 240 }} enterButton={m.common.search} data-testid="filter-q" />
        <Select allowClear placeholder={m.employer.kind} value={filters.kind} onChange={(kind?: string) => setFilters({ kind })} options={labels.options('employerKinds')} style={{ width: 160 }} data-testid="filter-kind" />
      </div>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<EmployerOutput>
          {...tableProps}
          data-testid="employers-table"
          columns={[
            { title: m.employer.name, dataIndex: 'name', key: 'name', sorter: true, sortOrder: sortOrderOf(paging, 'name'), render: (v: string, e) => <Link to={`/employers/${e.id}`}>{v}</Link> },
            { title: m.employer.kind, dataIndex: 'kind', render: (v: string) => <Tag color={v === 'workshop' ? 'blue' : 'default'}>{labels.label('employerKinds', v)}</Tag> },
            { title: m.employer.creditCode, dataIndex: 'creditCode', render: (v: string | null) => v ?? '—', responsive: ['lg'] },
            { title: m.employer.site, dataIndex: 'siteName', render: (v: string | null, e) => (v && e.siteId ? <Link to={`/sites/${e.siteId}`}>{v}</Link> : '—'), responsive: ['md'] },
            { title: m.employer.startDate, dataIndex: 'startDate', key: 'start_date', sorter: true, sortOrder: sortOrderOf(paging, 'start_date'), render: (v: string | null) => v ?? '—', responsive: ['lg'] },
            { title: m.employer.foundedByRelocated, dataIndex: 'foundedByRelocated', render: (v: boolean) => (v ? <Tag color="green">{m.common.yes}</Tag> : m.common.no), responsive: ['xl'] },
            { title: m.employer.positions, dataIndex: 'positions', key: 'positions', align: 'right', sorter: true, sortOrder: sortOrderOf(paging, 'positions'), render: formatNumber, responsive: ['sm'] },
            { title: m.employer.relocatedEmployed, dataIndex: 'relocatedEmployed', align: 'right', render: formatNumber, responsive: ['sm'] },
          ]}
        />
      )}
    </>
  );
}
