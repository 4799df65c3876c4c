/** The period picker of the employment pages: each period with its state (填报中 / 已关闭). */
import { Select, Tag } from 'antd';
import { useLabels, useMessages } from '../../i18n/locale';
import type { PeriodOption } from './employment-queries';

interface PeriodSelectProps {
  value: string | undefined;
  options: PeriodOption[] | undefined;
  loading?: boolean;
  onChange(period: string): void;
}

export function PeriodSelect({ value, options, loading, onChange }: PeriodSelectProps) {
  const m = useMessages();
  const labels = useLabels();
  return (
    <Select
      value={value}
      loading={loading}
      onChange={onChange}
      placeholder={m.employment.period}
      style={{ width: 170 }}
      data-testid="period-select"
      options={(options ?? []).map((o) => ({
        value: o.period,
        label: (
          <span>
            {o.period}{' '}
            {o.status && (
              <Tag color={o.status === 'open' ? 'processing' : 'default'} style={{ marginInlineEnd: 0 }}>
                {labels.label('periodStatuses', o.status)}
              </Tag>
            )}
          </span>
        ),
      }))}
    />
  );
}
