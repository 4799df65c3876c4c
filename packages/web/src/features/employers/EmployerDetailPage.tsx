import { Button, Card, Descriptions, Skeleton } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useLabels, useMessages } from '../../i18n/locale';
import { useDivisionPath, fullName } from '../../shared/division-queries';
import { ErrorState } from '../../shared/ErrorState';
import { formatDateTime, formatNumber } from '../../shared/format';
import { PageHead } from '../../shared/PageHead';
import { usePageTitle } from '../../shared/use-page-title';
import { useSession } from '../auth/session';
import { useEmployer } from './employer-queries';
import { DeleteButton } from '../../shared/DeleteButton';
import { useQueryClient } from '@tanstack/react-query';

export function EmployerDetailPage() {
  const { id } = useParams();
  const m = useMessages();
  const labels = useLabels();
  const session = useSession();
  const navigate = useNavigate();
  const query = useEmployer(id);
  const queryClient = useQueryClient();
  const place = useDivisionPath(query.data?.divisionCode);
  usePageTitle(m.employer.detail);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const e = query.data;
  if (!e) return <Skeleton active />;
  return (
    <>
      <PageHead
        title={e.name}
        extra={
          session.can('registry.write') && (
            <>
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/employers/${e.id}/edit`)} data-testid="employer-edit">
                {m.common.edit}
              </Button>
              <DeleteButton
                path={`/employers/${e.id}`}
                version={e.version}
                confirm={m.employer.deleteConfirm}
                testId="employer-delete"
                onDone={() => {
                  void queryClient.invalidateQueries({ queryKey: ['employers'] });
                  navigate('/employers');
                }}
              />
            </>
          )
        }
      />
      <Card>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" data-testid="employer-detail">
          <Descriptions.Item label={m.employer.kind}>{labels.label('employerKinds', e.kind)}</Descriptions.Item>
          <Descriptions.Item label={m.employer.creditCode}>{e.creditCode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={m.employer.divisionCode}>{place.data ? fullName(place.data) : e.divisionCode}</Descriptions.Item>
          <Descriptions.Item label={m.employer.site}>{e.siteId ? <Link to={`/sites/${e.siteId}`}>{e.siteName}</Link> : '—'}</Descriptions.Item>
          <Descriptions.Item label={m.employer.startDate}>{e.startDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={m.employer.foundedByRelocated}>{e.foundedByRelocated ? m.common.yes : m.common.no}</Descriptions.Item>
          <Descriptions.Item label={m.employer.positions}>{formatNumber(e.positions)}</Descriptions.Item>
          <Descriptions.Item label={m.employer.relocatedEmployed}>{formatNumber(e.relocatedEmployed)}</Descriptions.Item>
          <Descriptions.Item label={m.common.updatedAt}>{formatDateTime(e.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
    </>
  );
}
