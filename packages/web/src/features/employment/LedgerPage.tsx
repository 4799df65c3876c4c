/**
 * 劳动力台账 (月调度, SPEC §5): a period's records of the chosen division, filled in row by row.
 * The figures' drill-downs land here with ?fact=…, ?channel=…, ?place=…; names are searched
 * through the XHR only, never the address.
 */
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Empty, Grid, Input, Popconfirm, Select, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useLabels, useMessages } from '../../i18n/locale';
import { useDivisionPath } from '../../shared/division-queries';
import { ErrorState, errorText } from '../../shared/ErrorState';
import { pagingQuery, useListTableProps } from '../../shared/list-table';
import { PageHead } from '../../shared/PageHead';
import { usePrivateFilters } from '../../shared/private-filters';
import { useUrlFilters } from '../../shared/url-filters';
import { usePageTitle } from '../../shared/use-page-title';
import { useSession } from '../auth/session';
import { useDivision } from '../layout/division-context';
import { CorrectionModal } from './CorrectionModal';
import { usePeriodOptions, usePeriods, useRecords, type LabourRecord } from './employment-queries';
import { LedgerTable } from './LedgerTable';
import { PeriodActions } from './PeriodActions';
import { OpenEverywhere } from './OpenEverywhere';
import { PeriodSelect } from './PeriodSelect';
import { PersonHistoryDrawer } from './PersonHistoryDrawer';
import { useRowEditing } from './use-row-editing';

const KEYS = ['period', 'divisionCode', 'householdId', 'fact', 'state', 'channel', 'place'] as const;
const FACTS = ['labour_force', 'employed', 'stably_employed', 'seeking', 'first_cross_province', 'returnee', 'unconfirmed', 'training_wish'] as const;

export function LedgerPage() {
  const m = useMessages();
  const e = m.employment;
  const labels = useLabels();
  const session = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { division } = useDivision();
  const { filters, paging, setFilters, onTableChange } = useUrlFilters(KEYS);
  const [personal, setPersonal] = usePrivateFilters('employment-ledger');
  const [q, setQ] = useState(personal.q ?? '');
  const [revealIncome, setRevealIncome] = useState(false);
  const [historyOf, setHistoryOf] = useState<LabourRecord | null>(null);
  const [correcting, setCorrecting] = useState<LabourRecord | null>(null);
  const editor = useRowEditing();
  const wide = !!Grid.useBreakpoint().md;
  usePageTitle(e.ledger);

  const divisionCode = filters.divisionCode ?? division.code;
  const periods = usePeriodOptions(divisionCode);
  const countyPeriods = usePeriods(periods.county);
  const period = filters.period ?? periods.preferred;
  const scope = useDivisionPath(divisionCode || null);

  const base = { period, divisionCode: divisionCode || undefined, householdId: filters.householdId, state: filters.state, channel: filters.channel, place: filters.place };
  const query = useRecords({ ...base, fact: filters.fact, q: personal.q, ...pagingQuery(paging) }, revealIncome);
  const unconfirmed = useRecords({ ...base, fact: 'unconfirmed', pageSize: 1 }, false);
  const tableProps = useListTableProps<LabourRecord>(query, paging, onTableChange);
  const periodStatus = periods.options?.find((o) => o.period === period)?.status ?? query.data?.items[0]?.periodStatus ?? null;
  const canWrite = session.can('employment.write');
  // Another page, period or filter takes the edited row off screen: stop editing it.
  const listKey = JSON.stringify([period, divisionCode, filters, paging, personal.q]);
  const [shownKey, setShownKey] = useState(listKey);
  if (shownKey !== listKey) {
    setShownKey(listKey);
    if (editor.editing) editor.cancel();
  }

  async function confirmDivision(code: string) {
    try {
      const out = await api.post<{ confirmed: number }>('/employment/confirmations', { period, divisionCode: code });
      message.success(e.confirmedN(out.confirmed));
      await queryClient.invalidateQueries({ queryKey: ['employment'] });
    } catch (error) {
      message.error(errorText(error, m.common.networkError));
    }
  }

  const scopeName = divisionCode ? (scope.data?.division.name ?? divisionCode) : m.header.national;
  const pending = unconfirmed.data?.total ?? 0;
  const bannerActions = (
    <span style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
      {filters.fact !== 'unconfirmed' && (
        <Button size="small" onClick={() => setFilters({ fact: 'unconfirmed' })}>
          {e.onlyUnconfirmed}
        </Button>
      )}
      {canWrite && divisionCode.length >= 6 && (
        <Popconfirm title={e.confirmQuestion(scopeName)} onConfirm={() => confirmDivision(divisionCode)}>
          <Button size="small" type="primary" data-testid="confirm-division">
            {e.confirmDivision}
          </Button>
        </Popconfirm>
      )}
    </span>
  );

  return (
    <div data-testid="ledger-page">
      <PageHead
        title={e.ledger}
        extra={
          <>
            <PeriodSelect value={period} options={periods.options} loading={periods.isLoading} onChange={(p) => setFilters({ period: p })} />
            <PeriodActions county={periods.county} periods={countyPeriods.data} period={period} onOpened={(p) => setFilters({ period: p, fact: undefined })} />
            {periods.county === null && (
              <OpenEverywhere divisionCode={divisionCode} scopeName={scopeName} latest={periods.options?.[0]?.period} onOpened={(p) => setFilters({ period: p, fact: undefined })} />
            )}
          </>
        }
      />
      {session.can('employment.period') && periods.county === null && <Alert type="info" showIcon title={e.chooseCounty} style={{ marginBottom: 12 }} />}
      {periods.error ? <ErrorState error={periods.error} /> : null}
      {periods.options && periods.options.length === 0 && <Empty description={<span data-testid="no-periods">{e.noPeriods}</span>}>{session.can('employment.period') ? e.noPeriodsHint : null}</Empty>}
      {period && (
        <>
          {periodStatus === 'closed' && <Alert type="warning" showIcon title={e.closedHint} style={{ marginBottom: 12 }} data-testid="period-closed" />}
          {periodStatus !== 'closed' && pending > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={e.unconfirmedBanner(pending)}
              data-testid="unconfirmed-banner"
              // On a phone the buttons go under the text, which would otherwise be squeezed into a column.
              action={wide ? bannerActions : undefined}
              description={wide ? undefined : bannerActions}
            />
          )}
          <div className="filter-bar">
            <Input.Search
              allowClear
              value={q}
              onChange={(ev) => setQ(ev.target.value)}
              onSearch={(value) => {
                setPersonal({ q: value });
                setFilters({});
              }}
              placeholder={e.nameQ}
              style={{ width: 200 }}
              data-testid="filter-q"
            />
            <Select allowClear placeholder={e.fact} value={filters.fact} onChange={(fact?: string) => setFilters({ fact })} options={FACTS.map((f) => ({ value: f, label: e.facts[f] }))} style={{ width: 150 }} data-testid="filter-fact" />
            <Select allowClear placeholder={e.state} value={filters.state} onChange={(state?: string) => setFilters({ state })} options={labels.options('employmentStates')} style={{ width: 110 }} data-testid="filter-state" />
            <Select allowClear placeholder={e.channel} value={filters.channel} onChange={(channel?: string) => setFilters({ channel })} options={labels.options('employmentChannels')} style={{ width: 140 }} data-testid="filter-channel" />
            <Select allowClear placeholder={e.place} value={filters.place} onChange={(place?: string) => setFilters({ place })} options={labels.options('workPlaces')} style={{ width: 150 }} popupMatchSelectWidth={false} data-testid="filter-place" />
            <Checkbox checked={filters.fact === 'unconfirmed'} onChange={(ev) => setFilters({ fact: ev.target.checked ? 'unconfirmed' : undefined })} data-testid="filter-unconfirmed">
              {e.onlyUnconfirmed}
            </Checkbox>
            {filters.householdId && (
              <Tag closable onClose={() => setFilters({ householdId: undefined })} style={{ alignSelf: 'center' }} data-testid="filter-household">
                {e.household(filters.householdId)}
              </Tag>
            )}
          </div>
          {query.isError ? (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          ) : (
            <LedgerTable
              tableProps={tableProps}
              editor={editor}
              revealIncome={revealIncome}
              onRevealIncome={setRevealIncome}
              onHistory={setHistoryOf}
              onCorrect={setCorrecting}
              onConfirmVillage={(code) => void confirmDivision(code)}
            />
          )}
        </>
      )}
      {editor.conflictDialog}
      <PersonHistoryDrawer record={historyOf} onClose={() => setHistoryOf(null)} />
      <CorrectionModal record={correcting} onClose={() => setCorrecting(null)} />
    </div>
  );
}
