/** 用户管理: create users, change role and division, disable, reset passwords. */
import { useState } from 'react';
import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { UserOutput } from '../../api/types';
import { useLabels, useMessages } from '../../i18n/locale';
import { ErrorState, errorText } from '../../shared/ErrorState';
import { formatDateTime } from '../../shared/format';
import { PageHead } from '../../shared/PageHead';
import { useUrlFilters } from '../../shared/url-filters';
import { usePageTitle } from '../../shared/use-page-title';
import { useSession } from '../auth/session';
import { DivisionName } from './DivisionName';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';
import { useUsers } from './user-queries';

const NO_KEYS = [] as const;

export function UsersPage() {
  const m = useMessages();
  const labels = useLabels();
  const session = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { paging, onTableChange } = useUrlFilters(NO_KEYS);
  const query = useUsers(paging.page, paging.pageSize);
  const [editing, setEditing] = useState<UserOutput | null | 'new'>(null);
  const [resetting, setResetting] = useState<UserOutput | null>(null);
  usePageTitle(m.admin.users);
  if (!session.can('users.manage')) return <ErrorState error={new Error(m.common.noPermission)} />;

  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['users'] });
  async function toggle(u: UserOutput) {
    try {
      await api.patch(`/users/${u.id}`, { version: u.version, disabled: !u.disabled });
    } catch (e) {
      message.error(errorText(e, m.common.networkError));
    }
    refresh();
  }

  return (
    <>
      <PageHead
        title={m.admin.users}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="user-create">
            {m.admin.createUser}
          </Button>
        }
      />
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<UserOutput>
          rowKey="id"
          size="middle"
          loading={query.isFetching}
          dataSource={query.data?.items}
          onChange={onTableChange}
          scroll={{ x: 'max-content' }}
          data-testid="users-table"
          pagination={{ current: paging.page, pageSize: paging.pageSize, total: query.data?.total, showSizeChanger: true, showTotal: m.common.total, size: 'small' }}
          columns={[
            { title: m.admin.username, dataIndex: 'username' },
            { title: m.admin.displayName, dataIndex: 'displayName' },
            { title: m.admin.role, dataIndex: 'role', render: (v: string) => labels.label('roles', v), responsive: ['sm'] },
            { title: m.admin.division, dataIndex: 'divisionCode', render: (v: string) => <DivisionName code={v} />, responsive: ['md'] },
            { title: m.admin.department, dataIndex: 'department', render: (v: string | null) => (v ? labels.label('departments', v) : '—'), responsive: ['lg'] },
            {
              title: m.admin.status,
              key: 'status',
              render: (_, u) =>
                u.disabled ? (
                  <Tag color="red">{m.admin.disabled}</Tag>
                ) : u.lockedUntil && new Date(u.lockedUntil) > new Date() ? (
                  <Tag color="orange">{m.admin.lockedUntil(formatDateTime(u.lockedUntil))}</Tag>
                ) : (
                  <Tag color="green">{m.admin.active}</Tag>
                ),
            },
            { title: m.admin.createdAt, dataIndex: 'createdAt', render: formatDateTime, responsive: ['xl'] },
            {
              title: m.common.actions,
              key: 'actions',
              render: (_, u) => (
                <Space size={0} wrap>
                  <Button type="link" size="small" onClick={() => setEditing(u)} data-testid="user-edit">
                    {m.common.edit}
                  </Button>
                  <Button type="link" size="small" onClick={() => setResetting(u)} data-testid="user-reset-password">
                    {m.admin.resetPassword}
                  </Button>
                  {u.disabled ? (
                    <Button type="link" size="small" onClick={() => void toggle(u)} data-testid="user-enable">
                      {m.admin.enable}
                    </Button>
                  ) : (
                    <Popconfirm title={m.admin.disableConfirm} onConfirm={() => void toggle(u)}>
                      <Button type="link" size="small" danger data-testid="user-disable">
                        {m.admin.disable}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      <UserFormModal
        open={editing !== null}
        user={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          message.success(m.common.saved);
          refresh();
        }}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={() => {
          setResetting(null);
          refresh();
        }}
      />
    </>
  );
}
