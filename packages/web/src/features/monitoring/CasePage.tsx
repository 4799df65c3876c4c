/**
 * 监测案件: one household's episode from lead to elimination or rejection — where it stands in the
 * procedure, its deadlines, the actions open now, the evidence, the timeline, the warnings behind
 * it, the plan and the household's earlier cases. The title names no person (SPEC §12).
 */
import { Alert, Card, Col, Descriptions, Row, Skeleton } from 'antd';
import { Link, useParams } from 'react-router';
import { useLabels } from '../../i18n/locale';
import { ErrorState } from '../../shared/ErrorState';
import { PageHead } from '../../shared/PageHead';
import { usePageTitle } from '../../shared/use-page-title';
import { useSession } from '../auth/session';
import { CaseActions } from './CaseActions';
import { DueDate, OverdueNote, StepTag } from './case-format';
import { CaseWarnings, EarlierCases } from './CaseRelated';
import { CaseSteps } from './CaseSteps';
import { CaseTimeline } from './CaseTimeline';
import { EvidenceCard } from './EvidenceCard';
import { useMonitoringMessages } from './monitoring-messages';
import { CategoryTag } from './WarningSource';
import { useCase } from './monitoring-queries';
import { PlanCard } from './PlanCard';

export function CasePage() {
  const { id } = useParams();
  const t = useMonitoringMessages();
  const labels = useLabels();
  const session = useSession();
  const query = useCase(id);
  usePageTitle(t.caseTitle);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  if (!c) return <Skeleton active />;
  const closed = c.step === 'eliminated' || c.step === 'rejected';
  const canLead = session.can('monitoring.lead') || session.can('monitoring.approve');

  return (
    <div data-testid="case-page" data-step={c.step} data-version={c.version}>
      <PageHead
        title={
          <>
            {t.caseTitle} <StepTag step={c.step} />
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <CaseSteps c={c} />
        {c.step === 'rejected' && c.rejectedReason && (
          <Alert type="error" showIcon title={t.rejectedAt(t.steps[c.rejectedStep ?? ''] ?? c.rejectedStep ?? '', c.rejectedReason)} style={{ marginBottom: 12 }} />
        )}
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" data-testid="case-summary">
          <Descriptions.Item label={t.household}>
            <Link to={`/households/${c.householdId}`} data-testid="case-household">
              {c.householdNo}
            </Link>{' '}
            {c.headName}
          </Descriptions.Item>
          <Descriptions.Item label={t.division}>{c.divisionName}</Descriptions.Item>
          <Descriptions.Item label={t.householdKind}>{labels.label('householdKinds', c.householdKind)}</Descriptions.Item>
          <Descriptions.Item label={t.category}>
            <CategoryTag category={c.category} />
          </Descriptions.Item>
          <Descriptions.Item label={t.channel}>{t.channels[c.channel] ?? c.channel}</Descriptions.Item>
          <Descriptions.Item label={t.leadOn}>{c.leadOn}</Descriptions.Item>
          <Descriptions.Item label={t.riskNote}>{c.riskNote}</Descriptions.Item>
          {!closed && (
            <Descriptions.Item label={t.stepDue}>
              <DueDate c={c} /> <OverdueNote c={c} />
            </Descriptions.Item>
          )}
          {c.wholeDue && !c.monitoredOn && <Descriptions.Item label={t.wholeDue}>{c.wholeDue}</Descriptions.Item>}
          {c.commitmentSignedOn && <Descriptions.Item label={t.commitmentSignedOn}>{c.commitmentSignedOn}</Descriptions.Item>}
          {c.authorizationSignedOn && <Descriptions.Item label={t.authorizationSignedOn}>{c.authorizationSignedOn}</Descriptions.Item>}
          {c.noticeStart && (
            <Descriptions.Item label={t.noticePeriod}>
              <span data-testid="case-notice">
                {c.noticeStart} ~ {c.noticeEnd}
              </span>
            </Descriptions.Item>
          )}
          {c.monitoredOn && <Descriptions.Item label={t.monitoredOn}>{c.monitoredOn}</Descriptions.Item>}
          {c.eliminatedOn && <Descriptions.Item label={t.eliminatedOn}>{c.eliminatedOn}</Descriptions.Item>}
        </Descriptions>
        {!closed && (
          <div style={{ marginTop: 12 }}>
            <CaseActions c={c} />
          </div>
        )}
      </Card>
      <Row gutter={12}>
        <Col xs={24} xl={14}>
          <EvidenceCard c={c} canUpload={!closed && session.can('monitoring.lead')} />
          <PlanCard caseId={c.id} step={c.step} canEdit={canLead} />
          <CaseWarnings warnings={c.warnings} />
          <EarlierCases cases={c.earlierCases} />
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t.timeline} size="small" style={{ marginBottom: 12 }}>
            <CaseTimeline events={c.events} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
