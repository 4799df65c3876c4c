/** The save/cancel row under every registry form; cancel goes back to wherever the user came from. */
import { Button, Space } from 'antd';
import { useNavigate } from 'react-router';
import { useMessages } from '../i18n/locale';

export function FormActions({ saving }: { saving: boolean }) {
  const m = useMessages();
  const navigate = useNavigate();
  return (
    <Space>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="form-submit">
        {m.common.save}
      </Button>
      <Button onClick={() => navigate(-1)}>{m.common.cancel}</Button>
    </Space>
  );
}
