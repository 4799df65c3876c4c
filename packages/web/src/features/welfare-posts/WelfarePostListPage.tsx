/** 公益岗位: the post catalogue per site, with who holds each post now. */
import { Button, Card, Col, Input, Row, Select, Statistic, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { PostOutput } from '../../api/types';
import { useLabels, useMessages } from '../../i18n/locale';
import { ErrorState } from '../../shared/ErrorState';
import { formatNumber } from '../../shared/format';
import { useCanManageLabourServices } from '../../shared/labour-services';
import { pagingQuery, useListTableProps } from '../../shared/list-table';
import { PageHead } from '../../shared/PageHead';
import { useSiteOptions } from '../../shared/registry-queries';
import { sortOrderOf, useUrlFilters } from '../../shared/url-filters';
import { usePageTitle } from '../../shared/use-page-title';
import { useDivision } from '../layout/division-context';
import { usePostFigures, usePosts } from './welfare-post-queries';

const KEYS = ['q', 'siteId', 'duty', 'grade', 'active', 'vacant', 'divisionCode'] as const;

function PostFigures({ divisionCode }: { divisionCode: string }) {
  const m = useMessages();
  const figures = usePostFigures(divisionCode);
  return (
    <Row gutter={12} style={{ marginBottom: 12 }}>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={m.welfarePost.posts} value={figures.data?.posts ?? '—'} loading={figures.isLoading} data-testid="figure-posts" />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={m.welfarePost.filled} value={figures.data?.filled ?? '—'} loading={figures.isLoading} data-testid="figure-filled" />
        </Card>
      </Col>
    </Row>
  );
}

export function WelfarePostListPage() {
  const m = useMessages();
  const labels = useLabels();
  const navigate = useNavigate();
  const canManage = useCanManageLabourServices();
  const { division } = useDivision();
  const { filters, paging, setFilters, onTableChange } = useUrlFilters(KEYS);
  const sites = useSiteOptions(division.code);
  usePageTitle(m.welfarePost.list);
  const query = usePosts({
    q: filters.q,
    siteId: filters.siteId,
    duty: filters.duty,
    grade: filters.grade,
    // Active posts unless the user asks for inactive ones or all.
    active: filters.active === 'all' ? undefined : (filters.active ?? 'true'),
    vacant: filters.vacant,
    divisionCode: filters.divisionCode ?? (division.code || undefined),
    ...pagingQuery(paging),
  });
  const tableProps = useListTableProps<PostOutput>(query, paging, onTableChange);
  return (
    <>
      <PageHead
        title={m.welfarePost.list}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/welfare-posts/new')} data-testid="post-create">
              {m.welfarePost.new}
            </Button>
          )
        }
      />
      <PostFigures divisionCode={filters.divisionCode ?? division.code} />
      <div className="filter-bar">
        <Input.Search allowClear placeholder={m.welfarePost.title} defaultValue={filters.q} onSearch={(q) => setFilters({ q })} style={{ width: 200 }} enterButton={m.common.search} data-testid="filter-q" />
        <Select allowClear showSearch optionFilterProp="label" placeholder={m.welfarePost.site} value={filters.siteId} onChange={(siteId?: string) => setFilters({ siteId })} options={sites.data} style={{ width: 220 }} data-testid="filter-siteId" />
        <Select allowClear placeholder={m.welfarePost.duty} value={filters.duty} onChange={(duty?: string) => setFilters({ duty })} options={labels.options('welfarePostDuties')} style={{ width: 130 }} data-testid="filter-duty" />
        <Select allowClear placeholder={m.welfarePost.grade} value={filters.grade} onChange={(grade?: string) => setFilters({ grade })} options={labels.options('welfarePostGrades')} style={{ width: 140 }} data-testid="filter-grade" />
        <Select
          allowClear
          placeholder={m.welfarePost.vacancy}
          value={filters.vacant}
          onChange={(vacant?: string) => setFilters({ vacant })}
          options={[
            { value: 'true', label: m.welfarePost.vacant },
            { value: 'false', label: m.welfarePost.held },
          ]}
          style={{ width: 120 }}
          data-testid="filter-vacant"
        />
        <Select
          value={filters.active ?? 'true'}
          onChange={(active: string) => setFilters({ active: active === 'true' ? undefined : active })}
          options={[
            { value: 'true', label: m.welfarePost.active },
            { value: 'false', label: m.welfarePost.inactive },
            { value: 'all', label: m.common.all },
          ]}
          style={{ width: 100 }}
          data-testid="filter-active"
        />
      </div>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<PostOutput>
          {...tableProps}
          data-testid="posts-table"
          columns={[
            { title: m.welfarePost.title, dataIndex: 'title', key: 'title', fixed: 'left', sorter: true, sortOrder: sortOrderOf(paging, 'title'), render: (v: string, p) => <Link to={`/welfare-posts/${p.id}`}>{v}</Link> },
            { title: m.welfarePost.site, dataIndex: 'siteName', key: 'site', sorter: true, sortOrder: sortOrderOf(paging, 'site'), render: (v: string, p) => <Link to={`/sites/${p.siteId}`}>{v}</Link>, responsive: ['md'] },
            { title: m.welfarePost.duty, dataIndex: 'duty', render: (v: string) => labels.label('welfarePostDuties', v) },
            { title: m.welfarePost.grade, dataIndex: 'grade', render: (v: string) => labels.label('welfarePostGrades', v), responsive: ['lg'] },
            { title: m.welfarePost.monthlyPay, dataIndex: 'monthlyPay', key: 'monthly_pay', align: 'right', sorter: true, sortOrder: sortOrderOf(paging, 'monthly_pay'), render: formatNumber, responsive: ['sm'] },
            { title: m.welfarePost.funding, dataIndex: 'funding', render: (v: string) => labels.label('welfarePostFunding', v), responsive: ['xl'] },
            {
              title: m.welfarePost.holder,
              key: 'holder',
              render: (_: unknown, p) => (p.currentHolder ? p.currentHolder.name : <Tag color="orange">{m.welfarePost.vacant}</Tag>),
            },
            { title: m.welfarePost.status, dataIndex: 'active', render: (v: boolean) => (v ? <Tag color="green">{m.welfarePost.active}</Tag> : <Tag>{m.welfarePost.inactive}</Tag>), responsive: ['md'] },
          ]}
        />
      )}
    </>
  );
}
