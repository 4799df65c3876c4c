/** 技能培训: courses of the current division, filtered and paged on the server. */
import { Button, DatePicker, Input, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import type { CourseOutput } from '../../api/types';
import { useLabels, useMessages } from '../../i18n/locale';
import { ErrorState } from '../../shared/ErrorState';
import { formatNumber } from '../../shared/format';
import { useCanManageLabourServices } from '../../shared/labour-services';
import { pagingQuery, useListTableProps } from '../../shared/list-table';
import { PageHead } from '../../shared/PageHead';
import { sortOrderOf, useUrlFilters } from '../../shared/url-filters';
import { usePageTitle } from '../../shared/use-page-title';
import { useDivision } from '../layout/division-context';
import { TrainingFigures } from './TrainingFigures';
import { useCourses } from './training-queries';

const KEYS = ['q', 'kind', 'from', 'to', 'divisionCode'] as const;

export function TrainingListPage() {
  const m = useMessages();
  const labels = useLabels();
  const navigate = useNavigate();
  const canManage = useCanManageLabourServices();
  const { division } = useDivision();
  const { filters, paging, setFilters, onTableChange } = useUrlFilters(KEYS);
  usePageTitle(m.training.list);
  // Newest courses first until the user sorts by a column.
  const order = paging.sort ? pagingQuery(paging) : { ...pagingQuery(paging), sort: 'start_date', desc: 'true' };
  const query = useCourses({ q: filters.q, kind: filters.kind, from: filters.from, to: filters.to, divisionCode: filters.divisionCode ?? (division.code || undefined), ...order });
  const tableProps = useListTableProps<CourseOutput>(query, paging, onTableChange);
  return (
    <>
      <PageHead
        title={m.training.list}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/training/new')} data-testid="course-create">
              {m.training.new}
            </Button>
          )
        }
      />
      <TrainingFigures divisionCode={filters.divisionCode ?? division.code} />
      <div className="filter-bar">
        <Input.Search allowClear placeholder={m.training.q} defaultValue={filters.q} onSearch={(q) => setFilters({ q })} style={{ width: 240 }} enterButton={m.common.search} data-testid="filter-q" />
        <Select allowClear placeholder={m.training.kind} value={filters.kind} onChange={(kind?: string) => setFilters({ kind })} options={labels.options('trainingKinds')} style={{ width: 160 }} data-testid="filter-kind" />
        <DatePicker.RangePicker
          value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
          onChange={(range) => setFilters({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          placeholder={[m.training.startDate, m.training.endDate]}
          data-testid="filter-period"
        />
      </div>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<CourseOutput>
          {...tableProps}
          data-testid="courses-table"
          columns={[
            { title: m.training.name, dataIndex: 'name', key: 'name', fixed: 'left', sorter: true, sortOrder: sortOrderOf(paging, 'name'), render: (v: string, c) => <Link to={`/training/${c.id}`}>{v}</Link> },
            { title: m.training.kind, dataIndex: 'kind', render: (v: string) => labels.label('trainingKinds', v) },
            { title: m.training.provider, dataIndex: 'provider', responsive: ['md'] },
            { title: m.training.divisionCode, dataIndex: 'divisionName', render: (v: string | null, c) => v ?? c.divisionCode, responsive: ['lg'] },
            { title: m.training.startDate, dataIndex: 'startDate', key: 'start_date', sorter: true, sortOrder: sortOrderOf(paging, 'start_date') },
            { title: m.training.endDate, dataIndex: 'endDate', key: 'end_date', sorter: true, sortOrder: sortOrderOf(paging, 'end_date'), responsive: ['sm'] },
            { title: m.training.enrolled, dataIndex: 'enrolled', align: 'right', render: formatNumber },
            { title: m.training.completed, dataIndex: 'completed', align: 'right', render: formatNumber },
            { title: m.training.certified, dataIndex: 'certified', align: 'right', render: formatNumber, responsive: ['sm'] },
          ]}
        />
      )}
    </>
  );
}
