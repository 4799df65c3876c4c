/** The six conditions of risk elimination (docs/MONITORING.md §4), each met or not with its figures. */
import { Alert, List, Skeleton, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { ErrorState } from '../../shared/ErrorState';
import { useMonitoringMessages } from './monitoring-messages';
import { useEliminationCheck } from './monitoring-queries';

export function EliminationChecklist({ caseId }: { caseId: string }) {
  const t = useMonitoringMessages();
  const check = useEliminationCheck(caseId, true);
  if (check.isError) return <ErrorState error={check.error} onRetry={() => void check.refetch()} />;
  if (!check.data) return <Skeleton active />;
  const { allMet, conditions, asOf } = check.data;
  return (
    <div data-testid="elimination-check" data-all-met={allMet ? 'true' : 'false'}>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        <strong>{t.eliminationCheck}</strong> <Typography.Text type="secondary">{t.eliminationHint}</Typography.Text>
      </Typography.Paragraph>
      <Alert type={allMet ? 'success' : 'warning'} showIcon title={`${allMet ? t.allMet : t.someNotMet}（${asOf}）`} style={{ marginBottom: 8 }} />
      <List
        size="small"
        dataSource={conditions}
        renderItem={(c) => (
          <List.Item data-condition={c.key} data-met={c.met ? 'true' : 'false'}>
            <div>
              {c.met ? <CheckCircleFilled style={{ color: '#389e0d' }} /> : <CloseCircleFilled style={{ color: '#cf1322' }} />} <strong>{c.label}</strong>{' '}
              <Tag color={c.met ? 'green' : 'red'}>{c.met ? t.met : t.notMet}</Tag>
              <br />
              <Typography.Text type="secondary">{c.detail}</Typography.Text>
            </div>
          </List.Item>
        )}
      />
    </div>
  );
}
