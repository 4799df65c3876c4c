/** 工作日历: a year's holidays and 调休 working weekends, whose list they are, and (national administrator) entering a year. */
import { useState } from 'react';
import { Alert, App, Button, InputNumber, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useMessages } from '../../i18n/locale';
import { ErrorState, errorText } from '../../shared/ErrorState';
import { CalendarYearModal } from './CalendarYearModal';
import { useSettingsMessages } from './settings-messages';
import { putCalendarYear, settingsKey, useCalendarYear, type CalendarYear } from './settings-queries';

export function CalendarTab({ canEdit }: { canEdit: boolean }) {
  const s = useSettingsMessages();
  const m = useMessages();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear());
  const [editing, setEditing] = useState(false);
  const calendar = useCalendarYear(year);
  const data = calendar.data;
  const isAdminYear = data?.source === 'admin';
  const packageHasYear = !!data && year >= data.packageYears.first && year <= data.packageYears.last;

  async function restore() {
    try {
      await putCalendarYear(year, []);
      message.success(s.saved);
      await queryClient.invalidateQueries({ queryKey: settingsKey });
    } catch (error) {
      message.error(errorText(error, m.common.networkError));
    }
  }

  return (
    <>
      <Typography.Paragraph type="secondary">{s.calendarHint}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{s.calendarYear}</span>
        <InputNumber value={year} min={2000} max={2100} precision={0} onChange={(v) => v && setYear(v)} data-testid="calendar-year" />
        {data?.source && <Tag color={isAdminYear ? 'blue' : 'default'} data-testid="calendar-source">{s.calendarSource[data.source]}</Tag>}
        {data?.workingDays != null && <span data-testid="calendar-working-days">{s.workingDays(data.workingDays)}</span>}
        {data && <Typography.Text type="secondary">{s.packageCovers(data.packageYears.first, data.packageYears.last)}</Typography.Text>}
        {canEdit && (
          <Button type="primary" onClick={() => setEditing(true)} data-testid="calendar-enter">
            {data?.source ? s.replaceYear : s.enterYear}
          </Button>
        )}
        {canEdit && isAdminYear && packageHasYear && (
          <Popconfirm title={s.restoreConfirm} onConfirm={() => void restore()}>
            <Button data-testid="calendar-restore">{s.restorePackage}</Button>
          </Popconfirm>
        )}
      </Space>
      {calendar.error ? (
        <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : data && data.source === null ? (
        <Alert type="warning" showIcon title={s.notCovered(year)} data-testid="calendar-not-covered" />
      ) : (
        <Table<CalendarYear['days'][number]>
          rowKey="date"
          size="small"
          loading={calendar.isLoading}
          dataSource={data?.days}
          pagination={false}
          data-testid="calendar-days"
          columns={[
            { title: s.date, dataIndex: 'date' },
            { title: s.weekday, key: 'weekday', render: (_, d) => s.weekdays[new Date(`${d.date}T00:00:00Z`).getUTCDay()] },
            { title: s.kind, dataIndex: 'kind', render: (k: string) => <Tag color={k === 'holiday' ? 'green' : 'orange'}>{s.kinds[k]}</Tag> },
            { title: s.name, dataIndex: 'name' },
          ]}
        />
      )}
      {editing && <CalendarYearModal year={year} current={data?.days ?? []} onClose={() => setEditing(false)} />}
    </>
  );
}
