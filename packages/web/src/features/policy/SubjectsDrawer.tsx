/** The list behind a count: who is eligible for a rule, or who a what-if gains or loses. */
import { useState } from 'react';
import { Drawer, Grid, Table } from 'antd';
import { Link } from 'react-router';
import { useMessages } from '../../i18n/locale';
import { ErrorState } from '../../shared/ErrorState';
import { Money } from './benefit-format';
import { usePolicyMessages } from './policy-messages';
import { useSubjects, type SubjectsSource } from './policy-queries';
import type { SubjectItem } from './policy-types';

function SubjectsTable({ source }: { source: SubjectsSource }) {
  const m = useMessages();
  const p = usePolicyMessages();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = useSubjects(source, page.page, page.pageSize);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Table<SubjectItem>
      rowKey={(s) => `${s.subjectKind}:${s.subjectId}`}
      size="small"
      loading={query.isFetching}
      dataSource={query.data?.items}
      scroll={{ x: 'max-content' }}
      data-testid="subjects-table"
      pagination={{ current: page.page, pageSize: page.pageSize, total: query.data?.total, size: 'small', showTotal: m.common.total, onChange: (p2, s) => setPage({ page: p2, pageSize: s }) }}
      columns={[
        { title: p.subjectLabel, dataIndex: 'label' },
        { title: p.subjectKind, dataIndex: 'subjectKind', render: (k: string) => p.subjects[k] ?? k },
        { title: p.divisionName, dataIndex: 'divisionName', render: (n: string, s) => <span title={s.divisionCode}>{n}</span> },
        { title: p.amount, dataIndex: 'amount', render: (a: number | null) => <Money value={a} payable={source.payable} /> },
        {
          title: m.common.actions,
          key: 'household',
          render: (_: unknown, s) =>
            s.householdId ? (
              <Link to={`/households/${s.householdId}?tab=policy`} data-testid="subject-household">
                {p.openHousehold}
              </Link>
            ) : null,
        },
      ]}
    />
  );
}

export function SubjectsDrawer({ source, onClose }: { source: SubjectsSource | null; onClose(): void }) {
  const p = usePolicyMessages();
  const screens = Grid.useBreakpoint();
  const title = !source ? '' : source.kind === 'eligibility' ? p.subjectList(source.title) : source.change === 'gained' ? p.gainedList(source.title) : p.lostList(source.title);
  return (
    <Drawer open={!!source} onClose={onClose} title={title} size={screens.md ? 760 : '100%'} destroyOnHidden>
      <div data-testid="subjects-drawer">{source && <SubjectsTable key={JSON.stringify(source)} source={source} />}</div>
    </Drawer>
  );
}
