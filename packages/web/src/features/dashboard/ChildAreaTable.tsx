/** Figures of each sub-division; the name opens it on the dashboard, each number its list. */
import { Table } from 'antd';
import { Link } from 'react-router';
import type { DashboardOutput } from '../../api/types';
import { useMessages } from '../../i18n/locale';
import { formatNumber } from '../../shared/format';
import { useDivision } from '../layout/division-context';
import { listLink } from './dashboard-queries';

type Row = DashboardOutput['children'][number];

export function ChildAreaTable({ data }: { data: DashboardOutput }) {
  const m = useMessages();
  const { setDivision } = useDivision();
  const num = (path: string, filters: Record<string, string> = {}) => (value: number, row: Row) => <Link to={listLink(path, row.code, filters)}>{formatNumber(value)}</Link>;
  return (
    <Table<Row>
      size="small"
      rowKey="code"
      dataSource={data.children}
      pagination={false}
      scroll={{ x: 520, y: 280 }}
      locale={{ emptyText: m.dashboard.noChildren }}
      data-testid="children-table"
      columns={[
        { title: m.site.divisionCode, dataIndex: 'name', fixed: 'left', width: 140, render: (name: string, row) => <a onClick={() => setDivision({ code: row.code, name })}>{name}</a> },
        { title: m.dashboard.sites, dataIndex: 'sites', align: 'right', render: num('/sites') },
        { title: m.dashboard.households, dataIndex: 'households', align: 'right', render: num('/households') },
        { title: m.dashboard.people, dataIndex: 'people', align: 'right', render: num('/persons') },
        { title: m.dashboard.registeredPoorPeople, dataIndex: 'registeredPoorPeople', align: 'right', render: num('/persons', { registeredPoor: 'true' }) },
        { title: m.dashboard.labourForce, dataIndex: 'labourForce', align: 'right', render: num('/persons', { labourForce: 'true' }) },
      ]}
    />
  );
}
