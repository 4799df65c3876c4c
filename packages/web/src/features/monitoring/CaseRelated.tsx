/**
 * What stands behind a case: the warnings it was opened from (each with the category it points to
 * and its department rows), and the household's earlier cases.
 */
import { Card, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { EarlierCase } from './case-types';
import { StepTag } from './case-format';
import { useMonitoringMessages } from './monitoring-messages';
import { RuleWithClause, WarningFacts } from './WarningFacts';
import { CategoryTag, WarningSources } from './WarningSource';
import type { Warning } from './warning-types';

export function CaseWarnings({ warnings }: { warnings: Warning[] }) {
  const t = useMonitoringMessages();
  return (
    <Card title={t.caseWarnings} size="small" style={{ marginBottom: 12 }}>
      <Table<Warning>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={warnings}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t.noWarnings }}
        data-testid="case-warnings"
        columns={[
          { title: t.rule, dataIndex: 'ruleTitle', render: (title: string, w) => <RuleWithClause title={title} clause={w.clause} /> },
          { title: t.warningCategory, dataIndex: 'category', render: (category: string) => <CategoryTag category={category} /> },
          { title: t.facts, dataIndex: 'facts', render: (facts: Warning['facts']) => <WarningFacts facts={facts} /> },
          { title: t.sources, dataIndex: 'sources', render: (_: unknown, w) => <WarningSources warning={w} /> },
          { title: t.period, dataIndex: 'period' },
          { title: t.status, dataIndex: 'status', render: (s: string) => <Tag>{t.warningStatuses[s] ?? s}</Tag> },
        ]}
      />
    </Card>
  );
}

export function EarlierCases({ cases }: { cases: EarlierCase[] }) {
  const t = useMonitoringMessages();
  return (
    <Card title={t.earlierCases} size="small" style={{ marginBottom: 12 }}>
      <Table<EarlierCase>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={cases}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t.noEarlierCases }}
        data-testid="earlier-cases"
        columns={[
          { title: t.leadOn, dataIndex: 'leadOn', render: (d: string, c) => <Link to={`/monitoring/cases/${c.id}`}>{d}</Link> },
          { title: t.step, dataIndex: 'step', render: (s: string) => <StepTag step={s} /> },
          { title: t.category, dataIndex: 'category', render: (v: string) => t.categories[v] ?? v },
          { title: t.channel, dataIndex: 'channel', render: (v: string) => t.channels[v] ?? v },
          { title: t.monitoredOn, dataIndex: 'monitoredOn', render: (d: string | null) => d ?? '—' },
          { title: t.eliminatedOn, dataIndex: 'eliminatedOn', render: (d: string | null) => d ?? '—' },
          { title: t.rejectReason, dataIndex: 'rejectedReason', render: (r: string | null) => r ?? '—' },
        ]}
      />
    </Card>
  );
}
