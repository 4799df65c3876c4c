/**
 * Every figure of /employment/figures as a card, with the clause it rests on in the tooltip;
 * a card opens the list behind it (the ledger with a filter, or a zero-employment tab).
 */
import type { ReactNode } from 'react';
import { Card, Statistic, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { useMessages } from '../../i18n/locale';
import { employmentLink, type EmploymentFigures, type FactSource } from './employment-queries';

interface Figure {
  key: string;
  title: string;
  value: number | null;
  unit: string;
  rate?: boolean;
  source?: FactSource;
  hint?: string;
  to?: string;
}

function tip(f: Figure): ReactNode {
  if (!f.source && !f.hint) return null;
  return (
    <div>
      {f.source && (
        <>
          <div>{f.source.rule}</div>
          <div style={{ opacity: 0.8 }}>{f.source.clause}</div>
        </>
      )}
      {f.hint && <div>{f.hint}</div>}
    </div>
  );
}

export function FigureCards({ data, divisionCode }: { data: EmploymentFigures; divisionCode: string }) {
  const m = useMessages();
  const e = m.employment;
  const c = e.cards;
  const navigate = useNavigate();
  const s = data.sources;
  const period = data.period ?? undefined;
  const ledger = (params: Record<string, string>) => employmentLink('/employment/ledger', { period, divisionCode: divisionCode || undefined, ...params });
  const zero = (state: string) => employmentLink('/employment/zero-households', { period, divisionCode: divisionCode || undefined, state: state === 'new' ? undefined : state });
  const figures: Figure[] = [
    { key: 'labour-force', title: c.labourForce, value: data.labourForce, unit: e.unitPerson, source: s.labourForce, to: ledger({ fact: 'labour_force' }) },
    { key: 'employed', title: c.employed, value: data.employed, unit: e.unitPerson, source: s.employed, to: ledger({ fact: 'employed' }) },
    { key: 'employment-rate', title: c.employmentRate, value: data.employmentRate, unit: '%', rate: true, source: s.employed, to: ledger({ fact: 'employed' }) },
    { key: 'stably-employed', title: c.stablyEmployed, value: data.stablyEmployed, unit: e.unitPerson, source: s.stablyEmployed, to: ledger({ fact: 'stably_employed' }) },
    { key: 'stable-rate', title: c.stableRate, value: data.stableRate, unit: '%', rate: true, source: s.stablyEmployed, to: ledger({ fact: 'stably_employed' }) },
    { key: 'seeking', title: c.seeking, value: data.seeking, unit: e.unitPerson, hint: e.hints.seeking, to: ledger({ fact: 'seeking' }) },
    { key: 'training-wish', title: c.trainingWish, value: data.trainingWish, unit: e.unitPerson, hint: e.hints.trainingWish, to: ledger({ fact: 'training_wish' }) },
    { key: 'first-cross-province', title: c.firstCrossProvince, value: data.firstCrossProvince, unit: e.unitPerson, source: s.firstCrossProvince, to: ledger({ fact: 'first_cross_province' }) },
    { key: 'returnees', title: c.returnees, value: data.returnees, unit: e.unitPerson, source: s.returnee, to: ledger({ fact: 'returnee' }) },
    { key: 'insured', title: c.insured, value: data.insured, unit: e.unitPerson, hint: e.hints.insured },
    { key: 'households-with-labour', title: c.householdsWithLabour, value: data.householdsWithLabour, unit: e.unitHousehold, source: s.oneStablePerHousehold, hint: e.hints.households },
    { key: 'households-one-stable', title: c.householdsOneStable, value: data.householdsOneStable, unit: e.unitHousehold, source: s.oneStablePerHousehold, hint: e.hints.households },
    { key: 'one-stable-rate', title: c.oneStableRate, value: data.oneStableRate, unit: '%', rate: true, source: s.oneStablePerHousehold, hint: e.hints.households },
    { key: 'zero-new', title: c.zeroNew, value: data.zeroEmployment.new, unit: e.unitHousehold, source: s.zeroEmployment, to: zero('new') },
    { key: 'zero-cleared', title: c.zeroCleared, value: data.zeroEmployment.cleared, unit: e.unitHousehold, source: s.zeroEmployment, to: zero('cleared') },
    { key: 'zero-open', title: c.zeroOpen, value: data.zeroEmployment.open, unit: e.unitHousehold, source: s.zeroEmployment, to: zero('open') },
    { key: 'income-reported', title: c.incomeReported, value: data.income.reported, unit: e.unitPerson, hint: e.hints.income },
    { key: 'income-average', title: c.incomeAverage, value: data.income.monthlyAverage, unit: e.unitYuan, hint: e.hints.income },
  ];
  if (data.training) {
    const t = data.training;
    figures.push(
      { key: 'trained', title: c.trained, value: t.trained, unit: e.unitPerson, hint: e.hints.training, to: '/training' },
      { key: 'certified', title: c.certified, value: t.certified, unit: e.unitPerson, hint: e.hints.training, to: '/training' },
      { key: 'training-rate', title: c.trainingRate, value: t.trainingRate, unit: '%', rate: true, hint: e.hints.training, to: '/training' },
      { key: 'certificate-rate', title: c.certificateRate, value: t.certificateRate, unit: '%', rate: true, hint: e.hints.training, to: '/training' },
    );
  }
  if (data.welfarePosts) {
    figures.push(
      { key: 'welfare-posts', title: c.welfarePosts, value: data.welfarePosts.posts, unit: e.unitPost, hint: e.hints.welfarePosts, to: '/welfare-posts' },
      { key: 'welfare-filled', title: c.welfareFilled, value: data.welfarePosts.filled, unit: e.unitPost, hint: e.hints.welfarePosts, to: '/welfare-posts' },
    );
  }

  return (
    <div className="stat-grid employment-stat-grid" data-testid="employment-figures">
      {figures.map((f) => {
        const tooltip = tip(f);
        const card = (
          <Card
            size="small"
            key={f.key}
            className={f.to ? 'stat-card' : 'stat-card static'}
            onClick={f.to ? () => navigate(f.to!) : undefined}
            data-testid={`figure-${f.key}`}
            role={f.to ? 'link' : undefined}
          >
            <Statistic
              title={f.title}
              value={f.value ?? m.common.none}
              precision={f.rate && f.value !== null ? 1 : undefined}
              suffix={f.unit && f.value !== null ? <span style={{ fontSize: 14 }}>{f.unit}</span> : undefined}
              styles={{ content: { color: f.to ? '#1f5fbf' : undefined } }}
              groupSeparator=","
            />
          </Card>
        );
        return tooltip ? (
          <Tooltip key={f.key} title={tooltip}>
            {card}
          </Tooltip>
        ) : (
          card
        );
      })}
    </div>
  );
}
