/// <reference lib="dom" />
/**
 * 防止返贫动态监测和帮扶, end to end at 1366×768 on a clock the test moves (March → October 2026):
 * the 医保 list flags a household's large medical bill as it is imported (the comparison runs the
 * rules); the monthly run does not warn twice; the warning becomes a lead; the commitment and authorisation are uploaded and the lead verified; the department
 * data compared; notice given; the township reviews (clerk), the county approves (monitor); a
 * plan with a task the 人社 department finishes in its inbox; seven months on, with the income up
 * (labour ledger set through the API), risk elimination is proposed and, after its notice, approved.
 * Last, the three pages at 390 px.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, shot, startServer, type E2eServer } from './harness.js';
import { act, expectStep, medicalFile, openPeriodsTo, pickDate, pickHousehold, search, setIncome, type Followed } from './monitoring-setup.js';
import { apiAs, choose, divisionOf, shotOnFailure, signIn, submitModal, tableRows, type ApiSession } from './support.js';

const DESKTOP = { viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true };
/** 09:00 in Beijing on a day of the journey. */
const at = (day: string) => new Date(`${day}T01:00:00Z`);
const RULE = 'JC-2021-rigid-expense';

let server: E2eServer;
let browser: Browser;
let context: BrowserContext | undefined;
let page: Page | undefined;
let dir: string;
let followed: Followed;
let caseId: string;
let ledgerPeriod: string;

beforeAll(async () => {
  server = await startServer({ now: at('2026-03-10') });
  browser = await launchBrowser();
  dir = await mkdtemp(join(tmpdir(), 'anju-e2e-monitoring-'));
  const admin = await apiAs(server, 'admin');
  followed = await pickHousehold(admin, await divisionOf(admin, 'clerk'), '2026-03-10');
  // The household earns 3,000 a month in the demo ledger's latest period (set through the API).
  const periods = (await admin.get(`/employment/periods?countyCode=${followed.county}`)) as { period: string }[];
  ledgerPeriod = periods.map((p) => p.period).sort().at(-1)!;
  await setIncome(admin, followed, ledgerPeriod, 3000);
});

shotOnFailure(() => page);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A fresh browser as `username` (the server's clock may have moved past the last session). */
async function as(username: string): Promise<Page> {
  await context?.close();
  context = await browser.newContext(DESKTOP);
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  await signIn(page, server, username);
  return page;
}

async function openCase(p: Page): Promise<void> {
  await p.goto(`${server.url}/monitoring/cases/${caseId}`);
  await p.getByTestId('case-page').waitFor();
}

async function api(username: string): Promise<ApiSession> {
  return apiAs(server, username);
}

describe('monitoring and assistance', () => {
  it('51. a medical bill from 医保 flags a household; the warning becomes a lead, verified, compared and put on notice', async () => {
    const p = await as('monitor');
    // 导入导出 → 医保部门医疗费用数据: 30,000 元 paid by the worker in February, ten times a month's income.
    const file = await medicalFile(dir, followed, { occurredOn: `${ledgerPeriod}-15`, totalCost: 60000, reimbursed: 30000, selfPay: 30000, period: ledgerPeriod });
    await p.getByTestId('side-menu').getByText('导入导出', { exact: true }).click();
    await choose(p, 'import-ledger', '医保部门医疗费用数据');
    await p.getByTestId('import-upload').locator('input[type=file]').setInputFiles(file);
    await p.locator('[data-testid="import-result"][data-status="validated"]').waitFor({ timeout: 30_000 });
    await p.getByTestId('import-confirm').click();
    await p.locator('[data-testid="import-result"][data-status="committed"]').waitFor({ timeout: 30_000 });
    await shot(p, 'j51-medical-list-imported');

    // Importing the list compared it at once (数据比对): 风险预警 shows the household, its rule's
    // clause on hover, the facts with their sources, the expense itself masked.
    await p.getByTestId('side-menu').getByText('风险预警', { exact: true }).click();
    await p.getByTestId('warnings-page').waitFor();
    await p.goto(`${server.url}/monitoring/warnings?ruleId=${RULE}`);
    const rows = p.locator(`[data-testid="warnings-table"] tr[data-household="${followed.householdId}"][data-rule="${RULE}"]`);
    const row = rows.first();
    await row.waitFor();
    const medical = row.locator('[data-fact="household.medicalExpense12m"]');
    expect(await medical.getByTestId('fact-masked').innerText()).toBe('已脱敏');
    expect(await medical.innerText()).toContain('医保部门比对数据');
    expect(await row.locator('[data-fact="household.rigidExpenseShare"]').getByTestId('fact-value').innerText()).toBe('0.833');
    // A large medical bill points to 突发严重困难户, and the warning names the list's file, row and 结算单号.
    expect(await row.getByTestId('warning-category').innerText()).toBe('突发严重困难户');
    const source = row.getByTestId('warning-source').first();
    expect(await source.getByTestId('warning-source-row').innerText()).toBe('医保医疗费用数据.xlsx 第2行');
    expect(await source.getByTestId('warning-source-no').innerText()).toContain('结算单号 E2E-0001');
    await row.getByTestId('warning-clause').hover();
    await p.locator('.ant-tooltip:visible').getByText('刚性支出较大', { exact: false }).waitFor();
    await shot(p, 'j51-warning');

    // 运行月度监测 for the ledger's month: the run is listed beside the comparison's, and the
    // household's open warning is not raised a second time.
    await p.getByTestId('run-open').click();
    await pickDate(p, 'run-period', ledgerPeriod);
    await p.getByTestId('run-submit').click();
    const summary = p.getByTestId('run-summary');
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.innerText()).toContain(`${ledgerPeriod} · 新增预警`);
    expect(await summary.getByTestId('run-by-rule').innerText()).toContain('刚性支出较大（医疗）');
    await expect.poll(() => tableRows(p, 'recent-runs').count()).toBeGreaterThanOrEqual(2);
    await shot(p, 'j51-monthly-run');
    await p.keyboard.press('Escape');
    await p.reload();
    await row.waitFor();
    expect(await rows.count()).toBe(1);

    // Another warning, dismissed by a colleague while this user was writing a reason: the
    // conflict dialog shows theirs beside mine, and taking theirs leaves it dismissed.
    const monitorApi = await api('monitor');
    const county = followed.county;
    const other = (await monitorApi.get(`/monitoring/warnings?division=${county}&status=open&pageSize=20`)).items.find(
      (w: { householdId: string }) => w.householdId !== followed.householdId,
    );
    await p.goto(`${server.url}/monitoring/warnings`);
    await p.locator(`[data-testid="warnings-table"] tr[data-warning="${other.id}"]`).getByTestId('warning-dismiss').click();
    await p.getByTestId('dismiss-reason').fill('已入户核实，家庭收入稳定');
    await monitorApi.post(`/monitoring/warnings/${other.id}/dismiss`, { reason: '同事已核实排除', version: other.version });
    await p.getByTestId('dismiss-submit').click();
    const conflict = p.getByTestId('conflict-dialog');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('同事已核实排除');
    await shot(p, 'j51-dismiss-conflict');
    await p.getByTestId('conflict-use-theirs').click();
    await conflict.waitFor({ state: 'hidden' });
    expect((await monitorApi.get(`/monitoring/warnings?division=${county}&status=dismissed&pageSize=50`)).items.map((w: { id: string }) => w.id)).toContain(other.id);
    await p.goto(`${server.url}/monitoring/warnings?ruleId=${RULE}`);

    // 转为线索: the channel is 部门筛查预警 already; the new case opens.
    await row.getByTestId('warning-to-lead').click();
    expect(await p.getByTestId('lead-channel').innerText()).toContain('部门筛查预警');
    // Proposed from the household's kind and the warning: 突发严重困难户.
    expect(await p.getByTestId('lead-category').innerText()).toContain('突发严重困难户');
    expect(await p.getByTestId('lead-category-hint').innerText()).toContain('拟定为突发严重困难户');
    await p.getByTestId('lead-risk-note').fill('户内劳动力住院，个人自付医疗费用3万元，家庭生活困难');
    await submitModal(p, 'lead-submit');
    await p.waitForURL(/\/monitoring\/cases\/\d+$/);
    caseId = new URL(p.url()).pathname.split('/').at(-1)!;
    await expectStep(p, 'lead');
    expect(await p.getByTestId('case-warnings').innerText()).toContain('刚性支出较大（医疗）');

    // 入户核实 waits for the signed papers; a text file is refused with the server's words.
    expect(await p.getByTestId('action-verify').isDisabled()).toBe(true);
    expect(await p.getByTestId('action-verify').getAttribute('data-reason')).toContain('承诺书');
    const upload = async (kind: string, name: string, mimeType: string, buffer: Buffer) => {
      await choose(p, 'evidence-kind', kind);
      await p.getByTestId('case-evidence').locator('input[type=file]').setInputFiles({ name, mimeType, buffer });
    };
    await upload('承诺书', '承诺书.pdf', 'application/pdf', Buffer.from('just some text, not a PDF'));
    expect(await p.getByTestId('evidence-error').innerText()).toContain('PDF、JPEG 或 PNG');
    await upload('承诺书', '承诺书.pdf', 'application/pdf', Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'));
    await p.locator('[data-testid="evidence-table"] tr[data-kind="commitment"]').waitFor();
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    await upload('数据查询授权书', '授权书.png', 'image/png', png);
    await p.locator('[data-testid="evidence-table"] tr[data-kind="authorization"]').waitFor();
    await shot(p, 'j51-evidence');

    await act(p, 'verify', async () => {
      await pickDate(p, 'action-commitment-date', '2026-03-10');
      await pickDate(p, 'action-authorization-date', '2026-03-10');
    });
    await expectStep(p, 'verified');
    await act(p, 'compare');
    await expectStep(p, 'compared');
    const compared = p.locator('[data-testid="case-timeline"] [data-event="compare"]');
    expect(await compared.getByTestId('compare-records').innerText()).toContain('30,000');
    await act(p, 'notice', async () => {
      await pickDate(p, 'action-notice-start', '2026-03-11');
      expect(await p.getByTestId('action-notice-end').innerText()).toContain('2026-03-15');
    });
    await expectStep(p, 'notice');
    expect(await p.getByTestId('case-notice').innerText()).toBe('2026-03-11 ~ 2026-03-15');
    // The county monitor does not review for the township.
    expect(await p.getByTestId('action-township_review').isDisabled()).toBe(true);
    await shot(p, 'j51-case-on-notice');
  }, 240_000);

  it('52. the township reviews after the notice, the county approves, and a plan with a task is made', async () => {
    server.clock.now = at('2026-03-16');
    let p = await as('clerk');
    await p.getByTestId('side-menu').getByText('监测对象识别', { exact: true }).click();
    await p.getByTestId('board-notice').click();
    await p.waitForURL((u) => u.searchParams.get('step') === 'notice');
    expect(Number(await p.getByTestId('board-notice').getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
    await shot(p, 'j52-cases-board');
    await p.locator(`[data-testid="cases-table"] tr[data-case="${caseId}"]`).getByTestId('case-link').click();
    await expectStep(p, 'notice');
    await act(p, 'township_review');
    await expectStep(p, 'township_reviewed');

    p = await as('monitor');
    await openCase(p);
    await act(p, 'county_approve');
    await expectStep(p, 'monitored');
    const household = await (await api('monitor')).get(`/households/${followed.householdId}`);
    expect(household.monitoringCategory).toBe('sudden_hardship');

    // Too early to eliminate: the check names what is missing and the proposal cannot be sent.
    await p.getByTestId('action-propose_elimination').click();
    const check = p.getByTestId('elimination-check');
    await check.waitFor();
    expect(await check.getAttribute('data-all-met')).toBe('false');
    expect(await p.getByTestId('action-blocked').innerText()).toContain('纳入监测满6个月');
    expect(await check.locator('[data-condition="monitoredMonths"]').getAttribute('data-met')).toBe('false');
    expect(await check.locator('[data-condition="taskDone"]').getAttribute('data-met')).toBe('false');
    expect(await p.getByTestId('action-submit').isDisabled()).toBe(true);
    await shot(p, 'j52-elimination-too-early');
    await p.keyboard.press('Escape');
    await check.waitFor({ state: 'detached' });

    // 一户一策: a need and a task for the 人社 department.
    await choose(p, 'need-kind', '就业');
    await p.getByTestId('need-description').fill('户内劳动力病后需就近稳定就业');
    await p.getByTestId('need-submit').click();
    await tableRows(p, 'needs-table').first().waitFor();
    await choose(p, 'task-measure', '就业帮扶');
    await choose(p, 'task-department', '人社');
    await p.getByTestId('task-title').fill('推荐到安置点帮扶车间就业');
    await pickDate(p, 'task-due', '2026-04-30');
    await p.getByTestId('task-submit').click();
    const task = tableRows(p, 'plan-tasks').first();
    await task.waitFor();
    expect(await task.getByTestId('task-status').innerText()).toBe('已交办');
    await shot(p, 'j52-plan');
  }, 180_000);

  it('53. the 人社 department finishes the task in its inbox', async () => {
    const p = await as('hrss');
    await p.getByTestId('side-menu').getByText('帮扶任务', { exact: true }).click();
    await p.getByTestId('tasks-page').waitFor();
    const row = p.locator(`[data-testid="tasks-table"] tr:has([data-testid="task-case-link"][href="/monitoring/cases/${caseId}"])`);
    await row.getByTestId('task-finish').click();
    await p.getByTestId('task-outcome').fill('已安排到安置点帮扶车间就业，月工资6000元');
    await pickDate(p, 'task-done-on', '2026-03-16');
    await p.getByTestId('task-finish-submit').click();
    await expect.poll(async () => (await (await api('monitor')).get(`/monitoring/cases/${caseId}/plan`)).tasks[0].status).toBe('done');
    await shot(p, 'j53-task-done');
  }, 120_000);

  it('54. seven months on, with the income stably above the line, elimination is proposed and approved after its notice', async () => {
    server.clock.now = at('2026-10-12');
    // The ledger of April–September: the worker earns 6,000 a month (periods opened through the API).
    await openPeriodsTo(await api('monitor'), followed, '2026-09', 6000);
    let p = await as('monitor');
    await openCase(p);
    await p.getByTestId('action-propose_elimination').click();
    const check = p.getByTestId('elimination-check');
    await check.waitFor();
    expect(await check.locator('[data-met="true"]').count()).toBe(6);
    expect(await check.getAttribute('data-all-met')).toBe('true');
    await shot(p, 'j54-elimination-check');
    await pickDate(p, 'action-notice-start', '2026-10-12');
    await p.getByTestId('action-submit').click();
    await expectStep(p, 'elimination_notice');

    server.clock.now = at('2026-10-19');
    p = await as('monitor');
    await openCase(p);
    await act(p, 'approve_elimination');
    await expectStep(p, 'eliminated');
    await shot(p, 'j54-eliminated');
    const household = await (await api('monitor')).get(`/households/${followed.householdId}`);
    expect(household.monitoringCategory).toBe('none');

    // The household keeps the case as history, and could start a new one.
    await p.getByTestId('case-household').click();
    await p.getByTestId('household-tabs').getByText('监测帮扶', { exact: true }).click();
    const history = p.getByTestId('household-cases');
    expect(await history.getByTestId('case-step').innerText()).toBe('已风险消除');
    await history.getByTestId('household-lead-open').click();
    expect(await p.getByTestId('lead-household-fixed').innerText()).toContain(followed.householdNo);
    await p.keyboard.press('Escape');
    await shot(p, 'j54-household-history');
  }, 240_000);

  it('55. the warnings, the cases and the case fit a phone', async () => {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    const p = page;
    await signIn(p, server, 'monitor');
    for (const [path, testId] of [['/monitoring/warnings', 'warnings-table'], ['/monitoring/cases?step=eliminated', 'cases-table'], [`/monitoring/cases/${caseId}`, 'case-timeline']] as const) {
      await p.goto(server.url + path);
      await p.getByTestId(testId).waitFor();
      const width = await p.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
      expect(width, path).toBeLessThanOrEqual(390);
    }
    await shot(p, 'j55-case-on-phone');
    // 新增线索 from the list: the household is found by its number.
    await p.goto(`${server.url}/monitoring/cases`);
    await p.getByTestId('lead-open').tap();
    await search(p, 'lead-household', followed.householdNo);
    await choose(p, 'lead-channel', '基层干部排查');
    await shot(p, 'j55-new-lead-on-phone');
  }, 120_000);
});
