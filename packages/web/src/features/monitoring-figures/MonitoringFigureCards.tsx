/**
 * Every number of 监测统计 as a card with what it counts in the tooltip; a card opens the list
 * behind it (cases, warnings, tasks or conversions) with the filter that counts the same rows.
 */
import type { ReactNode } from 'react';
import { Card, Statistic, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { useMessages } from '../../i18n/locale';
import { formatNumber } from '../../shared/format';
import { useFiguresMessages } from './figures-messages';
import { drill, type MonitoringFigures } from './figures-queries';

interface Figure {
  key: string;
  title: string;
  value: number | null;
  unit: string;
  precision?: number;
  hint?: ReactNode;
  to?: string;
  /** Drawn in red: something is late, or the rate is below its target. */
  alarm?: boolean;
}

const CONSOLIDATION_TARGET = 98;

export function MonitoringFigureCards({ data }: { data: MonitoringFigures }) {
  const m = useMessages();
  const f = useFiguresMessages();
  const c = f.cards;
  const navigate = useNavigate();
  const to = drill;
  const cons = data.consolidation;
  const figures: Figure[] = [
    { key: 'objects', title: c.objects, value: data.objects.total, unit: f.unitHousehold, hint: f.hints.objects, to: to.monitored(data.asOf) },
    ...(['unstable', 'marginal', 'sudden_hardship'] as const).map((k) => ({
      key: `objects-${k}`,
      title: f.categories[k] ?? k,
      value: data.objects.byCategory[k],
      unit: f.unitHousehold,
      hint: f.hints.objects,
      to: to.monitored(data.asOf, k),
    })),
    { key: 'new-monitored', title: c.newMonitored, value: data.newMonitored, unit: f.unitHousehold, hint: f.hints.newMonitored, to: to.cases({ monitoredIn: data.period }) },
    { key: 'eliminated', title: c.eliminated, value: data.eliminated, unit: f.unitHousehold, hint: f.hints.eliminated, to: to.cases({ eliminatedIn: data.period }) },
    { key: 'overdue', title: c.overdue, value: data.overdue, unit: f.unitCase, hint: f.hints.overdue, to: to.cases({ overdue: 'true' }), alarm: data.overdue > 0 },
    {
      key: 'consolidation',
      title: c.consolidation,
      value: cons.rate,
      unit: '%',
      precision: 2,
      alarm: cons.rate !== null && cons.rate < CONSOLIDATION_TARGET,
      to: to.monitored(data.asOf, 'unstable'),
      hint: (
        <div data-testid="consolidation-tip">
          <div>{f.consolidationDefinition}</div>
          <div style={{ opacity: 0.85 }}>{f.consolidationTerms(formatNumber(cons.numerator), formatNumber(cons.denominator), formatNumber(cons.atRisk))}</div>
          <div>{f.consolidationTarget}</div>
        </div>
      ),
    },
    { key: 'warnings-raised', title: c.warningsRaised, value: data.warnings.raised, unit: f.unitWarning, hint: f.hints.warnings, to: to.warnings({ status: 'all', period: data.period }) },
    ...(['unstable', 'marginal', 'sudden_hardship'] as const).map((k) => ({
      key: `warnings-open-${k}`,
      title: c.warningsOpen(f.categories[k] ?? k),
      value: data.warnings.openByCategory[k],
      unit: f.unitWarning,
      hint: f.hints.warnings,
      to: to.warnings({ category: k }),
    })),
    { key: 'tasks-open', title: c.tasksOpen, value: data.tasks.open, unit: f.unitTask, hint: f.hints.tasks, to: to.tasks({ status: 'open' }) },
    { key: 'tasks-late', title: c.tasksLate, value: data.tasks.late, unit: f.unitTask, hint: f.hints.tasks, to: to.tasks({ late: 'true' }), alarm: data.tasks.late > 0 },
    { key: 'tasks-done', title: c.tasksDone, value: data.tasks.done, unit: f.unitTask, hint: f.hints.tasks, to: to.tasks({ status: 'done' }) },
    { key: 'conversions-pending', title: c.conversionsPending, value: data.conversions.pending, unit: f.unitPerson, hint: f.hints.conversions, to: to.conversions({ status: 'pending' }) },
    {
      key: 'conversions-overdue',
      title: c.conversionsOverdue,
      value: data.conversions.overdue,
      unit: f.unitPerson,
      hint: f.hints.conversions,
      to: to.conversions({ overdue: 'true' }),
      alarm: data.conversions.overdue > 0,
    },
    { key: 'open-cases', title: c.openCases, value: data.openCases, unit: f.unitCase, hint: f.hints.openCases, to: to.cases({}) },
  ];

  return (
    <div className="stat-grid employment-stat-grid" data-testid="monitoring-figures">
      {figures.map((fig) => {
        const card = (
          <Card
            size="small"
            key={fig.key}
            className="stat-card"
            onClick={fig.to ? () => navigate(fig.to!) : undefined}
            data-testid={`figure-${fig.key}`}
            data-value={fig.value ?? ''}
            role="link"
          >
            <Statistic
              title={fig.title}
              value={fig.value ?? m.common.none}
              precision={fig.precision !== undefined && fig.value !== null ? fig.precision : undefined}
              suffix={fig.unit && fig.value !== null ? <span style={{ fontSize: 14 }}>{fig.unit}</span> : undefined}
              styles={{ content: { color: fig.alarm ? '#cf1322' : '#1f5fbf' } }}
              groupSeparator=","
            />
          </Card>
        );
        return fig.hint ? (
          <Tooltip key={fig.key} title={fig.hint}>
            {card}
          </Tooltip>
        ) : (
          card
        );
      })}
    </div>
  );
}
