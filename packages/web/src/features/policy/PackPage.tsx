/**
 * One policy pack: the document, every rule beside its clause, the parameters (由地方确定 in
 * orange) and the revisions. Administrators edit a parameter or a rule as a new dated version.
 */
import { Button, Card, Descriptions, Skeleton, Tabs } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { DivisionName } from '../admin/DivisionName';
import { ErrorState } from '../../shared/ErrorState';
import { PageHead } from '../../shared/PageHead';
import { usePageTitle } from '../../shared/use-page-title';
import { useSession } from '../auth/session';
import { PackHistory } from './PackHistory';
import { ParametersTable } from './ParametersTable';
import { usePolicyMessages } from './policy-messages';
import { usePack } from './policy-queries';
import { RuleCard } from './RuleCard';

export function PackPage() {
  const { code } = useParams();
  const p = usePolicyMessages();
  const session = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = usePack(code);
  usePageTitle(p.packDetail);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const detail = query.data;
  if (!detail) return <Skeleton active />;
  const { pack } = detail;
  const canEdit = session.can('policy.manage');
  const tab = params.get('tab') ?? 'rules';

  return (
    <div data-testid="pack-page">
      <PageHead
        title={
          <>
            {pack.code} <span style={{ fontWeight: 400, fontSize: 16 }}>{pack.title}</span>
          </>
        }
        extra={
          <Button onClick={() => navigate('/policy/coverage')} data-testid="pack-coverage">
            {p.viewCoverage}
          </Button>
        }
      />
      <Card style={{ marginBottom: 12 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="pack-summary">
          <Descriptions.Item label={p.title}>{pack.title}</Descriptions.Item>
          <Descriptions.Item label={p.document}>{pack.document}</Descriptions.Item>
          <Descriptions.Item label={p.issued}>{pack.issued}</Descriptions.Item>
          <Descriptions.Item label={p.jurisdiction}>
            <DivisionName code={pack.jurisdiction} />
          </Descriptions.Item>
          <Descriptions.Item label={p.revision}>{p.revisionNo(detail.revision)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          data-testid="pack-tabs"
          items={[
            {
              key: 'rules',
              label: `${p.tabRules}（${pack.rules.length}）`,
              children: (
                <div data-testid="pack-rules">
                  {pack.rules.map((rule) => (
                    <RuleCard key={rule.id} pack={pack} rule={rule} canEdit={canEdit} />
                  ))}
                </div>
              ),
            },
            { key: 'parameters', label: `${p.tabParameters}（${pack.parameters.length}）`, children: <ParametersTable pack={pack} canEdit={canEdit} /> },
            { key: 'history', label: p.tabHistory, children: <PackHistory history={detail.history} /> },
          ]}
        />
      </Card>
    </div>
  );
}
