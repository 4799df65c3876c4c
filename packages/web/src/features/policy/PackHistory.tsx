/** 修订记录: each stored revision of a pack, who made it and why. */
import { Empty, Table } from 'antd';
import { formatDateTime } from '../../shared/format';
import { usePolicyMessages } from './policy-messages';
import type { PackRevision } from './policy-types';

export function PackHistory({ history }: { history: PackRevision[] }) {
  const p = usePolicyMessages();
  if (history.length === 0) return <Empty description={p.noHistory} />;
  const rows = [...history].sort((a, b) => b.revision - a.revision);
  return (
    <Table<PackRevision>
      rowKey="revision"
      size="small"
      dataSource={rows}
      pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      data-testid="pack-history"
      columns={[
        { title: p.revision, dataIndex: 'revision', render: (n: number) => p.revisionNo(n), width: 100 },
        { title: p.revisionAt, dataIndex: 'createdAt', render: formatDateTime, width: 180 },
        { title: p.revisionBy, dataIndex: 'createdBy', render: (v: string | null) => v ?? '—', width: 120 },
        { title: p.revisionNote, dataIndex: 'note', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}
