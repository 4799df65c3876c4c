/**
 * 修改规则: the condition and benefit as a new version in force from a date, with the reason. The
 * server checks the expressions against the fact catalog; a refusal lists rule, field and reason.
 */
import { useState } from 'react';
import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import type { Benefit, PolicyPack, PolicyRule, RuleVersion } from '@anju/core/policy/pack-schema';
import { PackIssuesAlert } from './PackIssues';
import { usePolicyMessages } from './policy-messages';
import { editRule } from './policy-queries';
import { ClauseBlock } from './ClauseBlock';

interface Values {
  from: Dayjs | null;
  condition: string;
  kind: Benefit['kind'];
  amount: string;
  cap: string;
  per: Benefit['per'];
  months: number | null;
  payee: Benefit['payee'];
  note: string;
  evidence: string[];
  change: string;
}

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' };

function toBenefit(v: Values): Benefit {
  const text = (s: string) => s?.trim() || undefined;
  return {
    kind: v.kind,
    amount: text(v.amount),
    cap: text(v.cap),
    per: v.per,
    months: v.per === 'month' ? (v.months ?? undefined) : undefined,
    payee: v.payee,
    note: text(v.note),
  };
}

export function RuleEditModal({ pack, rule, base, onClose }: { pack: PolicyPack; rule: PolicyRule; base: RuleVersion; onClose(): void }) {
  const p = usePolicyMessages();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const per = Form.useWatch('per', form);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const b = base.benefit;
  const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

  async function submit(v: Values) {
    setSaving(true);
    setError(null);
    try {
      await editRule(pack.code, rule.id, { from: v.from!.format('YYYY-MM-DD'), condition: v.condition.trim(), benefit: toBenefit(v), evidence: v.evidence, change: v.change.trim() });
      message.success(p.saved);
      await queryClient.invalidateQueries({ queryKey: ['policy'] });
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      width={900}
      title={p.editRuleTitle(rule.title)}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'rule-edit-submit' }}
      destroyOnHidden
    >
      <PackIssuesAlert error={error} />
      <Alert type="info" showIcon title={p.editRuleHint} style={{ marginBottom: 12 }} />
      <ClauseBlock clause={rule.clause} />
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ marginTop: 12 }}
        onFinish={(v) => void submit(v)}
        data-testid="rule-edit-form"
        initialValues={{
          from: dayjs(),
          condition: base.condition,
          kind: b.kind,
          amount: b.amount ?? '',
          cap: b.cap ?? '',
          per: b.per,
          months: b.months ?? null,
          payee: b.payee,
          note: b.note ?? '',
          evidence: base.evidence,
          change: '',
        }}
      >
        <Form.Item name="condition" label={p.condition} extra={p.conditionHint} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} style={mono} data-testid="rule-condition-input" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12} md={6}>
            <Form.Item name="kind" label={p.benefitKind}>
              <Select options={options(p.kinds)} data-testid="rule-kind" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={6}>
            <Form.Item name="payee" label={p.payee}>
              <Select options={options(p.payees)} data-testid="rule-payee" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={6}>
            <Form.Item name="per" label={p.per}>
              <Radio.Group options={options(p.pers)} optionType="button" data-testid="rule-per" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={6}>
            <Form.Item name="months" label={p.months}>
              <InputNumber min={1} precision={0} disabled={per !== 'month'} style={{ width: '100%' }} data-testid="rule-months" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="amount" label={p.amountExpr}>
              <Input style={mono} data-testid="rule-amount" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="cap" label={p.cap}>
              <Input style={mono} data-testid="rule-cap" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={p.note}>
          <Input maxLength={200} data-testid="rule-note" />
        </Form.Item>
        <Form.Item name="evidence" label={p.evidence} extra={p.evidenceHint}>
          <Select mode="tags" open={false} suffixIcon={null} data-testid="rule-evidence" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="from" label={p.from} rules={[{ required: true, message: p.fromRequired }]}>
              <DatePicker style={{ width: '100%' }} data-testid="rule-from" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="change" label={p.change} rules={[{ required: true, whitespace: true, min: 2, message: p.changeRequired }]}>
              <Input.TextArea rows={2} maxLength={500} placeholder={p.changePlaceholder} data-testid="rule-change" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
