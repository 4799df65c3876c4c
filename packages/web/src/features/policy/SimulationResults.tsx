/**
 * What a what-if changes: per rule the subjects before and after, gained and lost (each a way into
 * its list) and the amount before and after; per child division the same in a chart and a table.
 */
import { Alert, Button, Card, Col, Empty, Row, Statistic, Table } from 'antd';
import { Money } from './benefit-format';
import { usePolicyMessages } from './policy-messages';
import type { Simulation, SimulationDivision, SimulationRule } from './policy-types';
import { SimulationChart } from './SimulationChart';

function Delta({ value }: { value: number | null }) {
  if (value === null) return <>—</>;
  const color = value > 0 ? '#cf1322' : value < 0 ? '#389e0d' : undefined;
  return (
    <span style={{ color, whiteSpace: 'nowrap' }} data-testid="cost-delta">
      {value > 0 ? '+' : ''}
      {value.toLocaleString('zh-CN')}
    </span>
  );
}

function costDelta(r: SimulationRule): number | null {
  return r.costBefore === null || r.costAfter === null ? null : r.costAfter - r.costBefore;
}

interface Props {
  result: Simulation;
  /** Whether each rule pays an amount (cash, loan), by rule id. */
  payable: (ruleId: string) => boolean;
  onList(rule: SimulationRule, change: 'gained' | 'lost'): void;
}

export function SimulationResults({ result, payable, onList }: Props) {
  const p = usePolicyMessages();
  const gained = result.rules.reduce((s, r) => s + r.gained, 0);
  const lost = result.rules.reduce((s, r) => s + r.lost, 0);
  const deltas = result.rules.map(costDelta);
  const total = deltas.some((d) => d !== null) ? deltas.reduce<number>((s, d) => s + (d ?? 0), 0) : null;
  const count = (r: SimulationRule, change: 'gained' | 'lost') =>
    r[change] > 0 ? (
      <Button type="link" size="small" onClick={() => onList(r, change)} data-testid={`simulation-${change}`}>
        {r[change].toLocaleString('zh-CN')}
      </Button>
    ) : (
      0
    );

  return (
    <div data-testid="simulation-results">
      <Alert type="warning" showIcon title={p.notSaved} style={{ margin: '12px 0' }} data-testid="simulation-not-saved-result" />
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={p.totalGained} value={gained} data-testid="simulation-total-gained" />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={p.totalLost} value={lost} data-testid="simulation-total-lost" />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={`${p.totalCostDelta}（${p.unitYuan}）`} valueRender={() => <Delta value={total} />} data-testid="simulation-total-cost" />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={p.byRule} style={{ marginBottom: 12 }}>
        <Table<SimulationRule>
          rowKey="ruleId"
          size="small"
          pagination={false}
          dataSource={result.rules}
          scroll={{ x: 'max-content' }}
          data-testid="simulation-rules"
          onRow={(r) => ({ 'data-rule': r.ruleId, style: r.gained || r.lost || costDelta(r) ? { background: '#fffbe6' } : undefined }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: p.rule, dataIndex: 'title', render: (t: string) => <div style={{ minWidth: 200, maxWidth: 340, whiteSpace: 'normal' }}>{t}</div> },
            { title: p.before, dataIndex: 'before', align: 'right' },
            { title: p.after, dataIndex: 'after', align: 'right' },
            { title: p.gained, key: 'gained', align: 'right', render: (_: unknown, r) => count(r, 'gained') },
            { title: p.lost, key: 'lost', align: 'right', render: (_: unknown, r) => count(r, 'lost') },
            { title: p.costBefore, dataIndex: 'costBefore', align: 'right', render: (v: number | null, r) => <Money value={v} payable={payable(r.ruleId)} /> },
            { title: p.costAfter, dataIndex: 'costAfter', align: 'right', render: (v: number | null, r) => <span data-testid="cost-after"><Money value={v} payable={payable(r.ruleId)} /></span> },
            { title: p.costDelta, key: 'delta', align: 'right', render: (_: unknown, r) => <Delta value={costDelta(r)} /> },
          ]}
        />
      </Card>
      <Card size="small" title={p.byDivision}>
        {result.divisions.length === 0 ? (
          <Empty description={p.noChildren} />
        ) : (
          <>
            <SimulationChart divisions={result.divisions} />
            <Table<SimulationDivision>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={result.divisions}
              scroll={{ x: 'max-content' }}
              data-testid="simulation-divisions"
              columns={[
                { title: p.division, dataIndex: 'name' },
                { title: p.gained, dataIndex: 'gained', align: 'right' },
                { title: p.lost, dataIndex: 'lost', align: 'right' },
                { title: p.costDelta, dataIndex: 'costDelta', align: 'right', render: (v: number | null) => <Delta value={v} /> },
              ]}
            />
          </>
        )}
      </Card>
    </div>
  );
}
