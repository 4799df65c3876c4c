/**
 * 审计日志: every change, login and unmasked read, filtered by record, user, action and date.
 * Personal values inside entries come back masked from the server.
 */
import { Button, DatePicker, Input, Select, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import type { AuditEntry, Page } from '../../api/types';
import { useMessages } from '../../i18n/locale';
import { ErrorState } from '../../shared/ErrorState';
import { formatDateTime } from '../../shared/format';
import { PageHead } from '../../shared/PageHead';
import { useUrlFilters } from '../../shared/url-filters';
import { usePageTitle } from '../../shared/use-page-title';
import { useSession } from '../auth/session';
import { AuditVerifyCard } from './AuditVerifyCard';

const KEYS = ['entity', 'entityId', 'username', 'action', 'from', 'to'] as const;

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span>—</span>;
  return <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: 260, overflow: 'auto' }}>{JSON.stringify(value, null, 2)}</pre>;
}

export function AuditLogPage() {
  const m = useMessages();
  const session = useSession();
  const { filters, paging, setFilters, onTableChange } = useUrlFilters(KEYS);
  usePageTitle(m.admin.audit);
  const query = useQuery({
    queryKey: ['audit', filters, paging.page, paging.pageSize],
    queryFn: () => api.get<Page<AuditEntry>>('/audit', { ...filters, page: paging.page, pageSize: paging.pageSize }),
    placeholderData: (previous) => previous,
  });
  const entityOptions = Object.entries(m.history.entities).map(([value, label]) => ({ value, label }));
  const actionOptions = Object.entries(m.history.actions).map(([value, label]) => ({ value, label }));

  return (
    <>
      <PageHead title={m.admin.audit} />
      {session.info?.user.role === 'admin' && <AuditVerifyCard />}
      <div className="filter-bar">
        <Select allowClear placeholder={m.admin.entity} value={filters.entity} onChange={(entity?: string) => setFilters({ entity })} options={entityOptions} style={{ width: 130 }} data-testid="audit-entity" />
        <Input.Search allowClear placeholder={m.admin.entityId} defaultValue={filters.entityId} onSearch={(entityId) => setFilters({ entityId })} style={{ width: 150 }} data-testid="audit-entityId" />
        <Input.Search allowClear placeholder={m.admin.operator} defaultValue={filters.username} onSearch={(username) => setFilters({ username })} style={{ width: 150 }} data-testid="audit-username" />
        <Select allowClear placeholder={m.admin.action} value={filters.action} onChange={(action?: string) => setFilters({ action })} options={actionOptions} style={{ width: 130 }} data-testid="audit-action" />
        <DatePicker.RangePicker
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
          onChange={(range) => setFilters({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          allowEmpty={[true, true]}
          data-testid="audit-range"
        />
        <Button onClick={() => setFilters({ entity: undefined, entityId: undefined, username: undefined, action: undefined, from: undefined, to: undefined })}>{m.common.reset}</Button>
      </div>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          loading={query.isFetching}
          dataSource={query.data?.items}
          onChange={onTableChange}
          scroll={{ x: 'max-content' }}
          data-testid="audit-table"
          pagination={{ current: paging.page, pageSize: paging.pageSize, total: query.data?.total, showSizeChanger: true, showTotal: m.common.total, size: 'small' }}
          expandable={{
            expandedRowRender: (e) => (
              <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: 12 }}>
                <div>
                  <b>{m.history.before}</b>
                  <Json value={e.before} />
                </div>
                <div>
                  <b>{m.history.after}</b>
                  <Json value={e.after} />
                </div>
              </div>
            ),
          }}
          columns={[
            { title: '#', dataIndex: 'id', width: 70 },
            { title: m.admin.at, dataIndex: 'at', render: formatDateTime },
            { title: m.admin.operator, dataIndex: 'username', render: (v: string | null) => v ?? '—' },
            { title: m.admin.action, dataIndex: 'action', render: (v: string) => <Tag>{m.history.actions[v] ?? v}</Tag> },
            { title: m.admin.entity, dataIndex: 'entity', render: (v: string) => m.history.entities[v] ?? v },
            { title: m.admin.entityId, dataIndex: 'entityId', responsive: ['sm'] },
            { title: m.admin.division, dataIndex: 'divisionCode', responsive: ['md'] },
          ]}
        />
      )}
    </>
  );
}
