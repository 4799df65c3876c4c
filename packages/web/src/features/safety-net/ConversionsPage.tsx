/**
 * 低保特困城乡转换 (SPEC §4, XX-2020 三(三); docs/MONITORING.md §5): rural recipients at urban
 * sites to confirm, and the ledger of conversions with their 30-working-day deadlines.
 */
import { Alert, Tabs, Typography } from 'antd';
import { PageHead } from '../../shared/PageHead';
import { useUrlFilters } from '../../shared/url-filters';
import { usePageTitle } from '../../shared/use-page-title';
import { useDivision } from '../layout/division-context';
import { CandidatesTab } from './CandidatesTab';
import { useConversionMessages } from './conversion-messages';
import { LedgerTab } from './LedgerTab';

const KEYS = ['tab', 'status', 'overdue'] as const;

export function ConversionsPage() {
  const c = useConversionMessages();
  usePageTitle(c.title);
  const { division: current } = useDivision();
  const { filters, paging, setFilters, onTableChange } = useUrlFilters(KEYS);
  const division = current.code;
  // A drill-down to pending or overdue conversions opens the ledger.
  const tab = filters.tab === 'ledger' || filters.status || filters.overdue ? 'ledger' : 'candidates';

  return (
    <div data-testid="conversions-page">
      <PageHead title={c.title} />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={c.ruleTitle}
        description={
          <>
            <Typography.Paragraph style={{ marginBottom: 4 }} data-testid="conversion-rule">
              {c.rule}
            </Typography.Paragraph>
            <Typography.Text type="secondary">{c.who}</Typography.Text>
          </>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setFilters({ tab: key === 'ledger' ? 'ledger' : undefined, status: undefined, overdue: undefined })}
        items={[
          {
            key: 'candidates',
            label: <span data-testid="conversion-tab-candidates">{c.tabCandidates}</span>,
            children: tab === 'candidates' && <CandidatesTab division={division} paging={paging} onTableChange={onTableChange} />,
          },
          {
            key: 'ledger',
            label: <span data-testid="conversion-tab-ledger">{c.tabLedger}</span>,
            children: tab === 'ledger' && (
              <LedgerTab
                division={division}
                status={filters.status}
                overdue={filters.overdue === 'true'}
                paging={paging}
                onTableChange={onTableChange}
                onFilter={(patch) => setFilters({ tab: 'ledger', ...patch })}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
