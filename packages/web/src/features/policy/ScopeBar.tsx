/**
 * The division and date a policy page looks at. The division is the header's (the app's one
 * scope, which this picker also sets) unless a link names one (`divisionCode`); the date is in
 * the address (`asOf`), today by default.
 */
import type { ReactNode } from 'react';
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { DivisionTreeSelect } from '../../shared/DivisionTreeSelect';
import { useUrlFilters } from '../../shared/url-filters';
import { useDivision } from '../layout/division-context';
import { today } from './benefit-format';
import { usePolicyMessages } from './policy-messages';

const KEYS = ['divisionCode', 'asOf'] as const;

export function usePolicyScope() {
  const { division } = useDivision();
  const url = useUrlFilters(KEYS);
  const divisionCode = url.filters.divisionCode ?? division.code;
  const asOf = url.filters.asOf && /^\d{4}-\d{2}-\d{2}$/.test(url.filters.asOf) ? url.filters.asOf : today();
  return { divisionCode, asOf, setFilters: url.setFilters };
}

export function ScopeBar({ children, withDate = true }: { children?: ReactNode; withDate?: boolean }) {
  const p = usePolicyMessages();
  const { home, division, setDivision } = useDivision();
  const { divisionCode, asOf, setFilters } = usePolicyScope();
  const value = { code: divisionCode, name: divisionCode === division.code ? division.name : '' };
  return (
    <div className="filter-bar">
      <DivisionTreeSelect
        value={value}
        home={home}
        onChange={(v) => {
          setDivision(v);
          setFilters({ divisionCode: undefined });
        }}
        style={{ width: 260 }}
        testId="policy-division"
        placeholder={p.division}
      />
      {withDate && <DatePicker value={dayjs(asOf)} allowClear={false} onChange={(d) => d && setFilters({ asOf: d.format('YYYY-MM-DD') })} data-testid="policy-asof" />}
      {children}
    </div>
  );
}
