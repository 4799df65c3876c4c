/**
 * 应享政策 (the household page's tab): on a chosen date (today by default, any past date to
 * replay), the rules in force for the household, each member and each member's job.
 */
import { useState } from 'react';
import { Collapse, DatePicker, Empty, Skeleton, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { ErrorState } from '../../shared/ErrorState';
import { Yuan, today } from './benefit-format';
import { usePolicyMessages } from './policy-messages';
import { useHouseholdEvaluation } from './policy-queries';
import type { EvaluatedSubject } from './policy-types';
import { RuleResultsTable } from './RuleResultsTable';

function SubjectHead({ s }: { s: EvaluatedSubject }) {
  const p = usePolicyMessages();
  const eligible = s.results.filter((r) => r.eligible);
  const total = eligible.reduce((sum, r) => sum + (r.total ?? 0), 0);
  return (
    <Space wrap size={6}>
      <Tag color="blue">{p.subjects[s.kind] ?? s.kind}</Tag>
      <b>{s.label}</b>
      <Typography.Text type={eligible.length ? undefined : 'secondary'} data-testid="subject-count">
        {p.eligibleCount(eligible.length, s.results.length)}
      </Typography.Text>
      {total > 0 && (
        <Typography.Text type="secondary">
          {p.total} <Yuan value={total} />
        </Typography.Text>
      )}
    </Space>
  );
}

export function HouseholdPolicyTab({ householdId }: { householdId: string }) {
  const p = usePolicyMessages();
  const [asOf, setAsOf] = useState(today());
  const [onlyEligible, setOnlyEligible] = useState(false);
  const query = useHouseholdEvaluation(householdId, asOf);
  const data = query.data;
  const subjects = (data?.subjects ?? [])
    .map((s) => ({ ...s, results: [...s.results].filter((r) => !onlyEligible || r.eligible).sort((a, b) => Number(b.eligible) - Number(a.eligible)) }))
    .filter((s) => s.results.length > 0 || !onlyEligible);

  return (
    <div data-testid="household-policy">
      <Space wrap style={{ marginBottom: 12 }}>
        <Tooltip title={p.asOfHint}>
          <span>{p.asOf}</span>
        </Tooltip>
        <DatePicker value={dayjs(asOf)} allowClear={false} onChange={(d) => d && setAsOf(d.format('YYYY-MM-DD'))} data-testid="policy-asof" />
        <Switch checked={onlyEligible} onChange={setOnlyEligible} data-testid="policy-only-eligible" />
        <span>{p.onlyEligible}</span>
      </Space>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : !data ? (
        <Skeleton active />
      ) : subjects.every((s) => s.results.length === 0) ? (
        <Empty description={p.noRules} />
      ) : (
        <Collapse
          defaultActiveKey={subjects.map((s) => `${s.kind}:${s.id}`)}
          data-testid="policy-subjects"
          items={subjects.map((s) => ({
            key: `${s.kind}:${s.id}`,
            label: <SubjectHead s={s} />,
            children: (
              <div data-subject={`${s.kind}:${s.id}`}>
                {s.results.length ? <RuleResultsTable results={s.results} /> : <Empty description={p.noRules} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
              </div>
            ),
          }))}
        />
      )}
    </div>
  );
}
