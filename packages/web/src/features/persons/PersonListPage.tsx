/**
 * 搬迁人口 list. Names and ID numbers are searched through the XHR only, never the address;
 * ID numbers and phones are masked, with the audited "显示" for allowed roles.
 */
import { Checkbox, Select, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { PersonOutput } from '../../api/types';
import { useLabels, useMessages } from '../../i18n/locale';
import { ErrorState } from '../../shared/ErrorState';
import { pagingQuery, useListTableProps } from '../../shared/list-table';
import { PageHead } from '../../shared/PageHead';
import { PrivateSearchForm } from '../../shared/PrivateSearchForm';
import { usePrivateFilters } from '../../shared/private-filters';
import { useSiteOptions } from '../../shared/registry-queries';
import { RevealProvider, SensitiveValue } from '../../shared/reveal';
import { useFactText } from '../../shared/unknown-facts';
import { sortOrderOf, useUrlFilters } from '../../shared/url-filters';
import { usePageTitle } from '../../shared/use-page-title';
import { useSession } from '../auth/session';
import { useDivision } from '../layout/division-context';
import { usePersons } from './person-queries';

const KEYS = ['divisionCode', 'siteId', 'householdId', 'sex', 'labourCapacity', 'labourForce', 'registeredPoor'] as const;

export function PersonListPage() {
  const m = useMessages();
  const labels = useLabels();
  const fact = useFactText();
  const session = useSession();
  const { division } = useDivision();
  const { filters, paging, setFilters, onTableChange } = useUrlFilters(KEYS);
  const [personal, setPersonal] = usePrivateFilters('persons');
  const sites = useSiteOptions(division.code);
  usePageTitle(m.person.list);

  const query = usePersons({
    divisionCode: filters.divisionCode ?? (division.code || undefined),
    siteId: filters.siteId,
    householdId: filters.householdId,
    sex: filters.sex,
    labourCapacity: filters.labourCapacity,
    labourForce: filters.labourForce,
    registeredPoor: filters.registeredPoor,
    q: personal.q,
    idNumber: personal.idNumber,
    ...pagingQuery(paging),
  });

  const tableProps = useListTableProps<PersonOutput>(query, paging, onTableChange);
  return (
    <RevealProvider>
      <PageHead title={m.person.list} />
      <PrivateSearchForm
        personal={personal}
        setPersonal={setPersonal}
        namePlaceholder={m.filters.personQ}
        nameWidth={160}
        onSearch={() => setFilters({})}
        onReset={() => setFilters({ siteId: undefined, householdId: undefined, sex: undefined, labourCapacity: undefined, labourForce: undefined, registeredPoor: undefined, divisionCode: undefined })}
      />
      <div className="filter-bar" style={{ alignItems: 'center' }}>
        <Select allowClear showSearch optionFilterProp="label" placeholder={m.household.site} value={filters.siteId} onChange={(siteId?: string) => setFilters({ siteId })} options={sites.data} style={{ width: 220 }} data-testid="filter-siteId" />
        <Select allowClear placeholder={m.person.sex} value={filters.sex} onChange={(sex?: string) => setFilters({ sex })} options={labels.options('sexes')} style={{ width: 90 }} data-testid="filter-sex" />
        <Select allowClear placeholder={m.person.labourCapacity} value={filters.labourCapacity} onChange={(v?: string) => setFilters({ labourCapacity: v })} options={labels.options('labourCapacities')} style={{ width: 170 }} data-testid="filter-labourCapacity" />
        <Checkbox checked={filters.labourForce === 'true'} onChange={(e) => setFilters({ labourForce: e.target.checked ? 'true' : undefined })} data-testid="filter-labourForce">
          {m.filters.labourForceOnly}
        </Checkbox>
        <Checkbox checked={filters.registeredPoor === 'true'} onChange={(e) => setFilters({ registeredPoor: e.target.checked ? 'true' : undefined })} data-testid="filter-registeredPoor">
          {m.filters.registeredPoorOnly}
        </Checkbox>
        {filters.householdId && (
          <Tag closable onClose={() => setFilters({ householdId: undefined })}>
            {m.person.household} #{filters.householdId}
          </Tag>
        )}
      </div>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<PersonOutput>
          {...tableProps}
          data-testid="persons-table"
          columns={[
            { title: m.person.name, dataIndex: 'name', key: 'name', sorter: true, sortOrder: sortOrderOf(paging, 'name'), render: (name: string, p) => <Link to={`/persons/${p.id}`} data-testid="person-link">{name}</Link> },
            { title: m.person.idNumber, dataIndex: 'idNumber', render: (v: string, p) => <SensitiveValue personId={p.id} masked={v} field="idNumber" /> },
            { title: m.person.sex, dataIndex: 'sex', render: (v: string) => labels.label('sexes', v), responsive: ['sm'] },
            // Sorted by birth date (what the server sorts on), shown with the age; roles that may not
            // unmask get no birth date (it would complete the masked ID number), only the age.
            {
              title: session.can('personal.unmask') ? m.person.birthDate : m.person.age, dataIndex: 'birthDate', key: 'birth_date', sorter: true, sortOrder: sortOrderOf(paging, 'birth_date'),
              render: (v: string | null, p) => (v ? `${v}（${p.age}）` : p.age), responsive: ['sm'],
            },
            { title: m.person.relation, dataIndex: 'relation', render: (v: string) => labels.label('relations', v), responsive: ['md'] },
            { title: m.person.household, dataIndex: 'householdNo', render: (v: string, p) => <Link to={`/households/${p.householdId}`}>{v}</Link>, responsive: ['md'] },
            { title: m.person.householdKind, dataIndex: 'householdKind', render: (v: string) => labels.label('householdKinds', v), responsive: ['xl'] },
            { title: m.person.labourCapacity, dataIndex: 'labourCapacity', render: (v: string) => labels.label('labourCapacities', v), responsive: ['lg'] },
            { title: m.person.labourForce, dataIndex: 'labourForce', render: (v: boolean) => (v ? <Tag color="green">{m.common.yes}</Tag> : m.common.no), responsive: ['lg'] },
            { title: m.person.health, dataIndex: 'health', render: (v: string | null) => fact.choice('healthStates', v), responsive: ['xl'] },
            { title: m.person.phone, dataIndex: 'phone', render: (v: string | null, p) => <SensitiveValue personId={p.id} masked={v} field="phone" />, responsive: ['xl'] },
          ]}
        />
      )}
    </RevealProvider>
  );
}
