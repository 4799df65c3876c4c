/**
 * 就业统计: the employment figures of any division and period (SPEC §5, §10), each number a way
 * into the list behind it, with the trends over the last 12 periods and the monthly report.
 */
import { App, Button, Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { download } from '../../api/client';
import { useMessages } from '../../i18n/locale';
import { useDivisionPath } from '../../shared/division-queries';
import { ErrorState, errorText } from '../../shared/ErrorState';
import { PageHead } from '../../shared/PageHead';
import { useUrlFilters } from '../../shared/url-filters';
import { usePageTitle } from '../../shared/use-page-title';
import { useDivision } from '../layout/division-context';
import { ChannelPie, IncomeTrend, PlaceBar, RateTrend, ZeroTrend } from './EmploymentCharts';
import { useFigures, usePeriodOptions, useTrend } from './employment-queries';
import { FigureCards } from './FigureCards';
import { PeriodSelect } from './PeriodSelect';

const KEYS = ['period', 'divisionCode'] as const;

export function FiguresPage() {
  const m = useMessages();
  const e = m.employment;
  const { message } = App.useApp();
  const { division } = useDivision();
  const { filters, setFilters } = useUrlFilters(KEYS);
  usePageTitle(e.figures);
  const divisionCode = filters.divisionCode ?? division.code;
  const periods = usePeriodOptions(divisionCode);
  const period = filters.period ?? periods.preferred;
  const figures = useFigures(divisionCode, period);
  const trend = useTrend(divisionCode, period);
  const scope = useDivisionPath(divisionCode || null);
  const data = figures.data;
  const points = trend.data?.periods ?? [];

  async function exportReport() {
    try {
      await download('/employment/dispatch-report', { divisionCode, period }, `月调度表-${period}.xlsx`);
    } catch (error) {
      message.error(errorText(error, m.common.downloadFailed));
    }
  }

  return (
    <div data-testid="figures-page">
      <PageHead
        title={
          <>
            {e.figures}
            <span style={{ fontWeight: 400, fontSize: 16, marginLeft: 8 }}>· {divisionCode ? (scope.data?.division.name ?? '') : m.header.national}</span>
          </>
        }
        extra={
          <>
            <PeriodSelect value={period} options={periods.options} loading={periods.isLoading} onChange={(p) => setFilters({ period: p })} />
            <Button icon={<DownloadOutlined />} disabled={!period} onClick={() => void exportReport()} data-testid="export-dispatch-report">
              {e.exportReport}
            </Button>
          </>
        }
      />
      <Typography.Paragraph type="secondary">{e.drillHint}</Typography.Paragraph>
      {figures.isError && <ErrorState error={figures.error} onRetry={() => void figures.refetch()} />}
      {!data && figures.isLoading && <Skeleton active paragraph={{ rows: 8 }} />}
      {data && !data.period && <Empty description={e.noData} />}
      {data?.period && (
        <>
          <FigureCards data={data} divisionCode={divisionCode} />
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              <Card size="small" className="chart-card" title={e.byChannel}>
                <ChannelPie data={data} divisionCode={divisionCode} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" className="chart-card" title={e.byPlace}>
                <PlaceBar data={data} divisionCode={divisionCode} />
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card size="small" className="chart-card" title={e.rateTrend}>
                <RateTrend points={points} divisionCode={divisionCode} />
              </Card>
            </Col>
            <Col xs={24} lg={12} xl={8}>
              <Card size="small" className="chart-card" title={e.zeroTrend}>
                <ZeroTrend points={points} divisionCode={divisionCode} />
              </Card>
            </Col>
            <Col xs={24} lg={12} xl={8}>
              <Card size="small" className="chart-card" title={e.incomeTrend}>
                <IncomeTrend points={points} divisionCode={divisionCode} />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
