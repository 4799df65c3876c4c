import { useNavigate } from 'react-router';
import type { DashboardOutput } from '../../api/types';
import { useMessages } from '../../i18n/locale';
import { Chart } from './echarts';

/** People by site, largest first; a bar opens that site's people. */
export function SiteBarChart({ data }: { data: DashboardOutput }) {
  const m = useMessages();
  const navigate = useNavigate();
  const sites = [...data.bySite].reverse(); // ECharts draws the first category at the bottom
  return (
    <Chart
      testId="chart-by-site"
      height={Math.max(360, sites.length * 28 + 60)}
      onClick={(p) => {
        const site = sites[p.dataIndex];
        if (site) navigate(`/persons?siteId=${site.siteId}`);
      }}
      option={{
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 8, right: 24, top: 30, bottom: 8, containLabel: true },
        xAxis: { type: 'value' },
        yAxis: { type: 'category', data: sites.map((s) => s.siteName), axisLabel: { width: 130, overflow: 'truncate' } },
        series: [
          { name: m.dashboard.people, type: 'bar', data: sites.map((s) => s.people), itemStyle: { color: '#1f5fbf' }, cursor: 'pointer', barMaxWidth: 26 },
          { name: m.dashboard.registeredPoorPeople, type: 'bar', data: sites.map((s) => s.registeredPoorPeople), itemStyle: { color: '#f0a020' }, cursor: 'pointer', barMaxWidth: 26 },
        ],
      }}
    />
  );
}
