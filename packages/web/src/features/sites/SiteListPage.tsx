import { Input, Select, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { SiteOutput } from '../../api/types';
import { useLabels, useMessages } from '../../i18n/locale';
import { ErrorState } from '../../shared/ErrorState';
import { formatNumber } from '../../shared/format';
import { pagingQuery, useListTableProps } from '../../shared/list-table';
import { ListHead } from '../../shared/ListHead';
import { sortOrderOf, useUrlFilters } from '../../shared/url-filters';
import { usePageTitle } from '../../shared/use-page-title';
import { useDivision } from '../layout/division-context';
import { useSites } from './site-queries';

const KEYS = ['q', 'divisionCode', 'areaKind'] as const;

export function SiteListPage() {
  const m = useMessages();
  const labels = useLabels();
  const { division } = useDivision();
  const { filters, paging, setFilters, onTableChange } = useUrlFilters(KEYS);
  usePageTitle(m.site.list);
  const query = useSites({
    q: filters.q,
    areaKind: filters.areaKind,
    divisionCode: filters.divisionCode ?? (division.code || undefined),
    ...pagingQuery(paging),
  });

  const tableProps = useListTableProps<SiteOutput>(query, paging, onTableChange);
  return (
    <>
      <ListHead title={m.site.list} createLabel={m.site.new} createPath="/sites/new" createTestId="site-create" />
      <div className="filter-bar">
        <Input.Search
          allowClear
          placeholder={m.filters.siteQ}
          defaultValue={filters.q}
          onSearch={(q) => setFilters({ q })}
          style={{ width: 240 }}
          data-testid="filter-q"
          enterButton={m.common.search}
        />
        <Select
          allowClear
          placeholder={m.site.areaKind}
          value={filters.areaKind}
          onChange={(areaKind?: string) => setFilters({ areaKind })}
          options={labels.options('siteAreaKinds')}
          style={{ width: 140 }}
          data-testid="filter-areaKind"
        />
      </div>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<SiteOutput>
          {...tableProps}
          data-testid="sites-table"
          columns={[
            { title: m.site.code, dataIndex: 'code', key: 'code', sorter: true, sortOrder: sortOrderOf(paging, 'code'), responsive: ['md'] },
            { title: m.site.name, dataIndex: 'name', key: 'name', sorter: true, sortOrder: sortOrderOf(paging, 'name'), render: (name: string, s) => <Link to={`/sites/${s.id}`}>{name}</Link> },
            { title: m.site.divisionCode, dataIndex: 'divisionName', responsive: ['lg'] },
            { title: m.site.areaKind, dataIndex: 'areaKind', render: (v: string) => labels.label('siteAreaKinds', v), responsive: ['md'] },
            { title: m.site.settlementKind, dataIndex: 'settlementKind', render: (v: string) => labels.label('siteSettlementKinds', v), responsive: ['xl'] },
            { title: m.site.crossCounty, dataIndex: 'crossCounty', render: (v: boolean) => (v ? <Tag color="orange">{m.common.yes}</Tag> : m.common.no), responsive: ['xl'] },
            { title: m.site.buildYear, dataIndex: 'buildYear', key: 'build_year', sorter: true, sortOrder: sortOrderOf(paging, 'build_year'), responsive: ['lg'] },
            { title: m.site.households, dataIndex: 'households', align: 'right', render: (v: number, s) => <Link to={`/households?siteId=${s.id}`}>{formatNumber(v)}</Link>, responsive: ['sm'] },
            { title: m.site.population, dataIndex: 'population', key: 'population', align: 'right', sorter: true, sortOrder: sortOrderOf(paging, 'population'), render: (v: number, s) => <Link to={`/persons?siteId=${s.id}`}>{formatNumber(v)}</Link> },
            { title: m.site.registeredPoorPopulation, dataIndex: 'registeredPoorPopulation', align: 'right', render: (v: number, s) => <Link to={`/persons?siteId=${s.id}&registeredPoor=true`}>{formatNumber(v)}</Link>, responsive: ['lg'] },
            { title: m.site.sizeClass, dataIndex: 'sizeClass', render: (v: number) => m.site.sizeClasses[v] ?? v, responsive: ['xl'] },
          ]}
        />
      )}
    </>
  );
}
