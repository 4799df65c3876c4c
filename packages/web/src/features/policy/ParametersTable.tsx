/**
 * 政策参数: each parameter with its value in force today (由地方确定 in orange when the document
 * leaves it open and nobody has set it), unit, clause and source; a row opens its versions.
 */
import { useState } from 'react';
import { Button, Table, Typography } from 'antd';
import type { PolicyPack, PolicyParameter } from '@anju/core/policy/pack-schema';
import { inForceOn } from '@anju/core/policy/versions';
import { useMessages } from '../../i18n/locale';
import { LocalTag, today, VersionStateTag } from './benefit-format';
import { ParameterEditModal } from './ParameterEditModal';
import { usePolicyMessages } from './policy-messages';

type ParamVersion = PolicyParameter['versions'][number];

export function ParamValue({ value, unit }: { value: number | null | undefined; unit?: string }) {
  if (value == null) return <LocalTag />;
  return <span data-testid="param-value">{`${value.toLocaleString('zh-CN')}${unit ? ` ${unit}` : ''}`}</span>;
}

function Versions({ param }: { param: PolicyParameter }) {
  const p = usePolicyMessages();
  const on = today();
  return (
    <Table<ParamVersion>
      rowKey="from"
      size="small"
      pagination={false}
      dataSource={[...param.versions].sort((a, b) => b.from.localeCompare(a.from))}
      data-testid="param-versions"
      columns={[
        { title: p.from, dataIndex: 'from', width: 110 },
        { title: p.to, dataIndex: 'to', width: 110, render: (v: string | null | undefined) => v ?? p.openEnded },
        { title: p.status, key: 'state', width: 90, render: (_: unknown, v) => <VersionStateTag v={v} on={on} /> },
        { title: p.value, dataIndex: 'value', render: (v: number | null) => <ParamValue value={v} unit={param.unit} /> },
        { title: p.source, dataIndex: 'source', render: (v?: string) => v ?? '—' },
        { title: p.change, dataIndex: 'change', render: (v?: string) => v ?? '—' },
      ]}
    />
  );
}

export function ParametersTable({ pack, canEdit }: { pack: PolicyPack; canEdit: boolean }) {
  const p = usePolicyMessages();
  const m = useMessages();
  const [editing, setEditing] = useState<PolicyParameter | null>(null);
  const on = today();
  return (
    <>
      <Table<PolicyParameter>
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={pack.parameters}
        scroll={{ x: 'max-content' }}
        data-testid="parameters-table"
        onRow={(param) => ({ 'data-param': param.name }) as React.HTMLAttributes<HTMLElement>}
        expandable={{ expandedRowRender: (param) => <Versions param={param} /> }}
        columns={[
          {
            title: p.parameter,
            dataIndex: 'title',
            render: (title: string, param) => (
              <div style={{ maxWidth: 360, whiteSpace: 'normal' }}>
                {title}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {param.name}
                </Typography.Text>
              </div>
            ),
          },
          { title: p.value, key: 'value', render: (_: unknown, param) => <ParamValue value={inForceOn(param.versions, on)?.value} /> },
          { title: p.unit, dataIndex: 'unit', render: (u?: string) => u ?? '—' },
          { title: p.clause, dataIndex: 'clause', render: (c?: string) => c ?? '—' },
          { title: p.source, key: 'source', render: (_: unknown, param) => <div style={{ maxWidth: 320, whiteSpace: 'normal' }}>{inForceOn(param.versions, on)?.source ?? '—'}</div> },
          { title: p.versions, key: 'versions', align: 'right', render: (_: unknown, param) => param.versions.length },
          ...(canEdit
            ? [
                {
                  title: m.common.actions,
                  key: 'actions',
                  render: (_: unknown, param: PolicyParameter) => (
                    <Button type="link" size="small" onClick={() => setEditing(param)} data-testid="param-edit">
                      {p.editParameter}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <ParameterEditModal packCode={pack.code} param={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
