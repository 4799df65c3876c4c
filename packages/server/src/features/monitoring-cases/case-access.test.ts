/**
 * Who may not do what with a case, first: each step's action needs its permission, a case of
 * another township does not exist for its users, leaders and department users only read, and a
 * stale version or a step out of turn is refused with a message that says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKit, type Kit } from '../../../test/case-kit.js';

let kit: Kit;
let householdId: string;
let caseId: string;

beforeAll(async () => {
  kit = await startKit('acc');
  householdId = (await kit.household()).id;
  caseId = (await kit.lead(householdId)).id;
});
afterAll(async () => kit?.close());

const url = () => `/api/v1/monitoring/cases/${caseId}`;

describe('access to cases', () => {
  it('refuses a collector the township review and the county approval', async () => {
    const { as, act } = kit;
    for (const action of ['township_review', 'county_approve']) {
      const res = await act(caseId, as.collector, { action });
      expect(res.status, action).toBe(403);
      expect(res.body.message).toContain('无权');
    }
  });

  it('refuses a clerk the county approval, even at the step it belongs to', async () => {
    const { as, act, signPapers, actOk, at } = kit;
    expect((await act(caseId, as.clerk, { action: 'county_approve' })).status).toBe(403);
    // Take a second household's case to the county's step: the clerk still may not approve it.
    const other = (await kit.household()).id;
    const c = await kit.lead(other);
    await signPapers(c.id);
    await actOk(c.id, as.collector, { action: 'verify', commitmentSignedOn: '2026-06-01', authorizationSignedOn: '2026-06-01' });
    await actOk(c.id, as.collector, { action: 'compare' });
    await actOk(c.id, as.collector, { action: 'notice', noticeStart: '2026-06-01' });
    at('2026-06-08');
    await actOk(c.id, as.clerk, { action: 'township_review' });
    const denied = await act(c.id, as.clerk, { action: 'county_approve' });
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe('无权县级审批：须由县级监测审批人员办理');
    at('2026-06-01');
  });

  it('answers a user of another township as if the case did not exist', async () => {
    const { as } = kit;
    const missing = await as.otherClerk.request('GET', '/api/v1/monitoring/cases/999999');
    const hidden = await as.otherClerk.request('GET', url());
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
    expect((await as.otherClerk.request('POST', `${url()}/actions`, { action: 'reject', version: 1, reason: '不属实的线索' })).status).toBe(404);
    expect((await as.otherClerk.request('GET', `${url()}/elimination-check`)).status).toBe(404);
    expect((await as.otherClerk.upload(caseId, 'commitment', 'a.pdf', Buffer.from('%PDF-1.4'))).status).toBe(404);
    expect((await as.otherClerk.request('GET', '/api/v1/monitoring/cases?division=520628002')).status).toBe(404);
    const own = await as.otherClerk.request('GET', '/api/v1/monitoring/cases');
    expect(own.body.total).toBe(0);
    // Nor may it open a lead on a household it cannot see.
    const lead = await as.otherClerk.request('POST', '/api/v1/monitoring/cases', { householdId, channel: 'petition', category: 'marginal', riskNote: '信访反映生活困难' });
    expect(lead.status).toBe(404);
  });

  it('lets a leader and a department user read, and neither act nor open a lead', async () => {
    const { as, act } = kit;
    for (const who of [as.leader, as.department]) {
      const read = await who.request('GET', url());
      expect(read.status).toBe(200);
      expect(read.body.nextActions.every((a: { allowed: boolean }) => !a.allowed)).toBe(true);
      expect((await act(caseId, who, { action: 'verify', commitmentSignedOn: '2026-06-01', authorizationSignedOn: '2026-06-01' })).status).toBe(403);
      expect((await act(caseId, who, { action: 'reject', reason: '线索不属实，不予纳入' })).status).toBe(403);
      const lead = await who.request('POST', '/api/v1/monitoring/cases', { householdId, channel: 'petition', category: 'marginal', riskNote: '信访反映生活困难' });
      expect(lead.status).toBe(403);
    }
  });

  it('refuses a stale version with 409 and a step out of turn with the step named', async () => {
    const { as } = kit;
    const current = (await as.collector.request('GET', url())).body;
    const stale = await as.collector.request('POST', `${url()}/actions`, { action: 'compare', version: current.version + 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toContain('请刷新');
    const early = await as.collector.request('POST', `${url()}/actions`, { action: 'compare', version: current.version });
    expect(early.status).toBe(409);
    expect(early.body.message).toBe('当前环节为“线索待核实”，不能信息比对');
    const unknown = await as.collector.request('POST', `${url()}/actions`, { action: 'approve_everything', version: current.version });
    expect(unknown.status).toBe(400);
  });
});
