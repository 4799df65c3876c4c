/**
 * Import centre: a clerk downloads the persons template, fills it in (one new household of three,
 * the middle person with a mistyped ID number) and uploads it. The dry run lists that row's error
 * and writes nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { makeIdNumber } from '@anju/core';
import ExcelJS from '../packages/server/src/features/imports/exceljs.js';
import { launchBrowser, shot, startServer, type E2eServer } from './harness.js';
import { apiAs, divisionOf, shotOnFailure, signIn, tableRows, type ApiSession } from './support.js';

const HOUSEHOLD_NO = 'E2E-IMPORT-0001';

let server: E2eServer;
let browser: Browser;
let admin: ApiSession;
let page: Page;
let dir: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await apiAs(server, 'admin');
  dir = await mkdtemp(join(tmpdir(), 'anju-e2e-import-'));
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
  page.setDefaultTimeout(10_000);
});

shotOnFailure(() => page);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** An ID number with a wrong check character: the last one of a valid number, changed. */
function mistyped(idNumber: string): string {
  const last = idNumber.at(-1)!;
  return idNumber.slice(0, 17) + (last === '1' ? '2' : '1');
}

describe('import centre', () => {
  it('5. a template with one bad row: the dry run shows that row, and nothing is written', async () => {
    const township = await divisionOf(admin, 'clerk');
    const site = (await admin.get(`/sites?divisionCode=${township}`)).items[0];
    const village = (await admin.get(`/households?divisionCode=${township}&pageSize=1`)).items[0].originVillageCode;
    const people = [
      { name: '测导入甲', idNumber: makeIdNumber('520303', '1971-03-15', 901, 'M'), relation: '户主' },
      { name: '测导入乙', idNumber: mistyped(makeIdNumber('520303', '1973-08-02', 902, 'F')), relation: '配偶' },
      { name: '测导入丙', idNumber: makeIdNumber('520303', '1999-11-20', 903, 'M'), relation: '子' },
    ];
    const personsBefore = (await admin.get(`/persons?divisionCode=${township}&pageSize=1`)).total;
    for (const p of people) expect((await admin.get(`/persons?idNumber=${p.idNumber}`)).total).toBe(0);

    await signIn(page, server, 'clerk');
    await page.getByTestId('side-menu').getByText('导入导出', { exact: true }).click();
    await page.getByTestId('import-upload').waitFor();
    await page.getByTestId('import-ledger').click();
    await page.locator('.ant-select-item-option', { hasText: '搬迁人口' }).click();
    await page.waitForURL((u) => u.searchParams.get('ledger') === 'persons');

    // The template as the clerk gets it: its header row is the layout to fill in.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-template').click()]);
    expect(download.suggestedFilename()).toBe('搬迁人口台账（一人一行）模板.xlsx');
    const templatePath = join(dir, 'template.xlsx');
    await download.saveAs(templatePath);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(templatePath);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map((h) => String(h).replace(/\*$/, ''));
    expect(headers).toEqual(expect.arrayContaining(['户编号', '安置点编码', '迁出地村代码', '姓名', '身份证号', '与户主关系', '劳动能力']));
    expect(sheet.rowCount).toBe(1);

    for (const p of people) {
      const values: Record<string, string | number> = {
        户编号: HOUSEHOLD_NO,
        安置点编码: site.code,
        迁出地村代码: village,
        搬迁年份: 2019,
        户类型: '建档立卡脱贫户',
        姓名: p.name,
        身份证号: p.idNumber,
        与户主关系: p.relation,
        劳动能力: '普通劳动力',
      };
      sheet.addRow(headers.map((h) => values[h] ?? null));
    }
    const filePath = join(dir, '人口导入.xlsx');
    await workbook.xlsx.writeFile(filePath);
    await shot(page, 'j5-import-centre');

    await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles(filePath);
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 20_000 });
    const jobId = new URL(page.url()).searchParams.get('job');
    // A failed job says why in its errors: show them rather than only the status.
    const status = await result.getAttribute('data-status');
    if (status !== 'rejected') expect({ status, job: await admin.get(`/imports/${jobId}`) }).toMatchObject({ status: 'rejected' });
    const errors = tableRows(page, 'import-errors');
    const errorCount = await errors.count();
    expect(errorCount).toBeGreaterThan(0);
    expect(await page.getByTestId('import-status').innerText()).toContain(`共 ${errorCount} 处错误，整个文件未写入任何数据`);
    // Every error is on the bad row (sheet row 3: header, head, then the spouse), one of them its ID number.
    const reported = await errors.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    for (const [row] of reported) expect(row).toBe('3');
    expect(reported).toContainEqual(['3', '身份证号', people[1]!.idNumber, expect.stringMatching(/校验/)]);
    expect(await page.getByTestId('import-confirm').count()).toBe(0);
    expect(await page.getByTestId('import-error-file').isVisible()).toBe(true);
    await shot(page, 'j5-dry-run-report');

    // Nothing written: not the good rows, not the household.
    for (const p of people) expect((await admin.get(`/persons?idNumber=${p.idNumber}`)).total).toBe(0);
    expect((await admin.get(`/households?q=${HOUSEHOLD_NO}`)).total).toBe(0);
    expect((await admin.get(`/persons?divisionCode=${township}&pageSize=1`)).total).toBe(personsBefore);
    const job = await admin.get(`/imports/${jobId}`);
    expect(job).toMatchObject({ status: 'rejected', dryRun: true, rows: 3, inserted: 0, fileName: '人口导入.xlsx' });

    // The other rows were good: without the bad row the same file passes the dry run (still unwritten).
    sheet.spliceRows(3, 1);
    const fixedPath = join(dir, '人口导入-改.xlsx');
    await workbook.xlsx.writeFile(fixedPath);
    await page.getByTestId('import-reset').click();
    await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles(fixedPath);
    await page.locator('[data-testid="import-result"][data-status="validated"]').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('import-status').innerText()).toContain('预检通过，共 2 行');
    const counts = await tableRows(page, 'import-counts').allInnerTexts();
    expect(counts.map((r) => r.split('\t').map((c) => c.trim()))).toEqual(
      expect.arrayContaining([
        ['搬迁户', '1', '0', '0'],
        ['搬迁人口', '2', '0', '0'],
      ]),
    );
    await page.getByTestId('import-confirm').waitFor();
    await shot(page, 'j5-dry-run-without-bad-row');
    expect((await admin.get(`/households?q=${HOUSEHOLD_NO}`)).total).toBe(0);
  });
});
