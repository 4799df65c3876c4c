/** The what-if by child division: subjects gained and lost (bars) and the change in amount (line). */
import { LineChart } from 'echarts/charts';
import { Chart, echarts } from '../dashboard/echarts';
import { usePolicyMessages } from './policy-messages';
import type { SimulationDivision } from './policy-types';

// The dashboard's ECharts registers bars, pies and maps; the change in amount is a line.
echarts.use([LineChart]);

export function SimulationChart({ divisions }: { divisions: SimulationDivision[] }) {
  const p = usePolicyMessages();
  return (
    <Chart
      testId="simulation-chart"
      height={320}
      option={{
        color: ['#52c41a', '#e8684a', '#1f5fbf'],
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: divisions.map((d) => d.name), axisLabel: { interval: 0, rotate: divisions.length > 8 ? 30 : 0 } },
        yAxis: [
          { type: 'value', name: p.people, minInterval: 1 },
          { type: 'value', name: p.unitYuan, splitLine: { show: false } },
        ],
        series: [
          { name: p.gained, type: 'bar', data: divisions.map((d) => d.gained), barMaxWidth: 28 },
          { name: p.lost, type: 'bar', data: divisions.map((d) => d.lost), barMaxWidth: 28 },
          { name: p.costDelta, type: 'line', yAxisIndex: 1, data: divisions.map((d) => d.costDelta), symbolSize: 7, connectNulls: false },
        ],
      }}
    />
  );
}
