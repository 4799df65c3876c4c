/**
 * 办理记录: every step taken, with who, when and the note; the comparison step lists the department
 * records of the members it found (last 12 months), as attached to the event by the server.
 */
import { Table, Tag, Timeline, Typography } from 'antd';
import { departmentRecordKinds, listDepartments } from '@anju/core/department-data/departments';
import { formatDateTime, formatNumber } from '../../shared/format';
import type { CaseEvent } from './case-types';
import { useMonitoringMessages } from './monitoring-messages';

interface DepartmentRecord {
  id: string;
  department: string;
  kind: string;
  name: string;
  occurredOn: string;
  period: string;
  amount: number | null;
}

const COLOR: Record<string, string> = { reject: 'red', escalated: 'red', county_approve: 'green', approve_elimination: 'green', evidence: 'gray' };

function DepartmentRecords({ records }: { records: DepartmentRecord[] }) {
  const t = useMonitoringMessages();
  if (!records.length) return <Typography.Text type="secondary">{t.noRecords}</Typography.Text>;
  const departments = listDepartments.labels as Record<string, string>;
  const kinds = departmentRecordKinds.labels as Record<string, string>;
  return (
    <Table<DepartmentRecord>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={records}
      scroll={{ x: 'max-content' }}
      data-testid="compare-records"
      columns={[
        { dataIndex: 'department', render: (d: string) => departments[d] ?? d },
        { dataIndex: 'kind', render: (k: string) => kinds[k] ?? k },
        { dataIndex: 'name' },
        { dataIndex: 'occurredOn' },
        { dataIndex: 'amount', align: 'right', render: (a: number | null) => (a === null ? '—' : `${formatNumber(a)} 元`) },
      ]}
      showHeader={false}
    />
  );
}

export function CaseTimeline({ events }: { events: CaseEvent[] }) {
  const t = useMonitoringMessages();
  return (
    <Timeline
      data-testid="case-timeline"
      items={events.map((e) => {
        const records = e.action === 'compare' ? ((e.data.departmentRecords ?? []) as DepartmentRecord[]) : null;
        return {
          key: e.id,
          color: COLOR[e.action] ?? 'blue',
          content: (
            <div data-event={e.action}>
              <strong>{t.actions[e.action] ?? e.action}</strong>{' '}
              {e.toStep && e.fromStep !== e.toStep && (
                <Tag>
                  {e.fromStep ? `${t.steps[e.fromStep] ?? e.fromStep} → ` : ''}
                  {t.steps[e.toStep] ?? e.toStep}
                </Tag>
              )}
              <Typography.Text type="secondary">
                {e.username} · {formatDateTime(e.at)}
              </Typography.Text>
              {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
              {records && (
                <div style={{ marginTop: 4 }}>
                  <Typography.Text type="secondary">{t.departmentRecords}</Typography.Text>
                  <DepartmentRecords records={records} />
                </div>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
