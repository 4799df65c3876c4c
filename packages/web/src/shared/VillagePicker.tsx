/**
 * A village code field: type a name to search villages in the user's scope, or type the
 * 12-digit code of any village (cross-county origins lie outside the user's scope).
 */
import { useRef, useState } from 'react';
import { AutoComplete, Input, Typography } from 'antd';
import { fullName, searchDivisions, useDivisionPath } from './division-queries';

export function VillagePicker({ value, onChange, testId }: { value?: string; onChange?: (code: string) => void; testId?: string }) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const known = useDivisionPath(value && /^\d{12}$/.test(value) ? value : null);

  function onSearch(text: string) {
    clearTimeout(timer.current);
    if (text.trim().length < 2 || /^\d{12}$/.test(text)) return setOptions([]);
    timer.current = setTimeout(() => {
      void searchDivisions(text.trim()).then((list) =>
        setOptions(list.filter((d) => d.level === 5).map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))),
      );
    }, 250);
  }

  return (
    <>
      <AutoComplete value={value} options={options} onSearch={onSearch} onChange={(v: string) => onChange?.(v)} data-testid={testId}>
        <Input maxLength={20} />
      </AutoComplete>
      {known.data && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {fullName(known.data)}
        </Typography.Text>
      )}
    </>
  );
}
