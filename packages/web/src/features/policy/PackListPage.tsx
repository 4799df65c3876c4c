/** 政策包: one per policy document, with its rules, parameters and those still 由地方确定. */
import { Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { DivisionName } from '../admin/DivisionName';
import { ErrorState } from '../../shared/ErrorState';
import { formatDateTime } from '../../shared/format';
import { PageHead } from '../../shared/PageHead';
import { usePageTitle } from '../../shared/use-page-title';
import { LOCAL_COLOR } from './benefit-format';
import { usePolicyMessages } from './policy-messages';
import { usePacks } from './policy-queries';
import type { PackSummary } from './policy-types';

export function PackListPage() {
  const p = usePolicyMessages();
  const query = usePacks();
  usePageTitle(p.packs);
  return (
    <div data-testid="packs-page">
      <PageHead title={p.packs} />
      <Typography.Paragraph type="secondary">{p.packsHint}</Typography.Paragraph>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<PackSummary>
          rowKey="code"
          size="middle"
          loading={query.isFetching}
          dataSource={query.data?.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="packs-table"
          onRow={(pack) => ({ 'data-pack': pack.code }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: p.code, dataIndex: 'code', fixed: 'left', render: (code: string) => <Link to={`/policy/packs/${code}`} data-testid="pack-link">{code}</Link> },
            { title: p.title, dataIndex: 'title', render: (t: string, pack) => <div style={{ minWidth: 200, maxWidth: 340, whiteSpace: 'normal' }}><Link to={`/policy/packs/${pack.code}`}>{t}</Link></div> },
            { title: p.document, dataIndex: 'document', responsive: ['lg'], render: (d: string) => <div style={{ maxWidth: 260, whiteSpace: 'normal' }}>{d}</div> },
            { title: p.issued, dataIndex: 'issued', responsive: ['md'] },
            { title: p.jurisdiction, dataIndex: 'jurisdiction', render: (code: string) => <DivisionName code={code} /> },
            { title: p.ruleCount, dataIndex: 'rules', align: 'right' },
            { title: p.parameterCount, dataIndex: 'parameters', align: 'right' },
            {
              title: <Tooltip title={p.unsetHint}>{p.unsetCount}</Tooltip>,
              dataIndex: 'unsetParameters',
              align: 'right',
              render: (n: number) => (n > 0 ? <Tag color={LOCAL_COLOR} data-testid="pack-unset">{n}</Tag> : n),
            },
            { title: p.revision, dataIndex: 'revision', align: 'right', responsive: ['md'], render: (n: number) => p.revisionNo(n) },
            { title: p.updatedAt, dataIndex: 'updatedAt', render: formatDateTime, responsive: ['lg'] },
          ]}
        />
      )}
    </div>
  );
}
