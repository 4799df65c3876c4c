/**
 * One household: members, origin and destination, history. The page title says only
 * "搬迁户详情": the head's name appears on the page, never in the title or the address.
 */
import { App, Alert, Button, Card, Descriptions, Popconfirm, Skeleton, Tabs, Tag } from 'antd';
import { EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { HouseholdDetail } from '../../api/types';
import { useLabels, useMessages } from '../../i18n/locale';
import { ErrorState, errorText } from '../../shared/ErrorState';
import { formatDateTime } from '../../shared/format';
import { PageHead } from '../../shared/PageHead';
import { RevealProvider } from '../../shared/reveal';
import { useFactText } from '../../shared/unknown-facts';
import { usePageTitle } from '../../shared/use-page-title';
import { useDivisionPath, fullName } from '../../shared/division-queries';
import { useSession } from '../auth/session';
import { HouseholdCasesTab } from '../monitoring/HouseholdCasesTab';
import { useMonitoringMessages } from '../monitoring/monitoring-messages';
import { HouseholdPolicyTab } from '../policy/HouseholdPolicyTab';
import { usePolicyMessages } from '../policy/policy-messages';
import { HouseholdHistory } from './HouseholdHistory';
import { address } from './household-format';
import { useHousehold } from './household-queries';
import { MembersTable } from './MembersTable';

function Places({ h }: { h: HouseholdDetail }) {
  const m = useMessages();
  const fact = useFactText();
  const origin = useDivisionPath(h.originVillageCode);
  const dest = useDivisionPath(h.destDivisionCode);
  const full = h.view === 'full';
  const mu = (v: number | null) => (v === null ? '—' : String(v));
  return (
    <>
      <Descriptions title={m.household.origin} column={{ xs: 1, md: 2 }} size="small" style={{ marginBottom: 16 }} data-testid="origin">
        <Descriptions.Item label={m.household.originVillage}>{origin.data ? fullName(origin.data) : (h.originVillageName ?? h.originVillageCode)}</Descriptions.Item>
        <Descriptions.Item label={m.household.originVillageCode}>{h.originVillageCode}</Descriptions.Item>
        <Descriptions.Item label={m.household.crossCounty}>{h.crossCounty ? <Tag color="orange">{m.common.yes}</Tag> : m.common.no}</Descriptions.Item>
      </Descriptions>
      <Descriptions title={m.household.rights} column={{ xs: 1, md: 2 }} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={m.household.contractedLandMu}>{mu(h.contractedLandMu)}</Descriptions.Item>
        <Descriptions.Item label={m.household.forestLandMu}>{mu(h.forestLandMu)}</Descriptions.Item>
        <Descriptions.Item label={m.household.landTransferred}>{fact.yesNo(h.landTransferred)}</Descriptions.Item>
        <Descriptions.Item label={m.household.homesteadReclaimed}>{fact.yesNo(h.homesteadReclaimed)}</Descriptions.Item>
      </Descriptions>
      <Descriptions title={m.household.destination} column={{ xs: 1, md: 2 }} size="small" data-testid="destination">
        <Descriptions.Item label={m.household.site}>{full ? <Link to={`/sites/${h.siteId}`}>{h.siteName}</Link> : h.siteName}</Descriptions.Item>
        <Descriptions.Item label={m.site.divisionCode}>{dest.data ? fullName(dest.data) : h.destDivisionCode}</Descriptions.Item>
        {/* The origin view gets null for what it may not see: those rows are left out, not shown as 未填写. */}
        {full && <Descriptions.Item label={m.household.address}>{address(h)}</Descriptions.Item>}
        {full && <Descriptions.Item label={m.household.propertyCertState}>{fact.choice('propertyCertStates', h.propertyCertState)}</Descriptions.Item>}
        {full && <Descriptions.Item label={m.household.vegetablePlot}>{fact.yesNo(h.vegetablePlot)}</Descriptions.Item>}
      </Descriptions>
    </>
  );
}

export function HouseholdDetailPage() {
  const { id } = useParams();
  const m = useMessages();
  const p = usePolicyMessages();
  const mon = useMonitoringMessages();
  const labels = useLabels();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const query = useHousehold(id);
  usePageTitle(m.household.detail);

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const h = query.data;
  if (!h) return <Skeleton active />;
  const full = h.view === 'full';
  const writable = full && session.can('registry.write') && h.status === 'active';

  async function dissolve() {
    try {
      await api.delete(`/households/${id}`, { version: h!.version });
      await queryClient.invalidateQueries({ queryKey: ['households'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    } catch (error) {
      message.error(errorText(error, m.common.networkError));
    }
  }

  const tab = params.get('tab') ?? (full ? 'members' : 'places');
  const items = [
    ...(full ? [{ key: 'members', label: `${m.household.tabMembers}（${h.memberList.length}）`, children: <MembersTable members={h.memberList} /> }] : []),
    { key: 'places', label: m.household.tabPlaces, children: <Places h={h} /> },
    ...(full ? [{ key: 'history', label: m.household.tabHistory, children: <HouseholdHistory householdId={h.id} members={h.memberList} /> }] : []),
    ...(full ? [{ key: 'policy', label: p.entitled, children: <HouseholdPolicyTab householdId={h.id} /> }] : []),
    ...(full ? [{ key: 'monitoring', label: mon.householdCases, children: <HouseholdCasesTab household={h} /> }] : []),
  ];

  return (
    <RevealProvider>
      <PageHead
        title={
          <>
            {m.household.detail} <span style={{ fontWeight: 400, color: '#666', fontSize: 16 }}>{h.householdNo}</span>
          </>
        }
        extra={
          writable && (
            <>
              <Button icon={<UserAddOutlined />} onClick={() => navigate(`/households/${h.id}/members/new`)} data-testid="household-add-member">
                {m.household.addMember}
              </Button>
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/households/${h.id}/edit`)} data-testid="household-edit">
                {m.common.edit}
              </Button>
              <Popconfirm title={m.household.dissolveConfirm} onConfirm={() => void dissolve()}>
                <Button danger data-testid="household-dissolve">
                  {m.household.dissolve}
                </Button>
              </Popconfirm>
            </>
          )
        }
      />
      {!full && <Alert type="info" showIcon title={m.household.originView} style={{ marginBottom: 12 }} />}
      <Card style={{ marginBottom: 12 }}>
        <Descriptions column={{ xs: 1, sm: 2, md: 3, xl: 4 }} size="small" data-testid="household-summary">
          <Descriptions.Item label={m.household.householdNo}>{h.householdNo}</Descriptions.Item>
          <Descriptions.Item label={m.household.headName}>{h.headName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={m.household.members}>{h.members}</Descriptions.Item>
          <Descriptions.Item label={m.household.kind}>{labels.label('householdKinds', h.kind)}</Descriptions.Item>
          <Descriptions.Item label={m.household.relocationYear}>{h.relocationYear}</Descriptions.Item>
          {full && <Descriptions.Item label={m.household.monitoringCategory}>{labels.label('monitoringCategories', h.monitoringCategory)}</Descriptions.Item>}
          <Descriptions.Item label={m.household.site}>{h.siteName}</Descriptions.Item>
          <Descriptions.Item label={m.household.status}>{h.status === 'active' ? labels.label('householdStatuses', h.status) : <Tag color="red">{labels.label('householdStatuses', h.status)}</Tag>}</Descriptions.Item>
          <Descriptions.Item label={m.common.updatedAt}>{formatDateTime(h.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs activeKey={tab} onChange={(key) => setParams({ tab: key }, { replace: true })} items={items} data-testid="household-tabs" />
      </Card>
    </RevealProvider>
  );
}
