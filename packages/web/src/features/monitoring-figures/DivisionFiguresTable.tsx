/**
 * The figures of each sub-division: its name opens its own figures, each number the list behind
 * it inside that sub-division. Both make the sub-division the header's division first, as the
 * lists (and this page) show the header's division.
 */
import { Button, Table, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useDivision } from '../layout/division-context';
import { useFiguresMessages } from './figures-messages';
import { drill, type DivisionRow, type MonitoringFigures } from './figures-queries';

export function DivisionFiguresTable({ data }: { data: MonitoringFigures }) {
  const f = useFiguresMessages();
  const navigate = useNavigate();
  const { setDivision } = useDivision();
  const open = (row: DivisionRow, to?: string) => {
    setDivision({ code: row.code, name: row.name });
    if (to) navigate(to);
  };
  function count(row: DivisionRow, value: number, to: string, testId: string, alarm = false) {
    if (value === 0) return <Typography.Text type="secondary">0</Typography.Text>;
    return (
      <Button type="link" size="small" onClick={() => open(row, to)} data-testid={testId} style={{ padding: 0, ...(alarm ? { color: '#cf1322' } : {}) }}>
        {value.toLocaleString('zh-CN')}
      </Button>
    );
  }
  return (
    <Table<DivisionRow>
      size="small"
      rowKey="code"
      pagination={data.byDivision.length > 20 ? { pageSize: 20, size: 'small' } : false}
      dataSource={data.byDivision}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: f.noDivisions }}
      data-testid="division-figures"
      onRow={(row) => ({ 'data-division': row.code }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: f.division,
          dataIndex: 'name',
          render: (name: string, row) => (
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => open(row)} data-testid="division-figures-link">
              {name}
            </Button>
          ),
        },
        {
          title: f.cards.objects,
          dataIndex: 'monitored',
          align: 'right',
          sorter: (a, b) => a.monitored - b.monitored,
          render: (v: number, row) => count(row, v, drill.monitored(data.asOf), 'division-monitored'),
        },
        {
          title: f.cards.newMonitored,
          dataIndex: 'newMonitored',
          align: 'right',
          render: (v: number, row) => count(row, v, drill.cases({ monitoredIn: data.period }), 'division-new'),
        },
        {
          title: f.cards.eliminated,
          dataIndex: 'eliminated',
          align: 'right',
          render: (v: number, row) => count(row, v, drill.cases({ eliminatedIn: data.period }), 'division-eliminated'),
        },
        {
          title: f.cards.overdue,
          dataIndex: 'overdue',
          align: 'right',
          sorter: (a, b) => a.overdue - b.overdue,
          render: (v: number, row) => count(row, v, drill.cases({ overdue: 'true' }), 'division-overdue', true),
        },
        {
          title: f.lateTasks,
          dataIndex: 'lateTasks',
          align: 'right',
          sorter: (a, b) => a.lateTasks - b.lateTasks,
          render: (v: number, row) => count(row, v, drill.tasks({ late: 'true' }), 'division-late-tasks', true),
        },
      ]}
    />
  );
}
