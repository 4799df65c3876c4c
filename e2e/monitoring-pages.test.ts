/// <reference lib="dom" />
/**
 * 监测统计, 帮扶任务 and 低保特困城乡转换 (SPEC §4, §10): the county monitor sees the figures of the
 * demo county's monitoring cases and drills down from them to the lists with the same counts; a
 * 民政 department user sees only its department's tasks and finishes one (through a version
 * conflict); the pages fit a 390 px phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, shot, startServer, type E2eServer } from './harness.js';
import { apiAs, divisionOf, shotOnFailure, signIn, submitModal, tableRows, type ApiSession } from './support.js';

const DESKTOP = { viewport: { width: 1366, height: 768 }, locale: 'zh-CN' };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };

let server: E2eServer;
let browser: Browser;
let admin: ApiSession;
let monitor: ApiSession;
let context: BrowserContext | undefined;
let page: Page | undefined;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await apiAs(server, 'admin');
  monitor = await apiAs(server, 'monitor');
});

shotOnFailure(() => page);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

async function newPage(options: typeof DESKTOP | typeof PHONE): Promise<Page> {
  await context?.close();
  context = await browser.newContext(options);
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  return page;
}

const valueOf = async (p: Page, testId: string) => Number(await p.getByTestId(testId).getAttribute('data-value'));

describe('monitoring figures, tasks and conversions', () => {
  it('41. the monitor sees the figures and drills down to the lists with the same counts', async () => {
    const p = await newPage(DESKTOP);
    await signIn(p, server, 'monitor');
    await p.getByTestId('side-menu').getByText('监测统计', { exact: true }).click();
    await p.getByTestId('monitoring-figures').waitFor();
    const figures = await monitor.get('/monitoring/figures');
    expect(figures.objects.total).toBeGreaterThan(0);
    await expect.poll(() => valueOf(p, 'figure-objects')).toBe(figures.objects.total);
    expect(await valueOf(p, 'figure-new-monitored')).toBe(figures.newMonitored);
    expect(await valueOf(p, 'figure-tasks-late')).toBe(figures.tasks.late);
    await p.getByTestId('chart-trend').locator('canvas').first().waitFor();
    // 巩固率: its definition and the 98 % target of YC-2021 (三) beside the number.
    await p.getByTestId('figure-consolidation').hover();
    expect(await p.getByTestId('consolidation-tip').innerText()).toContain('到2025年巩固率达到98%以上（YC-2021（三））');
    await shot(p, 'j41-monitoring-figures');

    // A figure of the case list (new this month, overdue or eliminated) → the list, with the same count.
    const drills = [
      ['figure-new-monitored', 'monitoredIn', figures.period, figures.newMonitored],
      ['figure-overdue', 'overdue', 'true', figures.overdue],
      ['figure-eliminated', 'eliminatedIn', figures.period, figures.eliminated],
    ] as const;
    const [testId, key, value, count] = drills.find((d) => d[3] > 0) ?? drills[0];
    expect(count, 'the demo has cases new, overdue or eliminated').toBeGreaterThan(0);
    await p.getByTestId(testId).click();
    await p.waitForURL((u) => u.pathname === '/monitoring/cases' && u.searchParams.get(key) === value);
    const listed = await monitor.get(`/monitoring/cases?${key}=${value}&pageSize=1`);
    expect(listed.total).toBe(count);
    await p.locator('.ant-pagination-total-text', { hasText: `共 ${count} 条` }).waitFor();
    await shot(p, 'j41-cases-from-figures');

    // 帮扶任务逾期 → the inbox's late tasks, each in red with its days late.
    await p.goBack();
    await p.getByTestId('figure-tasks-late').click();
    await p.waitForURL((u) => u.pathname === '/monitoring/tasks' && u.searchParams.get('late') === 'true');
    const shown = Math.min(figures.tasks.late, 20);
    await expect.poll(() => tableRows(p, 'tasks-table').count()).toBe(shown);
    expect(await p.getByTestId('tasks-table').locator('tr[data-late="true"]').count()).toBe(shown);
    await p.locator('.ant-pagination-total-text', { hasText: `共 ${figures.tasks.late} 条` }).waitFor();
    expect(await p.getByTestId('task-late').first().innerText()).toMatch(/逾期 \d+ 天/);
    expect(await p.getByTestId('task-filter-department').count()).toBe(1);
    await shot(p, 'j41-late-tasks');

    // 城乡转换 → the ledger, with the 30-working-day rule and its clause.
    await p.goBack();
    await p.getByTestId('figure-conversions-pending').click();
    await p.waitForURL((u) => u.pathname === '/monitoring/conversions' && u.searchParams.get('status') === 'pending');
    expect(await p.getByTestId('conversion-rule').innerText()).toContain('XX-2020 三（三）');
    await p.getByTestId('conversions-table').waitFor();
  });

  it('42. a 民政 department user sees only its department’s tasks and finishes one through a conflict', async () => {
    const county = await divisionOf(admin, 'monitor');
    await admin.post('/users', { username: 'e2e-minzheng', displayName: '县民政局', password: DEMO_PASSWORD, role: 'department', divisionCode: county, department: 'civil_affairs' });
    const own = await apiAs(server, 'e2e-minzheng');
    const mine = await own.get('/monitoring/tasks?pageSize=100');
    const all = await monitor.get('/monitoring/tasks?pageSize=100');
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.total).toBeLessThan(all.total);
    expect(mine.items.every((t: { department: string }) => t.department === 'civil_affairs')).toBe(true);

    const p = await newPage(DESKTOP);
    await signIn(p, server, 'e2e-minzheng');
    await p.getByTestId('side-menu').getByText('帮扶任务', { exact: true }).click();
    await p.getByTestId('tasks-page').waitFor();
    expect(await p.locator('.page-head h1').innerText()).toBe('民政部门帮扶任务');
    await expect.poll(() => tableRows(p, 'tasks-table').count()).toBe(mine.total);
    expect(await p.getByTestId('tasks-table').locator('tr[data-department]:not([data-department="civil_affairs"])').count()).toBe(0);
    expect(await p.getByTestId('task-filter-department').count()).toBe(0);
    await shot(p, 'j42-department-tasks');

    // Someone else starts the task while this page shows it: finishing it meets the conflict.
    const task = mine.items.find((t: { status: string }) => t.status === 'assigned' || t.status === 'in_progress');
    await own.request('PATCH', `/monitoring/tasks/${task.id}`, { status: 'in_progress', outcome: null, doneOn: null, version: task.version });
    const row = p.getByTestId('tasks-table').locator(`tr[data-task="${task.id}"]`);
    await row.getByTestId('task-finish').click();
    await p.getByTestId('task-finish-submit').click();
    await p.getByText('办结须填写办理结果（不少于2个字）').waitFor();
    await p.getByTestId('task-outcome').fill('已发放临时救助金2000元');
    await p.getByTestId('task-finish-submit').click();
    await p.getByTestId('conflict-dialog').waitFor();
    await shot(p, 'j42-task-conflict');
    await submitModal(p, 'conflict-overwrite');
    await expect.poll(() => row.innerText()).toContain('已办结');
    expect(await row.innerText()).toContain('已发放临时救助金2000元');
    const done = (await own.get('/monitoring/tasks?status=done&pageSize=100')).items.find((t: { id: string }) => t.id === task.id);
    expect(done).toMatchObject({ status: 'done', outcome: '已发放临时救助金2000元' });
  });

  it('43. the figures, tasks and conversions pages fit a 390 px phone', async () => {
    const p = await newPage(PHONE);
    await signIn(p, server, 'monitor');
    for (const [path, ready, name] of [
      ['/monitoring/figures', 'monitoring-figures', 'j43-phone-figures'],
      ['/monitoring/tasks', 'tasks-table', 'j43-phone-tasks'],
      ['/monitoring/conversions', 'candidates-table', 'j43-phone-conversions'],
      ['/monitoring/conversions?tab=ledger', 'conversions-table', 'j43-phone-conversion-ledger'],
    ] as const) {
      await p.goto(`${server.url}${path}`);
      await p.getByTestId(ready).waitFor();
      const widths = await p.evaluate(() => ({ html: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
      expect(widths.html, path).toBeLessThanOrEqual(390);
      expect(widths.body, path).toBeLessThanOrEqual(390);
      await shot(p, name);
    }
  });
});
