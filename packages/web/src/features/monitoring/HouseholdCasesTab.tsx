/** 监测帮扶 on a household's page: its cases, newest first, each linked, and 新增线索 when none is open. */
import { useState } from 'react';
import { Button, Table } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { ErrorState } from '../../shared/ErrorState';
import { useSession } from '../auth/session';
import { DueDate, OverdueNote, StepTag } from './case-format';
import type { CaseItem } from './case-types';
import { LeadModal, type LeadSource } from './LeadModal';
import { useMonitoringMessages } from './monitoring-messages';
import { useCases } from './monitoring-queries';

interface HouseholdRef {
  id: string;
  householdNo: string;
  headName: string | null;
  destDivisionCode: string;
  kind: string;
}

export function HouseholdCasesTab({ household }: { household: HouseholdRef }) {
  const t = useMonitoringMessages();
  const session = useSession();
  const [lead, setLead] = useState<LeadSource | null>(null);
  const query = useCases({ householdId: household.id, pageSize: 50 });
  const open = (query.data?.items ?? []).some((c) => c.step !== 'eliminated' && c.step !== 'rejected');
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <div data-testid="household-cases">
      {session.can('monitoring.lead') && !open && query.data && (
        <Button icon={<FileAddOutlined />} onClick={() => setLead({ household, divisionCode: household.destDivisionCode })} style={{ marginBottom: 8 }} data-testid="household-lead-open">
          {t.newLead}
        </Button>
      )}
      <Table<CaseItem>
        size="small"
        rowKey="id"
        pagination={false}
        loading={query.isFetching}
        dataSource={query.data?.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t.noCases }}
        columns={[
          { title: t.leadOn, dataIndex: 'leadOn', render: (d: string, c) => <Link to={`/monitoring/cases/${c.id}`} data-testid="household-case-link">{d}</Link> },
          { title: t.step, dataIndex: 'step', render: (s: string) => <StepTag step={s} /> },
          { title: t.category, dataIndex: 'category', render: (v: string) => t.categories[v] ?? v },
          { title: t.channel, dataIndex: 'channel', render: (v: string) => t.channels[v] ?? v, responsive: ['md'] },
          { title: t.stepDue, dataIndex: 'stepDue', render: (_: unknown, c) => <><DueDate c={c} /> <OverdueNote c={c} /></> },
          { title: t.monitoredOn, dataIndex: 'monitoredOn', render: (d: string | null) => d ?? '—', responsive: ['md'] },
          { title: t.eliminatedOn, dataIndex: 'eliminatedOn', render: (d: string | null) => d ?? '—', responsive: ['md'] },
        ]}
      />
      <LeadModal source={lead} onClose={() => setLead(null)} />
    </div>
  );
}
