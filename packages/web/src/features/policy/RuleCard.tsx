/**
 * One rule as an official reads it: the clause text on the left (on top on phones), the condition
 * and the benefit of the version in force on the right, then every version with its dates.
 */
import { useState } from 'react';
import { Button, Card, Col, Collapse, Descriptions, Row, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { PolicyPack, PolicyRule, RuleVersion } from '@anju/core/policy/pack-schema';
import { ClauseBlock, currentVersion } from './ClauseBlock';
import { benefitText, today, versionState, VersionStateTag } from './benefit-format';
import { ParamRefs } from './ParamRefs';
import { usePolicyMessages } from './policy-messages';
import { RuleEditModal } from './RuleEditModal';
import { RuleVersionsTable } from './RuleVersionsTable';

function VersionBody({ pack, v }: { pack: PolicyPack; v: RuleVersion }) {
  const p = usePolicyMessages();
  const on = today();
  const b = v.benefit;
  return (
    <>
      <Typography.Text type="secondary">{p.condition}</Typography.Text>
      <pre style={{ margin: '6px 0 0', padding: '8px 12px', background: '#f6f8fa', whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 13 }} data-testid="rule-condition">
        {v.condition}
      </pre>
      <ParamRefs pack={pack} expressions={[v.condition]} on={on} />
      <Descriptions size="small" column={1} style={{ marginTop: 12 }} title={<span style={{ fontSize: 14 }}>{p.benefit}</span>} data-testid="rule-benefit">
        <Descriptions.Item label={p.benefitKind}>{benefitText(p, b)}</Descriptions.Item>
        {b.amount && (
          <Descriptions.Item label={p.amountExpr}>
            <div>
              <Typography.Text code>{b.amount}</Typography.Text>
              <ParamRefs pack={pack} expressions={[b.amount]} on={on} />
            </div>
          </Descriptions.Item>
        )}
        {b.cap && (
          <Descriptions.Item label={p.cap}>
            <div>
              <Typography.Text code>{b.cap}</Typography.Text>
              <ParamRefs pack={pack} expressions={[b.cap]} on={on} />
            </div>
          </Descriptions.Item>
        )}
        {b.note && <Descriptions.Item label={p.note}>{b.note}</Descriptions.Item>}
        <Descriptions.Item label={p.evidence}>{v.evidence.length ? v.evidence.join('；') : p.noEvidence}</Descriptions.Item>
        <Descriptions.Item label={p.from}>{p.period(v.from, v.to ?? null)}</Descriptions.Item>
        {v.change && <Descriptions.Item label={p.change}>{v.change}</Descriptions.Item>}
      </Descriptions>
    </>
  );
}

export function RuleCard({ pack, rule, canEdit }: { pack: PolicyPack; rule: PolicyRule; canEdit: boolean }) {
  const p = usePolicyMessages();
  const [editing, setEditing] = useState(false);
  const v = currentVersion(rule, today());
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="rule-card"
      data-rule={rule.id}
      title={
        <span style={{ whiteSpace: 'normal' }}>
          {rule.title}
          <Tag style={{ marginLeft: 8 }}>{rule.clause.ref}</Tag>
          <Tag color="blue">{p.subjects[rule.subject]}</Tag>
          {rule.jurisdiction && <Tag>{p.ruleJurisdiction(rule.jurisdiction)}</Tag>}
          {versionState(v, today()) !== 'inForce' && <VersionStateTag v={v} on={today()} />}
        </span>
      }
      extra={
        canEdit && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="rule-edit">
            {p.editRule}
          </Button>
        )
      }
    >
      <Row gutter={[24, 12]}>
        <Col xs={24} lg={10}>
          <ClauseBlock clause={rule.clause} />
        </Col>
        <Col xs={24} lg={14}>
          <VersionBody pack={pack} v={v} />
        </Col>
      </Row>
      <Collapse
        ghost
        size="small"
        style={{ marginTop: 8 }}
        items={[{ key: 'versions', label: p.versionCount(rule.versions.length), children: <RuleVersionsTable versions={rule.versions} /> }]}
      />
      {editing && <RuleEditModal pack={pack} rule={rule} base={v} onClose={() => setEditing(false)} />}
    </Card>
  );
}
