/** Open cases by step, each with its overdue count: a card per step, chosen to filter the list below. */
import { Badge, Card, Skeleton } from 'antd';
import { ErrorState } from '../../shared/ErrorState';
import { useMonitoringMessages } from './monitoring-messages';
import { useBoard } from './monitoring-queries';

const OPEN_STEPS = ['lead', 'verified', 'compared', 'notice', 'township_reviewed', 'monitored', 'elimination_notice'] as const;

interface CaseBoardProps {
  division: string;
  step: string | undefined;
  onStep(step: string | undefined): void;
}

export function CaseBoard({ division, step, onStep }: CaseBoardProps) {
  const t = useMonitoringMessages();
  const board = useBoard(division);
  if (board.isError) return <ErrorState error={board.error} onRetry={() => void board.refetch()} />;
  if (!board.data) return <Skeleton active paragraph={{ rows: 1 }} />;
  const byStep = new Map(board.data.steps.map((s) => [s.step as string, s]));
  const total = board.data.steps.filter((s) => (OPEN_STEPS as readonly string[]).includes(s.step)).reduce((n, s) => n + s.count, 0);
  const cards = [{ key: undefined as string | undefined, label: t.boardAll, count: total, overdue: 0 }].concat(
    OPEN_STEPS.map((s) => ({ key: s as string | undefined, label: t.steps[s] ?? s, count: byStep.get(s)?.count ?? 0, overdue: byStep.get(s)?.overdue ?? 0 })),
  );
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(132px, 1fr))', gap: 8, marginBottom: 16 }} data-testid="case-board">
      {cards.map((c) => (
        <Card
          key={c.key ?? 'all'}
          size="small"
          hoverable
          onClick={() => onStep(c.key)}
          data-testid={`board-${c.key ?? 'all'}`}
          data-count={c.count}
          data-overdue={c.overdue}
          style={{ borderColor: step === c.key ? '#1f5fbf' : undefined, background: step === c.key ? '#e6f0ff' : undefined }}
        >
          <div style={{ fontSize: 13, color: '#555' }}>{c.label}</div>
          <div style={{ fontSize: 22, fontWeight: 600 }}>{c.count}</div>
          {c.overdue > 0 && <Badge color="red" text={<span style={{ color: '#cf1322' }}>{t.overdueN(c.overdue)}</span>} />}
        </Card>
      ))}
    </div>
  );
}
