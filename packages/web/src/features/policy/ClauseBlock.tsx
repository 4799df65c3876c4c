/** A rule's clause, quoted from its document, and the version of a rule to show first. */
import { Typography } from 'antd';
import type { PolicyRule, RuleVersion } from '@anju/core/policy/pack-schema';
import { inForceOn } from '@anju/core/policy/versions';
import { usePolicyMessages } from './policy-messages';

/** The version in force today, else the latest one (a rule whose term has ended). */
export function currentVersion(rule: PolicyRule, on: string): RuleVersion {
  return inForceOn(rule.versions, on) ?? [...rule.versions].sort((a, b) => b.from.localeCompare(a.from))[0]!;
}

export function ClauseBlock({ clause }: { clause: PolicyRule['clause'] }) {
  const p = usePolicyMessages();
  return (
    <div data-testid="rule-clause">
      <Typography.Text type="secondary">
        {p.clauseText} {clause.ref}
      </Typography.Text>
      <blockquote style={{ margin: '6px 0 0', padding: '8px 12px', background: '#fafafa', borderLeft: '3px solid #1f5fbf', whiteSpace: 'pre-wrap', lineHeight: 1.8 }}>
        {clause.text}
      </blockquote>
    </div>
  );
}
