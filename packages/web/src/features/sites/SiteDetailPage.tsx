import { Button, Card, Descriptions, Skeleton, Space } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useLabels, useMessages } from '../../i18n/locale';
import { ErrorState } from '../../shared/ErrorState';
import { formatDateTime, formatNumber } from '../../shared/format';
import { PageHead } from '../../shared/PageHead';
import { usePageTitle } from '../../shared/use-page-title';
import { useSession } from '../auth/session';
import { useSite } from './site-queries';
import { DeleteButton } from '../../shared/DeleteButton';
import { useQueryClient } from '@tanstack/react-query';

export function SiteDetailPage() {
  const { id } = useParams();
  const m = useMessages();
  const labels = useLabels();
  const session = useSession();
  const navigate = useNavigate();
  const query = useSite(id);
  const queryClient = useQueryClient();
  usePageTitle(m.site.detail);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const s = query.data;
  if (!s) return <Skeleton active />;
  return (
    <>
      <PageHead
        title={s.name}
        extra={
          <>
            <Link to={`/households?siteId=${s.id}`}>
              <Button>{m.site.viewHouseholds}</Button>
            </Link>
            <Link to={`/persons?siteId=${s.id}`}>
              <Button>{m.site.viewPersons}</Button>
            </Link>
            {session.can('registry.write') && (
              <>
                <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/sites/${s.id}/edit`)} data-testid="site-edit">
                  {m.common.edit}
                </Button>
                <DeleteButton
                  path={`/sites/${s.id}`}
                  version={s.version}
                  confirm={m.site.deleteConfirm}
                  testId="site-delete"
                  onDone={() => {
                    void queryClient.invalidateQueries({ queryKey: ['sites'] });
                    navigate('/sites');
                  }}
                />
              </>
            )}
          </>
        }
      />
      <Card>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" data-testid="site-detail">
          <Descriptions.Item label={m.site.code}>{s.code}</Descriptions.Item>
          <Descriptions.Item label={m.site.divisionCode}>
            {s.divisionName} <span style={{ color: '#999' }}>{s.divisionCode}</span>
          </Descriptions.Item>
          <Descriptions.Item label={m.site.areaKind}>{labels.label('siteAreaKinds', s.areaKind)}</Descriptions.Item>
          <Descriptions.Item label={m.site.settlementKind}>{labels.label('siteSettlementKinds', s.settlementKind)}</Descriptions.Item>
          <Descriptions.Item label={m.site.crossCounty}>{s.crossCounty ? m.common.yes : m.common.no}</Descriptions.Item>
          <Descriptions.Item label={m.site.buildYear}>{s.buildYear ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={m.site.households}>
            <Link to={`/households?siteId=${s.id}`}>{formatNumber(s.households)}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={m.site.population}>
            <Link to={`/persons?siteId=${s.id}`}>{formatNumber(s.population)}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={m.site.registeredPoorPopulation}>
            <Link to={`/persons?siteId=${s.id}&registeredPoor=true`}>{formatNumber(s.registeredPoorPopulation)}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={m.site.sizeClass}>{m.site.sizeClasses[s.sizeClass]}</Descriptions.Item>
          <Descriptions.Item label={`${m.site.latitude} / ${m.site.longitude}`}>
            <Space>{s.latitude !== null && s.longitude !== null ? `${s.latitude}, ${s.longitude}` : '—'}</Space>
          </Descriptions.Item>
          <Descriptions.Item label={m.common.updatedAt}>{formatDateTime(s.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
    </>
  );
}
