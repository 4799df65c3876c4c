/**
 * Map shapes from echarts 4.9 (installed as `echarts4`): the country by province, each province
 * by city (直辖市 by district), features keyed by 6-digit division code. Served as separate
 * static files and fetched only for the province on screen.
 */
import { echarts } from './echarts';
import china from 'echarts4/map/json/china.json?url';
import beijing from 'echarts4/map/json/province/beijing.json?url';
import tianjin from 'echarts4/map/json/province/tianjin.json?url';
import hebei from 'echarts4/map/json/province/hebei.json?url';
import shanxi from 'echarts4/map/json/province/shanxi.json?url';
import neimenggu from 'echarts4/map/json/province/neimenggu.json?url';
import liaoning from 'echarts4/map/json/province/liaoning.json?url';
import jilin from 'echarts4/map/json/province/jilin.json?url';
import heilongjiang from 'echarts4/map/json/province/heilongjiang.json?url';
import shanghai from 'echarts4/map/json/province/shanghai.json?url';
import jiangsu from 'echarts4/map/json/province/jiangsu.json?url';
import zhejiang from 'echarts4/map/json/province/zhejiang.json?url';
import anhui from 'echarts4/map/json/province/anhui.json?url';
import fujian from 'echarts4/map/json/province/fujian.json?url';
import jiangxi from 'echarts4/map/json/province/jiangxi.json?url';
import shandong from 'echarts4/map/json/province/shandong.json?url';
import henan from 'echarts4/map/json/province/henan.json?url';
import hubei from 'echarts4/map/json/province/hubei.json?url';
import hunan from 'echarts4/map/json/province/hunan.json?url';
import guangdong from 'echarts4/map/json/province/guangdong.json?url';
import guangxi from 'echarts4/map/json/province/guangxi.json?url';
import hainan from 'echarts4/map/json/province/hainan.json?url';
import chongqing from 'echarts4/map/json/province/chongqing.json?url';
import sichuan from 'echarts4/map/json/province/sichuan.json?url';
import guizhou from 'echarts4/map/json/province/guizhou.json?url';
import yunnan from 'echarts4/map/json/province/yunnan.json?url';
import xizang from 'echarts4/map/json/province/xizang.json?url';
import shaanxi from 'echarts4/map/json/province/shanxi1.json?url';
import gansu from 'echarts4/map/json/province/gansu.json?url';
import qinghai from 'echarts4/map/json/province/qinghai.json?url';
import ningxia from 'echarts4/map/json/province/ningxia.json?url';
import xinjiang from 'echarts4/map/json/province/xinjiang.json?url';

const PROVINCES: Record<string, string> = {
  '11': beijing, '12': tianjin, '13': hebei, '14': shanxi, '15': neimenggu, '21': liaoning, '22': jilin, '23': heilongjiang,
  '31': shanghai, '32': jiangsu, '33': zhejiang, '34': anhui, '35': fujian, '36': jiangxi, '37': shandong, '41': henan,
  '42': hubei, '43': hunan, '44': guangdong, '45': guangxi, '46': hainan, '50': chongqing, '51': sichuan, '52': guizhou,
  '53': yunnan, '54': xizang, '61': shaanxi, '62': gansu, '63': qinghai, '64': ningxia, '65': xinjiang,
};

export interface MapShape {
  /** The name the map is registered under in ECharts. */
  mapName: string;
  /** Feature name by 6-digit division code, to put our figures on the right area. */
  nameByCode: Map<string, string>;
}

interface GeoJson {
  features: { id?: string; properties?: { name?: string } }[];
}

const loaded = new Map<string, Promise<MapShape | null>>();

export function loadMapShape(provinceCode: string | null): Promise<MapShape | null> {
  const key = provinceCode ?? 'china';
  const url = provinceCode ? PROVINCES[provinceCode] : china;
  if (!url) return Promise.resolve(null);
  let shape = loaded.get(key);
  if (!shape) {
    shape = fetch(url)
      .then((res) => (res.ok ? (res.json() as Promise<GeoJson>) : Promise.reject(new Error(String(res.status)))))
      .then((geo) => {
        const mapName = `anju-${key}`;
        echarts.registerMap(mapName, geo as never);
        const nameByCode = new Map(geo.features.filter((f) => f.id && f.properties?.name).map((f) => [f.id!, f.properties!.name!]));
        return { mapName, nameByCode };
      })
      .catch(() => null);
    loaded.set(key, shape);
  }
  return shape;
}

/** Our area codes are 2, 4 or 6 digits; the shapes' ids are always 6. */
export function shapeIdOf(areaCode: string): string {
  return areaCode.padEnd(6, '0');
}
