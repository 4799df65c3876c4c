/** One post: its facts, who holds it now (离岗 / 上岗), its holders over time and who should come first. */
import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Skeleton, Table, Tabs, Tag } from 'antd';
import { EditOutlined, LogoutOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type { HoldingOutput, PersonBrief, PostOutput } from '../../api/types';
import { useLabels, useMessages } from '../../i18n/locale';
import { DeleteButton } from '../../shared/DeleteButton';
import { ErrorState } from '../../shared/ErrorState';
import { formatDateTime, formatNumber } from '../../shared/format';
import { useCanManageLabourServices } from '../../shared/labour-services';
import { PageHead } from '../../shared/PageHead';
import { usePageTitle } from '../../shared/use-page-title';
import { AssignModal } from './AssignModal';
import { CandidatesTable } from './CandidatesTable';
import { EndHoldingModal } from './EndHoldingModal';
import { useHoldings, usePost } from './welfare-post-queries';

function HolderCard({ post, canManage, onAssign, onEnd }: { post: PostOutput; canManage: boolean; onAssign(): void; onEnd(): void }) {
  const m = useMessages();
  const labels = useLabels();
  const h = post.currentHolder;
  const action = canManage && (h ? (
    <Button icon={<LogoutOutlined />} onClick={onEnd} data-testid="holding-end">
      {m.welfarePost.end}
    </Button>
  ) : (
    post.active && (
      <Button type="primary" icon={<UserAddOutlined />} onClick={onAssign} data-testid="holding-assign">
        {m.welfarePost.assign}
      </Button>
    )
  ));
  return (
    <Card title={m.welfarePost.currentHolder} extra={action} style={{ marginBottom: 12 }} data-testid="current-holder">
      {h ? (
        <Descriptions column={{ xs: 1, sm: 2, lg: 4 }} size="small">
          <Descriptions.Item label={m.person.name}>{h.name}</Descriptions.Item>
          <Descriptions.Item label={m.person.sex}>{labels.label('sexes', h.sex)}</Descriptions.Item>
          <Descriptions.Item label={m.person.age}>{h.age}</Descriptions.Item>
          <Descriptions.Item label={m.person.idNumber}>
            <span className="masked">{h.idNumber}</span>
          </Descriptions.Item>
          <Descriptions.Item label={m.household.householdNo}>
            <Link to={`/households/${h.householdId}`}>{h.householdNo}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={m.welfarePost.startDate}>{h.startDate}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.welfarePost.vacantHint} />
      )}
    </Card>
  );
}

function HistoryTable({ postId }: { postId: string }) {
  const m = useMessages();
  const labels = useLabels();
  const query = useHoldings(postId);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Table<HoldingOutput>
      rowKey="id"
      size="small"
      loading={query.isFetching}
      dataSource={query.data}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: m.welfarePost.noHistory }}
      data-testid="holdings-table"
      columns={[
        { title: m.person.name, key: 'name', fixed: 'left', render: (_: unknown, h) => h.person.name },
        { title: m.person.sex, key: 'sex', render: (_: unknown, h) => labels.label('sexes', h.person.sex) },
        { title: m.person.age, key: 'age', align: 'right', render: (_: unknown, h) => h.person.age },
        { title: m.person.idNumber, key: 'idNumber', render: (_: unknown, h) => <span className="masked">{h.person.idNumber}</span> },
        { title: m.welfarePost.startDate, dataIndex: 'startDate' },
        { title: m.welfarePost.endDate, dataIndex: 'endDate', render: (v: string | null) => v ?? <Tag color="green">{m.welfarePost.current}</Tag> },
        { title: m.welfarePost.endReason, dataIndex: 'endReason', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}

export function WelfarePostDetailPage() {
  const { id } = useParams();
  const m = useMessages();
  const labels = useLabels();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canManage = useCanManageLabourServices();
  const query = usePost(id);
  const [assigning, setAssigning] = useState<{ person: PersonBrief | null } | null>(null);
  const [ending, setEnding] = useState(false);
  usePageTitle(m.welfarePost.detail);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const p = query.data;
  if (!p) return <Skeleton active />;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['welfare-posts'] });
  const canAssign = canManage && p.active && !p.currentHolder;
  return (
    <>
      <PageHead
        title={p.title}
        extra={
          canManage && (
            <>
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/welfare-posts/${p.id}/edit`)} data-testid="post-edit">
                {m.common.edit}
              </Button>
              <DeleteButton
                path={`/welfare-posts/${p.id}`}
                version={p.version}
                confirm={m.welfarePost.deleteConfirm}
                testId="post-delete"
                onDone={() => {
                  refresh();
                  navigate('/welfare-posts');
                }}
              />
            </>
          )
        }
      />
      <Card style={{ marginBottom: 12 }}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" data-testid="post-detail">
          <Descriptions.Item label={m.welfarePost.site}>
            <Link to={`/sites/${p.siteId}`}>{p.siteName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={m.welfarePost.duty}>{labels.label('welfarePostDuties', p.duty)}</Descriptions.Item>
          <Descriptions.Item label={m.welfarePost.grade}>{labels.label('welfarePostGrades', p.grade)}</Descriptions.Item>
          <Descriptions.Item label={m.welfarePost.monthlyPay}>{formatNumber(p.monthlyPay)}</Descriptions.Item>
          <Descriptions.Item label={m.welfarePost.funding}>{labels.label('welfarePostFunding', p.funding)}</Descriptions.Item>
          <Descriptions.Item label={m.welfarePost.status}>{p.active ? <Tag color="green">{m.welfarePost.active}</Tag> : <Tag>{m.welfarePost.inactive}</Tag>}</Descriptions.Item>
          <Descriptions.Item label={m.common.updatedAt}>{formatDateTime(p.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <HolderCard post={p} canManage={canManage} onAssign={() => setAssigning({ person: null })} onEnd={() => setEnding(true)} />
      <Card>
        <Tabs
          items={[
            { key: 'candidates', label: m.welfarePost.candidates, children: <CandidatesTable postId={p.id} onAssign={canAssign ? (person) => setAssigning({ person }) : undefined} /> },
            { key: 'history', label: m.welfarePost.history, children: <HistoryTable postId={p.id} /> },
          ]}
        />
      </Card>
      {assigning && (
        <AssignModal
          post={p}
          person={assigning.person}
          onClose={() => setAssigning(null)}
          onDone={() => {
            setAssigning(null);
            message.success(m.welfarePost.assignedOk);
            refresh();
          }}
        />
      )}
      {ending && p.currentHolder && (
        <EndHoldingModal
          postId={p.id}
          holder={p.currentHolder}
          onClose={() => setEnding(false)}
          onDone={() => {
            setEnding(false);
            message.success(m.welfarePost.endedOk);
            refresh();
          }}
        />
      )}
    </>
  );
}
