/**
 * The home page (驾驶舱) of a division: registry totals, charts and map figures. Every figure
 * is counted with the same filters as the list it drills down to (active households, people
 * in them, labour force by the ages setting in force), so the two agree.
 */
import { can } from '@anju/core';
import { today, type AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors.js';
import { childDivisions, getDivision, getDivisions } from '../divisions/division-repo.js';
import { labourForceBirthWindow, labourForceSetting } from '../settings/labour-force-setting.js';
import * as repo from './dashboard-repo.js';
import { ageBands, byKind, regroup, sumTotals, totalsByArea, type AreaTotals } from './dashboard-figures.js';
import type { DashboardOutput } from './dashboard-schemas.js';

const CODE_LENGTHS = [2, 4, 6, 9, 12];
/** 直辖市: their map shapes are districts (6 digits), not cities. */
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
const BAND_YEARS = 5;
const LAST_BAND = 16; // 80+
const TOP_SITES = 15;

function named(totals: Map<string, AreaTotals>, names: Map<string, string>) {
  return [...totals.entries()].map(([code, t]) => ({ code, name: names.get(code) ?? code, ...t })).sort((a, b) => a.code.localeCompare(b.code));
}

export async function getDashboard(ctx: AppContext, actor: Actor, divisionCode?: string): Promise<DashboardOutput> {
  if (!can(actor.role, 'registry.read')) throw new ForbiddenError('无权查看驾驶舱');
  const code = divisionCode ?? actor.divisionCode;
  // Outside the user's division looks exactly like a division that does not exist.
  if (!code.startsWith(actor.divisionCode)) throw new NotFoundError('行政区划');
  const division = code ? await getDivision(ctx.db, code) : undefined;
  if (code && !division) throw new NotFoundError('行政区划');

  const on = today(ctx);
  const ages = await labourForceSetting(ctx, code);
  const window = labourForceBirthWindow(ages, on);
  // Sub-divisions one level down; a village has none (0 = no split).
  const childLength = CODE_LENGTHS.find((l) => l > code.length) ?? 0;

  const province = code.slice(0, 2);
  const mapAreaLength = code === '' ? 2 : MUNICIPALITIES.has(province) ? 6 : 4;
  // The map shows the whole province for context, but only what the user may see in it.
  const mapPrefix = actor.divisionCode.length > province.length ? actor.divisionCode : province;
  // Usually the map covers the same ground as the page: then it is the sub-divisions regrouped.
  const mapFromChildren = mapPrefix === code && childLength >= mapAreaLength;

  const [people, households, sites, bySite, childRows] = await Promise.all([
    repo.personCube(ctx.db, code, childLength, on, LAST_BAND, window),
    repo.householdCube(ctx.db, code, childLength),
    repo.siteCube(ctx.db, code, childLength),
    repo.figuresBySite(ctx.db, code, TOP_SITES),
    childLength ? childDivisions(ctx.db, code || null) : Promise.resolve([]),
  ]);
  const children = totalsByArea(people, households, sites);
  const map = mapFromChildren
    ? regroup(children, mapAreaLength)
    : totalsByArea(
        ...(await Promise.all([
          repo.personCube(ctx.db, mapPrefix, mapAreaLength, on, LAST_BAND, window),
          repo.householdCube(ctx.db, mapPrefix, mapAreaLength),
          repo.siteCube(ctx.db, mapPrefix, mapAreaLength),
        ])),
      );
  const mapNames = await getDivisions(ctx.db, [...map.keys()]);

  return {
    divisionCode: code,
    divisionName: division?.name ?? '全国',
    divisionLevel: division?.level ?? 0,
    asOf: on,
    labourForceAges: ages,
    totals: sumTotals(children.values()),
    employment: null,
    byKind: byKind(people, households),
    bySite,
    ageBands: ageBands(people, LAST_BAND, BAND_YEARS),
    children: childLength ? named(children, new Map(childRows.map((d) => [d.code, d.name]))) : [],
    map: {
      level: code === '' ? 'country' : 'province',
      provinceCode: code === '' ? null : province,
      areaCodeLength: mapAreaLength,
      areas: named(map, new Map(mapNames.map((d) => [d.code, d.name]))),
    },
  };
}
