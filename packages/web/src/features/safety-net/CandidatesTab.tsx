/** 待确认: rural 低保/特困 recipients living at an urban site, with no conversion in hand. */
import { useState } from 'react';
import { Button, Grid, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useLabels } from '../../i18n/locale';
import { ErrorState } from '../../shared/ErrorState';
import { pagingQuery, useListTableProps } from '../../shared/list-table';
import type { Paging } from '../../shared/url-filters';
import { ConfirmModal } from './ConfirmModal';
import { useConversionMessages } from './conversion-messages';
import { useCandidates, type Candidate } from './conversion-queries';

interface Props {
  division: string;
  paging: Paging;
  onTableChange: Parameters<typeof useListTableProps<Candidate>>[2];
}

export function CandidatesTab({ division, paging, onTableChange }: Props) {
  const c = useConversionMessages();
  const labels = useLabels();
  const wide = !!Grid.useBreakpoint().md;
  const [confirming, setConfirming] = useState<Candidate | null>(null);
  const query = useCandidates({ division: division || undefined, ...pagingQuery(paging) });
  const tableProps = useListTableProps<Candidate>(query, paging, onTableChange);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      <Table<Candidate>
        {...tableProps}
        rowKey="personId"
        data-testid="candidates-table"
        locale={{ emptyText: c.noCandidates }}
        onRow={(p) => ({ 'data-person': p.personId }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: c.person, dataIndex: 'name', fixed: wide ? 'left' : undefined, render: (name: string, p) => <Link to={`/persons/${p.personId}`}>{name}</Link> },
          { title: c.idNumber, dataIndex: 'idNumber', render: (v: string) => <span className="masked">{v}</span>, responsive: ['sm'] },
          { title: c.household, dataIndex: 'householdNo', render: (no: string, p) => <Link to={`/households/${p.householdId}`}>{no}</Link> },
          { title: c.site, dataIndex: 'siteName', responsive: ['md'] },
          { title: c.division, dataIndex: 'divisionName', responsive: ['lg'] },
          {
            title: c.current,
            dataIndex: 'safetyNet',
            render: (v: string, p) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                <Tag color="orange">{labels.label('safetyNetStates', v)}</Tag>→ {labels.label('safetyNetStates', p.toState)}
              </span>
            ),
          },
          {
            title: '',
            key: 'actions',
            fixed: wide ? 'right' : undefined,
            render: (_, p) => (
              <Button type="link" size="small" onClick={() => setConfirming(p)} data-testid="conversion-confirm">
                {c.confirm}
              </Button>
            ),
          },
        ]}
      />
      {confirming && <ConfirmModal candidate={confirming} onClose={() => setConfirming(null)} />}
    </>
  );
}
