import { useNavigate } from 'react-router';
import type { DashboardOutput } from '../../api/types';
import { useLabels, useMessages } from '../../i18n/locale';
import { listLink } from './dashboard-queries';
import { Chart } from './echarts';

/** Households by kind (建档立卡脱贫户 / 同步搬迁户); a slice opens those households. */
export function KindPieChart({ data }: { data: DashboardOutput }) {
  const m = useMessages();
  const labels = useLabels();
  const navigate = useNavigate();
  return (
    <Chart
      testId="chart-by-kind"
      height={260}
      onClick={(p) => {
        const kind = data.byKind[p.dataIndex]?.kind;
        if (kind) navigate(listLink('/households', data.divisionCode, { kind }));
      }}
      option={{
        tooltip: { trigger: 'item', formatter: `{b}<br/>{c} ${m.dashboard.unitHousehold}（{d}%）` },
        legend: { bottom: 0 },
        color: ['#1f5fbf', '#52a8ff', '#f0a020'],
        series: [
          {
            type: 'pie',
            radius: ['40%', '68%'],
            center: ['50%', '45%'],
            label: { position: 'inside', formatter: '{c}', color: '#fff', fontWeight: 'bold' },
            data: data.byKind.map((k) => ({ name: labels.label('householdKinds', k.kind), value: k.households })),
          },
        ],
      }}
    />
  );
}
