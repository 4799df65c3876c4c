/**
 * Finding a person to attach to a record (a course enrolment, a post): the same private name and
 * ID-number search as the household and person lists (terms stay in memory, never in the
 * address), limited to a division, with a choose button on each row. ID numbers stay masked.
 */
import { useState } from 'react';
import { Button, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Page, PersonOutput } from '../api/types';
import { useLabels, useMessages } from '../i18n/locale';
import { ErrorState } from './ErrorState';
import { PrivateSearchForm } from './PrivateSearchForm';
import { usePrivateFilters } from './private-filters';

const PAGE_SIZE = 8;

interface PersonSearchProps {
  /** Only people living inside this division are offered. */
  divisionCode: string;
  onPick(person: PersonOutput): void;
  pickLabel: string;
  /** The person whose pick is being saved, to show the button busy. */
  busyId?: string | null;
}

export function PersonSearch({ divisionCode, onPick, pickLabel, busyId }: PersonSearchProps) {
  const m = useMessages();
  const labels = useLabels();
  const [personal, setPersonal] = usePrivateFilters('person-picker');
  const [page, setPage] = useState(1);
  const searching = Boolean(personal.q || personal.idNumber);
  const query = useQuery({
    queryKey: ['persons', 'pick', divisionCode, personal, page],
    queryFn: () => api.get<Page<PersonOutput>>('/persons', { q: personal.q, idNumber: personal.idNumber, divisionCode: divisionCode || undefined, page, pageSize: PAGE_SIZE }),
    enabled: searching,
    placeholderData: (previous) => previous,
  });
  return (
    <>
      <PrivateSearchForm personal={personal} setPersonal={setPersonal} namePlaceholder={m.filters.personQ} nameWidth={150} onSearch={() => setPage(1)} onReset={() => setPage(1)} />
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<PersonOutput>
          rowKey="id"
          size="small"
          scroll={{ x: 'max-content' }}
          loading={searching && query.isFetching}
          dataSource={searching ? query.data?.items : []}
          locale={{ emptyText: searching ? undefined : m.personPicker.searchFirst }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: searching ? query.data?.total : 0, size: 'small', showSizeChanger: false, onChange: setPage, hideOnSinglePage: true }}
          data-testid="person-search-results"
          columns={[
            { title: m.person.name, dataIndex: 'name', fixed: 'left' },
            { title: m.person.sex, dataIndex: 'sex', render: (v: string) => labels.label('sexes', v) },
            { title: m.person.age, dataIndex: 'age', align: 'right' },
            { title: m.person.idNumber, dataIndex: 'idNumber', render: (v: string) => <span className="masked">{v}</span> },
            { title: m.household.householdNo, dataIndex: 'householdNo' },
            { title: m.person.labourCapacity, dataIndex: 'labourCapacity', render: (v: string) => labels.label('labourCapacities', v) },
            {
              title: m.common.actions,
              key: 'pick',
              render: (_: unknown, p) => (
                <Button type="link" size="small" loading={busyId === p.id} onClick={() => onPick(p)} data-testid="person-pick">
                  {pickLabel}
                </Button>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
