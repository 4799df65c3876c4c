/**
 * 享受资格: entitlements proposed from the rules, approved at county level and recorded paid,
 * filtered by division, status and rule and paged on the server.
 */
import { useState } from 'react';
import { Button, Select, Table, Tag, Typography } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useMessages } from '../../i18n/locale';
import { ErrorState } from '../../shared/ErrorState';
import { formatDateTime } from '../../shared/format';
import { pagingQuery, useListTableProps } from '../../shared/list-table';
import { PageHead } from '../../shared/PageHead';
import { useUrlFilters } from '../../shared/url-filters';
import { usePageTitle } from '../../shared/use-page-title';
import { useSession } from '../auth/session';
import { isPayable, Money } from './benefit-format';
import { EntitlementActions } from './EntitlementActions';
import { usePolicyMessages } from './policy-messages';
import { useAllPacks, useEntitlements, usePacks } from './policy-queries';
import type { Entitlement } from './policy-types';
import { ProposeModal } from './ProposeModal';
import { ScopeBar, usePolicyScope } from './ScopeBar';

const KEYS = ['status', 'ruleId'] as const;
const STATUS_COLOR: Record<string, string> = { proposed: 'processing', approved: 'blue', paid: 'green', rejected: 'default' };

/** Every rule of every pack, for the filter. */
function useRuleOptions() {
  const list = usePacks();
  const packs = useAllPacks(list.data?.items.map((x) => x.code));
  return (packs.data ?? []).flatMap(({ pack }) => pack.rules.map((r) => ({ value: r.id, label: `${pack.code} ${r.title}` })));
}

export function EntitlementsPage() {
  const m = useMessages();
  const p = usePolicyMessages();
  const session = useSession();
  const { divisionCode } = usePolicyScope();
  const { filters, paging, setFilters, onTableChange } = useUrlFilters(KEYS);
  const [proposing, setProposing] = useState(false);
  const ruleOptions = useRuleOptions();
  usePageTitle(p.entitlements);
  const query = useEntitlements({ division: divisionCode, status: filters.status, ruleId: filters.ruleId, ...pagingQuery(paging) });
  const tableProps = useListTableProps<Entitlement>(query, paging, onTableChange);
  const canAct = session.can('entitlements.propose') || session.can('entitlements.approve');

  return (
    <div data-testid="entitlements-page">
      <PageHead
        title={p.entitlements}
        extra={
          session.can('entitlements.propose') && (
            <Button type="primary" icon={<FileAddOutlined />} onClick={() => setProposing(true)} data-testid="propose-open">
              {p.propose}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{p.entitlementsHint}</Typography.Paragraph>
      <ScopeBar withDate={false}>
        <Select
          allowClear
          placeholder={p.status}
          value={filters.status}
          onChange={(status?: string) => setFilters({ status })}
          options={Object.entries(p.statuses).map(([value, label]) => ({ value, label }))}
          style={{ width: 140 }}
          data-testid="filter-status"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={p.rule}
          value={filters.ruleId}
          onChange={(ruleId?: string) => setFilters({ ruleId })}
          options={ruleOptions}
          style={{ width: 320 }}
          popupMatchSelectWidth={false}
          data-testid="filter-rule"
        />
      </ScopeBar>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<Entitlement>
          {...tableProps}
          locale={{ emptyText: p.noEntitlements }}
          data-testid="entitlements-table"
          onRow={(e) => ({ 'data-entitlement': e.id, 'data-status': e.status }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: p.subjectLabel,
              dataIndex: 'subjectLabel',
              fixed: 'left',
              render: (label: string, e) => (e.householdId ? <Link to={`/households/${e.householdId}?tab=policy`}>{label}</Link> : label),
            },
            { title: p.subjectKind, dataIndex: 'subjectKind', render: (k: string) => p.subjects[k] ?? k, responsive: ['lg'] },
            {
              title: p.rule,
              dataIndex: 'ruleTitle',
              render: (t: string, e) => (
                <div style={{ minWidth: 160, maxWidth: 300, whiteSpace: 'normal' }}>
                  {t} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.packCode}</Typography.Text>
                </div>
              ),
            },
            { title: p.payeeLabel, dataIndex: 'payee', render: (v: string) => p.payees[v] ?? v, responsive: ['md'] },
            { title: p.amount, dataIndex: 'amount', align: 'right', render: (a: number | null, e) => <Money value={a} payable={isPayable(e.kind)} /> },
            { title: p.per, key: 'per', render: (_: unknown, e) => (e.per === 'month' && e.months ? `${p.pers.month} · ${p.monthsN(e.months)}` : (p.pers[e.per] ?? e.per)) },
            { title: p.benefitPeriod, key: 'period', responsive: ['lg'], render: (_: unknown, e) => (e.periodFrom ? `${e.periodFrom} ~ ${e.periodTo ?? ''}` : '—') },
            { title: p.status, dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLOR[s]} data-testid="entitlement-status">{p.statuses[s] ?? s}</Tag> },
            { title: p.proposedAt, dataIndex: 'proposedAt', render: formatDateTime, responsive: ['xl'] },
            { title: p.decided, key: 'decided', responsive: ['xl'], render: (_: unknown, e) => (e.decidedAt ? `${e.decidedBy ?? ''} ${formatDateTime(e.decidedAt)}` : '—') },
            { title: p.reason, dataIndex: 'reason', render: (r: string | null) => r ?? m.common.none, responsive: ['lg'] },
            ...(canAct ? [{ title: m.common.actions, key: 'actions', fixed: 'right' as const, render: (_: unknown, e: Entitlement) => <EntitlementActions e={e} /> }] : []),
          ]}
        />
      )}
      {proposing && <ProposeModal division={divisionCode} onClose={() => setProposing(false)} />}
    </div>
  );
}
