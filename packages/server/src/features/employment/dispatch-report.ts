/**
 * 月调度表: the monthly dispatch report an office sends up — one row per child division of the
 * chosen one, then the total, with the figures of the labour ledger for the period.
 */
import { employmentChannels, workPlaces } from '@anju/core';
import ExcelJS from '../imports/exceljs.js';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { askedDivision } from '../../platform/division-scope.js';
import { ValidationError } from '../../platform/errors.js';
import { appendAudit } from '../audit/audit-repo.js';
import { childDivisions, getDivision } from '../divisions/division-repo.js';
import { assertRead } from './ledger-service.js';
import { figuresOf } from './figures-service.js';
import * as repo from './figures-repo.js';

const CHILD_LENGTH: Record<number, number> = { 0: 2, 2: 4, 4: 6, 6: 9, 9: 12 };

type Figures = ReturnType<typeof figuresOf>;
const COLUMNS: [string, (f: Figures) => number | string | null][] = [
  ['劳动力（人）', (f) => f.labourForce],
  ['已就业（人）', (f) => f.employed],
  ['就业率（%）', (f) => f.employmentRate],
  ...Object.entries(workPlaces.labels).map(([k, label]): [string, (f: Figures) => number] => [`其中${label}（人）`, (f) => f.byPlace[k] ?? 0]),
  ...Object.entries(employmentChannels.labels).map(([k, label]): [string, (f: Figures) => number] => [`${label}（人）`, (f) => f.byChannel[k] ?? 0]),
  ['稳定就业（人）', (f) => f.stablyEmployed],
  ['有劳动力户（户）', (f) => f.householdsWithLabour],
  ['一户一人以上稳定就业（户）', (f) => f.householdsOneStable],
  ['零就业家庭存量（户）', (f) => f.zeroEmployment.open],
  ['本月新增零就业家庭（户）', (f) => f.zeroEmployment.new],
  ['本月清零（户）', (f) => f.zeroEmployment.cleared],
  ['有就业意愿未就业（人）', (f) => f.seeking],
  ['有培训意愿（人）', (f) => f.trainingWish],
  ['首次跨省就业（人）', (f) => f.firstCrossProvince],
  ['返乡（人）', (f) => f.returnees],
  ['月均务工收入（元）', (f) => f.income.monthlyAverage],
];

export async function dispatchReport(ctx: AppContext, actor: Actor, divisionCode: string, period: string): Promise<{ buffer: Buffer; name: string }> {
  assertRead(actor);
  const scope = askedDivision(actor, divisionCode);
  const childLength = CHILD_LENGTH[scope.length];
  if (childLength === undefined) throw new ValidationError('月调度表按省、市、县、乡镇汇总，请选择乡镇及以上区划', [{ path: 'divisionCode', message: '须为乡镇及以上区划' }]);
  const [division, children, rows] = await Promise.all([
    scope ? getDivision(ctx.db, scope) : undefined,
    childDivisions(ctx.db, scope || null),
    repo.summaryByChild(ctx.db, scope, childLength, period),
  ]);
  const byChild = new Map<string, Record<string, number>>();
  const total: Record<string, number> = {};
  for (const r of rows) {
    byChild.set(r.child, { ...byChild.get(r.child), [r.metric]: r.value });
    total[r.metric] = (total[r.metric] ?? 0) + r.value;
  }
  const title = `${division?.name ?? '全国'}易地扶贫搬迁劳动力就业月调度表（${period}）`;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('月调度表');
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, COLUMNS.length + 2);
  sheet.addRow(['区划代码', '区划名称', ...COLUMNS.map(([h]) => h)]).font = { bold: true };
  for (const child of children) {
    if (!byChild.has(child.code)) continue;
    const f = figuresOf(byChild.get(child.code)!);
    sheet.addRow([child.code, child.name, ...COLUMNS.map(([, get]) => get(f))]);
  }
  const f = figuresOf(total);
  sheet.addRow([scope, '合计', ...COLUMNS.map(([, get]) => get(f))]).font = { bold: true };
  sheet.columns.forEach((c, i) => (c.width = i < 2 ? 16 : 12));
  sheet.getRow(2).alignment = { wrapText: true, vertical: 'middle' };
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'export', entity: 'dispatch_report', entityId: period, divisionCode: scope, before: null, after: { period, rows: byChild.size } }),
  );
  return { buffer, name: `${title}.xlsx` };
}
