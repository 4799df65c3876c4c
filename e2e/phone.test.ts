/// <reference lib="dom" />
/**
 * A collector on a phone (390×844): the household list and a household page fit the screen (the
 * page never scrolls sideways) and what they work with is on screen and reachable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, shot, startServer, type E2eServer } from './harness.js';
import { shotOnFailure, signIn, tableRows } from './support.js';

const WIDTH = 390;

let server: E2eServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: WIDTH, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
});

shotOnFailure(() => page);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

/** The page does not scroll sideways: nothing sticks out of the 390 px screen. */
async function expectNoHorizontalOverflow(): Promise<void> {
  const widths = await page.evaluate(() => ({ html: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
  expect(widths.html).toBeLessThanOrEqual(WIDTH);
  expect(widths.body).toBeLessThanOrEqual(WIDTH);
}

/** Visible and entirely within the screen's width. */
async function expectOnScreen(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible' });
  const box = (await locator.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(WIDTH);
}

describe('on a phone', () => {
  it('7. the household list and the household page are usable at 390×844', async () => {
    await page.goto(`${server.url}/login`);
    await expectNoHorizontalOverflow();
    await signIn(page, server, 'collector');
    await page.getByTestId('dashboard').waitFor();
    await expectNoHorizontalOverflow();

    // The side menu is a drawer behind the menu button.
    expect(await page.getByTestId('side-menu').count()).toBe(0);
    await page.getByTestId('menu-toggle').tap();
    await page.getByTestId('side-menu').getByText('搬迁户', { exact: true }).tap();
    await page.waitForURL((u) => u.pathname === '/households');
    await expect.poll(() => tableRows(page, 'households-table').count()).toBe(20);
    await page.getByTestId('side-menu').waitFor({ state: 'hidden' });
    await expectNoHorizontalOverflow();
    for (const id of ['filter-q', 'filter-idNumber', 'filter-submit']) await expectOnScreen(page.getByTestId(id));
    const first = tableRows(page, 'households-table').first();
    await expectOnScreen(first.getByTestId('household-link'));
    await shot(page, 'j7-phone-household-list');

    await first.getByTestId('household-link').tap();
    await page.waitForURL((u) => /^\/households\/\d+$/.test(u.pathname));
    await page.getByTestId('household-summary').waitFor();
    await expectNoHorizontalOverflow();
    await expectOnScreen(page.getByTestId('household-summary'));
    await expectOnScreen(page.getByRole('tab', { name: /家庭成员/ }));
    await expectOnScreen(page.getByRole('tab', { name: '变更历史' }));
    // Each member: name, masked ID number and the edit action all on screen, no sideways scrolling needed.
    const members = page.getByTestId('members-table').locator('.member-row');
    expect(await members.count()).toBeGreaterThan(0);
    for (const member of await members.all()) {
      await expectOnScreen(member.getByTestId('member-link'));
      await expectOnScreen(member.getByTestId('masked-idNumber'));
      await expectOnScreen(member.getByTestId('member-edit'));
    }
    await shot(page, 'j7-phone-household-page');

    for (const [tab, key] of [['迁出地与迁入地', 'places'], ['变更历史', 'history']] as const) {
      await page.getByRole('tab', { name: tab }).tap();
      await page.waitForURL((u) => u.searchParams.get('tab') === key);
      await expectOnScreen(page.getByRole('tabpanel', { name: tab }));
      await expectNoHorizontalOverflow();
    }
    await shot(page, 'j7-phone-household-history');

    // The member form a collector opens from there fits too.
    await page.getByRole('tab', { name: /家庭成员/ }).tap();
    await members.first().getByTestId('member-edit').tap();
    await page.getByTestId('person-form').waitFor();
    await expect.poll(() => page.getByTestId('field-name').inputValue()).not.toBe('');
    await expectNoHorizontalOverflow();
    await expectOnScreen(page.getByTestId('field-idNumber'));
    await expectOnScreen(page.getByTestId('form-submit'));
    await shot(page, 'j7-phone-member-form');
  });
});
