/**
 * What the monitoring journey sets up outside the browser, through the API (never SQL): a demo
 * household to follow, its members' labour ledger records (one worker employed at a chosen
 * income, the others not working), later periods opened with that income, and the 医保 file.
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { departmentLedgers } from '@anju/core';
import ExcelJS from '../packages/server/src/features/imports/exceljs.js';
import { settleModal, submitModal, type ApiSession } from './support.js';

export interface Followed {
  householdId: string;
  householdNo: string;
  county: string;
  worker: { id: string; name: string; idNumber: string };
}

const ageOn = (birth: string, on: string) => Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(5) < birth.slice(5) ? 1 : 0);

/**
 * A household of the township that the elimination conditions can be met for once its income
 * rises: 2–5 members, all insured, someone of working age able to work, no child of school age
 * out of school.
 */
export async function pickHousehold(admin: ApiSession, township: string, on: string): Promise<Followed> {
  const list = await admin.get(`/households?divisionCode=${township}&pageSize=100`);
  for (const brief of list.items) {
    const h = await admin.get(`/households/${brief.id}`);
    const members = h.memberList as { id: string; name: string; birthDate: string; labourForce: boolean; medicalInsurance: boolean; schoolStage: string }[];
    if (members.length < 2 || members.length > 5) continue;
    if (!members.every((p) => p.medicalInsurance)) continue;
    if (members.some((p) => ageOn(p.birthDate, on) >= 6 && ageOn(p.birthDate, on) <= 15 && p.schoolStage === 'none')) continue;
    const worker = members.find((p) => p.labourForce);
    if (!worker) continue;
    const { idNumber } = await admin.post(`/persons/${worker.id}/sensitive`);
    return { householdId: h.id, householdNo: h.householdNo, county: String(h.destDivisionCode).slice(0, 6), worker: { id: worker.id, name: worker.name, idNumber } };
  }
  throw new Error(`no household in ${township} fits the journey`);
}

const notWorking = { wantsWork: false, state: 'unemployed', channel: null, place: null, employerId: null, employerName: null, startDate: null, contractMonths: null, socialInsurance: false, monthlyIncome: null, trainingWish: false };
const working = (income: number) => ({ ...notWorking, wantsWork: true, state: 'employed', channel: 'local', place: 'in_county', employerName: '县内帮扶车间', startDate: '2025-01-01', monthlyIncome: income });

/** The household's records of a period: the worker employed at `income`, everyone else not working. */
export async function setIncome(api: ApiSession, h: Followed, period: string, income: number): Promise<void> {
  const records = await api.get(`/employment/records?period=${period}&householdId=${h.householdId}&pageSize=50`);
  expect(records.items.some((r: { personId: string }) => r.personId === h.worker.id)).toBe(true);
  for (const r of records.items as { personId: string; version: number }[]) {
    const facts = r.personId === h.worker.id ? working(income) : notWorking;
    const res = await api.request('PUT', `/employment/records/${r.personId}/${period}`, { facts, version: r.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
}

/** Opens every period after the county's latest up to `last`, each with the household at `income`. */
export async function openPeriodsTo(api: ApiSession, h: Followed, last: string, income: number): Promise<string[]> {
  const periods = (await api.get(`/employment/periods?countyCode=${h.county}`)) as { period: string }[];
  let latest = periods.map((p) => p.period).sort().at(-1)!;
  const opened: string[] = [];
  while (latest < last) {
    const [y, m] = latest.split('-').map(Number) as [number, number];
    latest = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    const res = await api.request('POST', '/employment/periods', { period: latest, countyCode: h.county });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await setIncome(api, h, latest, income);
    opened.push(latest);
  }
  return opened;
}

export interface MedicalRow {
  occurredOn: string;
  totalCost: number;
  reimbursed: number;
  selfPay: number;
  period: string;
}

/** The 医保 department's medical-expense list (the import centre's ledger), one row for the worker. */
export async function medicalFile(dir: string, h: Followed, row: MedicalRow): Promise<string> {
  const ledger = departmentLedgers.department_medical_security;
  const values: Record<string, string | number> = {
    idNumber: h.worker.idNumber,
    name: h.worker.name,
    visitType: '住院',
    hospital: '县人民医院',
    occurredOn: row.occurredOn,
    totalCost: row.totalCost,
    reimbursed: row.reimbursed,
    selfPay: row.selfPay,
    settlementNo: 'E2E-0001',
    period: row.period,
  };
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(ledger.title);
  sheet.addRow(ledger.columns.map((c) => c.header));
  sheet.addRow(ledger.columns.map((c) => values[c.key] ?? null));
  const path = join(dir, '医保医疗费用数据.xlsx');
  await workbook.xlsx.writeFile(path);
  return path;
}

/** Types a date into an antd DatePicker (its input carries the test id); Tab, as Enter would submit the form. */
export async function pickDate(p: Page, testId: string, date: string): Promise<void> {
  const input = p.getByTestId(testId);
  await input.click();
  await input.fill(date);
  await input.press('Tab');
  await expect.poll(() => input.inputValue()).toBe(date);
}

/** Waits until the case page shows the case at `step`. */
export async function expectStep(p: Page, step: string): Promise<void> {
  await p.locator(`[data-testid="case-page"][data-step="${step}"]`).waitFor();
}

/** Takes the case's action `action` through its modal, after `fill`. */
export async function act(p: Page, action: string, fill: () => Promise<void> = async () => undefined): Promise<void> {
  await p.getByTestId(`action-${action}`).click();
  const form = p.locator(`[data-testid="action-form"][data-action="${action}"]`);
  await form.waitFor();
  await settleModal(form);
  await fill();
  await submitModal(p, 'action-submit');
}

/** Types into an antd search select and takes the option showing `text`, again if the list changed under the click. */
export async function search(p: Page, testId: string, text: string): Promise<void> {
  const select = p.getByTestId(testId);
  for (let attempt = 0; attempt < 5; attempt++) {
    await select.click();
    await p.keyboard.press('Control+A');
    await p.keyboard.type(text);
    const option = p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first();
    if (await option.waitFor({ timeout: 5_000 }).then(() => true, () => false)) await p.keyboard.press('Enter');
    if (await expect.poll(() => select.innerText(), { timeout: 3_000 }).toContain(text).then(() => true, () => false)) return;
    await p.keyboard.press('Escape');
  }
  expect(await select.innerText()).toContain(text);
}
