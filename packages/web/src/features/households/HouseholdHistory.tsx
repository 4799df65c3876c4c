/** 变更历史: field-level changes of the household and its members, from the audit log. */
import { useState } from 'react';
import { Checkbox, Empty, Skeleton, Table, Tag } from 'antd';
import type { HistoryEntry, PersonOutput } from '../../api/types';
import { useMessages } from '../../i18n/locale';
import { ErrorState } from '../../shared/ErrorState';
import { useFieldFormat } from '../../shared/field-format';
import { formatDateTime } from '../../shared/format';
import { useHouseholdHistory } from './household-queries';

export function HouseholdHistory({ householdId, members }: { householdId: string; members: PersonOutput[] }) {
  const m = useMessages();
  const fmt = useFieldFormat();
  const query = useHouseholdHistory(householdId, true);
  // Unmasked reads are audited too; they are noise when looking for what changed.
  const [showViews, setShowViews] = useState(false);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active />;
  if (query.data.length === 0) return <Empty description={m.history.empty} />;
  const memberName = (id: string | null) => members.find((p) => p.id === id)?.name;

  const entries = showViews ? query.data : query.data.filter((e) => e.action !== 'unmask');
  return (
    <>
    <Checkbox checked={showViews} onChange={(e) => setShowViews(e.target.checked)} style={{ marginBottom: 8 }} data-testid="history-show-views">
      {m.history.showViews}
    </Checkbox>
    <Table<HistoryEntry>
      rowKey="id"
      size="small"
      dataSource={entries}
      pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      data-testid="history-table"
      columns={[
        { title: m.history.at, dataIndex: 'at', render: formatDateTime, width: 170 },
        { title: m.history.user, dataIndex: 'username', render: (v: string | null) => v ?? '—', responsive: ['sm'] },
        {
          title: m.history.action,
          key: 'action',
          render: (_, e) => (
            <span style={{ whiteSpace: 'nowrap' }}>
              <Tag color={e.action === 'update' ? 'blue' : e.action === 'create' ? 'green' : 'default'}>{m.history.actions[e.action] ?? e.action}</Tag>
              {m.history.entities[e.entity] ?? e.entity}
              {e.entity === 'person' && memberName(e.entityId) ? `（${memberName(e.entityId)}）` : ''}
            </span>
          ),
        },
        {
          title: m.history.changes,
          key: 'changes',
          render: (_, e) =>
            e.action === 'create' ? null : e.action === 'unmask' ? (
              <span>{((e.changes.find((c) => c.field === 'fields')?.after as string[] | undefined) ?? []).map((f) => fmt.label('person', f)).join('、')}</span>
            ) : (
              <ul className="history-change" data-testid="history-changes">
                {e.changes.map((c) => (
                  <li key={c.field}>
                    {fmt.label(e.entity, c.field)}：<s style={{ color: '#999' }}>{fmt.value(c.field, c.before)}</s> → <b>{fmt.value(c.field, c.after)}</b>
                  </li>
                ))}
              </ul>
            ),
        },
      ]}
    />
    </>
  );
}
