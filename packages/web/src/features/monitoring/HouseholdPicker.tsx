/** Finding a household by its number or head's name (the list route's q), inside a division. */
import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { HouseholdOutput, Page } from '../../api/types';

interface HouseholdPickerProps {
  divisionCode: string;
  value?: string;
  onChange?(id: string): void;
  /** The kind of the household picked (建档立卡脱贫户 or 同步搬迁户): what it may be monitored as follows from it. */
  onKind?(kind: string): void;
  placeholder?: string;
}

export function HouseholdPicker({ divisionCode, value, onChange, onKind, placeholder }: HouseholdPickerProps) {
  const [q, setQ] = useState('');
  // The chosen household stays among the options after the search text is cleared.
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const query = useQuery({
    queryKey: ['households', 'pick', divisionCode, q],
    queryFn: () => api.get<Page<HouseholdOutput>>('/households', { q, divisionCode: divisionCode || undefined, pageSize: 10 }),
    enabled: q.trim().length > 0,
  });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: (text) => text.trim() && setQ(text.trim()) }}
      value={value}
      onChange={(id: string, option) => {
        if (option && !Array.isArray(option)) setPicked({ value: id, label: String(option.label) });
        const kind = query.data?.items.find((h) => h.id === id)?.kind;
        if (kind) onKind?.(kind);
        onChange?.(id);
      }}
      placeholder={placeholder}
      loading={query.isFetching}
      notFoundContent={null}
      options={[
        ...(picked && !query.data?.items.some((h) => h.id === picked.value) ? [picked] : []),
        ...(query.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.householdNo} ${h.headName ?? ''}` })),
      ]}
      style={{ width: '100%' }}
      data-testid="lead-household"
    />
  );
}
