/** A course's trainees, paged on the server, with 结业 / 退训 / 删除 for those who manage training. */
import { useState } from 'react';
import { App, Button, Popconfirm, Segmented, Space, Table, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { EnrolmentOutput } from '../../api/types';
import { useLabels, useMessages } from '../../i18n/locale';
import { ErrorState, errorText } from '../../shared/ErrorState';
import { CompleteModal } from './CompleteModal';
import { deleteEnrolment, dropEnrolment, useCourseEnrolments } from './training-queries';

const STATUS_COLOR: Record<string, string> = { enrolled: 'blue', completed: 'green', dropped: 'default' };

export function EnrolmentsTable({ courseId, canManage }: { courseId: string; canManage: boolean }) {
  const m = useMessages();
  const labels = useLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string>('');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [completing, setCompleting] = useState<EnrolmentOutput | null>(null);
  const query = useCourseEnrolments(courseId, { status: status || undefined, ...page });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['training'] });

  async function act(action: () => Promise<unknown>, done: string) {
    try {
      await action();
      message.success(done);
    } catch (e) {
      message.error(errorText(e, m.common.networkError));
    } finally {
      refresh();
    }
  }

  const actions = (e: EnrolmentOutput) => (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={() => setCompleting(e)} data-testid="enrolment-complete">
        {m.training.complete}
      </Button>
      {e.status === 'enrolled' && (
        <Popconfirm title={m.training.dropConfirm(e.person.name)} onConfirm={() => act(() => dropEnrolment(e.id, e.version), m.training.droppedOk)}>
          <Button type="link" size="small" data-testid="enrolment-drop">
            {m.training.drop}
          </Button>
        </Popconfirm>
      )}
      <Popconfirm title={m.training.removeConfirm} okButtonProps={{ danger: true }} onConfirm={() => act(() => deleteEnrolment(e.id, e.version), m.common.deleted)}>
        <Button type="link" size="small" danger data-testid="enrolment-delete">
          {m.training.remove}
        </Button>
      </Popconfirm>
    </Space>
  );

  return (
    <>
      <Segmented
        value={status}
        onChange={(v) => {
          setStatus(String(v));
          setPage((p) => ({ ...p, page: 1 }));
        }}
        options={[{ value: '', label: m.common.all }, ...labels.options('enrolmentStatuses')]}
        style={{ marginBottom: 12 }}
        data-testid="enrolment-status"
      />
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<EnrolmentOutput>
          rowKey="id"
          size="small"
          loading={query.isFetching}
          dataSource={query.data?.items}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: m.training.noTrainees }}
          pagination={{ current: page.page, pageSize: page.pageSize, total: query.data?.total, size: 'small', showTotal: m.common.total, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
          data-testid="enrolments-table"
          columns={[
            { title: m.person.name, key: 'name', fixed: 'left', render: (_: unknown, e) => e.person.name },
            { title: m.person.sex, key: 'sex', render: (_: unknown, e) => labels.label('sexes', e.person.sex) },
            { title: m.person.age, key: 'age', align: 'right', render: (_: unknown, e) => e.person.age },
            { title: m.person.idNumber, key: 'idNumber', render: (_: unknown, e) => <span className="masked">{e.person.idNumber}</span> },
            { title: m.household.householdNo, key: 'householdNo', render: (_: unknown, e) => e.person.householdNo, responsive: ['lg'] },
            { title: m.training.status, dataIndex: 'status', render: (v: string) => <Tag color={STATUS_COLOR[v]}>{labels.label('enrolmentStatuses', v)}</Tag> },
            { title: m.training.completedOn, dataIndex: 'completedOn', render: (v: string | null) => v ?? '—' },
            { title: m.training.certificateNo, dataIndex: 'certificateNo', render: (v: string | null) => v ?? '—' },
            ...(canManage ? [{ title: m.common.actions, key: 'actions', render: (_: unknown, e: EnrolmentOutput) => actions(e) }] : []),
          ]}
        />
      )}
      {completing && (
        <CompleteModal
          enrolment={completing}
          onClose={() => setCompleting(null)}
          onDone={() => {
            setCompleting(null);
            message.success(m.training.completedOk);
            refresh();
          }}
        />
      )}
    </>
  );
}
