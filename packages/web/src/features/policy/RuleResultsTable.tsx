/**
 * The rules in force for one subject: eligible or not, the amount (or 由地方确定), how it is paid
 * and the total, the clause (its text on hover), the evidence; a row opens its 判定依据.
 */
import { useState } from 'react';
import { Button, Col, Row, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Yuan, benefitText } from './benefit-format';
import { ClauseBlock } from './ClauseBlock';
import { usePolicyMessages } from './policy-messages';
import type { RuleResultOutput } from './policy-types';
import { TraceTree } from './TraceTree';

export function EligibleTag({ eligible }: { eligible: boolean }) {
  const p = usePolicyMessages();
  return eligible ? (
    <Tag color="success" icon={<CheckCircleFilled />} data-testid="result-eligible">
      {p.eligible}
    </Tag>
  ) : (
    <Tag icon={<CloseCircleFilled />} data-testid="result-not-eligible">
      {p.notEligible}
    </Tag>
  );
}

function Explanation({ r }: { r: RuleResultOutput }) {
  const p = usePolicyMessages();
  return (
    <Row gutter={[24, 12]} data-testid="result-explanation">
      <Col xs={24} xl={9}>
        <ClauseBlock clause={r.clause} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
          {p.documentOf(r.document)} · {r.packCode} · {p.period(r.version.from, r.version.to)}
        </Typography.Paragraph>
      </Col>
      <Col xs={24} xl={15}>
        <Typography.Text type="secondary">{p.explanation}</Typography.Text>
        {r.defaulted.length > 0 && (
          <div style={{ margin: '4px 0' }}>
            <Tag color="orange" data-testid="result-defaulted">
              {p.defaultedFacts(r.defaulted.length)}
            </Tag>
          </div>
        )}
        <div data-testid="trace-tree">
          <TraceTree node={r.trace} />
        </div>
      </Col>
    </Row>
  );
}

function amountCell(r: RuleResultOutput) {
  if (r.amount === null && r.amountNote === null) return '—';
  return <Yuan value={r.amount} note={r.amountNote} />;
}

export function RuleResultsTable({ results }: { results: RuleResultOutput[] }) {
  const p = usePolicyMessages();
  const [open, setOpen] = useState<string[]>([]);
  const toggle = (id: string) => setOpen((keys) => (keys.includes(id) ? keys.filter((k) => k !== id) : [...keys, id]));
  return (
    <Table<RuleResultOutput>
      rowKey="ruleId"
      size="small"
      pagination={false}
      dataSource={results}
      scroll={{ x: 'max-content' }}
      data-testid="rule-results"
      onRow={(r) => ({ 'data-rule': r.ruleId, 'data-eligible': String(r.eligible) }) as React.HTMLAttributes<HTMLElement>}
      expandable={{ expandedRowKeys: open, showExpandColumn: false, expandedRowRender: (r) => <Explanation r={r} /> }}
      columns={[
        { title: p.eligible, dataIndex: 'eligible', width: 90, render: (e: boolean) => <EligibleTag eligible={e} /> },
        {
          title: p.rule,
          dataIndex: 'title',
          render: (t: string, r) => (
            <div style={{ minWidth: 180, maxWidth: 320, whiteSpace: 'normal' }}>
              {t}
              <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                {r.packCode}
              </Typography.Text>
            </div>
          ),
        },
        {
          title: p.clause,
          key: 'clause',
          render: (_: unknown, r) => (
            <Tooltip title={<div style={{ whiteSpace: 'pre-wrap' }}>{r.clause.text}</div>} styles={{ root: { maxWidth: 520 } }}>
              <Tag style={{ cursor: 'help' }} data-testid="result-clause">
                {r.clause.ref}
              </Tag>
            </Tooltip>
          ),
        },
        { title: p.amount, key: 'amount', render: (_: unknown, r) => amountCell(r) },
        { title: p.benefit, key: 'per', render: (_: unknown, r) => benefitText(p, r.benefit) },
        {
          title: <Tooltip title={p.totalHint}>{p.total}</Tooltip>,
          key: 'total',
          render: (_: unknown, r) => (r.total !== null ? <Yuan value={r.total} /> : r.amountNote ? <Yuan value={null} note={r.amountNote} /> : '—'),
        },
        { title: p.evidence, dataIndex: 'evidence', responsive: ['xl'], render: (e: string[]) => <div style={{ maxWidth: 240, whiteSpace: 'normal' }}>{e.length ? e.join('；') : '—'}</div> },
        {
          title: p.explanation,
          key: 'explain',
          fixed: 'right',
          render: (_: unknown, r) => (
            <Button type="link" size="small" onClick={() => toggle(r.ruleId)} data-testid="result-explain">
              {open.includes(r.ruleId) ? p.hideExplanation : p.showExplanation}
            </Button>
          ),
        },
      ]}
    />
  );
}
