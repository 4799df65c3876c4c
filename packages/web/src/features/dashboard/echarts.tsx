/** ECharts with only the charts the dashboard draws, to keep the bundle small. */
import * as echarts from 'echarts/core';
import { BarChart, MapChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { EChartsOption } from 'echarts';

echarts.use([BarChart, PieChart, MapChart, GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, CanvasRenderer]);

export { echarts };
export type { EChartsOption };

export interface ChartProps {
  option: EChartsOption;
  height: number;
  onClick?: (params: { name: string; data?: unknown; dataIndex: number; seriesIndex?: number }) => void;
  testId?: string;
}

export function Chart({ option, height, onClick, testId }: ChartProps) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height, width: '100%' }}
        onEvents={onClick ? { click: onClick } : undefined}
      />
    </div>
  );
}
