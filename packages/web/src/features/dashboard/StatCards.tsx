/** The headline figures; each card opens the list it counts. */
import { Card, Statistic, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import type { DashboardOutput } from '../../api/types';
import { useMessages } from '../../i18n/locale';
import { listLink } from './dashboard-queries';

interface Figure {
  key: string;
  title: string;
  value: number | string;
  unit: string;
  hint?: string;
  to?: string;
}

export function StatCards({ data }: { data: DashboardOutput }) {
  const m = useMessages();
  const d = m.dashboard;
  const navigate = useNavigate();
  const code = data.divisionCode;
  const t = data.totals;
  const figures: Figure[] = [
    { key: 'sites', title: d.sites, value: t.sites, unit: d.unitSite, to: listLink('/sites', code) },
    { key: 'households', title: d.households, value: t.households, unit: d.unitHousehold, to: listLink('/households', code) },
    { key: 'registered-poor-households', title: d.registeredPoorHouseholds, value: t.registeredPoorHouseholds, unit: d.unitHousehold, to: listLink('/households', code, { kind: 'registered_poor' }) },
    { key: 'people', title: d.people, value: t.people, unit: d.unitPerson, to: listLink('/persons', code) },
    { key: 'registered-poor-people', title: d.registeredPoorPeople, value: t.registeredPoorPeople, unit: d.unitPerson, to: listLink('/persons', code, { registeredPoor: 'true' }) },
    { key: 'labour-force', title: d.labourForce, value: t.labourForce, unit: d.unitPerson, hint: d.labourForceHint(data.labourForceAges.minAge, data.labourForceAges.maxAge), to: listLink('/persons', code, { labourForce: 'true' }) },
    // The employment ledger (月调度) comes later: say so instead of showing a made-up number.
    { key: 'employed', title: d.employed, value: data.employment ? data.employment.employed : d.pendingEmployment, unit: data.employment ? d.unitPerson : '', hint: d.pendingEmploymentHint },
    { key: 'employment-rate', title: d.employmentRate, value: data.employment ? `${(data.employment.rate * 100).toFixed(1)}%` : d.pendingEmployment, unit: '', hint: d.pendingEmploymentHint },
  ];
  return (
    <div className="stat-grid">
      {figures.map((f) => {
        const pending = typeof f.value === 'string' && !f.unit;
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
              value={f.value}
              suffix={f.unit ? <span style={{ fontSize: 14 }}>{f.unit}</span> : undefined}
              styles={{ content: pending ? { fontSize: 14, color: '#999', lineHeight: '39px', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } : { color: f.to ? '#1f5fbf' : undefined } }}
              groupSeparator=","
            />
          </Card>
        );
        return f.hint ? (
          <Tooltip key={f.key} title={f.hint}>
            {card}
          </Tooltip>
        ) : (
          card
        );
      })}
    </div>
  );
}
