/** The workers ranked for an opening, with the reasons of the score, and 推送 for each. */
import { useState } from 'react';
import { App, Button, Popconfirm, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { MatchOutput, OpeningOutput } from '../../api/types';
import { useLabels, useMessages } from '../../i18n/locale';
import { ErrorState, errorText } from '../../shared/ErrorState';
import { refer, useMatches, usePeriods } from './job-opening-queries';

export function MatchesPanel({ opening, canRefer }: { opening: OpeningOutput; canRefer: boolean }) {
  const m = useMessages();
  const labels = useLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [period, setPeriod] = useState<string | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const periods = usePeriods(opening.countyCode);
  const query = useMatches(opening.id, { period, ...paging });

  async function push(personId: string) {
    try {
      await refer(opening.id, personId);
      message.success(m.jobOpening.referred);
      void queryClient.invalidateQueries({ queryKey: ['job-openings'] });
    } catch (error) {
      message.error(errorText(error, m.common.networkError));
    }
  }

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  return (
    <>
      <div className="filter-bar" style={{ alignItems: 'center' }}>
        <Select
          allowClear
          placeholder={`${m.jobOpening.period}：${m.jobOpening.latestPeriod}`}
          value={period}
          onChange={(v?: string) => {
            setPeriod(v);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          options={(periods.data ?? []).map((p) => ({ value: p.period, label: p.period }))}
          style={{ width: 180 }}
          data-testid="match-period"
        />
        {data && <Typography.Text type="secondary">{data.period ? m.jobOpening.matchesHint(data.period) : m.jobOpening.noPeriod}</Typography.Text>}
      </div>
      <Table<MatchOutput>
        rowKey="personId"
        size="middle"
        loading={query.isFetching}
        dataSource={data?.items}
        scroll={{ x: 'max-content' }}
        data-testid="matches-table"
        pagination={{ current: paging.page, pageSize: paging.pageSize, total: data?.total, showSizeChanger: true, showTotal: m.common.total, size: 'small', onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
        columns={[
          { title: m.jobOpening.name, dataIndex: 'name', fixed: 'left', render: (v: string, r) => <Link to={`/persons/${r.personId}`}>{v}</Link> },
          { title: m.jobOpening.score, dataIndex: 'score', align: 'right', render: (v: number) => <Typography.Text strong>{v}</Typography.Text> },
          {
            title: m.common.actions,
            key: 'refer',
            render: (_: unknown, r) =>
              r.referral ? (
                <Tag color="green">{`${m.jobOpening.referred} · ${labels.label('referralOutcomes', r.referral.outcome)}`}</Tag>
              ) : canRefer ? (
                <Popconfirm title={m.jobOpening.referConfirm} onConfirm={() => push(r.personId)}>
                  <Button size="small" type="primary" icon={<SendOutlined />} data-testid="refer-button">
                    {m.jobOpening.refer}
                  </Button>
                </Popconfirm>
              ) : (
                '—'
              ),
          },
          {
            title: m.jobOpening.reasons,
            key: 'reasons',
            render: (_: unknown, r) => (
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, maxWidth: 360, minWidth: 200 }}>
                {r.reasons.map((reason) => (
                  <Tooltip key={reason.text} title={`+${reason.points}`}>
                    <Tag color={reason.points > 0 ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
                      {reason.text}
                    </Tag>
                  </Tooltip>
                ))}
              </div>
            ),
          },
          { title: m.jobOpening.sex, dataIndex: 'sex', render: (v: string) => labels.label('sexes', v) },
          { title: m.jobOpening.personAge, dataIndex: 'age', align: 'right' },
          { title: m.jobOpening.idNumber, dataIndex: 'idNumber', render: (v: string) => <span className="masked">{v}</span>, responsive: ['md'] },
        ]}
      />
    </>
  );
}
