/// <reference lib="dom" />
/**
 * A township clerk's day at 1366×768: sign in, find a household by a member's ID number, edit a
 * member and see it in the household's history; and a colleague in another session who saved
 * the same member first, so the clerk gets the conflict dialog with both versions. Last, a new
 * member whose optional facts nobody entered: they read 未填写, never a guessed value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { makeIdNumber } from '@anju/core';
import { DEMO_PASSWORD, launchBrowser, shot, startServer, type E2eServer } from './harness.js';
import { apiAs, divisionOf, fillLogin, shotOnFailure, signIn, submitModal, tableRows, type ApiSession } from './support.js';

const DESKTOP = { viewport: { width: 1366, height: 768 }, locale: 'zh-CN' };
const ETHNICITIES = ['布依族', '苗族', '侗族', '土家族'];
const otherEthnicity = (...not: string[]) => ETHNICITIES.find((e) => !not.includes(e))!;

interface Member {
  id: string;
  householdId: string;
  householdNo: string;
  name: string;
  ethnicity: string;
  version: number;
}

let server: E2eServer;
let browser: Browser;
let admin: ApiSession;
let context: BrowserContext;
let page: Page;
/** Members of the clerk's township who are not the head of their household, from the API. */
let members: Member[];
/** Every address the clerk's tab has shown. */
const urls: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await apiAs(server, 'admin');
  const township = await divisionOf(admin, 'clerk');
  const persons = await admin.get(`/persons?divisionCode=${township}&pageSize=200`);
  // From the end of the list, so that the household searched for is not on the list's first page.
  members = persons.items.filter((p: { relation: string }) => p.relation !== 'head').reverse();
  context = await browser.newContext(DESKTOP);
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) urls.push(frame.url());
  });
  // Every title a document of this session takes, as it changes.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { titles: string[] }).titles = seen;
    new MutationObserver(() => {
      if (seen.at(-1) !== document.title) seen.push(document.title);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
});

shotOnFailure(() => page);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

/** Opens a member's edit form and waits until it holds the record (the plain values come from an audited read). */
async function openEditForm(p: Page, member: Member): Promise<void> {
  await p.goto(`${server.url}/persons/${member.id}/edit`);
  await expect.poll(() => p.getByTestId('field-name').inputValue(), { timeout: 15_000 }).toBe(member.name);
}

/**
 * The clerk and a colleague (the collector, in another browser session) open the same member;
 * the colleague changes the ethnicity and saves first. Returns the colleague's value.
 */
async function colleagueSavesFirst(member: Member): Promise<string> {
  const colleague = await browser.newContext(DESKTOP);
  colleague.setDefaultTimeout(10_000);
  try {
    const other = await colleague.newPage();
    await signIn(other, server, 'collector');
    await openEditForm(page, member);
    await openEditForm(other, member);
    const theirs = otherEthnicity(member.ethnicity);
    await other.getByTestId('field-ethnicity').fill(theirs);
    await other.getByTestId('form-submit').click();
    await other.waitForURL((u) => u.pathname === `/households/${member.householdId}`);
    return theirs;
  } finally {
    await colleague.close();
  }
}

describe('registry journeys of a township clerk', () => {
  it('1. signs in; a wrong password first shows the Chinese error and keeps the login page', async () => {
    await page.goto(`${server.url}/login`);
    expect(await page.title()).toBe('用户登录 · 安居');
    await fillLogin(page, 'clerk', 'not-the-password');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('用户名或密码错误');
    expect(await error.getAttribute('class')).toContain('ant-alert-error');
    expect(new URL(page.url()).pathname).toBe('/login');
    await shot(page, 'j1-login-wrong-password');

    await page.getByTestId('login-password').fill('');
    await fillLogin(page, 'clerk', DEMO_PASSWORD);
    await page.getByTestId('dashboard').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByTestId('user-menu').getByText('乡镇录入员').waitFor();
    expect(await page.getByTestId('login-error').count()).toBe(0);
    await shot(page, 'j1-dashboard');
  });

  it("2. finds a household by a member's ID number; the number never reaches the address or the title", async () => {
    const member = members[0]!;
    const { idNumber } = await admin.post(`/persons/${member.id}/sensitive`);
    expect(idNumber).toMatch(/^\d{17}[\dX]$/);

    await page.getByTestId('side-menu').getByText('搬迁户', { exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/households');
    await expect.poll(() => tableRows(page, 'households-table').count()).toBe(20);
    expect(await page.getByTestId('household-link').allInnerTexts()).not.toContain(member.householdNo);
    await page.getByTestId('filter-idNumber').fill(idNumber);
    await page.getByTestId('filter-submit').click();
    await expect.poll(() => tableRows(page, 'households-table').count()).toBe(1);
    const link = tableRows(page, 'households-table').getByTestId('household-link');
    expect(await link.innerText()).toBe(member.householdNo);
    await shot(page, 'j2-found-by-id-number');

    await link.click();
    await page.waitForURL((u) => u.pathname === `/households/${member.householdId}`);
    const row = tableRows(page, 'members-table').filter({ has: page.getByTestId('member-link').filter({ hasText: member.name }) });
    await row.waitFor();
    // The member's ID number is shown masked on the page, as in every list.
    expect(await row.getByTestId('masked-idNumber').innerText()).toMatch(/^\d{4}\*{13}[\dX]$/);
    expect(await page.content()).not.toContain(idNumber);
    expect(await page.title()).toBe('搬迁户详情 · 安居');
    await shot(page, 'j2-household-page');

    const titles = await page.evaluate(() => (window as unknown as { titles: string[] }).titles);
    expect(titles).toEqual(expect.arrayContaining(['搬迁户 · 安居', '搬迁户详情 · 安居']));
    for (const t of titles) expect(t).not.toMatch(new RegExp(`${idNumber}|${member.name}`));
    expect(urls.length).toBeGreaterThanOrEqual(3);
    for (const u of urls) expect(decodeURIComponent(u)).not.toContain(idNumber);
  });

  it("3. edits a member and sees the change in the household's history", async () => {
    const member = members[0]!;
    const next = otherEthnicity(member.ethnicity);
    const household = page.url();
    await page.getByTestId('members-table').locator('tr', { hasText: member.name }).getByTestId('member-edit').click();
    await page.waitForURL((u) => u.pathname === `/persons/${member.id}/edit`);
    await expect.poll(() => page.getByTestId('field-name').inputValue()).toBe(member.name);
    expect(await page.getByTestId('field-ethnicity').inputValue()).toBe(member.ethnicity);
    await page.getByTestId('field-ethnicity').fill(next);
    await shot(page, 'j3-edit-member');
    await page.getByTestId('form-submit').click();

    await page.waitForURL((u) => u.href.startsWith(household));
    await page.getByText('已保存').waitFor();
    expect((await admin.get(`/persons/${member.id}`)).ethnicity).toBe(next);

    await page.getByRole('tab', { name: '变更历史' }).click();
    const entry = tableRows(page, 'history-table').filter({ hasText: `人员（${member.name}）` });
    await entry.first().waitFor();
    const text = await entry.first().innerText();
    expect(text).toContain('修改');
    expect(text).toContain('clerk');
    expect(text).toMatch(new RegExp(`民族：\\s*${member.ethnicity}\\s*→\\s*${next}`));
    await shot(page, 'j3-history');
  });

  it('4. a second session saving the same member after the first gets the conflict dialog with both versions', async () => {
    const member = members.find((p) => p.householdId !== members[0]!.householdId)!;
    const theirs = await colleagueSavesFirst(member);
    const mine = otherEthnicity(member.ethnicity, theirs);
    await page.getByTestId('field-ethnicity').fill(mine);
    await page.getByTestId('form-submit').click();
    const dialog = page.getByTestId('conflict-dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('该人员信息已被他人修改');
    const differs = dialog.locator('tr[data-differs="true"]');
    expect(await differs.count()).toBe(1);
    expect(await differs.locator('td').first().innerText()).toBe('民族');
    expect(await differs.getByTestId('conflict-mine').innerText()).toBe(mine);
    expect(await differs.getByTestId('conflict-theirs').innerText()).toBe(theirs);
    // Unchanged fields are listed too, the same on both sides.
    const nameRow = dialog.locator('tr', { has: page.locator('td', { hasText: /^姓名$/ }) });
    expect(await nameRow.getByTestId('conflict-mine').innerText()).toBe(member.name);
    expect(await nameRow.getByTestId('conflict-theirs').innerText()).toBe(member.name);
    await shot(page, 'j4-conflict-dialog');

    // Nothing was overwritten while the dialog is open.
    const stored = await admin.get(`/persons/${member.id}`);
    expect(stored.ethnicity).toBe(theirs);
    expect(stored.version).toBe(member.version + 1);

    // "Use theirs" puts the colleague's version in the form; saving from there is no longer stale.
    await submitModal(page, 'conflict-use-theirs');
    await expect.poll(() => page.getByTestId('field-ethnicity').inputValue()).toBe(theirs);
    expect(await dialog.isVisible()).toBe(false);
    await page.getByTestId('field-ethnicity').fill(mine);
    await page.getByTestId('form-submit').click();
    await page.waitForURL((u) => u.pathname === `/households/${member.householdId}`);
    const saved = await admin.get(`/persons/${member.id}`);
    expect(saved.ethnicity).toBe(mine);
    expect(saved.version).toBe(member.version + 2);
    await shot(page, 'j4-saved-after-conflict');
  });

  it("4b. overwriting with mine keeps the colleague's change to a field I did not touch", async () => {
    const used = new Set([members[0]!.householdId, members.find((p) => p.householdId !== members[0]!.householdId)!.householdId]);
    const member = members.find((p) => !used.has(p.householdId))!;
    const theirs = await colleagueSavesFirst(member);
    // I change only the name, in my older copy, and insist on my version.
    const newName = `${member.name}改`;
    await page.getByTestId('field-name').fill(newName);
    await page.getByTestId('form-submit').click();
    await page.getByTestId('conflict-dialog').waitFor();
    await submitModal(page, 'conflict-overwrite');
    await page.waitForURL((u) => u.pathname === `/households/${member.householdId}`);
    const saved = await admin.get(`/persons/${member.id}`);
    expect(saved).toMatchObject({ name: newName, ethnicity: theirs, version: member.version + 2 });
    await shot(page, 'j4b-overwrite-keeps-theirs');
  });

  it('5. a new member with the optional facts left empty shows them as 未填写; a fact set later shows as set', async () => {
    const member = members.at(-1)!;
    const idNumber = makeIdNumber('520102', '1991-07-19', 977, 'F');
    expect((await admin.get(`/persons?idNumber=${idNumber}`)).total).toBe(0);
    const name = '韦未填';
    await page.goto(`${server.url}/households/${member.householdId}`);
    await page.getByTestId('household-add-member').click();
    await page.getByTestId('person-form').waitFor();
    // Nothing is pre-filled as a guess: the yes/no facts start at 未填写, the choices empty.
    for (const field of ['medicalInsurance', 'pensionInsurance', 'forestRanger']) {
      expect(await page.getByTestId(`field-${field}`).getByRole('radio', { name: '未填写' }).isChecked()).toBe(true);
    }
    expect(await page.getByTestId('field-ethnicity').inputValue()).toBe('');
    expect(await page.getByTestId('field-education').innerText()).toContain('未填写');
    await page.getByTestId('field-idNumber').fill(idNumber);
    await page.getByTestId('field-name').fill(name);
    await shot(page, 'j5-new-member-unknown-facts');
    await page.getByTestId('form-submit').click();
    await page.waitForURL((u) => u.pathname === `/households/${member.householdId}`);
    await page.getByText('已新增').waitFor();

    const [created] = (await admin.get(`/persons?idNumber=${idNumber}`)).items;
    expect(created).toMatchObject({ name, ethnicity: null, education: null, schoolStage: null, health: null, medicalInsurance: null, pensionInsurance: null, safetyNet: null, forestRanger: null, hukouState: null });
    await page.goto(`${server.url}/persons/${created.id}`);
    const detail = page.getByTestId('person-detail');
    const shown = (label: string) => detail.locator('.ant-descriptions-item-container', { has: page.locator('.ant-descriptions-item-label', { hasText: new RegExp(`^${label}$`) }) }).locator('.ant-descriptions-item-content').innerText();
    for (const label of ['民族', '文化程度', '在校生状况', '健康状况', '基本医疗保险', '基本养老保险', '低保特困', '生态护林员', '户籍状况']) {
      expect(await shown(label), label).toBe('未填写');
    }
    await shot(page, 'j5-detail-unknown-facts');

    // Later the clerk learns the member has no basic medical insurance: 否 is a fact, 未填写 was not.
    await page.getByTestId('person-edit').click();
    await expect.poll(() => page.getByTestId('field-name').inputValue(), { timeout: 15_000 }).toBe(name);
    expect(await page.getByTestId('field-medicalInsurance').getByRole('radio', { name: '未填写' }).isChecked()).toBe(true);
    await page.getByTestId('field-medicalInsurance').getByText('否', { exact: true }).click();
    await page.getByTestId('form-submit').click();
    await page.waitForURL((u) => u.pathname === `/households/${member.householdId}`);
    expect(await admin.get(`/persons/${created.id}`)).toMatchObject({ medicalInsurance: false, ethnicity: null, pensionInsurance: null });

    await page.getByRole('tab', { name: '变更历史' }).click();
    const entry = tableRows(page, 'history-table').filter({ hasText: `人员（${name}）` }).filter({ hasText: '修改' });
    await entry.first().waitFor();
    expect(await entry.first().innerText()).toMatch(/基本医疗保险：\s*未填写\s*→\s*否/);

    await page.goto(`${server.url}/persons/${created.id}`);
    await detail.waitFor();
    expect(await shown('基本医疗保险')).toBe('否');
    expect(await shown('民族')).toBe('未填写');
    await shot(page, 'j5-detail-insurance-no');
  });
});
