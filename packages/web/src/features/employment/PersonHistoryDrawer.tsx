/** One worker's record in every period, newest first (the ledger "as of" any month). */
import { Drawer, Grid, Table, Tag } from 'antd';
import { useLabels, useMessages } from '../../i18n/locale';
import { ErrorState } from '../../shared/ErrorState';
import { usePersonHistory, type LabourRecord } from './employment-queries';
import { formatFact, type FactKey } from './fact-format';

export function PersonHistoryDrawer({ record, onClose }: { record: LabourRecord | null; onClose(): void }) {
  const m = useMessages();
  const e = m.employment;
  const labels = useLabels();
  const screens = Grid.useBreakpoint();
  const history = usePersonHistory(record?.personId ?? null);
  const fact = (key: FactKey, title: string) => ({
    title,
    key,
    render: (_: unknown, r: LabourRecord) => (key === 'monthlyIncome' && r.incomeMasked ? <span style={{ color: '#999' }}>{e.incomeHidden}</span> : formatFact(m, labels, key, r.facts[key])),
  });
  return (
    <Drawer open={!!record} onClose={onClose} size={screens.md ? 880 : '100%'} title={record ? `${e.historyTitle} · ${record.name}` : e.historyTitle} destroyOnHidden>
      {history.isError ? (
        <ErrorState error={history.error} />
      ) : (
        <Table<LabourRecord>
          rowKey="period"
          size="small"
          loading={history.isLoading}
          dataSource={history.data}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="history-table"
          columns={[
            {
              title: e.period,
              dataIndex: 'period',
              fixed: 'left',
              render: (p: string, r) => (
                <span>
                  {p} {r.periodStatus === 'open' && <Tag color="processing">{labels.label('periodStatuses', 'open')}</Tag>}
                </span>
              ),
            },
            fact('state', e.state),
            fact('channel', e.channel),
            fact('place', e.place),
            fact('employerName', e.employer),
            fact('startDate', e.startDate),
            fact('contractMonths', e.contractMonths),
            fact('socialInsurance', e.socialInsurance),
            fact('monthlyIncome', e.income),
            fact('wantsWork', e.wantsWork),
            fact('trainingWish', e.trainingWish),
            {
              title: e.flags,
              key: 'flags',
              render: (_, r) => (
                <>
                  {!r.confirmed && <Tag color="gold">{e.unconfirmed}</Tag>}
                  {r.corrected && <Tag color="purple">{e.corrected}</Tag>}
                  {r.derived.stablyEmployed && <Tag color="green">{e.stable}</Tag>}
                </>
              ),
            },
          ]}
        />
      )}
    </Drawer>
  );
}
