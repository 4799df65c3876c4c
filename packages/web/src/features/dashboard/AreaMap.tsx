/**
 * The province (or, nationwide, the country) shaded by relocated people per city/province.
 * Figures only cover what the user may see; clicking an area inside the user's scope opens it.
 */
import { useEffect, useState } from 'react';
import { Empty, Spin } from 'antd';
import type { DashboardOutput } from '../../api/types';
import { useMessages } from '../../i18n/locale';
import { useDivision } from '../layout/division-context';
import { Chart } from './echarts';
import { loadMapShape, shapeIdOf, type MapShape } from './map-shapes';

export function AreaMap({ data }: { data: DashboardOutput }) {
  const m = useMessages();
  const { inScope, setDivision } = useDivision();
  const [shape, setShape] = useState<MapShape | null | undefined>(undefined);
  const provinceCode = data.map.provinceCode;

  useEffect(() => {
    let live = true;
    setShape(undefined);
    void loadMapShape(provinceCode).then((s) => live && setShape(s));
    return () => {
      live = false;
    };
  }, [provinceCode]);

  if (shape === undefined) return <Spin style={{ display: 'block', margin: '120px auto' }} />;
  if (shape === null) return <Empty description={m.dashboard.mapUnavailable} style={{ padding: 80 }} />;

  const areas = data.map.areas.map((a) => ({ ...a, featureName: shape.nameByCode.get(shapeIdOf(a.code)) ?? a.name }));
  const max = Math.max(1, ...areas.map((a) => a.people));
  const selectedFeature = shape.nameByCode.get(shapeIdOf(data.divisionCode.slice(0, data.map.areaCodeLength)));

  return (
    <Chart
      testId="chart-map"
      height={360}
      onClick={(p) => {
        const area = areas.find((a) => a.featureName === p.name);
        if (area && inScope(area.code)) setDivision({ code: area.code, name: area.name });
      }}
      option={{
        tooltip: {
          trigger: 'item',
          formatter: (p: unknown) => {
            const { name } = p as { name: string };
            const a = areas.find((x) => x.featureName === name);
            if (!a) return name;
            return `${a.name}<br/>${m.dashboard.sites}：${a.sites}<br/>${m.dashboard.households}：${a.households}<br/>${m.dashboard.people}：${a.people}<br/>${m.dashboard.registeredPoorPeople}：${a.registeredPoorPeople}`;
          },
        },
        visualMap: { min: 0, max, left: 8, bottom: 8, calculable: false, itemHeight: 80, inRange: { color: ['#e6eefa', '#1f5fbf'] }, text: [String(max), '0'] },
        series: [
          {
            type: 'map',
            map: shape.mapName,
            roam: false,
            selectedMode: false,
            label: { show: false, fontSize: 10, color: '#333' },
            emphasis: { label: { show: true }, itemStyle: { areaColor: '#f0a020' } },
            itemStyle: { borderColor: '#fff', areaColor: '#f5f5f5' },
            data: areas.map((a) => ({
              name: a.featureName,
              value: a.people,
              // Names only where there are people: a province of cities is unreadable otherwise.
              label: a.people > 0 ? { show: true } : undefined,
              itemStyle: a.featureName === selectedFeature ? { borderColor: '#f0a020', borderWidth: 2 } : undefined,
            })),
          },
        ],
      }}
    />
  );
}
