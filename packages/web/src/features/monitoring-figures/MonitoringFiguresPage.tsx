/**
 * 监测统计 (SPEC §4, §10; docs/MONITORING.md §7): the monitoring figures of any division and
 * month, each number a way into the list behind it, with the 12-month trend and the figures of
 * each sub-division. The division is the header's switcher's, as on the employment figures (the
 * lists it opens show that one too); the month is the address's `period` (this month when none).
 */
import { Card, Col, Row, Skeleton, Typography } from 'antd';
import { useMessages } from '../../i18n/locale';
import { recentMonths } from '../../shared/deadline';
import { ErrorState } from '../../shared/ErrorState';
import { PageHead } from '../../shared/PageHead';
import { useUrlFilters } from '../../shared/url-filters';
import { usePageTitle } from '../../shared/use-page-title';
import { PeriodSelect } from '../employment/PeriodSelect';
import { useDivision } from '../layout/division-context';
import { DivisionFiguresTable } from './DivisionFiguresTable';
import { CategoryPie, MonitoringTrend, StepBar } from './MonitoringCharts';
import { MonitoringFigureCards } from './MonitoringFigureCards';
import { useFiguresMessages } from './figures-messages';
import { useMonitoringFigures } from './figures-queries';

const KEYS = ['period'] as const;
const MONTHS = 36;

export function MonitoringFiguresPage() {
  const m = useMessages();
  const f = useFiguresMessages();
  const { division: current } = useDivision();
  const { filters, setFilters } = useUrlFilters(KEYS);
  usePageTitle(f.title);
  const months = recentMonths(MONTHS);
  const division = current.code;
  const period = filters.period && filters.period <= months[0]! ? filters.period : months[0]!;
  const figures = useMonitoringFigures(division, period);
  const data = figures.data;

  return (
    <div data-testid="monitoring-figures-page">
      <PageHead
        title={
          <>
            {f.title}
            <span style={{ fontWeight: 400, fontSize: 16, marginLeft: 8 }}>· {data?.divisionName ?? (division ? '' : m.header.national)}</span>
          </>
        }
        extra={
          <>
            <PeriodSelect value={period} options={months.map((p) => ({ period: p, status: null }))} onChange={(p) => setFilters({ period: p })} />
          </>
        }
      />
      <Typography.Paragraph type="secondary">
        {f.hint}
        {data && <> {f.asOf(data.asOf)}。</>}
      </Typography.Paragraph>
      {figures.isError && <ErrorState error={figures.error} onRetry={() => void figures.refetch()} />}
      {!data && figures.isLoading && <Skeleton active paragraph={{ rows: 8 }} />}
      {data && (
        <>
          <MonitoringFigureCards data={data} />
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }} data-testid="consolidation-note">
            {f.consolidationDefinition}
            {f.consolidationTarget}
          </Typography.Paragraph>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12} xl={8}>
              <Card size="small" className="chart-card" title={f.byCategory}>
                <CategoryPie data={data} />
              </Card>
            </Col>
            <Col xs={24} lg={12} xl={8}>
              <Card size="small" className="chart-card" title={f.byStep}>
                <StepBar data={data} />
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card size="small" className="chart-card" title={f.trend}>
                <MonitoringTrend data={data} />
              </Card>
            </Col>
            {data.byDivision.length > 0 && (
              <Col xs={24}>
                <Card size="small" title={f.byDivision}>
                  <DivisionFiguresTable data={data} />
                </Card>
              </Col>
            )}
          </Row>
        </>
      )}
    </div>
  );
}
