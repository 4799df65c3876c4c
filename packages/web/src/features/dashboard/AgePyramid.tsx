import { useNavigate } from 'react-router';
import type { DashboardOutput } from '../../api/types';
import { useMessages } from '../../i18n/locale';
import { listLink } from './dashboard-queries';
import { Chart } from './echarts';

/** Population pyramid in five-year bands; a bar opens the people of that sex. */
export function AgePyramid({ data }: { data: DashboardOutput }) {
  const m = useMessages();
  const navigate = useNavigate();
  const bands = data.ageBands;
  const label = (b: (typeof bands)[number]) => (b.to === null ? `${b.from}+` : `${b.from}–${b.to}`);
  return (
    <Chart
      testId="chart-age-pyramid"
      height={320}
      onClick={(p) => navigate(listLink('/persons', data.divisionCode, { sex: p.seriesIndex === 0 ? 'M' : 'F', sort: 'birth_date' }))}
      option={{
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          valueFormatter: (v) => String(Math.abs(Number(v))),
        },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
        xAxis: { type: 'value', axisLabel: { formatter: (v: number) => String(Math.abs(v)) } },
        yAxis: { type: 'category', data: bands.map(label), axisTick: { show: false } },
        series: [
          { name: m.dashboard.male, type: 'bar', stack: 'all', data: bands.map((b) => -b.male), itemStyle: { color: '#1f5fbf' }, barCategoryGap: '15%' },
          { name: m.dashboard.female, type: 'bar', stack: 'all', data: bands.map((b) => b.female), itemStyle: { color: '#e66f7f' } },
        ],
      }}
    />
  );
}
