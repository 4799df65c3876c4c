import { Button, Grid, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { PersonOutput } from '../../api/types';
import { useLabels, useMessages } from '../../i18n/locale';
import { SensitiveValue } from '../../shared/reveal';
import { useFactText } from '../../shared/unknown-facts';
import { useSession } from '../auth/session';

/** The members of one household; ID numbers and phones masked, with the audited "显示". */
export function MembersTable({ members }: { members: PersonOutput[] }) {
  const m = useMessages();
  const labels = useLabels();
  const fact = useFactText();
  const session = useSession();
  const screens = Grid.useBreakpoint();
  const editLink = (p: PersonOutput) => (
    <Link to={`/persons/${p.id}/edit`} data-testid="member-edit">
      <Button type="link" size="small" icon={<EditOutlined />}>
        {m.common.edit}
      </Button>
    </Link>
  );
  // On a phone a wide table hides the actions off-screen: one card-like row per member instead.
  if (!screens.sm) {
    return (
      <div data-testid="members-table">
        {members.map((p) => (
          <div key={p.id} className="member-row">
            <Space orientation="vertical" size={2} style={{ minWidth: 0, flex: 1 }}>
              <span>
                <Link to={`/persons/${p.id}`} data-testid="member-link">
                  <b>{p.name}</b>
                </Link>{' '}
                <Typography.Text type="secondary">
                  {labels.label('relations', p.relation)} · {labels.label('sexes', p.sex)} · {p.age}
                </Typography.Text>
                {p.labourForce && (
                  <Tag color="green" style={{ marginLeft: 6 }}>
                    {m.person.labourForce}
                  </Tag>
                )}
              </span>
              <SensitiveValue personId={p.id} masked={p.idNumber} field="idNumber" />
              <SensitiveValue personId={p.id} masked={p.phone} field="phone" />
            </Space>
            {session.can('registry.write') && editLink(p)}
          </div>
        ))}
      </div>
    );
  }
  return (
    <Table<PersonOutput>
      rowKey="id"
      size="small"
      dataSource={members}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="members-table"
      columns={[
        { title: m.person.name, dataIndex: 'name', fixed: 'left', render: (name: string, p) => <Link to={`/persons/${p.id}`} data-testid="member-link">{name}</Link> },
        { title: m.person.relation, dataIndex: 'relation', render: (v: string) => labels.label('relations', v) },
        { title: m.person.sex, dataIndex: 'sex', render: (v: string) => labels.label('sexes', v), responsive: ['sm'] },
        { title: m.person.age, dataIndex: 'age', align: 'right', responsive: ['sm'] },
        { title: m.person.idNumber, dataIndex: 'idNumber', render: (v: string, p) => <SensitiveValue personId={p.id} masked={v} field="idNumber" /> },
        { title: m.person.labourCapacity, dataIndex: 'labourCapacity', render: (v: string) => labels.label('labourCapacities', v), responsive: ['md'] },
        { title: m.person.labourForce, dataIndex: 'labourForce', render: (v: boolean) => (v ? <Tag color="green">{m.common.yes}</Tag> : m.common.no), responsive: ['md'] },
        { title: m.person.health, dataIndex: 'health', render: (v: string | null) => fact.choice('healthStates', v), responsive: ['lg'] },
        { title: m.person.schoolStage, dataIndex: 'schoolStage', render: (v: string | null) => fact.choice('schoolStages', v), responsive: ['xl'] },
        { title: m.person.phone, dataIndex: 'phone', render: (v: string | null, p) => <SensitiveValue personId={p.id} masked={v} field="phone" />, responsive: ['lg'] },
        ...(session.can('registry.write')
          ? [
              {
                title: m.common.actions,
                key: 'actions',
                render: (_: unknown, p: PersonOutput) => editLink(p),
              },
            ]
          : []),
      ]}
    />
  );
}
