/** 升级为乡村就业工厂: asks for the date; the server refuses with its reasons when not eligible. */
import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Modal } from 'antd';
import { RiseOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import type { WorkshopOutput } from '../../api/types';
import { useMessages } from '../../i18n/locale';
import { errorText } from '../../shared/ErrorState';
import { upgradeWorkshop } from './workshop-queries';

export function UpgradeButton({ workshop, size }: { workshop: WorkshopOutput; size?: 'small' | 'middle' }) {
  const m = useMessages();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState<Dayjs | null>(dayjs());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (!date || workshop.version === null) return;
    setBusy(true);
    setError(null);
    try {
      await upgradeWorkshop(workshop.employerId, date.format('YYYY-MM-DD'), workshop.version);
      message.success(m.workshop.upgradeDone);
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: ['workshops'] });
    } catch (e) {
      setError(errorText(e, m.common.networkError));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button size={size} icon={<RiseOutlined />} onClick={() => setOpen(true)} data-testid="workshop-upgrade">
        {m.workshop.upgrade}
      </Button>
      <Modal open={open} title={m.workshop.upgradeTitle} onCancel={() => setOpen(false)} onOk={() => void submit()} confirmLoading={busy} destroyOnHidden>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="upgrade-error" />}
        <Form layout="vertical">
          <Form.Item label={m.workshop.upgradeDate} required>
            <DatePicker value={date} onChange={setDate} disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
