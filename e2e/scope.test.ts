/**
 * Division scope in the browser: a township clerk who types the address of a household in another
 * township (and of its member) gets a plain not-found page, and none of the household's data
 * reaches the page or the browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import { launchBrowser, shot, startServer, type E2eServer } from './harness.js';
import { apiAs, divisionOf, shotOnFailure, signIn, type ApiSession } from './support.js';

let server: E2eServer;
let browser: Browser;
let admin: ApiSession;
let page: Page;
/** Everything the API answered the clerk's browser (bodies are read as they arrive). */
const answers: Promise<{ url: string; status: number; body: string }>[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await apiAs(server, 'admin');
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  page.setDefaultTimeout(10_000);
  page.on('response', (res: Response) => {
    if (!res.url().includes('/api/v1/')) return;
    answers.push(res.text().then((body) => ({ url: res.url(), status: res.status(), body }), () => ({ url: res.url(), status: res.status(), body: '' })));
  });
});

shotOnFailure(() => page);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('division scope', () => {
  it("6. a clerk who types another township's household address sees a clear not-found page and none of its data", async () => {
    const own = await divisionOf(admin, 'clerk');
    const other = await divisionOf(admin, 'clerk2');
    expect(other.startsWith(own) || own.startsWith(other)).toBe(false);
    // A household of clerk2's township that did not come from clerk's township either (the origin side may see a little).
    const list = await admin.get(`/households?divisionCode=${other}&pageSize=50`);
    const target = list.items.find((h: { originVillageCode: string }) => !h.originVillageCode.startsWith(own));
    expect(target).toBeDefined();
    const household = await admin.get(`/households/${target.id}`);
    const secrets: string[] = [household.householdNo, household.headName, household.siteName, ...household.memberList.map((p: { name: string }) => p.name)];
    expect(secrets.length).toBeGreaterThan(3);

    await signIn(page, server, 'clerk');
    await page.getByTestId('dashboard').waitFor();
    const addresses = [`/households/${target.id}`, `/households/${target.id}?tab=history`, `/households/${target.id}/edit`, `/persons/${household.memberList[0].id}`];
    for (const [i, address] of addresses.entries()) {
      answers.length = 0;
      await page.goto(server.url + address);
      const message = page.getByTestId('not-found-message');
      await message.waitFor();
      expect(await message.innerText()).toMatch(/^(搬迁户|人员)不存在或无权访问$/);
      expect(await page.getByText('未找到', { exact: true }).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: '返回驾驶舱' }).isVisible()).toBe(true);
      for (const id of ['household-summary', 'members-table', 'household-tabs', 'history-table', 'person-form', 'person-detail']) {
        expect(await page.getByTestId(id).count(), id).toBe(0);
      }
      const text = await page.locator('body').innerText();
      const html = await page.content();
      for (const secret of secrets) {
        expect(text).not.toContain(secret);
        expect(html).not.toContain(secret);
      }
      // The browser never received the data either: the record's own requests were all refused.
      const received = await Promise.all(answers);
      const record = received.filter((a) => a.url.includes(`/households/${target.id}`) || a.url.includes(`/persons/${household.memberList[0].id}`));
      expect(record.length).toBeGreaterThan(0);
      for (const a of record) expect(a.status, a.url).toBe(404);
      for (const a of received) for (const secret of secrets) expect(a.body, a.url).not.toContain(secret);
      await shot(page, `j6-not-found-${i + 1}`);
    }
  });
});
