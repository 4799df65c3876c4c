/**
 * The input of each editable fact, the same in the grid's row and in the correction dialog.
 * Job facts are off while the person is not employed (the schema rejects them then).
 */
import type { ReactNode } from 'react';
import { DatePicker, Input, InputNumber, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { useLabels, useMessages } from '../../i18n/locale';
import type { FactKey } from './fact-format';

interface FactInputProps {
  field: FactKey;
  employed: boolean;
  value?: unknown;
  onChange?: (value: unknown) => void;
  compact?: boolean;
}

/** Form.Item passes value/onChange to its one child: this is that child. */
export function FactInput({ field, employed, value, onChange, compact }: FactInputProps): ReactNode {
  const m = useMessages();
  const labels = useLabels();
  const testId = `fact-${field}`;
  const jobOnly = !employed;
  switch (field) {
    case 'wantsWork':
    case 'trainingWish':
      return <Switch size={compact ? 'small' : 'medium'} checked={!!value} onChange={(v) => onChange?.(v)} data-testid={testId} />;
    case 'socialInsurance':
      return <Switch size={compact ? 'small' : 'medium'} checked={!!value} onChange={(v) => onChange?.(v)} disabled={jobOnly} data-testid={testId} />;
    case 'state':
      return <Select value={value as string} onChange={onChange} options={labels.options('employmentStates')} style={{ width: compact ? 96 : '100%' }} data-testid={testId} />;
    case 'channel':
      return <Select allowClear value={value as string | null} onChange={(v) => onChange?.(v ?? null)} options={labels.options('employmentChannels')} disabled={jobOnly} style={{ width: compact ? 136 : '100%' }} placeholder={m.employment.channel} data-testid={testId} />;
    case 'place':
      return <Select allowClear value={value as string | null} onChange={(v) => onChange?.(v ?? null)} options={labels.options('workPlaces')} disabled={jobOnly} style={{ width: compact ? 136 : '100%' }} placeholder={m.employment.place} popupMatchSelectWidth={false} data-testid={testId} />;
    case 'employerName':
      return <Input value={(value as string | null) ?? ''} onChange={(e) => onChange?.(e.target.value)} disabled={jobOnly} maxLength={100} style={{ width: compact ? 150 : '100%' }} data-testid={testId} />;
    case 'startDate':
      return (
        <DatePicker
          value={value ? dayjs(value as string) : null}
          onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
          disabled={jobOnly}
          style={{ width: '100%' }}
          data-testid={testId}
        />
      );
    case 'contractMonths':
      return <InputNumber value={value as number | null} onChange={(v) => onChange?.(v)} min={0} max={600} precision={0} disabled={jobOnly} style={{ width: compact ? 80 : '100%' }} data-testid={testId} />;
    case 'monthlyIncome':
      return <InputNumber value={value as number | null} onChange={(v) => onChange?.(v)} min={0} max={1_000_000} disabled={jobOnly} style={{ width: compact ? 100 : '100%' }} data-testid={testId} />;
    default:
      return null;
  }
}
