/** How a case's step and lateness show: a coloured tag, and 逾期 n 天 with the level it went up to. */
import { Tag, Tooltip, Typography } from 'antd';
import { useMonitoringMessages } from './monitoring-messages';
import type { CaseItem } from './case-types';

export const STEP_COLOR: Record<string, string> = {
  lead: 'gold',
  verified: 'orange',
  compared: 'orange',
  notice: 'purple',
  township_reviewed: 'geekblue',
  monitored: 'red',
  elimination_notice: 'cyan',
  eliminated: 'green',
  rejected: 'default',
};

export function StepTag({ step }: { step: string }) {
  const t = useMonitoringMessages();
  return (
    <Tag color={STEP_COLOR[step]} data-testid="case-step" data-step={step}>
      {t.steps[step] ?? step}
    </Tag>
  );
}

export function OverdueNote({ c }: { c: Pick<CaseItem, 'overdue' | 'overdueDays' | 'escalatedTo'> }) {
  const t = useMonitoringMessages();
  if (!c.overdue) return null;
  return (
    <Typography.Text type="danger" data-testid="case-overdue">
      {c.overdueDays ? t.overdueDays(c.overdueDays) : t.overdue}
      {c.escalatedTo && ` · ${t.escalatedTo}${t.levels[c.escalatedTo] ?? c.escalatedTo}`}
    </Typography.Text>
  );
}

/** A step's deadline, red when passed; one counted without the year's holiday calendar says so. */
export function DueDate({ c }: { c: Pick<CaseItem, 'stepDue' | 'overdue' | 'dueEstimated'> }) {
  const t = useMonitoringMessages();
  if (!c.stepDue) return <>—</>;
  return (
    <span style={c.overdue ? { color: '#cf1322' } : undefined} data-testid="case-step-due">
      {c.stepDue}
      {c.dueEstimated && (
        <Tooltip title={t.dueEstimatedHint}>
          <Typography.Text type="secondary" style={{ cursor: 'help' }}>
            {t.dueEstimated}
          </Typography.Text>
        </Tooltip>
      )}
    </span>
  );
}
