/** Create a user, or change one's name, role, division and department. */
import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { isApiError } from '../../api/errors';
import { api } from '../../api/client';
import type { UserOutput } from '../../api/types';
import { useLabels, useMessages } from '../../i18n/locale';
import { DivisionTreeSelect, type DivisionValue } from '../../shared/DivisionTreeSelect';
import { errorText } from '../../shared/ErrorState';
import { showFieldIssues } from '../../shared/zod-rules';
import { useDivision } from '../layout/division-context';

interface Values {
  username: string;
  displayName: string;
  password: string;
  role?: string;
  division: DivisionValue | null;
  department: string | null;
}

function DivisionField({ value, onChange, home }: { value?: DivisionValue | null; onChange?: (v: DivisionValue) => void; home: string }) {
  return <DivisionTreeSelect value={value} onChange={(v) => onChange?.(v)} home={home} testId="user-division" style={{ width: '100%' }} />;
}

export function UserFormModal({ user, open, onClose, onSaved }: { user: UserOutput | null; open: boolean; onClose(): void; onSaved(): void }) {
  const m = useMessages();
  const labels = useLabels();
  const { home } = useDivision();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const role = Form.useWatch('role', form);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (user) {
      form.setFieldsValue({
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        department: user.department,
        division: { code: user.divisionCode, name: '' },
      });
    } else {
      form.setFieldsValue({ division: { code: home, name: '' }, department: null });
    }
  }, [open, user, form, home]);

  async function submit() {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const divisionCode = v.division?.code ?? '';
      const department = v.role === 'department' ? v.department : null;
      if (user) await api.patch(`/users/${user.id}`, { version: user.version, displayName: v.displayName, role: v.role, divisionCode, department });
      else await api.post('/users', { username: v.username, displayName: v.displayName, password: v.password, role: v.role, divisionCode, department });
      onSaved();
    } catch (e) {
      if (isApiError(e, 'VALIDATION')) {
        const rest = showFieldIssues(form, e.details.map((d) => ({ ...d, path: d.path === 'divisionCode' ? 'division' : d.path })));
        setError(rest.length || !e.details.length ? e.message : m.common.validationFailed);
      } else setError(errorText(e, m.common.networkError));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open={open} title={user ? m.admin.editUser : m.admin.createUser} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okButtonProps={{ 'data-testid': 'user-save' } as Record<`data-${string}`, string>} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="user-form-error" />}
      <Form form={form} layout="vertical" autoComplete="off">
        <Form.Item name="username" label={m.admin.username} rules={[{ required: true, message: m.auth.usernameRequired }]}>
          <Input disabled={!!user} data-testid="user-username" />
        </Form.Item>
        <Form.Item name="displayName" label={m.admin.displayName} rules={[{ required: true, whitespace: true }]}>
          <Input data-testid="user-displayName" />
        </Form.Item>
        {!user && (
          <Form.Item name="password" label={m.admin.password} extra={m.admin.passwordRule} rules={[{ required: true, message: m.auth.passwordRequired }]}>
            <Input.Password autoComplete="new-password" data-testid="user-password" />
          </Form.Item>
        )}
        <Form.Item name="role" label={m.admin.role} rules={[{ required: true }]}>
          <Select options={labels.options('roles')} data-testid="user-role" />
        </Form.Item>
        <Form.Item name="division" label={m.admin.division} rules={[{ required: true }]}>
          <DivisionField home={home} />
        </Form.Item>
        {role === 'department' && (
          <Form.Item name="department" label={m.admin.department} extra={m.admin.departmentHint} rules={[{ required: true }]}>
            <Select options={labels.options('departments')} data-testid="user-department" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
