import { App, Button, Popconfirm } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { api } from '../api/client';
import { useMessages } from '../i18n/locale';
import { errorText } from './ErrorState';

/** Deletes a versioned record after a confirmation; the server refuses if it is still in use. */
export function DeleteButton({ path, version, confirm, onDone, testId }: { path: string; version: number; confirm: string; onDone(): void; testId?: string }) {
  const m = useMessages();
  const { message } = App.useApp();
  return (
    <Popconfirm
      title={confirm}
      okButtonProps={{ danger: true }}
      onConfirm={async () => {
        try {
          await api.delete(path, { version });
          message.success(m.common.deleted);
          onDone();
        } catch (error) {
          message.error(errorText(error, m.common.networkError));
        }
      }}
    >
      <Button danger icon={<DeleteOutlined />} data-testid={testId}>
        {m.common.delete}
      </Button>
    </Popconfirm>
  );
}
