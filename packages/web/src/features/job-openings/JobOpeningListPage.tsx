/** 岗位对接: the openings that reach the division, newest first, with how many were referred and hired. */
import { Button, Input, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { OpeningOutput } from '../../api/types';
import { useLabels, useMessages } from '../../i18n/locale';
import { ErrorState } from '../../shared/ErrorState';
import { formatNumber } from '../../shared/format';
import { useCanManageLabourServices } from '../../shared/labour-services';
import { pagingQuery, useListTableProps } from '../../shared/list-table';
import { PageHead } from '../../shared/PageHead';
import { sortOrderOf, useUrlFilters } from '../../shared/url-filters';
import { usePageTitle } from '../../shared/use-page-title';
import { useDivision } from '../layout/division-context';
import { useOpenings } from './job-opening-queries';
import { OpeningStatusTag } from './OpeningStatusTag';

const KEYS = ['q', 'source', 'status', 'place', 'divisionCode'] as const;

export function JobOpeningListPage() {
  const m = useMessages();
  const labels = useLabels();
  const navigate = useNavigate();
  const { division } = useDivision();
  const canManage = useCanManageLabourServices();
  const { filters, paging, setFilters, onTableChange } = useUrlFilters(KEYS);
  usePageTitle(m.jobOpening.list);
  const query = useOpenings({
    q: filters.q,
    source: filters.source,
    status: filters.status,
    place: filters.place,
    divisionCode: filters.divisionCode ?? (division.code || undefined),
    ...pagingQuery(paging),
  });
  const tableProps = useListTableProps<OpeningOutput>(query, paging, onTableChange);
  return (
    <>
      <PageHead
        title={m.jobOpening.list}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/job-openings/new')} data-testid="opening-create">
              {m.jobOpening.new}
            </Button>
          )
        }
      />
      <div className="filter-bar">
        <Input.Search allowClear placeholder={m.jobOpening.q} defaultValue={filters.q} onSearch={(q) => setFilters({ q })} style={{ width: 240 }} enterButton={m.common.search} data-testid="filter-q" />
        <Select allowClear placeholder={m.jobOpening.source} value={filters.source} onChange={(source?: string) => setFilters({ source })} options={labels.options('openingSources')} style={{ width: 170 }} data-testid="filter-source" />
        <Select allowClear placeholder={m.jobOpening.place} value={filters.place} onChange={(place?: string) => setFilters({ place })} options={labels.options('workPlaces')} style={{ width: 150 }} data-testid="filter-place" />
        <Select allowClear placeholder={m.jobOpening.status} value={filters.status} onChange={(status?: string) => setFilters({ status })} options={labels.options('openingStatuses')} style={{ width: 120 }} data-testid="filter-status" />
      </div>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<OpeningOutput>
          {...tableProps}
          data-testid="openings-table"
          columns={[
            { title: m.jobOpening.title, dataIndex: 'title', key: 'title', fixed: 'left', sorter: true, sortOrder: sortOrderOf(paging, 'title'), render: (v: string, o) => <Link to={`/job-openings/${o.id}`}>{v}</Link> },
            { title: m.jobOpening.source, dataIndex: 'source', render: (v: string) => <Tag>{labels.label('openingSources', v)}</Tag> },
            { title: m.jobOpening.employerOrPartner, key: 'who', render: (_: unknown, o) => o.employerName ?? o.partner ?? '—', responsive: ['md'] },
            { title: m.jobOpening.place, dataIndex: 'place', render: (v: string) => labels.label('workPlaces', v), responsive: ['sm'] },
            { title: m.jobOpening.positions, dataIndex: 'positions', key: 'positions', align: 'right', sorter: true, sortOrder: sortOrderOf(paging, 'positions'), render: formatNumber },
            { title: m.jobOpening.monthlyPay, dataIndex: 'monthlyPay', align: 'right', render: formatNumber, responsive: ['md'] },
            { title: m.jobOpening.openUntil, dataIndex: 'openUntil', key: 'open_until', sorter: true, sortOrder: sortOrderOf(paging, 'open_until'), render: (v: string | null) => v ?? '—', responsive: ['lg'] },
            { title: m.jobOpening.status, key: 'status', render: (_: unknown, o) => <OpeningStatusTag opening={o} /> },
            { title: m.jobOpening.referralCount, key: 'referrals', align: 'right', render: (_: unknown, o) => `${formatNumber(o.referrals)} / ${formatNumber(o.hired)}` },
          ]}
        />
      )}
    </>
  );
}
