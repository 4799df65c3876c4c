import { useState } from 'react';
import { App, Button, Card, DatePicker, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DownloadOutlined } from '@ant-design/icons';
import { download } from '../../api/client';
import { useMessages } from '../../i18n/locale';
import { errorText } from '../../shared/ErrorState';
import { useDivision } from '../layout/division-context';

/** Exports a ledger of the current division in the layout offices exchange. */
export function ExportCard() {
  const m = useMessages();
  const { message } = App.useApp();
  const { division } = useDivision();
  const [ledger, setLedger] = useState('households');
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [busy, setBusy] = useState(false);
  // The labour ledger goes out one period at a time; last month is the one usually being filled in.
  const [period, setPeriod] = useState<Dayjs>(() => dayjs().subtract(1, 'month'));
  const options = [
    { value: 'sites', label: m.menu.sites },
    { value: 'households', label: m.menu.households },
    { value: 'persons', label: m.menu.persons },
    { value: 'labour', label: m.imports.labourLedger },
  ];
  return (
    <Card size="small" title={m.imports.exportTitle}>
      <Space wrap>
        <Select value={ledger} onChange={setLedger} options={options} style={{ width: 180 }} data-testid="export-ledger" />
        {ledger === 'labour' && (
          <DatePicker picker="month" value={period} onChange={(d) => d && setPeriod(d)} allowClear={false} placeholder={m.imports.exportPeriod} data-testid="export-period" />
        )}
        <Radio.Group value={format} onChange={(e) => setFormat(e.target.value as 'xlsx' | 'csv')} optionType="button" options={[{ value: 'xlsx', label: 'Excel' }, { value: 'csv', label: 'CSV' }]} />
        <Button
          icon={<DownloadOutlined />}
          loading={busy}
          data-testid="export-download"
          onClick={() => {
            setBusy(true);
            download(`/exports/${ledger}`, { divisionCode: division.code, format, ...(ledger === 'labour' ? { period: period.format('YYYY-MM') } : {}) })
              .catch((e) => message.error(errorText(e, m.common.downloadFailed)))
              .finally(() => setBusy(false));
          }}
        >
          {m.imports.exportButton}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {m.imports.exportScope}：{division.code ? division.name : m.header.national}
      </Typography.Paragraph>
    </Card>
  );
}
