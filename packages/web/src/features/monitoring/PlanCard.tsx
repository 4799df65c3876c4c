/**
 * 帮扶计划（一户一策）: the needs list and the task list of a monitored case, with the add forms for
 * those who lead or approve; each task's department, due date, status and outcome (departments
 * move their tasks on in their own inbox, not here).
 */
import { Card, Table, Tag, Typography } from 'antd';
import { useLabels } from '../../i18n/locale';
import { ErrorState } from '../../shared/ErrorState';
import { formatDateTime } from '../../shared/format';
import type { Need, Task } from './case-types';
import { useMonitoringMessages } from './monitoring-messages';
import { usePlan } from './monitoring-queries';
import { NeedForm, TaskForm } from './PlanForms';

const STATUS_COLOR: Record<string, string> = { assigned: 'blue', in_progress: 'processing', done: 'green', cancelled: 'default' };

export function PlanCard({ caseId, step, canEdit }: { caseId: string; step: string; canEdit: boolean }) {
  const t = useMonitoringMessages();
  const labels = useLabels();
  const open = step === 'monitored' || step === 'elimination_notice';
  const plan = usePlan(caseId, open || step === 'eliminated');
  if (!open && step !== 'eliminated') {
    return (
      <Card title={t.plan} size="small" style={{ marginBottom: 12 }} data-testid="case-plan">
        <Typography.Text type="secondary">{t.planNotYet}</Typography.Text>
      </Card>
    );
  }
  return (
    <Card title={t.plan} size="small" style={{ marginBottom: 12 }} data-testid="case-plan">
      <Typography.Paragraph type="secondary">{t.planHint}</Typography.Paragraph>
      {plan.isError && <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />}
      <Typography.Title level={5}>{t.needs}</Typography.Title>
      {open && canEdit && <NeedForm caseId={caseId} />}
      <Table<Need>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={plan.data?.needs}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t.noNeeds }}
        data-testid="needs-table"
        style={{ marginBottom: 16 }}
        columns={[
          { title: t.needKind, dataIndex: 'kind', render: (k: string) => t.needKinds[k] ?? k },
          { title: t.needDescription, dataIndex: 'description' },
          { title: t.who, dataIndex: 'username', responsive: ['md'] },
          { title: t.when, dataIndex: 'createdAt', render: formatDateTime, responsive: ['lg'] },
        ]}
      />
      <Typography.Title level={5}>{t.tasks}</Typography.Title>
      {open && canEdit && <TaskForm caseId={caseId} />}
      <Table<Task>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={plan.data?.tasks}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t.noTasks }}
        data-testid="plan-tasks"
        onRow={(task) => ({ 'data-task': task.id, 'data-status': task.status }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t.measure, dataIndex: 'measure', render: (k: string) => t.measures[k] ?? k },
          { title: t.taskTitle, dataIndex: 'title' },
          { title: t.department, dataIndex: 'department', render: (d: string) => labels.label('departments', d) },
          { title: t.dueOn, dataIndex: 'dueOn', render: (d: string, task) => (task.late ? <Typography.Text type="danger">{d} {t.late}</Typography.Text> : d) },
          { title: t.taskStatus, dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLOR[s]} data-testid="task-status">{t.taskStatuses[s] ?? s}</Tag> },
          { title: t.outcome, dataIndex: 'outcome', render: (o: string | null, task) => (o ? `${o}${task.doneOn ? `（${task.doneOn}）` : ''}` : '—') },
        ]}
      />
    </Card>
  );
}
