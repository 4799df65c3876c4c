import { useState } from 'react';
import { Table, Tag } from 'antd';
import type { ImportJob } from '../../api/types';
import { useMessages } from '../../i18n/locale';
import { ErrorState } from '../../shared/ErrorState';
import { formatDateTime, formatNumber } from '../../shared/format';
import { useImportHistory } from './import-queries';
import { ledgerLabel } from './ledger-names';

const COLORS: Record<string, string> = { running: 'processing', validated: 'blue', rejected: 'red', committed: 'green', failed: 'red' };

export function ImportHistory({ onOpen }: { onOpen(job: ImportJob): void }) {
  const m = useMessages();
  const [page, setPage] = useState(1);
  const query = useImportHistory(page);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Table<ImportJob>
      rowKey="id"
      size="small"
      loading={query.isFetching}
      dataSource={query.data?.items}
      scroll={{ x: 'max-content' }}
      data-testid="import-history"
      pagination={{ current: page, pageSize: 10, total: query.data?.total, onChange: setPage, size: 'small', showTotal: m.common.total }}
      columns={[
        { title: m.imports.startedAt, dataIndex: 'startedAt', render: formatDateTime },
        { title: m.imports.ledger, dataIndex: 'ledger', render: (v: string) => ledgerLabel(m, v) },
        { title: m.imports.kind, dataIndex: 'dryRun', render: (v: boolean) => (v ? m.imports.kindDryRun : m.imports.kindImport) },
        { title: m.imports.fileName, dataIndex: 'fileName', ellipsis: true, responsive: ['md'] },
        { title: m.imports.result, dataIndex: 'status', render: (v: string, j) => <a onClick={() => onOpen(j)}><Tag color={COLORS[v]}>{m.imports.status[v] ?? v}</Tag></a> },
        { title: m.imports.rows, dataIndex: 'rows', align: 'right', render: formatNumber, responsive: ['sm'] },
        { title: m.imports.inserted, dataIndex: 'inserted', align: 'right', responsive: ['lg'] },
        { title: m.imports.updated, dataIndex: 'updated', align: 'right', responsive: ['lg'] },
        { title: m.imports.user, dataIndex: 'username', responsive: ['md'] },
      ]}
    />
  );
}
