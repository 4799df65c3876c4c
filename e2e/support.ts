/**
 * What the journeys share: an API session (for looking things up and checking what was written,
 * never for doing the journey itself) and signing in through the login page.
 */
import { beforeEach, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, shot, type E2eServer } from './harness.js';

export interface ApiSession {
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** GET that must succeed. */
  get(path: string): Promise<any>;
  /** POST that must succeed. */
  post(path: string, body?: unknown): Promise<any>;
}

/** Signs in to /api/v1 as a demo user with plain fetch; paths are relative to /api/v1. */
export async function apiAs(server: E2eServer, username: string): Promise<ApiSession> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`API login as ${username}: HTTP ${res.status} ${await res.text()}`);
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('anju_session='));
  if (!session) throw new Error('API login: no session cookie');
  const cookie: string = session;
  const { csrfToken } = (await res.json()) as { csrfToken: string };

  async function request(method: string, path: string, body?: unknown) {
    const r = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: r.status, body: parsed as any };
  }
  async function ok(method: string, path: string, body?: unknown) {
    const r = await request(method, path, body);
    if (r.status >= 300) throw new Error(`${method} ${path}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }
  return { request, get: (path) => ok('GET', path), post: (path, body) => ok('POST', path, body ?? {}) };
}

/** Signs in through the login page and waits until the app has left it. */
export async function signIn(page: Page, server: E2eServer, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${server.url}/login`);
  await fillLogin(page, username, password);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function fillLogin(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** The division a demo user works in (admin's view of the users list). */
export async function divisionOf(admin: ApiSession, username: string): Promise<string> {
  const users = await admin.get('/users?pageSize=100');
  const user = users.items.find((u: { username: string }) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user.divisionCode as string;
}

/** Rows of an antd table (not its placeholder or measure rows). */
export function tableRows(page: Page, testId: string) {
  return page.getByTestId(testId).locator('tbody tr.ant-table-row');
}

/** When a journey fails, a screenshot of where it stood: e2e-artifacts/j<number>-FAILED.png. */
export function shotOnFailure(page: () => Page | undefined): void {
  beforeEach((ctx) => {
    ctx.onTestFailed(async () => {
      const p = page();
      const journey = /^(\d+)\./.exec(ctx.task.name)?.[1] ?? 'x';
      if (p && !p.isClosed()) await shot(p, `j${journey}-FAILED`).catch(() => undefined);
    });
  });
}

/**
 * Waits until the antd modal holding `inside` has stopped animating: a click on a modal still
 * zooming in can land on nothing on a busy machine. (A cancelled animation rejects its `finished`
 * with AbortError: that one has ended too.)
 */
export async function settleModal(inside: Locator): Promise<void> {
  await inside.evaluate((el) => Promise.all((el.closest('.ant-modal-wrap') ?? el).getAnimations({ subtree: true }).map((a) => a.finished.catch(() => undefined))));
}

/**
 * Clicks a modal's OK button (test id `submitTestId`) and waits for the modal to close. A
 * swallowed click leaves the modal open and the button idle: it is clicked again (a request in
 * flight shows the button loading, and is waited for).
 */
export async function submitModal(page: Page, submitTestId: string): Promise<void> {
  const submit = page.getByTestId(submitTestId);
  await settleModal(submit);
  await submit.click();
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await submit.waitFor({ state: 'hidden', timeout: 5_000 }).then(() => true, () => false)) return;
    if (await submit.evaluate((b) => b.classList.contains('ant-btn-loading')).catch(() => true)) continue;
    await submit.click();
  }
}

/**
 * Picks an option of the antd select with this test id (inside `scope`, when several are on the page). A click can be swallowed (a closing modal
 * takes the focus back, or the dropdown is still animating on a busy machine), so each try waits
 * briefly for the option and closes whatever is open before the next one.
 */
export async function choose(p: Page, testId: string, option: string, scope: Locator | Page = p): Promise<void> {
  const select = scope.getByTestId(testId);
  for (let attempt = 0; attempt < 5; attempt++) {
    await select.scrollIntoViewIfNeeded();
    await select.click();
    const picked = await p
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
      .first()
      .click({ timeout: 3_000 })
      .then(() => true, () => false);
    if (picked && (await select.innerText()).includes(option)) return;
    await p.keyboard.press('Escape');
  }
  expect(await select.innerText()).toContain(option);
}
