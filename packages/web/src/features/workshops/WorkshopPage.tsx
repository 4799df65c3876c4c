/** One workshop: its checks with the reasons, its facts (editable by 人社 and clerks), the upgrade. */
import { Button, Card, Descriptions, Empty, Skeleton } from 'antd';
import { ShopOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import type { WorkshopOutput } from '../../api/types';
import { useLabels, useMessages } from '../../i18n/locale';
import { ErrorState } from '../../shared/ErrorState';
import { formatDateTime, formatNumber } from '../../shared/format';
import { useCanManageLabourServices } from '../../shared/labour-services';
import { PageHead } from '../../shared/PageHead';
import { usePageTitle } from '../../shared/use-page-title';
import { CheckTags } from './CheckTags';
import { RulesNote } from './RulesNote';
import { UpgradeButton } from './UpgradeButton';
import { WorkshopFactsForm } from './WorkshopFactsForm';
import { useWorkshop } from './workshop-queries';

function FactsView({ workshop }: { workshop: WorkshopOutput }) {
  const m = useMessages();
  const labels = useLabels();
  const f = workshop.facts;
  if (!f) return <Empty description={m.workshop.notFilled} />;
  return (
    <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" data-testid="workshop-facts">
      <Descriptions.Item label={m.workshop.workshopKind}>{labels.label('workshopKinds', f.workshopKind)}</Descriptions.Item>
      <Descriptions.Item label={m.workshop.jobs}>{formatNumber(f.jobs)}</Descriptions.Item>
      <Descriptions.Item label={m.workshop.povertyWorkers}>{formatNumber(f.povertyWorkers)}</Descriptions.Item>
      <Descriptions.Item label={m.workshop.relocatedWorkers}>{formatNumber(f.relocatedWorkers)}</Descriptions.Item>
      <Descriptions.Item label={m.workshop.insuredWorkers}>{formatNumber(f.insuredWorkers)}</Descriptions.Item>
      <Descriptions.Item label={m.workshop.yearlyContractWorkers}>{formatNumber(f.yearlyContractWorkers)}</Descriptions.Item>
      <Descriptions.Item label={m.workshop.recognisedOn}>{f.recognisedOn ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={m.workshop.upgradedOn}>{f.upgradedOn ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={m.common.updatedAt}>{formatDateTime(workshop.updatedAt)}</Descriptions.Item>
    </Descriptions>
  );
}

export function WorkshopPage() {
  const { id } = useParams();
  const m = useMessages();
  const navigate = useNavigate();
  const canManage = useCanManageLabourServices();
  const query = useWorkshop(id);
  usePageTitle(m.workshop.detail);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const w = query.data;
  if (!w) return <Skeleton active />;
  return (
    <>
      <PageHead
        title={w.name}
        extra={
          <>
            <Button icon={<ShopOutlined />} onClick={() => navigate(`/employers/${w.employerId}`)}>
              {m.workshop.openEmployer}
            </Button>
            {canManage && w.upgradeEligible && <UpgradeButton workshop={w} />}
          </>
        }
      />
      <RulesNote rules={w.rules} />
      <Card title={m.workshop.checks} size="small" style={{ marginBottom: 12 }}>
        <CheckTags checks={w.checks} />
      </Card>
      <Card title={m.workshop.facts} size="small">
        {canManage ? <WorkshopFactsForm key={w.version ?? 'new'} workshop={w} /> : <FactsView workshop={w} />}
      </Card>
    </>
  );
}
