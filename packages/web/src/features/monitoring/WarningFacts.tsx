/** What fired a warning: each fact with its value and source; personal ones shown as 已脱敏. */
import { Tag, Tooltip, Typography } from 'antd';
import { useFactValue } from '../policy/fact-value';
import { useMonitoringMessages } from './monitoring-messages';
import type { Warning } from './warning-types';

export function WarningFacts({ facts }: { facts: Warning['facts'] }) {
  const t = useMonitoringMessages();
  const value = useFactValue();
  return (
    <div style={{ minWidth: 180, maxWidth: 360, whiteSpace: 'normal' }} data-testid="warning-facts">
      {facts.map((f) => (
        <div key={f.name} data-fact={f.name}>
          <Typography.Text type="secondary">{f.label}：</Typography.Text>
          {f.masked ? <Tag data-testid="fact-masked">{t.masked}</Tag> : <span data-testid="fact-value">{value(f.name, f.value)}</span>}
          {f.source && (
            <Tooltip title={`${t.source}：${f.source}`}>
              <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4 }}>
                （{f.source}）
              </Typography.Text>
            </Tooltip>
          )}
        </div>
      ))}
    </div>
  );
}

/** A rule's title with its clause on hover (the clause text is long: a tooltip, not a column). */
export function RuleWithClause({ title, clause }: { title: string; clause: Warning['clause'] }) {
  const t = useMonitoringMessages();
  return (
    <div style={{ minWidth: 140, maxWidth: 260, whiteSpace: 'normal' }}>
      {title}{' '}
      {clause.ref && (
        <Tooltip
          title={
            <div style={{ maxWidth: 420 }}>
              {t.clause} {clause.ref}
              <br />
              {clause.text}
            </div>
          }
        >
          <Typography.Text type="secondary" style={{ fontSize: 12, cursor: 'help', borderBottom: '1px dashed #999' }} data-testid="warning-clause">
            {clause.ref}
          </Typography.Text>
        </Tooltip>
      )}
    </div>
  );
}
