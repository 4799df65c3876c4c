/**
 * 搬迁户 list. Coded filters live in the address (shareable drill-down links); the name and
 * ID-number searches are personal data and stay in memory (see private-filters).
 */
import { Select, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { HouseholdOutput } from '../../api/types';
import { useLabels, useMessages } from '../../i18n/locale';
import { ErrorState } from '../../shared/ErrorState';
import { pagingQuery, useListTableProps } from '../../shared/list-table';
import { ListHead } from '../../shared/ListHead';
import { PrivateSearchForm } from '../../shared/PrivateSearchForm';
import { usePrivateFilters } from '../../shared/private-filters';
import { useSiteOptions } from '../../shared/registry-queries';
import { sortOrderOf, useUrlFilters } from '../../shared/url-filters';
import { usePageTitle } from '../../shared/use-page-title';
import { useDivision } from '../layout/division-context';
import { address } from './household-format';
import { useHouseholds } from './household-queries';

const KEYS = ['side', 'divisionCode', 'siteId', 'kind', 'monitoringCategory', 'status'] as const;

export function HouseholdListPage() {
  const m = useMessages();
  const labels = useLabels();
  const { division } = useDivision();
  const { filters, paging, setFilters, onTableChange } = useUrlFilters(KEYS);
  const [personal, setPersonal] = usePrivateFilters('households');
  const sites = useSiteOptions(division.code);
  usePageTitle(m.household.list);
  const origin = filters.side === 'origin';

  const query = useHouseholds({
    side: filters.side,
    divisionCode: filters.divisionCode ?? (division.code || undefined),
    siteId: filters.siteId,
    kind: filters.kind,
    monitoringCategory: filters.monitoringCategory,
    status: filters.status,
    q: personal.q,
    idNumber: personal.idNumber,
    ...pagingQuery(paging),
  });

  const tableProps = useListTableProps<HouseholdOutput>(query, paging, onTableChange);
  return (
    <>
      <ListHead title={m.household.list} createLabel={m.household.new} createPath="/households/new" createTestId="household-create" />
      <PrivateSearchForm
        personal={personal}
        setPersonal={setPersonal}
        namePlaceholder={m.filters.householdQ}
        nameWidth={200}
        onSearch={() => setFilters({})}
        onReset={() => setFilters({ siteId: undefined, kind: undefined, monitoringCategory: undefined, divisionCode: undefined, status: undefined })}
      />
      <div className="filter-bar">
        <Select
          value={filters.side ?? 'destination'}
          onChange={(side: string) => setFilters({ side: side === 'destination' ? undefined : side })}
          options={[
            { value: 'destination', label: m.filters.sideDestination },
            { value: 'origin', label: m.filters.sideOrigin },
          ]}
          style={{ width: 160 }}
          data-testid="filter-side"
        />
        <Select allowClear showSearch optionFilterProp="label" placeholder={m.household.site} value={filters.siteId} onChange={(siteId?: string) => setFilters({ siteId })} options={sites.data} style={{ width: 220 }} data-testid="filter-siteId" />
        <Select allowClear placeholder={m.household.kind} value={filters.kind} onChange={(kind?: string) => setFilters({ kind })} options={labels.options('householdKinds')} style={{ width: 160 }} data-testid="filter-kind" />
        <Select allowClear placeholder={m.household.monitoringCategory} value={filters.monitoringCategory} onChange={(v?: string) => setFilters({ monitoringCategory: v })} options={labels.options('monitoringCategories')} style={{ width: 160 }} data-testid="filter-monitoringCategory" />
        <Select value={filters.status ?? 'active'} onChange={(v: string) => setFilters({ status: v === 'active' ? undefined : v })} options={labels.options('householdStatuses')} style={{ width: 110 }} data-testid="filter-status" />
      </div>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<HouseholdOutput>
          {...tableProps}
          data-testid="households-table"
          columns={[
            { title: m.household.householdNo, dataIndex: 'householdNo', key: 'household_no', sorter: true, sortOrder: sortOrderOf(paging, 'household_no'), render: (no: string, h) => <Link to={`/households/${h.id}`} data-testid="household-link">{no}</Link> },
            { title: m.household.headName, dataIndex: 'headName', render: (v: string | null) => v ?? '—' },
            { title: m.household.members, dataIndex: 'members', key: 'members', align: 'right', sorter: true, sortOrder: sortOrderOf(paging, 'members') },
            { title: m.household.site, dataIndex: 'siteName', responsive: ['md'] },
            ...(origin ? [] : [{ title: m.household.address, key: 'address', render: (_: unknown, h: HouseholdOutput) => address(h), responsive: ['lg' as const] }]),
            { title: m.household.kind, dataIndex: 'kind', render: (v: string) => <Tag color={v === 'registered_poor' ? 'blue' : 'default'}>{labels.label('householdKinds', v)}</Tag>, responsive: ['sm'] },
            { title: m.household.relocationYear, dataIndex: 'relocationYear', key: 'relocation_year', sorter: true, sortOrder: sortOrderOf(paging, 'relocation_year'), responsive: ['lg'] },
            ...(origin ? [] : [{ title: m.household.monitoringCategory, dataIndex: 'monitoringCategory', render: (v: string | null) => (v && v !== 'none' ? <Tag color="red">{labels.label('monitoringCategories', v)}</Tag> : labels.label('monitoringCategories', v)), responsive: ['xl' as const] }]),
            { title: m.household.originVillage, dataIndex: 'originVillageName', render: (v: string | null, h) => v ?? h.originVillageCode, responsive: ['xl'] },
            { title: m.household.crossCounty, dataIndex: 'crossCounty', render: (v: boolean) => (v ? <Tag color="orange">{m.common.yes}</Tag> : m.common.no), responsive: ['xl'] },
          ]}
        />
      )}
    </>
  );
}
