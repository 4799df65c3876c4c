/** The people an opening was pushed to, and what came of it. */
import { useState } from 'react';
import { Button, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { OpeningOutput, ReferralOutput } from '../../api/types';
import { useLabels, useMessages } from '../../i18n/locale';
import { ErrorState } from '../../shared/ErrorState';
import { useReferrals } from './job-opening-queries';
import { OutcomeModal } from './OutcomeModal';

const OUTCOME_COLOURS: Record<string, string> = { pending: 'default', hired: 'success', declined: 'warning', rejected: 'error' };

export function ReferralsPanel({ opening, canManage }: { opening: OpeningOutput; canManage: boolean }) {
  const m = useMessages();
  const labels = useLabels();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<ReferralOutput | null>(null);
  const query = useReferrals(opening.id, paging.page, paging.pageSize);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      <Table<ReferralOutput>
        rowKey="id"
        size="middle"
        loading={query.isFetching}
        dataSource={query.data?.items}
        scroll={{ x: 'max-content' }}
        data-testid="referrals-table"
        pagination={{ current: paging.page, pageSize: paging.pageSize, total: query.data?.total, showTotal: m.common.total, size: 'small', onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
        columns={[
          { title: m.jobOpening.name, dataIndex: 'name', fixed: 'left', render: (v: string, r) => <Link to={`/persons/${r.personId}`}>{v}</Link> },
          { title: m.jobOpening.sex, dataIndex: 'sex', render: (v: string) => labels.label('sexes', v), responsive: ['sm'] },
          { title: m.jobOpening.personAge, dataIndex: 'age', align: 'right', responsive: ['sm'] },
          { title: m.jobOpening.idNumber, dataIndex: 'idNumber', render: (v: string) => <span className="masked">{v}</span>, responsive: ['md'] },
          { title: m.jobOpening.referredOn, dataIndex: 'referredOn' },
          { title: m.jobOpening.outcome, dataIndex: 'outcome', render: (v: string) => <Tag color={OUTCOME_COLOURS[v]}>{labels.label('referralOutcomes', v)}</Tag> },
          { title: m.jobOpening.outcomeOn, dataIndex: 'outcomeOn', render: (v: string | null) => v ?? '—' },
          { title: m.jobOpening.note, dataIndex: 'note', render: (v: string | null) => v ?? '—', responsive: ['lg'] },
          ...(canManage
            ? [
                {
                  title: m.common.actions,
                  key: 'outcome',
                  render: (_: unknown, r: ReferralOutput) => (
                    <Button size="small" onClick={() => setEditing(r)} data-testid="record-outcome">
                      {m.jobOpening.recordOutcome}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <OutcomeModal referral={editing} onClose={() => setEditing(null)} />
    </>
  );
}
