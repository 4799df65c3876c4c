/** Every version of a rule: when it was in force, its condition and benefit, and why it changed. */
import { Table, Typography } from 'antd';
import type { RuleVersion } from '@anju/core/policy/pack-schema';
import { benefitText, today, VersionStateTag } from './benefit-format';
import { usePolicyMessages } from './policy-messages';

export function RuleVersionsTable({ versions }: { versions: RuleVersion[] }) {
  const p = usePolicyMessages();
  const on = today();
  const rows = [...versions].sort((a, b) => b.from.localeCompare(a.from));
  return (
    <Table<RuleVersion>
      rowKey="from"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      data-testid="rule-versions"
      columns={[
        { title: p.from, dataIndex: 'from', width: 110 },
        { title: p.to, dataIndex: 'to', width: 110, render: (v: string | null | undefined) => v ?? p.openEnded },
        { title: p.status, key: 'state', width: 90, render: (_: unknown, v) => <VersionStateTag v={v} on={on} /> },
        { title: p.condition, dataIndex: 'condition', render: (c: string) => <Typography.Text code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{c}</Typography.Text> },
        {
          title: p.benefit,
          key: 'benefit',
          render: (_: unknown, v) => (
            <span>
              {benefitText(p, v.benefit)}
              {v.benefit.amount && <> · <Typography.Text code>{v.benefit.amount}</Typography.Text></>}
              {v.benefit.cap && <> · ≤ <Typography.Text code>{v.benefit.cap}</Typography.Text></>}
            </span>
          ),
        },
        { title: p.change, dataIndex: 'change', render: (c: string | undefined) => c ?? '—' },
      ]}
    />
  );
}
