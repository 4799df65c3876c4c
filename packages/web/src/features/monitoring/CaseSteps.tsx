/**
 * The procedure as antd Steps: identification to 纳入监测, then 风险消除; a rejected case ends in
 * red at the step it was rejected, an eliminated one in green at the end.
 */
import { Grid, Steps } from 'antd';
import type { CaseDetail } from './case-types';
import { useMonitoringMessages } from './monitoring-messages';

const PROCEDURE = ['lead', 'verified', 'compared', 'notice', 'township_reviewed', 'monitored', 'elimination_notice', 'eliminated'] as const;

export function CaseSteps({ c }: { c: CaseDetail }) {
  const t = useMonitoringMessages();
  const wide = !!Grid.useBreakpoint().lg;
  const rejected = c.step === 'rejected';
  const at = rejected ? PROCEDURE.indexOf((c.rejectedStep ?? 'lead') as (typeof PROCEDURE)[number]) : PROCEDURE.indexOf(c.step as (typeof PROCEDURE)[number]);
  const shown = rejected ? PROCEDURE.slice(0, Math.max(at, 0) + 1) : PROCEDURE;
  return (
    <Steps
      size="small"
      orientation={wide ? 'horizontal' : 'vertical'}
      current={Math.max(at, 0)}
      status={rejected ? 'error' : c.step === 'eliminated' ? 'finish' : 'process'}
      data-testid="case-steps"
      items={shown.map((s, i) => ({
        key: s,
        title: rejected && i === at ? t.steps.rejected : t.steps[s],
        content: i === at && rejected ? c.rejectedReason : undefined,
      }))}
      style={{ marginBottom: 16 }}
    />
  );
}
