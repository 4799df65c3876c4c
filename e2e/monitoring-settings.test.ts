/// <reference lib="dom" />
/**
 * 监测设置 (SPEC §4): the national administrator sets a province's income line for a year,
 * shortens the identification deadline (refused first with the field named), and enters a year
 * the holiday package does not cover by pasting lines; the county monitor sees the values in
 * force but no way to change them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, shot, startServer, type E2eServer } from './harness.js';
import { apiAs, shotOnFailure, signIn, submitModal, tableRows } from './support.js';

const DESKTOP = { viewport: { width: 1366, height: 768 }, locale: 'zh-CN' };

let server: E2eServer;
let browser: Browser;
let context: BrowserContext | undefined;
let page: Page | undefined;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

shotOnFailure(() => page);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

const text = (p: Page, testId: string) => p.getByTestId(testId).textContent();

describe('monitoring settings', () => {
  it('38. sets an income line, a deadline and a year of working days; the monitor only reads them', async () => {
    context = await browser.newContext(DESKTOP);
    page = await context.newPage();
    const p = page;
    await signIn(p, server, 'admin');
    await p.getByTestId('side-menu').getByText('监测设置').click();
    await p.waitForURL(/\/monitoring\/settings/);
    // The shipped line is marked as an example, not passed off as the province's document.
    await p.getByTestId('example-tag').first().waitFor();
    await p.getByTestId('income-line-add').click();
    await p.getByTestId('income-line-province').click();
    await p.keyboard.type('贵州');
    await p.keyboard.press('Enter');
    await p.getByTestId('income-line-year').fill('2025');
    await p.getByTestId('income-line-yuan').fill('9000');
    await p.getByTestId('income-line-source').fill('e2e：省2025年监测标准文件');
    await submitModal(p, 'income-line-submit');
    await expect.poll(() => text(p, 'income-lines')).toContain('9,000');
    await shot(p, 'j38-income-lines');

    await p.getByRole('tab', { name: '识别期限' }).click();
    await p.getByTestId('deadlines-change').click();
    await p.getByTestId('dated-whole').fill('10');
    await p.getByTestId('dated-source').fill('e2e：县识别程序');
    await p.getByTestId('dated-submit').click();
    await p.getByText('识别全流程期限不能短于入户核实、乡级审核、县级审批期限之和').waitFor();
    await p.getByTestId('dated-whole').fill('18');
    await submitModal(p, 'dated-submit');
    await expect.poll(() => text(p, 'deadlines-in-force')).toContain('18 个工作日');

    await p.getByRole('tab', { name: '工作日历' }).click();
    await p.getByTestId('calendar-year').fill('2099');
    await p.getByTestId('calendar-not-covered').waitFor();
    await p.getByTestId('calendar-enter').click();
    await p.getByTestId('calendar-lines').fill('2099-01-01 休 元旦（e2e）\n2099-01-05 班 调休（e2e）');
    await expect.poll(() => text(p, 'calendar-preview')).toContain('调休上班日须为周六或周日');
    await p.getByTestId('calendar-lines').fill('2099-01-01 休 元旦（e2e）\n2099-01-03 班 调休（e2e）');
    await submitModal(p, 'calendar-submit');
    await expect.poll(() => text(p, 'calendar-source')).toBe('管理员录入');
    expect(await tableRows(p, 'calendar-days').count()).toBe(2);
    await shot(p, 'j38-calendar');

    const monitor = await apiAs(server, 'monitor');
    expect((await monitor.get('/monitoring/settings')).deadlines.value.whole).toBe(18);
    const refused = await monitor.request('PUT', '/calendar/2099', { days: [] });
    expect([refused.status, refused.body.message]).toEqual([403, '工作日历全国通用，仅全国系统管理员可修改']);
    await context.close();
    context = await browser.newContext(DESKTOP);
    page = await context.newPage();
    await signIn(page, server, 'monitor');
    await page.goto(`${server.url}/monitoring/settings?tab=deadlines`);
    await page.getByTestId('deadlines-in-force').waitFor();
    expect(await page.getByTestId('deadlines-change').count()).toBe(0);
  });
});
