/**
 * The employed by channel (pie) and by place (bar), and the trends over the periods; a slice,
 * a bar or a point opens the list behind it.
 */
import { useNavigate } from 'react-router';
import { LineChart } from 'echarts/charts';
import { useLabels, useMessages } from '../../i18n/locale';
import { Chart, echarts } from '../dashboard/echarts';
import { employmentLink, type EmploymentFigures, type TrendPoint } from './employment-queries';

// The dashboard's ECharts registers bars, pies and maps; the trends also need lines.
echarts.use([LineChart]);

const COLORS = ['#1f5fbf', '#52a8ff', '#f0a020', '#13a8a8', '#8c5cd9', '#e8684a', '#7a9a01'];

function sorted(map: Record<string, number>): [string, number][] {
  return Object.entries(map).sort((a, b) => b[1] - a[1]);
}

interface ChartsProps {
  data: EmploymentFigures;
  divisionCode: string;
}

export function ChannelPie({ data, divisionCode }: ChartsProps) {
  const m = useMessages();
  const labels = useLabels();
  const navigate = useNavigate();
  const items = sorted(data.byChannel);
  return (
    <Chart
      testId="chart-by-channel"
      height={280}
      onClick={(p) => {
        const channel = items[p.dataIndex]?.[0];
        if (channel) navigate(employmentLink('/employment/ledger', { period: data.period ?? undefined, divisionCode: divisionCode || undefined, fact: 'employed', channel }));
      }}
      option={{
        color: COLORS,
        tooltip: { trigger: 'item', formatter: `{b}<br/>{c} ${m.employment.unitPerson}（{d}%）` },
        legend: { bottom: 0, type: 'scroll' },
        series: [
          {
            type: 'pie',
            radius: ['38%', '64%'],
            center: ['50%', '44%'],
            label: { formatter: '{c}' },
            data: items.map(([k, v]) => ({ name: labels.label('employmentChannels', k), value: v })),
          },
        ],
      }}
    />
  );
}

export function PlaceBar({ data, divisionCode }: ChartsProps) {
  const m = useMessages();
  const labels = useLabels();
  const navigate = useNavigate();
  const order = ['outside_province', 'in_province', 'in_county'];
  const items = order.map((k) => [k, data.byPlace[k] ?? 0] as const);
  return (
    <Chart
      testId="chart-by-place"
      height={280}
      onClick={(p) => {
        const place = items[p.dataIndex]?.[0];
        if (place) navigate(employmentLink('/employment/ledger', { period: data.period ?? undefined, divisionCode: divisionCode || undefined, fact: 'employed', place }));
      }}
      option={{
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: items.map(([k]) => labels.label('workPlaces', k)), axisLabel: { interval: 0, width: 90, overflow: 'break' } },
        yAxis: { type: 'value' },
        series: [{ name: m.employment.employedSeries, type: 'bar', data: items.map(([, v]) => v), itemStyle: { color: '#1f5fbf' }, barMaxWidth: 48, cursor: 'pointer', label: { show: true, position: 'top' } }],
      }}
    />
  );
}

interface TrendProps {
  points: TrendPoint[];
  divisionCode: string;
}

export function RateTrend({ points, divisionCode }: TrendProps) {
  const m = useMessages();
  const c = m.employment.cards;
  const navigate = useNavigate();
  const facts = ['employed', 'stably_employed', undefined];
  return (
    <Chart
      testId="chart-rate-trend"
      height={280}
      onClick={(p) => {
        const period = points[p.dataIndex]?.period;
        const fact = facts[p.seriesIndex ?? 0];
        if (period) navigate(employmentLink(fact ? '/employment/ledger' : '/employment/figures', { period, divisionCode: divisionCode || undefined, fact }));
      }}
      option={{
        color: COLORS,
        tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: points.map((p) => p.period) },
        yAxis: { type: 'value', min: 0, max: 100 },
        series: [
          { name: c.employmentRate, type: 'line', data: points.map((p) => p.employmentRate), symbolSize: 7, cursor: 'pointer' },
          { name: c.stableRate, type: 'line', data: points.map((p) => p.stableRate), symbolSize: 7, cursor: 'pointer' },
          { name: c.oneStableRate, type: 'line', data: points.map((p) => p.oneStableRate), symbolSize: 7 },
        ],
      }}
    />
  );
}

export function ZeroTrend({ points, divisionCode }: TrendProps) {
  const m = useMessages();
  const t = m.employment.tabs;
  const navigate = useNavigate();
  const states = ['open', 'new', 'cleared'];
  return (
    <Chart
      testId="chart-zero-trend"
      height={280}
      onClick={(p) => {
        const period = points[p.dataIndex]?.period;
        const state = states[p.seriesIndex ?? 0];
        if (period) navigate(employmentLink('/employment/zero-households', { period, divisionCode: divisionCode || undefined, state: state === 'new' ? undefined : state }));
      }}
      option={{
        color: ['#e8684a', '#f0a020', '#52c41a'],
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: points.map((p) => p.period) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: t.open, type: 'line', data: points.map((p) => p.zeroOpen), symbolSize: 7, cursor: 'pointer' },
          { name: t.new, type: 'bar', data: points.map((p) => p.zeroNew), barMaxWidth: 18, cursor: 'pointer' },
          { name: t.cleared, type: 'bar', data: points.map((p) => p.zeroCleared), barMaxWidth: 18, cursor: 'pointer' },
        ],
      }}
    />
  );
}

export function IncomeTrend({ points, divisionCode }: TrendProps) {
  const m = useMessages();
  const navigate = useNavigate();
  return (
    <Chart
      testId="chart-income-trend"
      height={280}
      onClick={(p) => {
        const period = points[p.dataIndex]?.period;
        if (period) navigate(employmentLink('/employment/ledger', { period, divisionCode: divisionCode || undefined, fact: 'employed' }));
      }}
      option={{
        tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${Number(v).toLocaleString('zh-CN')} ${m.employment.unitYuan}`) },
        grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: points.map((p) => p.period) },
        yAxis: { type: 'value' },
        series: [{ name: m.employment.cards.incomeAverage, type: 'line', data: points.map((p) => p.monthlyIncomeAverage), symbolSize: 7, itemStyle: { color: '#13a8a8' }, areaStyle: { opacity: 0.12 }, cursor: 'pointer', connectNulls: true }],
      }}
    />
  );
}
