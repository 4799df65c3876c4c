/// <reference lib="dom" />
/**
 * The county monitor's month in the labour ledger (月调度, SPEC §5) at 1366×768: open the next
 * period, take a zero-employment household of that period, record what it is given, mark one
 * member employed in the ledger and see the household cleared (动态清零); then the three pages
 * at 390 px wide.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addMonths } from '@anju/core';
import { launchBrowser, shot, startServer, type E2eServer } from './harness.js';
import { apiAs, choose, shotOnFailure, signIn, submitModal, tableRows, type ApiSession } from './support.js';

const DESKTOP = { viewport: { width: 1366, height: 768 }, locale: 'zh-CN' };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };

interface LedgerRow {
  personId: string;
  householdId: string;
  name: string;
  idNumber: string;
  version: number;
  facts: { state: string; channel: string | null; place: string | null; wantsWork: boolean };
  derived: { labourForce: boolean };
}

let server: E2eServer;
let browser: Browser;
let admin: ApiSession;
let monitor: ApiSession;
let context: BrowserContext | undefined;
let page: Page | undefined;
/** The period the journey opens: the one after the demo's latest (or this month when there is none). */
let period: string;
/** Every address the monitor's tab has shown. */
const urls: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await apiAs(server, 'admin');
  monitor = await apiAs(server, 'monitor');
  const periods: { period: string }[] = await monitor.get('/employment/periods');
  const latest = periods[0]?.period;
  period = latest ? addMonths(latest, 1) : new Date().toISOString().slice(0, 7);
});

shotOnFailure(() => page);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

async function householdRecords(householdId: string): Promise<LedgerRow[]> {
  return (await monitor.get(`/employment/records?period=${period}&householdId=${householdId}&pageSize=50`)).items;
}

/**
 * A zero-employment household of the period, found by the scan (one found earlier first, else
 * a new one); when there is none, one is made through the API: every member of a household
 * with labour unemployed and wanting work.
 */
async function zeroHousehold(): Promise<{ householdId: string; state: 'new' | 'continuing' }> {
  for (const state of ['continuing', 'new'] as const) {
    const found = await monitor.get(`/employment/zero-households?period=${period}&state=${state}&pageSize=1`);
    if (found.items[0]) return { householdId: found.items[0].householdId, state };
  }
  const labour = await monitor.get(`/employment/records?period=${period}&fact=labour_force&pageSize=1`);
  const householdId: string = labour.items[0].householdId;
  for (const r of await householdRecords(householdId)) {
    const facts = { wantsWork: true, state: 'unemployed', channel: null, place: null, employerId: null, employerName: null, startDate: null, contractMonths: null, socialInsurance: false, monthlyIncome: null, trainingWish: false };
    const res = await admin.request('PUT', `/employment/records/${r.personId}/${period}`, { facts, version: r.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  return { householdId, state: 'new' };
}

describe('labour ledger', () => {
  it('21. opens a period, records an action for a zero-employment household, employs a member and sees it cleared', async () => {
    context = await browser.newContext(DESKTOP);
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    const p = page;
    p.on('framenavigated', (frame) => {
      if (frame === p.mainFrame()) urls.push(frame.url());
    });
    await signIn(p, server, 'monitor');

    // The ledger, through the menu; the new period is opened from there.
    await p.getByTestId('side-menu').getByText('劳动力台账', { exact: true }).click();
    await p.getByTestId('ledger-page').waitFor();
    await p.getByTestId('period-open').click();
    await expect.poll(() => p.getByTestId('period-open-month').inputValue()).toBe(period);
    await submitModal(p, 'period-open-submit');
    await p.locator('.ant-message').getByText(`已开启 ${period} 期`, { exact: false }).waitFor();
    await p.waitForURL((u) => u.searchParams.get('period') === period);
    await tableRows(p, 'ledger-table').first().waitFor();
    expect(await p.getByTestId('period-select').innerText()).toContain(period);
    await shot(p, 'j21-ledger-period-opened');

    const zero = await zeroHousehold();
    const members = await householdRecords(zero.householdId);
    const member = members.find((r) => r.derived.labourForce && r.facts.wantsWork) ?? members.find((r) => r.derived.labourForce)!;
    expect(member, 'a member of the labour force').toBeDefined();

    // 零就业家庭 of that period: the household in its tab; record what it is given.
    await p.getByTestId('side-menu').getByText('零就业家庭', { exact: true }).click();
    await p.getByTestId('zero-page').waitFor();
    expect(await p.getByTestId('period-select').innerText()).toContain(period);
    await p.getByTestId(`zero-tab-${zero.state}`).click();
    const caseRow = p.getByTestId('zero-table').locator(`tr[data-household="${zero.householdId}"]`);
    await caseRow.waitFor();
    await shot(p, 'j21-zero-households');
    await caseRow.getByTestId('zero-set-action').click();
    const form = p.getByTestId('zero-action-form');
    await choose(p, 'zero-action', '推荐岗位', form);
    await form.getByTestId('zero-responsible').fill('就业专干');
    await form.getByTestId('zero-note').fill('推荐到县内帮扶车间');
    await submitModal(p, 'zero-action-submit');
    await p.locator('.ant-message').getByText('已登记帮扶措施').waitFor();
    await expect.poll(() => caseRow.innerText()).toContain('推荐岗位');

    // The ledger for that household, from the case's row: one member employed.
    await caseRow.getByTestId('zero-ledger-link').click();
    await p.waitForURL((u) => u.pathname === '/employment/ledger' && u.searchParams.get('householdId') === zero.householdId);
    expect(new URL(p.url()).searchParams.get('period')).toBe(period);
    const row = p.getByTestId('ledger-table').locator(`tr[data-person="${member.personId}"]`);
    await row.waitFor();
    expect(await tableRows(p, 'ledger-table').count()).toBe(members.length);
    await row.getByTestId('row-edit').click();
    await choose(p, 'fact-state', '已就业', row);
    // Saving without channel and place shows the schema's words under the two cells.
    await row.getByTestId('row-save').click();
    await expect.poll(() => row.locator('.ant-form-item-explain-error').allInnerTexts()).toEqual(['已就业须填写就业渠道', '已就业须填写就业地点']);
    await choose(p, 'fact-channel', '外出务工', row);
    await choose(p, 'fact-place', '省外', row);
    await row.getByTestId('fact-employerName').fill('东部协作企业');
    await row.getByTestId('fact-contractMonths').fill('12');
    await row.getByTestId('fact-monthlyIncome').fill('4800');
    await row.getByTestId('row-save').click();
    await p.locator('.ant-message').getByText('已保存', { exact: true }).waitFor();
    await expect.poll(() => row.locator('[data-field="state"]').innerText()).toBe('已就业');
    expect(await row.getByTestId('income-hidden').innerText()).toBe('已隐藏');
    await shot(p, 'j21-ledger-member-employed');

    const saved = (await householdRecords(zero.householdId)).find((r) => r.personId === member.personId)!;
    expect(saved.version).toBeGreaterThan(member.version);
    expect(saved.facts).toMatchObject({ state: 'employed', channel: 'out_migration', place: 'outside_province' });

    // Back to 零就业家庭: the household is under 已清零 for this period, because a member works.
    await p.getByTestId('side-menu').getByText('零就业家庭', { exact: true }).click();
    await p.getByTestId('zero-tab-cleared').click();
    const clearedRow = p.getByTestId('zero-table').locator(`tr[data-household="${zero.householdId}"]`);
    await clearedRow.waitFor();
    expect(await clearedRow.innerText()).toContain('成员已就业');
    await shot(p, 'j21-zero-household-cleared');
    const cleared = await monitor.get(`/employment/zero-households?period=${period}&state=cleared&pageSize=200`);
    const item = cleared.items.find((z: { householdId: string }) => z.householdId === zero.householdId);
    expect(item).toMatchObject({ state: 'cleared', clearedPeriod: period, clearedReason: 'employed', action: 'job_offer', responsible: '就业专干' });

    // The figures of the period, each a way into the list behind it.
    await p.getByTestId('side-menu').getByText('就业统计', { exact: true }).click();
    await p.getByTestId('employment-figures').waitFor();
    const figures = await monitor.get(`/employment/figures?period=${period}`);
    expect(await p.getByTestId('figure-zero-cleared').innerText()).toContain(String(figures.zeroEmployment.cleared));
    await shot(p, 'j21-employment-figures');
    await p.getByTestId('figure-employed').click();
    await p.waitForURL((u) => u.pathname === '/employment/ledger' && u.searchParams.get('fact') === 'employed');
    await tableRows(p, 'ledger-table').first().waitFor();

    // Names and ID numbers never reach the address bar or the title.
    for (const text of [member.name, member.idNumber]) {
      expect(urls.filter((u) => decodeURIComponent(u).includes(text))).toEqual([]);
    }
    expect(await p.title()).not.toContain(member.name);
  });

  it('22. the ledger, zero-employment and figures pages fit a 390 px phone', async () => {
    await context?.close();
    context = await browser.newContext(PHONE);
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    const p = page;
    await signIn(p, server, 'monitor');
    for (const [path, ready, name] of [
      ['/employment/ledger', 'ledger-table', 'j22-phone-ledger'],
      ['/employment/zero-households', 'zero-table', 'j22-phone-zero-households'],
      ['/employment/figures', 'employment-figures', 'j22-phone-figures'],
    ] as const) {
      await p.goto(`${server.url}${path}`);
      await p.getByTestId(ready).waitFor();
      const widths = await p.evaluate(() => ({ html: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
      expect(widths.html).toBeLessThanOrEqual(390);
      expect(widths.body).toBeLessThanOrEqual(390);
      await shot(p, name);
    }
    // On a phone a row is filled in a drawer.
    await p.goto(`${server.url}/employment/ledger`);
    await tableRows(p, 'ledger-table').first().getByTestId('row-edit').tap();
    await p.locator('.ant-drawer').getByTestId('fact-state').waitFor();
    await shot(p, 'j22-phone-ledger-row-drawer');
  });

  it('23. above county level, the next month is opened in every county at once', async () => {
    const next = addMonths(period, 1);
    const at = new Date(`${next}-15T02:00:00Z`);
    server.clock.now = at;
    try {
      await context?.close();
      context = await browser.newContext(DESKTOP);
      context.setDefaultTimeout(15_000);
      await context.clock.setFixedTime(at);
      page = await context.newPage();
      const p = page;
      await signIn(p, server, 'admin');
      await p.goto(`${server.url}/employment/ledger`);
      await p.getByTestId('period-open-everywhere').click();
      await expect.poll(() => p.getByTestId('period-open-everywhere-month').inputValue()).toBe(next);
      await submitModal(p, 'period-open-everywhere-submit');
      await p.locator('.ant-message').getByText(`个县开启 ${next} 期`).waitFor();
      await shot(p, 'j23-open-everywhere');
      // A month on, the monitor's earlier session has timed out: a new one.
      const periods: { period: string; status: string }[] = await (await apiAs(server, 'monitor')).get('/employment/periods');
      expect(periods[0]).toMatchObject({ period: next, status: 'open' });
    } finally {
      server.clock.now = null;
    }
  });
});
