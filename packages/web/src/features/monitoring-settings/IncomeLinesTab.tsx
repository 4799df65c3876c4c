/** 监测收入标准: each province's line per year with its document; administrators set a year's line. */
import { useState } from 'react';
import { Button, Table, Typography } from 'antd';
import { ErrorState } from '../../shared/ErrorState';
import { formatNumber } from '../../shared/format';
import { IncomeLineModal } from './IncomeLineModal';
import { SourceText } from './SourceText';
import { useSettingsMessages } from './settings-messages';
import { useIncomeLines, type IncomeLines } from './settings-queries';

export function IncomeLinesTab({ canEdit }: { canEdit: boolean }) {
  const s = useSettingsMessages();
  const lines = useIncomeLines();
  const [editing, setEditing] = useState(false);
  if (lines.error) return <ErrorState error={lines.error} onRetry={() => void lines.refetch()} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{s.incomeLineHint}</Typography.Paragraph>
      {canEdit && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setEditing(true)} data-testid="income-line-add">
          {s.addIncomeLine}
        </Button>
      )}
      <Table<IncomeLines['items'][number]>
        rowKey={(r) => `${r.province}-${r.year}`}
        loading={lines.isLoading}
        dataSource={lines.data?.items}
        pagination={false}
        locale={{ emptyText: s.noIncomeLines }}
        data-testid="income-lines"
        columns={[
          { title: s.province, render: (_, r) => `${r.provinceName ?? ''}（${r.province}）` },
          { title: s.year, dataIndex: 'year' },
          { title: s.yuan, dataIndex: 'yuan', align: 'right', render: (v: number) => formatNumber(v) },
          { title: s.source, dataIndex: 'source', render: (v: string | null) => <SourceText source={v} /> },
        ]}
      />
      {editing && <IncomeLineModal onClose={() => setEditing(false)} />}
    </>
  );
}
