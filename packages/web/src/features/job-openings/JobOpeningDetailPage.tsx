/** One opening: what it asks for, the ranked workers with the reasons, and the referrals. */
import { Alert, Button, Card, Descriptions, Skeleton, Tabs, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useLabels, useMessages } from '../../i18n/locale';
import { DeleteButton } from '../../shared/DeleteButton';
import { fullName, useDivisionPath } from '../../shared/division-queries';
import { ErrorState } from '../../shared/ErrorState';
import { formatDateTime, formatNumber } from '../../shared/format';
import { useCanManageLabourServices } from '../../shared/labour-services';
import { PageHead } from '../../shared/PageHead';
import { usePageTitle } from '../../shared/use-page-title';
import { useOpening } from './job-opening-queries';
import { MatchesPanel } from './MatchesPanel';
import { OpeningStatusTag } from './OpeningStatusTag';
import { ReferralsPanel } from './ReferralsPanel';

export function JobOpeningDetailPage() {
  const { id } = useParams();
  const m = useMessages();
  const labels = useLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canManage = useCanManageLabourServices();
  const query = useOpening(id);
  const place = useDivisionPath(query.data?.divisionCode);
  usePageTitle(m.jobOpening.detail);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const o = query.data;
  if (!o) return <Skeleton active />;
  const canRefer = canManage && o.status === 'open' && !o.expired;
  return (
    <>
      <PageHead
        title={o.title}
        extra={
          canManage &&
          o.editable && (
            <>
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/job-openings/${o.id}/edit`)} data-testid="opening-edit">
                {m.common.edit}
              </Button>
              <DeleteButton
                path={`/job-openings/${o.id}`}
                version={o.version}
                confirm={m.jobOpening.deleteConfirm}
                testId="opening-delete"
                onDone={() => {
                  void queryClient.invalidateQueries({ queryKey: ['job-openings'] });
                  navigate('/job-openings');
                }}
              />
            </>
          )
        }
      />
      {!o.editable && <Alert type="info" showIcon title={m.jobOpening.readOnly} style={{ marginBottom: 12 }} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" data-testid="opening-detail">
          <Descriptions.Item label={m.jobOpening.source}>{labels.label('openingSources', o.source)}</Descriptions.Item>
          <Descriptions.Item label={m.jobOpening.employerOrPartner}>{o.employerId ? <Link to={`/employers/${o.employerId}`}>{o.employerName}</Link> : (o.partner ?? '—')}</Descriptions.Item>
          <Descriptions.Item label={m.jobOpening.status}>
            <OpeningStatusTag opening={o} />
          </Descriptions.Item>
          <Descriptions.Item label={m.jobOpening.divisionCode}>{place.data ? fullName(place.data) : o.divisionCode}</Descriptions.Item>
          <Descriptions.Item label={m.jobOpening.place}>{labels.label('workPlaces', o.place)}</Descriptions.Item>
          <Descriptions.Item label={m.jobOpening.workLocation}>{o.workLocation ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={m.jobOpening.skills}>{o.skills.length ? o.skills.map((s) => <Tag key={s}>{s}</Tag>) : '—'}</Descriptions.Item>
          <Descriptions.Item label={m.jobOpening.minCapacity}>{labels.label('openingCapacities', o.minCapacity)}</Descriptions.Item>
          <Descriptions.Item label={m.jobOpening.age}>{m.jobOpening.ageRange(o.minAge, o.maxAge)}</Descriptions.Item>
          <Descriptions.Item label={m.jobOpening.monthlyPay}>{formatNumber(o.monthlyPay)}</Descriptions.Item>
          <Descriptions.Item label={m.jobOpening.positions}>{formatNumber(o.positions)}</Descriptions.Item>
          <Descriptions.Item label={m.jobOpening.openUntil}>{o.openUntil ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={m.jobOpening.referralCount}>{`${formatNumber(o.referrals)} / ${formatNumber(o.hired)}`}</Descriptions.Item>
          <Descriptions.Item label={m.common.updatedAt}>{formatDateTime(o.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small">
        <Tabs
          items={[
            { key: 'matches', label: m.jobOpening.matches, children: <MatchesPanel opening={o} canRefer={canRefer} /> },
            { key: 'referrals', label: m.jobOpening.referrals, children: <ReferralsPanel opening={o} canManage={canManage} /> },
          ]}
        />
      </Card>
    </>
  );
}
