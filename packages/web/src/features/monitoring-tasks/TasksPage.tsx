/**
 * 帮扶任务 (SPEC §4 一户一策, docs/MONITORING.md §3): the inbox of the tasks handed to the
 * departments. A department user sees its own department's (the server scopes it); others pick
 * a department. Late tasks come first, in red with the days late.
 */
import { useState } from 'react';
import { App, Button, Checkbox, Grid, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useLabels, useMessages } from '../../i18n/locale';
import { todayInChina, daysBetween } from '../../shared/deadline';
import { ErrorState, errorText } from '../../shared/ErrorState';
import { pagingQuery, useListTableProps } from '../../shared/list-table';
import { PageHead } from '../../shared/PageHead';
import { useUrlFilters } from '../../shared/url-filters';
import { usePageTitle } from '../../shared/use-page-title';
import { useSession } from '../auth/session';
import { useDivision } from '../layout/division-context';
import { FinishTaskModal } from './FinishTaskModal';
import { useTasks, type AssistanceTask } from './task-queries';
import { useTasksMessages } from './tasks-messages';
import { useTaskUpdate } from './use-task-update';

const KEYS = ['department', 'status', 'late'] as const;
const STATUS_COLOR: Record<string, string> = { assigned: 'blue', in_progress: 'processing', done: 'green', cancelled: 'default' };
const STATUS_FILTERS = ['open', 'assigned', 'in_progress', 'done', 'cancelled'];

export function TasksPage() {
  const m = useMessages();
  const t = useTasksMessages();
  const labels = useLabels();
  const { message } = App.useApp();
  const session = useSession();
  const { division } = useDivision();
  const { filters, paging, setFilters, onTableChange } = useUrlFilters(KEYS);
  const [finishing, setFinishing] = useState<AssistanceTask | null>(null);
  const update = useTaskUpdate();
  const wide = !!Grid.useBreakpoint().md;

  const own = session.info?.user.role === 'department' ? session.info.user.department : null;
  const title = own ? t.departmentTitle(labels.label('departments', own)) : t.title;
  usePageTitle(title);
  const query = useTasks({
    division: division.code || undefined,
    department: own ? undefined : filters.department,
    status: filters.status,
    late: filters.late === 'true' ? 'true' : undefined,
    ...pagingQuery(paging),
  });
  const tableProps = useListTableProps<AssistanceTask>(query, paging, onTableChange);
  const today = todayInChina();
  const mayWork = (task: AssistanceTask) =>
    session.can('assistance.task') && (task.status === 'assigned' || task.status === 'in_progress') && (!own || own === task.department);

  async function start(task: AssistanceTask) {
    try {
      await update.move(task, { status: 'in_progress', outcome: task.outcome, doneOn: null });
    } catch (error) {
      message.error(errorText(error, m.common.networkError));
    }
  }

  function due(task: AssistanceTask) {
    const days = daysBetween(task.dueOn, today);
    if (task.late) {
      return (
        <Typography.Text type="danger" data-testid="task-late">
          {task.dueOn}
          <br />
          {t.lateDays(Math.max(days, 1))}
        </Typography.Text>
      );
    }
    const open = task.status === 'assigned' || task.status === 'in_progress';
    return (
      <span>
        {task.dueOn}
        {open && days <= 0 && (
          <>
            <br />
            <Typography.Text type={days >= -3 ? 'warning' : 'secondary'}>{t.dueIn(-days)}</Typography.Text>
          </>
        )}
      </span>
    );
  }

  return (
    <div data-testid="tasks-page">
      <PageHead title={title} />
      <Typography.Paragraph type="secondary">{t.hint}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        {!own && (
          <Select
            allowClear
            placeholder={t.allDepartments}
            value={filters.department}
            onChange={(v?: string) => setFilters({ department: v })}
            options={labels.options('departments')}
            style={{ width: 170 }}
            data-testid="task-filter-department"
          />
        )}
        <Select
          allowClear
          placeholder={t.allStatuses}
          value={filters.status}
          onChange={(v?: string) => setFilters({ status: v })}
          options={STATUS_FILTERS.map((s) => ({ value: s, label: s === 'open' ? t.open : t.statuses[s] }))}
          style={{ width: 220, maxWidth: '100%' }}
          popupMatchSelectWidth={false}
          data-testid="task-filter-status"
        />
        <Checkbox checked={filters.late === 'true'} onChange={(e) => setFilters({ late: e.target.checked ? 'true' : undefined })} data-testid="task-filter-late">
          {t.lateOnly}
        </Checkbox>
      </Space>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<AssistanceTask>
          {...tableProps}
          data-testid="tasks-table"
          locale={{ emptyText: t.noTasks }}
          onRow={(task) => ({ 'data-task': task.id, 'data-department': task.department, 'data-late': task.late ? 'true' : undefined }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t.household,
              key: 'household',
              fixed: wide ? 'left' : undefined,
              render: (_, task) => (
                <Space orientation="vertical" size={0}>
                  <Link to={`/households/${task.householdId}`} data-testid="task-household-link">
                    {task.householdNo}
                  </Link>
                  <Typography.Text type="secondary">
                    {task.headName}
                    {wide && task.divisionName ? ` · ${task.divisionName}` : ''}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: t.task, dataIndex: 'title', render: (title: string) => <div style={{ minWidth: 160, maxWidth: 320, whiteSpace: 'normal' }}>{title}</div> },
            { title: t.dueOn, dataIndex: 'dueOn', render: (_: string, task: AssistanceTask) => due(task) },
            { title: t.status, dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLOR[s]}>{t.statuses[s] ?? s}</Tag> },
            { title: t.measure, dataIndex: 'measure', render: (v: string) => t.measures[v] ?? v, responsive: ['sm'] },
            ...(own ? [] : [{ title: t.department, dataIndex: 'department', render: (v: string) => labels.label('departments', v) }]),
            {
              title: t.outcome,
              dataIndex: 'outcome',
              render: (o: string | null, task: AssistanceTask) =>
                o ? (
                  <div style={{ minWidth: 140, maxWidth: 280, whiteSpace: 'normal' }}>
                    {o}
                    {task.doneOn && <Typography.Text type="secondary">（{task.doneOn}）</Typography.Text>}
                  </div>
                ) : (
                  m.common.none
                ),
            },
            {
              title: m.common.actions,
              key: 'actions',
              fixed: wide ? 'right' : undefined,
              render: (_, task) => (
                <Space size={0} wrap>
                  {mayWork(task) && task.status === 'assigned' && (
                    <Button type="link" size="small" disabled={update.pending} onClick={() => void start(task)} data-testid="task-start">
                      {t.start}
                    </Button>
                  )}
                  {mayWork(task) && (
                    <Button type="link" size="small" onClick={() => setFinishing(task)} data-testid="task-finish">
                      {t.finish}
                    </Button>
                  )}
                  <Link to={`/monitoring/cases/${task.caseId}`} data-testid="task-case-link">
                    <Button type="link" size="small">
                      {t.viewCase}
                    </Button>
                  </Link>
                </Space>
              ),
            },
          ]}
        />
      )}
      {finishing && (
        <FinishTaskModal
          task={finishing}
          onClose={() => setFinishing(null)}
          onFinish={(outcome, doneOn) => update.move(finishing, { status: 'done', outcome, doneOn })}
        />
      )}
      {update.dialog}
    </div>
  );
}
