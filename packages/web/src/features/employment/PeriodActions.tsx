/**
 * Opening the next period (carries every record forward, unconfirmed) and closing the chosen
 * one, for the county's monitor and the administrator (employment.period).
 */
import { useState } from 'react';
import { App, Button, DatePicker, Modal, Popconfirm, Typography } from 'antd';
import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { addMonths } from '@anju/core';
import { api } from '../../api/client';
import { useMessages } from '../../i18n/locale';
import { errorText } from '../../shared/ErrorState';
import { useSession } from '../auth/session';
import type { LabourPeriod } from './employment-queries';

interface PeriodActionsProps {
  county: string | null;
  periods: LabourPeriod[] | undefined;
  /** The period on screen. */
  period: string | undefined;
  onOpened(period: string): void;
}

export function PeriodActions({ county, periods, period, onOpened }: PeriodActionsProps) {
  const m = useMessages();
  const e = m.employment;
  const session = useSession();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [opening, setOpening] = useState(false);
  const [next, setNext] = useState<string>('');
  const [busy, setBusy] = useState(false);
  if (!session.can('employment.period') || county === null || !periods) return null;

  const latest = periods[0]?.period;
  const thisMonth = dayjs().format('YYYY-MM');
  const suggested = latest ? addMonths(latest, 1) : thisMonth;
  const current = periods.find((p) => p.period === period);

  async function open() {
    setBusy(true);
    try {
      const out = await api.post<{ period: string; records: number }>('/employment/periods', { countyCode: county, period: next });
      message.success(e.opened(out.period, out.records));
      setOpening(false);
      await queryClient.invalidateQueries({ queryKey: ['employment'] });
      onOpened(out.period);
    } catch (error) {
      modal.error({ title: e.openPeriod, content: errorText(error, m.common.networkError) });
    } finally {
      setBusy(false);
    }
  }

  async function close() {
    try {
      await api.post(`/employment/periods/${period}/close`, { countyCode: county });
      message.success(e.closedMessage(period!));
      await queryClient.invalidateQueries({ queryKey: ['employment'] });
    } catch (error) {
      modal.error({ title: e.closePeriod, content: errorText(error, m.common.networkError) });
    }
  }

  return (
    <>
      {current?.status === 'open' && (
        <Popconfirm title={e.closeConfirm(current.period)} onConfirm={() => close()} okButtonProps={{ danger: true }}>
          <Button icon={<LockOutlined />} data-testid="period-close">
            {e.closePeriod}
          </Button>
        </Popconfirm>
      )}
      <Button
        type="primary"
        icon={<PlusOutlined />}
        disabled={suggested > thisMonth}
        onClick={() => {
          setNext(suggested);
          setOpening(true);
        }}
        data-testid="period-open"
      >
        {e.openPeriod}
      </Button>
      <Modal open={opening} title={e.openPeriodTitle} onCancel={() => setOpening(false)} onOk={() => void open()} confirmLoading={busy} okButtonProps={{ 'data-testid': 'period-open-submit' }} destroyOnHidden>
        <Typography.Paragraph type="secondary">{e.openPeriodHint}</Typography.Paragraph>
        <DatePicker
          picker="month"
          value={next ? dayjs(`${next}-01`) : null}
          onChange={(d) => setNext(d ? d.format('YYYY-MM') : '')}
          allowClear={false}
          disabledDate={(d) => d.format('YYYY-MM') > thisMonth || (!!latest && d.format('YYYY-MM') <= latest)}
          style={{ width: 200 }}
          data-testid="period-open-month"
        />
      </Modal>
    </>
  );
}
