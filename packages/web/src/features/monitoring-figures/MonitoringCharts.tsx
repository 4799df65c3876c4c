/**
 * Monitoring objects by category (pie), open cases by step (bar) and the 12-month trend (lines
 * and bars); a slice, a bar or a point opens the case list behind it.
 */
import { useNavigate } from 'react-router';
import { LineChart } from 'echarts/charts';
import { Chart, echarts } from '../dashboard/echarts';
import { useFiguresMessages } from './figures-messages';
import { drill, type MonitoringFigures } from './figures-queries';

// The dashboard's ECharts registers bars, pies and maps; the trend also needs lines.
echarts.use([LineChart]);

const CATEGORY_COLORS: Record<string, string> = { unstable: '#e8684a', marginal: '#f0a020', sudden_hardship: '#8c5cd9' };
const CATEGORIES = ['unstable', 'marginal', 'sudden_hardship'] as const;

/** The last day of a month YYYY-MM, or `today` when that is earlier (the month in progress). */
function monthEnd(period: string, today: string): string {
  const [y, mo] = period.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
  return end < today ? end : today;
}

export function CategoryPie({ data }: { data: MonitoringFigures }) {
  const f = useFiguresMessages();
  const navigate = useNavigate();
  const items = CATEGORIES.map((k) => [k, data.objects.byCategory[k]] as const);
  return (
    <Chart
      testId="chart-by-category"
      height={280}
      onClick={(p) => {
        const category = items[p.dataIndex]?.[0];
        if (category) navigate(drill.monitored(data.asOf, category));
      }}
      option={{
        color: items.map(([k]) => CATEGORY_COLORS[k]!),
        tooltip: { trigger: 'item', formatter: `{b}<br/>{c} ${f.unitHousehold}（{d}%）` },
        legend: { bottom: 0, type: 'scroll' },
        series: [
          {
            type: 'pie',
            radius: ['38%', '64%'],
            center: ['50%', '44%'],
            label: { formatter: '{c}' },
            data: items.map(([k, v]) => ({ name: f.categories[k] ?? k, value: v })),
          },
        ],
      }}
    />
  );
}

export function StepBar({ data }: { data: MonitoringFigures }) {
  const f = useFiguresMessages();
  const navigate = useNavigate();
  const items = Object.entries(data.openByStep);
  return (
    <Chart
      testId="chart-by-step"
      height={280}
      onClick={(p) => {
        const step = items[p.dataIndex]?.[0];
        if (step) navigate(drill.cases({ step }));
      }}
      option={{
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        yAxis: { type: 'category', inverse: true, data: items.map(([k]) => f.steps[k] ?? k), axisLabel: { width: 96, overflow: 'truncate' } },
        xAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            name: f.cards.openCases,
            type: 'bar',
            data: items.map(([, v]) => v),
            itemStyle: { color: '#1f5fbf' },
            barMaxWidth: 22,
            cursor: 'pointer',
            label: { show: true, position: 'right' },
          },
        ],
      }}
    />
  );
}

export function MonitoringTrend({ data }: { data: MonitoringFigures }) {
  const f = useFiguresMessages();
  const navigate = useNavigate();
  const points = data.trend;
  const to = drill;
  return (
    <Chart
      testId="chart-trend"
      height={300}
      onClick={(p) => {
        const period = points[p.dataIndex]?.period;
        if (!period) return;
        const series = p.seriesIndex ?? 0;
        if (series === 0) navigate(to.monitored(monthEnd(period, data.today)));
        else if (series === 1) navigate(to.cases({ monitoredIn: period }));
        else navigate(to.cases({ eliminatedIn: period }));
      }}
      option={{
        color: ['#1f5fbf', '#f0a020', '#52c41a'],
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: points.map((p) => p.period) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: f.series.monitored, type: 'line', data: points.map((p) => p.monitored), symbolSize: 7, cursor: 'pointer' },
          { name: f.series.newMonitored, type: 'bar', data: points.map((p) => p.newMonitored), barMaxWidth: 16, cursor: 'pointer' },
          { name: f.series.eliminated, type: 'bar', data: points.map((p) => p.eliminated), barMaxWidth: 16, cursor: 'pointer' },
        ],
      }}
    />
  );
}
