/**
 * 零就业家庭 (动态清零, GZ-2022 5、19): per period the households found this period, those still
 * open from before, and those cleared; each with its days open, the action and who answers for it.
 */
import { useState } from 'react';
import { Button, Empty, Grid, Space, Table, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useLabels, useMessages } from '../../i18n/locale';
import { DivisionName } from '../admin/DivisionName';
import { ErrorState } from '../../shared/ErrorState';
import { pagingQuery, useListTableProps } from '../../shared/list-table';
import { PageHead } from '../../shared/PageHead';
import { useUrlFilters } from '../../shared/url-filters';
import { usePageTitle } from '../../shared/use-page-title';
import { useSession } from '../auth/session';
import { useDivision } from '../layout/division-context';
import { employmentLink, usePeriodOptions, useZeroHouseholds, type ZeroCase, type ZeroState } from './employment-queries';
import { PeriodSelect } from './PeriodSelect';
import { ZeroActionModal } from './ZeroActionModal';

const KEYS = ['period', 'divisionCode', 'state'] as const;
const TABS: ZeroState[] = ['new', 'continuing', 'cleared', 'open'];
const STATE_COLOR = { new: 'red', continuing: 'orange', cleared: 'green' } as const;

/** The number of households in one tab, for its label. */
function useTabCount(period: string | undefined, divisionCode: string, state: ZeroState) {
  return useZeroHouseholds({ period, divisionCode: divisionCode || undefined, state, pageSize: 1 }).data?.total;
}

export function ZeroHouseholdsPage() {
  const m = useMessages();
  const e = m.employment;
  const labels = useLabels();
  const session = useSession();
  const { division } = useDivision();
  const { filters, paging, setFilters, onTableChange } = useUrlFilters(KEYS);
  const [acting, setActing] = useState<ZeroCase | null>(null);
  usePageTitle(e.zero);

  const divisionCode = filters.divisionCode ?? division.code;
  const periods = usePeriodOptions(divisionCode);
  const period = filters.period ?? periods.preferred;
  const state = (TABS as string[]).includes(filters.state ?? '') ? (filters.state as ZeroState) : 'new';
  const query = useZeroHouseholds({ period, divisionCode: divisionCode || undefined, state, ...pagingQuery(paging) });
  const counts: Record<ZeroState, number | undefined> = {
    new: useTabCount(period, divisionCode, 'new'),
    continuing: useTabCount(period, divisionCode, 'continuing'),
    cleared: useTabCount(period, divisionCode, 'cleared'),
    open: useTabCount(period, divisionCode, 'open'),
  };
  const tableProps = useListTableProps<ZeroCase>(query, paging, onTableChange);
  const canAct = session.can('employment.write');
  const wide = !!Grid.useBreakpoint().md;

  return (
    <div data-testid="zero-page">
      <PageHead title={e.zero} extra={<PeriodSelect value={period} options={periods.options} loading={periods.isLoading} onChange={(p) => setFilters({ period: p })} />} />
      <Typography.Paragraph type="secondary">{e.zeroHint}</Typography.Paragraph>
      {periods.options && periods.options.length === 0 && <Empty description={e.noPeriods} />}
      {period && (
        <>
          <Tabs
            activeKey={state}
            onChange={(key) => setFilters({ state: key === 'new' ? undefined : key })}
            items={TABS.map((t) => ({ key: t, label: <span data-testid={`zero-tab-${t}`}>{counts[t] === undefined ? e.tabs[t] : `${e.tabs[t]}（${counts[t]}）`}</span> }))}
          />
          {query.isError ? (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          ) : (
            <Table<ZeroCase>
              {...tableProps}
              data-testid="zero-table"
              onRow={(z) => ({ 'data-household': z.householdId }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: e.householdNo, dataIndex: 'householdNo', fixed: wide ? 'left' : undefined, render: (no: string, z) => <Link to={`/households/${z.householdId}`} data-testid="zero-household-link">{no}</Link> },
                { title: e.headName, dataIndex: 'headName' },
                { title: e.division, dataIndex: 'divisionCode', render: (code: string) => <DivisionName code={code} />, responsive: ['lg'] },
                { title: e.foundPeriod, dataIndex: 'foundPeriod', responsive: ['sm'] },
                { title: e.zeroState, dataIndex: 'state', render: (s: ZeroCase['state']) => <Tag color={STATE_COLOR[s]}>{e.tabs[s]}</Tag> },
                { title: e.daysOpen, dataIndex: 'daysOpen', align: 'right', render: (n: number) => e.days(n) },
                ...(state === 'cleared'
                  ? [
                      { title: e.clearedPeriod, dataIndex: 'clearedPeriod' },
                      { title: e.clearedReason, dataIndex: 'clearedReason', render: (r: string | null) => (r ? (e.clearedReasons[r] ?? r) : m.common.none) },
                    ]
                  : []),
                { title: e.action, dataIndex: 'action', render: (a: string | null) => (a ? labels.label('zeroEmploymentActions', a) : <Typography.Text type="secondary">{e.noAction}</Typography.Text>) },
                { title: e.responsible, dataIndex: 'responsible', render: (r: string | null) => r ?? m.common.none },
                { title: e.note, dataIndex: 'actionNote', responsive: ['xl'], render: (n: string | null) => n ?? m.common.none },
                {
                  title: m.common.actions,
                  key: 'actions',
                  fixed: 'right',
                  render: (_, z) => (
                    <Space size={0}>
                      {canAct && z.state !== 'cleared' && (
                        <Button type="link" size="small" onClick={() => setActing(z)} data-testid="zero-set-action">
                          {e.setAction}
                        </Button>
                      )}
                      <Link to={employmentLink('/employment/ledger', { period, householdId: z.householdId })} data-testid="zero-ledger-link">
                        <Button type="link" size="small">
                          {e.viewLedger}
                        </Button>
                      </Link>
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </>
      )}
      <ZeroActionModal item={acting} onClose={() => setActing(null)} />
    </div>
  );
}
