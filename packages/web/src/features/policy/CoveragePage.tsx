/**
 * 政策覆盖: for a division and a date, each rule in force with how many are eligible and what it
 * costs; a count opens the list of those subjects.
 */
import { useState } from 'react';
import { Button, Table, Tag, Tooltip, Typography } from 'antd';
import { ErrorState } from '../../shared/ErrorState';
import { PageHead } from '../../shared/PageHead';
import { usePageTitle } from '../../shared/use-page-title';
import { isPayable, Money, Yuan } from './benefit-format';
import { usePolicyMessages } from './policy-messages';
import { useEligibility, type SubjectsSource } from './policy-queries';
import type { EligibilityRule } from './policy-types';
import { ScopeBar, usePolicyScope } from './ScopeBar';
import { SubjectsDrawer } from './SubjectsDrawer';

export function CoveragePage() {
  const p = usePolicyMessages();
  const { divisionCode, asOf } = usePolicyScope();
  const query = useEligibility(divisionCode, asOf);
  const [list, setList] = useState<SubjectsSource | null>(null);
  usePageTitle(p.coverage);
  const rules: EligibilityRule[] = query.data?.rules ?? [];
  const totalCost = rules.reduce((sum, r) => sum + (r.cost ?? 0), 0);

  const costCell = (r: EligibilityRule) => (r.eligible > 0 ? <Money value={r.cost} payable={isPayable(r.kind)} /> : '—');

  return (
    <div data-testid="coverage-page">
      <PageHead title={p.coverage} />
      <Typography.Paragraph type="secondary">{p.coverageHint}</Typography.Paragraph>
      <ScopeBar />
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<EligibilityRule>
          rowKey="ruleId"
          size="small"
          loading={query.isFetching}
          dataSource={rules}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="coverage-table"
          onRow={(r) => ({ 'data-rule': r.ruleId }) as React.HTMLAttributes<HTMLElement>}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={5}>
                <b>{p.total}</b>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <b data-testid="coverage-total">
                  <Yuan value={totalCost} />
                </b>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
          columns={[
            { title: p.pack, dataIndex: 'packCode', width: 100 },
            { title: p.rule, dataIndex: 'title', render: (t: string) => <div style={{ minWidth: 200, maxWidth: 360, whiteSpace: 'normal' }}>{t}</div> },
            { title: p.subject, dataIndex: 'subject', render: (s: string) => <Tag color="blue">{p.subjects[s] ?? s}</Tag> },
            { title: p.benefitKind, dataIndex: 'kind', render: (k: string) => p.kinds[k] ?? k },
            {
              title: p.eligibleSubjects,
              dataIndex: 'eligible',
              align: 'right',
              render: (n: number, r) =>
                n > 0 ? (
                  <Button type="link" size="small" onClick={() => setList({ kind: 'eligibility', ruleId: r.ruleId, title: r.title, payable: isPayable(r.kind), division: divisionCode, asOf })} data-testid="coverage-count">
                    {n.toLocaleString('zh-CN')}
                  </Button>
                ) : (
                  0
                ),
            },
            { title: <Tooltip title={p.costHint}>{p.cost}</Tooltip>, key: 'cost', align: 'right', render: (_: unknown, r) => costCell(r) },
          ]}
        />
      )}
      <SubjectsDrawer source={list} onClose={() => setList(null)} />
    </div>
  );
}
