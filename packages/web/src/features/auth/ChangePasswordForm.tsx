/**
 * A user's own new password, proving the current one. Used by the forced page after an
 * administrator's reset and from the user menu.
 */
import { useState } from 'react';
import { Alert, App, Button, Form, Input } from 'antd';
import { api } from '../../api/client';
import { isApiError } from '../../api/errors';
import { useMessages } from '../../i18n/locale';
import { errorText } from '../../shared/ErrorState';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordForm({ onDone }: { onDone(): void }) {
  const m = useMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onFinish(values: Values) {
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      message.success(m.auth.passwordChanged);
      form.resetFields();
      onDone();
    } catch (e) {
      // The server names the field at fault (wrong current password, weak new one).
      if (isApiError(e) && e.details.length > 0) form.setFields(e.details.map((d) => ({ name: d.path as keyof Values, errors: [d.message] })));
      else setError(errorText(e, m.common.networkError));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark={false}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="change-password-error" />}
      <Form.Item name="currentPassword" label={m.auth.currentPassword} rules={[{ required: true, message: m.auth.passwordRequired }]}>
        <Input.Password autoComplete="current-password" data-testid="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={m.auth.newPassword} extra={m.auth.passwordRule} rules={[{ required: true, message: m.auth.passwordRequired }]}>
        <Input.Password autoComplete="new-password" data-testid="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={m.auth.confirmPassword}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: m.auth.passwordRequired },
          ({ getFieldValue }) => ({
            validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(m.auth.passwordMismatch))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="confirm-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy} data-testid="change-password-submit">
        {m.auth.changePassword}
      </Button>
    </Form>
  );
}
