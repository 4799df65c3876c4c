/** The case's next actions as the server offers them; one not open to this user says why on hover. */
import { useState } from 'react';
import { Button, Space, Tooltip, Typography } from 'antd';
import { useSession } from '../auth/session';
import { ActionModal } from './ActionModal';
import type { CaseAction, CaseDetail, NextAction } from './case-types';
import { useMonitoringMessages } from './monitoring-messages';

/** The elimination steps open their modal even when refused: it shows the six conditions and why. */
const SHOWS_CHECK: Partial<Record<CaseAction, 'monitoring.lead' | 'monitoring.approve'>> = {
  propose_elimination: 'monitoring.lead',
  approve_elimination: 'monitoring.approve',
};

export function CaseActions({ c }: { c: CaseDetail }) {
  const t = useMonitoringMessages();
  const session = useSession();
  const [acting, setActing] = useState<NextAction | null>(null);
  const opens = (a: NextAction) => a.allowed || (SHOWS_CHECK[a.action] !== undefined && session.can(SHOWS_CHECK[a.action]!));
  if (!c.nextActions.length) return <Typography.Text type="secondary">{t.noActions}</Typography.Text>;
  return (
    <>
      <Space wrap data-testid="case-actions">
        {c.nextActions.map((a) => (
          <Tooltip key={a.action} title={a.allowed ? undefined : a.reason}>
            <Button
              type={a.action === 'reject' || !a.allowed ? 'default' : 'primary'}
              danger={a.action === 'reject'}
              disabled={!opens(a)}
              onClick={() => setActing(a)}
              data-testid={`action-${a.action}`}
              data-reason={a.reason ?? undefined}
            >
              {t.actions[a.action] ?? a.label}
            </Button>
          </Tooltip>
        ))}
      </Space>
      {acting && <ActionModal c={c} action={acting.action} refusedBecause={acting.allowed ? undefined : acting.reason} onClose={() => setActing(null)} />}
    </>
  );
}
