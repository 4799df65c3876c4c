/** 驾驶舱: the figures of the chosen division, each one a way into the list behind it. */
import { Breadcrumb, Card, Col, Row, Skeleton, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useMessages } from '../../i18n/locale';
import { ErrorState } from '../../shared/ErrorState';
import { useDivisionPath } from '../../shared/division-queries';
import { usePageTitle } from '../../shared/use-page-title';
import { useDivision } from '../layout/division-context';
import { AgePyramid } from './AgePyramid';
import { AreaMap } from './AreaMap';
import { ChildAreaTable } from './ChildAreaTable';
import { useDashboard } from './dashboard-queries';
import { KindPieChart } from './KindPieChart';
import { SiteBarChart } from './SiteBarChart';
import { StatCards } from './StatCards';

function DivisionPath() {
  const m = useMessages();
  const { division, inScope, setDivision } = useDivision();
  const path = useDivisionPath(division.code || null);
  if (!division.code) return null;
  const items = [
    ...(path.data?.path ?? []).map((d) => ({
      title: inScope(d.code) ? <a onClick={() => setDivision({ code: d.code, name: d.name })}>{d.name}</a> : d.name,
    })),
    { title: division.code ? (path.data?.division.name ?? division.name) : m.header.national },
  ];
  return <Breadcrumb items={items} data-testid="division-path" />;
}

export function DashboardPage() {
  const m = useMessages();
  const { division } = useDivision();
  const query = useDashboard(division.code);
  usePageTitle(m.dashboard.title);
  const data = query.data;

  return (
    <div data-testid="dashboard">
      <div className="page-head">
        <div>
          <h1>
            {m.dashboard.title}
            {data && <span style={{ fontWeight: 400, fontSize: 16, marginLeft: 8 }}>· {data.divisionName}</span>}
          </h1>
          <DivisionPath />
        </div>
        {data && (
          <Typography.Text type="secondary">
            {m.dashboard.asOf(data.asOf)} · {m.dashboard.drillHint}
          </Typography.Text>
        )}
      </div>
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {!data && query.isLoading && <Skeleton active paragraph={{ rows: 10 }} />}
      {data && (
        <>
          <StatCards data={data} />
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={12}>
              <Card
                size="small"
                className="chart-card"
                title={
                  <span>
                    {m.dashboard.map}{' '}
                    <Tooltip title={m.dashboard.mapHint}>
                      <QuestionCircleOutlined style={{ color: '#999', fontSize: 13 }} />
                    </Tooltip>
                  </span>
                }
              >
                <AreaMap data={data} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" className="chart-card" title={m.dashboard.bySite}>
                <SiteBarChart data={data} />
              </Card>
            </Col>
            <Col xs={24} lg={12} xl={8}>
              <Card size="small" className="chart-card" title={m.dashboard.agePyramid}>
                <AgePyramid data={data} />
              </Card>
            </Col>
            <Col xs={24} lg={12} xl={6}>
              <Card size="small" className="chart-card" title={m.dashboard.byKind}>
                <KindPieChart data={data} />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" className="chart-card" title={m.dashboard.children}>
                <ChildAreaTable data={data} />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
