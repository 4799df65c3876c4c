import { App, Button, Card, Descriptions, Popconfirm, Skeleton, Tag } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { useLabels, useMessages } from '../../i18n/locale';
import { ErrorState, errorText } from '../../shared/ErrorState';
import { formatDateTime } from '../../shared/format';
import { PageHead } from '../../shared/PageHead';
import { RevealProvider, SensitiveValue } from '../../shared/reveal';
import { useFactText } from '../../shared/unknown-facts';
import { usePageTitle } from '../../shared/use-page-title';
import { useSession } from '../auth/session';
import { usePerson } from './person-queries';

/** One person. The title is "人员详情", never the name (titles land in history and bookmarks). */
export function PersonDetailPage() {
  const { id } = useParams();
  const m = useMessages();
  const labels = useLabels();
  const fact = useFactText();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const query = usePerson(id);
  usePageTitle(m.person.detail);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const p = query.data;
  if (!p) return <Skeleton active />;
  async function remove() {
    try {
      await api.delete(`/persons/${id}`, { version: p!.version });
      void queryClient.invalidateQueries({ queryKey: ['persons'] });
      void queryClient.invalidateQueries({ queryKey: ['households'] });
      navigate(`/households/${p!.householdId}`);
    } catch (error) {
      message.error(errorText(error, m.common.networkError));
    }
  }

  return (
    <RevealProvider>
      <PageHead
        title={m.person.detail}
        extra={
          session.can('registry.write') && (
            <>
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/persons/${p.id}/edit`)} data-testid="person-edit">
                {m.common.edit}
              </Button>
              <Popconfirm title={m.person.removeConfirm} onConfirm={() => void remove()}>
                <Button danger icon={<DeleteOutlined />} data-testid="person-remove">
                  {m.person.remove}
                </Button>
              </Popconfirm>
            </>
          )
        }
      />
      <Card>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" data-testid="person-detail">
          <Descriptions.Item label={m.person.name}>{p.name}</Descriptions.Item>
          <Descriptions.Item label={m.person.idNumber}>
            <SensitiveValue personId={p.id} masked={p.idNumber} field="idNumber" />
          </Descriptions.Item>
          <Descriptions.Item label={m.person.phone}>
            <SensitiveValue personId={p.id} masked={p.phone} field="phone" />
          </Descriptions.Item>
          <Descriptions.Item label={m.person.sex}>{labels.label('sexes', p.sex)}</Descriptions.Item>
          {p.birthDate && <Descriptions.Item label={m.person.birthDate}>{p.birthDate}</Descriptions.Item>}
          <Descriptions.Item label={m.person.age}>{p.age}</Descriptions.Item>
          <Descriptions.Item label={m.person.household}>
            <Link to={`/households/${p.householdId}`}>{p.householdNo}</Link> · {labels.label('householdKinds', p.householdKind)}
          </Descriptions.Item>
          <Descriptions.Item label={m.person.relation}>{labels.label('relations', p.relation)}</Descriptions.Item>
          <Descriptions.Item label={m.person.ethnicity}>{fact.text(p.ethnicity)}</Descriptions.Item>
          <Descriptions.Item label={m.person.education}>{fact.choice('educations', p.education)}</Descriptions.Item>
          <Descriptions.Item label={m.person.schoolStage}>{fact.choice('schoolStages', p.schoolStage)}</Descriptions.Item>
          <Descriptions.Item label={m.person.health}>
            {fact.choice('healthStates', p.health)}
            {p.disabilityGrade ? `（${p.disabilityGrade}级）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={m.person.labourCapacity}>{labels.label('labourCapacities', p.labourCapacity)}</Descriptions.Item>
          <Descriptions.Item label={m.person.labourForce}>{p.labourForce ? <Tag color="green">{m.common.yes}</Tag> : m.common.no}</Descriptions.Item>
          <Descriptions.Item label={m.person.skills}>{p.skills.length ? p.skills.join('、') : '—'}</Descriptions.Item>
          <Descriptions.Item label={m.person.medicalInsurance}>{fact.yesNo(p.medicalInsurance)}</Descriptions.Item>
          <Descriptions.Item label={m.person.pensionInsurance}>{fact.yesNo(p.pensionInsurance)}</Descriptions.Item>
          <Descriptions.Item label={m.person.safetyNet}>{fact.choice('safetyNetStates', p.safetyNet)}</Descriptions.Item>
          <Descriptions.Item label={m.person.forestRanger}>{fact.yesNo(p.forestRanger)}</Descriptions.Item>
          <Descriptions.Item label={m.person.hukouState}>{fact.choice('hukouStates', p.hukouState)}</Descriptions.Item>
          <Descriptions.Item label={m.common.updatedAt}>{formatDateTime(p.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
    </RevealProvider>
  );
}
