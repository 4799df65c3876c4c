import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { api } from '../../api/client';
import type { UserOutput } from '../../api/types';
import { useMessages } from '../../i18n/locale';
import { errorText } from '../../shared/ErrorState';

/** Sets a temporary password; the server lifts login waits and makes the user change it at the next login. */
export function ResetPasswordModal({ user, onClose, onDone }: { user: UserOutput | null; onClose(): void; onDone(): void }) {
  const m = useMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit() {
    const { password } = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/users/${user!.id}/password`, { password });
      message.success(m.admin.passwordReset);
      form.resetFields();
      onDone();
    } catch (e) {
      setError(errorText(e, m.common.networkError));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open={!!user} title={`${m.admin.resetPassword} · ${user?.username ?? ''}`} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} destroyOnHidden okButtonProps={{ 'data-testid': 'password-save' } as Record<`data-${string}`, string>}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="password-error" />}
      <Form form={form} layout="vertical">
        <Form.Item name="password" label={m.admin.newPassword} extra={m.admin.passwordRule} rules={[{ required: true, message: m.auth.passwordRequired }]}>
          <Input.Password autoComplete="new-password" data-testid="password-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
