/** Amounts and benefits as an official reads them: yuan, 由地方确定 in orange, 按月 × 月数. */
import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import type { Benefit } from '@anju/core/policy/pack-schema';
import { usePolicyMessages, type PolicyMessages } from './policy-messages';

export const LOCAL_COLOR = 'orange';

export function today(): string {
  return dayjs().format('YYYY-MM-DD');
}

/** 由地方确定: a value the document leaves to local decision, not yet set. */
export function LocalTag({ testId }: { testId?: string }) {
  const p = usePolicyMessages();
  return (
    <Tooltip title={p.localHint}>
      <Tag color={LOCAL_COLOR} data-testid={testId ?? 'local-tag'}>
        {p.local}
      </Tag>
    </Tooltip>
  );
}

/** A yuan amount; null is 由地方确定 (unset) unless `nullText` says otherwise. */
export function Yuan({ value, note, nullText }: { value: number | null | undefined; note?: string | null; nullText?: string }) {
  const p = usePolicyMessages();
  if (value == null) return nullText !== undefined ? <>{nullText}</> : <LocalTag />;
  const noteText = note ? (p.amountNotes[note] ?? note) : null;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {noteText && noteText !== p.local && <span style={{ color: '#888', marginRight: 4 }}>{noteText}</span>}
      {p.yuan(value)}
    </span>
  );
}

/** 现金补贴 · 按月 · 6 个月 · 用人单位 — what a benefit is, in one line. */
/** Cash and loans have amounts; services and duties have none (so no 由地方确定 either). */
export function isPayable(kind: string | undefined): boolean {
  return kind === 'cash' || kind === 'loan';
}

/** An amount or a cost: yuan, 由地方确定 when a payable benefit has none, else —. */
export function Money({ value, payable }: { value: number | null | undefined; payable: boolean }) {
  return value == null && !payable ? <>—</> : <Yuan value={value} />;
}

/** Kind and payee are plain strings in API answers. */
interface BenefitLike {
  kind: string;
  per: Benefit['per'];
  months?: number;
  payee: string;
}

export function benefitText(p: PolicyMessages, benefit: BenefitLike): string {
  const parts = [p.kinds[benefit.kind] ?? benefit.kind, p.pers[benefit.per] ?? benefit.per];
  if (benefit.per === 'month' && benefit.months) parts.push(p.monthsN(benefit.months));
  if (benefit.payee && benefit.payee !== 'subject') parts.push(`${p.payee}：${p.payees[benefit.payee] ?? benefit.payee}`);
  return parts.join(' · ');
}

/** Where a dated version stands on a day: in force, expired, or not yet. */
export function versionState(v: { from: string; to?: string | null }, on: string): 'inForce' | 'expired' | 'upcoming' {
  if (v.from > on) return 'upcoming';
  if (v.to != null && v.to < on) return 'expired';
  return 'inForce';
}

export function VersionStateTag({ v, on }: { v: { from: string; to?: string | null }; on: string }) {
  const p = usePolicyMessages();
  const state = versionState(v, on);
  const color = state === 'inForce' ? 'green' : state === 'upcoming' ? 'blue' : 'default';
  return <Tag color={color}>{p[state]}</Tag>;
}
