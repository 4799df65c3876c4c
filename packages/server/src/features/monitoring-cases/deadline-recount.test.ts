/**
 * Work goes on in December while next year's holidays are not entered yet (the bundled package
 * stops at 2026): deadlines reaching 2027 are counted Monday to Friday and shown as estimates,
 * and counted again when the national administrator enters the year. Counted by hand below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, login, type ApiSession } from '../../../test/api-client.js';
import { startKit, type Kit } from '../../../test/case-kit.js';

let kit: Kit;
let national: ApiSession;

beforeAll(async () => {
  kit = await startKit('recount');
  await addUser(kit.ctx, 'recount-national', 'admin', '');
  national = await login(kit.app, 'recount-national');
});
afterAll(async () => kit?.close());

describe('deadlines reaching a year nobody has entered', () => {
  let caseId = '';
  let conversionId = '';

  it('are counted Monday to Friday and marked as estimates, so a lead can still be taken', async () => {
    kit.at('2026-12-21');
    const hh = await kit.household([{ birth: '1970-02-02', over: { safetyNet: 'dibao_rural' } }]);
    const c = await kit.lead(hh.id);
    caseId = c.id;
    const got = (await kit.as.admin.request('GET', `/api/v1/monitoring/cases/${caseId}`)).body;
    // Verification, 5 working days from Mon 21 Dec: 22, 23, 24, 25, 28.
    expect(got.stepDue).toBe('2026-12-28');
    // Whole procedure, 20: eight in December (22–25, 28–31), then 1, 4–8, 11–15 and 18 Jan counted Monday to Friday.
    expect(got.wholeDue).toBe('2027-01-18');
    expect(got.dueEstimated).toBe(true);

    const conversion = await kit.as.monitor.request('POST', '/api/v1/monitoring/conversions', { personId: hh.people[0], confirmedOn: '2026-12-21' });
    expect(conversion.status, JSON.stringify(conversion.body)).toBe(201);
    conversionId = conversion.body.id;
    // 30 working days: the same eight in December, then 22 from 1 Jan Monday to Friday: 1, 4–8, 11–15, 18–22, 25–29 Jan, 1 Feb.
    expect(conversion.body.dueOn).toBe('2027-02-01');
  });

  it('are counted again when the year is entered, and are estimates no more', async () => {
    const entered = await national.request('PUT', '/api/v1/calendar/2027', { days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] });
    expect(entered.status, JSON.stringify(entered.body)).toBe(200);
    expect(entered.body.recounted).toEqual({ cases: 1, conversions: 1 });
    const got = (await kit.as.admin.request('GET', `/api/v1/monitoring/cases/${caseId}`)).body;
    expect(got.stepDue).toBe('2026-12-28');
    // 1 January is a holiday now: every count that passed it ends a working day later.
    expect(got.wholeDue).toBe('2027-01-19');
    expect(got.dueEstimated).toBe(false);
    const conversions = (await kit.as.monitor.request('GET', '/api/v1/monitoring/conversions?status=pending')).body.items;
    expect(conversions.find((c: { id: string }) => c.id === conversionId).dueOn).toBe('2027-02-02');
  });

  it('is a change only the national administrator makes', async () => {
    expect((await kit.as.admin.request('PUT', '/api/v1/calendar/2027', { days: [] })).status).toBe(403);
  });
});
