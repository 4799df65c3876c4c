/**
 * Finding 13.8 in the browser: after an administrator's reset the user sees only the
 * change-password form until a new password is set; anyone can change their own from the menu.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, shot, startServer, type E2eServer } from './harness.js';
import { apiAs, fillLogin, settleModal, shotOnFailure } from './support.js';

let server: E2eServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
});

shotOnFailure(() => page);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

async function changePassword(current: string, next: string): Promise<void> {
  await page.getByTestId('current-password').fill(current);
  await page.getByTestId('new-password').fill(next);
  await page.getByTestId('confirm-password').fill(next);
  await page.getByTestId('change-password-submit').click();
}

/** The user menu's item; a click swallowed while the menu still animates is tried again. */
async function openPasswordDialog(): Promise<void> {
  const current = page.getByTestId('current-password');
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!(await page.getByTestId('menu-password').isVisible())) await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-password').click();
    if (await current.waitFor({ timeout: 3_000 }).then(() => true, () => false)) break;
  }
  await settleModal(current);
}

describe('passwords', () => {
  it('13.8 a reset user must change the password before anything else, then changes it again from the menu', async () => {
    const admin = await apiAs(server, 'admin');
    const users = await admin.get('/users?pageSize=100');
    const clerk2 = users.items.find((u: { username: string }) => u.username === 'clerk2');
    await admin.post(`/users/${clerk2.id}/password`, { password: 'Temp-2026-reset' });

    await page.goto(`${server.url}/login`);
    await fillLogin(page, 'clerk2', 'Temp-2026-reset');
    await page.getByTestId('must-change-password').waitFor();
    expect(await page.getByTestId('dashboard').count()).toBe(0);
    // A common password is refused with the server's reason beside the field.
    await changePassword('Temp-2026-reset', 'woaini1314');
    await page.getByText('该密码是常见密码，容易被猜中，请换一个').waitFor();
    await shot(page, 'j13-8-must-change-password');
    await changePassword('Temp-2026-reset', 'Tongren-2026-river');
    await page.getByTestId('dashboard').waitFor();

    await openPasswordDialog();
    await changePassword('Tongren-2026-river', 'Songtao-88-hills');
    // The dialog closes once the server has taken the new password.
    await page.getByTestId('current-password').waitFor({ state: 'detached' });
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'clerk2', password: 'Songtao-88-hills' }),
    });
    expect(login.status).toBe(200);
  });
});
