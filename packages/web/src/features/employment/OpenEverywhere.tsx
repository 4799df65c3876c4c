/**
 * Above county level, the month's 月调度 opened in every county of the division that has not
 * opened it yet (employment.period); the counties that could not open are listed with the reason.
 */
import { useState } from 'react';
import { App, Button, DatePicker, List, Modal, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { addMonths } from '@anju/core';
import { api } from '../../api/client';
import { useMessages } from '../../i18n/locale';
import { errorText } from '../../shared/ErrorState';
import { useSession } from '../auth/session';

interface OpenEverywhereResult {
  period: string;
  opened: { countyCode: string; records: number }[];
  failed: { countyCode: string; message: string }[];
}

interface OpenEverywhereProps {
  divisionCode: string;
  scopeName: string;
  /** The latest period of the division's counties, if any. */
  latest: string | undefined;
  onOpened(period: string): void;
}

export function OpenEverywhere({ divisionCode, scopeName, latest, onOpened }: OpenEverywhereProps) {
  const m = useMessages();
  const e = m.employment;
  const session = useSession();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [month, setMonth] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!session.can('employment.period')) return null;
  const thisMonth = dayjs().format('YYYY-MM');

  async function open(period: string) {
    setBusy(true);
    try {
      const out = await api.post<OpenEverywhereResult>('/employment/periods/everywhere', { divisionCode, period });
      setMonth(null);
      await queryClient.invalidateQueries({ queryKey: ['employment'] });
      const records = out.opened.reduce((n, o) => n + o.records, 0);
      if (out.opened.length) message.success(e.openedEverywhere(out.period, out.opened.length, records));
      else if (!out.failed.length) message.info(e.nothingToOpen(out.period));
      if (out.failed.length) {
        modal.warning({
          title: e.notOpenedIn(out.failed.length),
          content: <List size="small" dataSource={out.failed} renderItem={(f) => <List.Item>{`${f.countyCode}：${f.message}`}</List.Item>} />,
        });
      }
      if (out.opened.length) onOpened(out.period);
    } catch (error) {
      modal.error({ title: e.openEverywhere, content: errorText(error, m.common.networkError) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setMonth(latest ? addMonths(latest, 1) : thisMonth)} data-testid="period-open-everywhere">
        {e.openEverywhere}
      </Button>
      <Modal
        open={month !== null}
        title={e.openEverywhereTitle(scopeName)}
        onCancel={() => setMonth(null)}
        onOk={() => month && void open(month)}
        confirmLoading={busy}
        okButtonProps={{ disabled: !month || month > thisMonth, 'data-testid': 'period-open-everywhere-submit' }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{e.openEverywhereHint}</Typography.Paragraph>
        <DatePicker
          picker="month"
          value={month ? dayjs(`${month}-01`) : null}
          onChange={(d) => setMonth(d ? d.format('YYYY-MM') : null)}
          allowClear={false}
          disabledDate={(d) => d.format('YYYY-MM') > thisMonth}
          style={{ width: 200 }}
          data-testid="period-open-everywhere-month"
        />
      </Modal>
    </>
  );
}
