/**
 * 转换台账: every conversion with its deadline — days left, or overdue in red — and the two ways
 * to close it (完成转换, 撤销).
 */
import { useState } from 'react';
import { Button, Checkbox, Grid, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useLabels, useMessages } from '../../i18n/locale';
import { daysBetween, todayInChina } from '../../shared/deadline';
import { ErrorState } from '../../shared/ErrorState';
import { pagingQuery, useListTableProps } from '../../shared/list-table';
import type { Paging } from '../../shared/url-filters';
import { ConversionActionModal, type ConversionAction } from './ConversionActionModal';
import { useConversionMessages } from './conversion-messages';
import { useConversions, type Conversion } from './conversion-queries';

const STATUS_COLOR: Record<string, string> = { pending: 'processing', completed: 'green', cancelled: 'default' };

interface Props {
  division: string;
  status: string | undefined;
  overdue: boolean;
  paging: Paging;
  onTableChange: Parameters<typeof useListTableProps<Conversion>>[2];
  onFilter(patch: { status?: string; overdue?: string }): void;
}

export function LedgerTab({ division, status, overdue, paging, onTableChange, onFilter }: Props) {
  const m = useMessages();
  const c = useConversionMessages();
  const labels = useLabels();
  const wide = !!Grid.useBreakpoint().md;
  const [acting, setActing] = useState<{ item: Conversion; action: ConversionAction } | null>(null);
  const query = useConversions({ division: division || undefined, status, overdue: overdue ? 'true' : undefined, ...pagingQuery(paging) });
  const tableProps = useListTableProps<Conversion>(query, paging, onTableChange);
  const today = todayInChina();

  function due(item: Conversion) {
    if (item.status !== 'pending') return item.dueOn;
    const left = daysBetween(today, item.dueOn);
    return (
      <span style={{ whiteSpace: 'nowrap' }}>
        {item.dueOn}
        <br />
        {item.overdue ? (
          <Typography.Text type="danger" data-testid="conversion-overdue">
            {c.overdueDays(Math.max(-left, 1))}
          </Typography.Text>
        ) : (
          <Typography.Text type={left <= 5 ? 'warning' : 'secondary'}>{c.daysLeft(left)}</Typography.Text>
        )}
      </span>
    );
  }

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={c.allStatuses}
          value={status}
          onChange={(v?: string) => onFilter({ status: v })}
          options={Object.entries(c.statuses).map(([value, label]) => ({ value, label }))}
          style={{ width: 140 }}
          data-testid="conversion-filter-status"
        />
        <Checkbox checked={overdue} onChange={(e) => onFilter({ overdue: e.target.checked ? 'true' : undefined })} data-testid="conversion-filter-overdue">
          {c.overdueOnly}
        </Checkbox>
      </Space>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<Conversion>
          {...tableProps}
          data-testid="conversions-table"
          locale={{ emptyText: c.noConversions }}
          onRow={(r) => ({ 'data-person': r.personId, 'data-overdue': r.overdue ? 'true' : undefined }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: c.person, dataIndex: 'name', fixed: wide ? 'left' : undefined, render: (name: string, r) => <Link to={`/persons/${r.personId}`}>{name}</Link> },
            { title: c.idNumber, dataIndex: 'idNumber', render: (v: string) => <span className="masked">{v}</span>, responsive: ['md'] },
            { title: c.household, dataIndex: 'householdNo', render: (no: string, r) => <Link to={`/households/${r.householdId}`}>{no}</Link>, responsive: ['sm'] },
            {
              title: c.toState,
              key: 'change',
              render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{`${labels.label('safetyNetStates', r.fromState)} → ${labels.label('safetyNetStates', r.toState)}`}</span>,
              responsive: ['lg'],
            },
            { title: c.status, dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLOR[s]}>{c.statuses[s] ?? s}</Tag> },
            { title: c.confirmedOn, dataIndex: 'confirmedOn', responsive: ['sm'] },
            { title: c.dueOn, dataIndex: 'dueOn', render: (_: string, r: Conversion) => due(r) },
            { title: c.completedOn, dataIndex: 'completedOn', render: (d: string | null) => d ?? m.common.none },
            { title: c.note, dataIndex: 'note', responsive: ['xl'], render: (n: string | null) => n ?? m.common.none },
            {
              title: m.common.actions,
              key: 'actions',
              fixed: wide ? 'right' : undefined,
              render: (_, r) =>
                r.status === 'pending' ? (
                  <Space size={0} wrap>
                    <Button type="link" size="small" onClick={() => setActing({ item: r, action: 'complete' })} data-testid="conversion-complete">
                      {c.complete}
                    </Button>
                    <Button type="link" size="small" danger onClick={() => setActing({ item: r, action: 'cancel' })} data-testid="conversion-cancel">
                      {c.cancel}
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      )}
      {acting && <ConversionActionModal item={acting.item} action={acting.action} onClose={() => setActing(null)} />}
    </>
  );
}
