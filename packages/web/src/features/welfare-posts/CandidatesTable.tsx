/** 优先安置人选: the ranked candidates of a post with the reasons each comes first. */
import { useState } from 'react';
import { Alert, Button, Table, Tag } from 'antd';
import type { CandidateOutput, PersonBrief } from '../../api/types';
import { useLabels, useLocale } from '../../i18n/locale';
import { ErrorState } from '../../shared/ErrorState';
import { useCandidates } from './welfare-post-queries';

export function CandidatesTable({ postId, onAssign }: { postId: string; onAssign?: (person: PersonBrief) => void }) {
  const { m, lang } = useLocale();
  const labels = useLabels();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = useCandidates(postId, page);
  // The server words the reasons in Chinese (with the disability grade); other languages use the codes.
  const reasons = (c: CandidateOutput) => (lang === 'zh-CN' ? c.reasons : c.priorities.map((p) => m.welfarePost.priorities[p] ?? p));
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      <Alert type="info" showIcon title={m.welfarePost.candidatesHint} style={{ marginBottom: 12 }} />
      <Table<CandidateOutput>
        rowKey={(c) => c.person.personId}
        size="small"
        loading={query.isFetching}
        dataSource={query.data?.items}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: query.data?.total, size: 'small', showTotal: m.common.total, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        data-testid="candidates-table"
        columns={[
          { title: m.person.name, key: 'name', fixed: 'left', render: (_: unknown, c) => c.person.name },
          { title: m.welfarePost.reasons, key: 'reasons', render: (_: unknown, c) => (c.priorities.length ? reasons(c).map((r) => <Tag key={r} color="volcano">{r}</Tag>) : '—') },
          { title: m.person.sex, key: 'sex', render: (_: unknown, c) => labels.label('sexes', c.person.sex) },
          { title: m.person.age, key: 'age', align: 'right', render: (_: unknown, c) => c.person.age },
          { title: m.person.idNumber, key: 'idNumber', render: (_: unknown, c) => <span className="masked">{c.person.idNumber}</span> },
          { title: m.person.labourCapacity, dataIndex: 'labourCapacity', render: (v: string) => labels.label('labourCapacities', v), responsive: ['md'] },
          { title: m.household.householdNo, key: 'householdNo', render: (_: unknown, c) => c.person.householdNo, responsive: ['lg'] },
          ...(onAssign
            ? [
                {
                  title: m.common.actions,
                  key: 'assign',
                  render: (_: unknown, c: CandidateOutput) => (
                    <Button type="link" size="small" onClick={() => onAssign(c.person)} data-testid="candidate-assign">
                      {m.welfarePost.assign}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
