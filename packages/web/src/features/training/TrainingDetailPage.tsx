/** One course: its facts and its trainees (who enrolled, completed with a certificate, dropped out). */
import { useState } from 'react';
import { Button, Card, Descriptions, Skeleton } from 'antd';
import { EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { useLabels, useMessages } from '../../i18n/locale';
import { DeleteButton } from '../../shared/DeleteButton';
import { ErrorState } from '../../shared/ErrorState';
import { formatDateTime, formatNumber } from '../../shared/format';
import { useCanManageLabourServices } from '../../shared/labour-services';
import { PageHead } from '../../shared/PageHead';
import { usePageTitle } from '../../shared/use-page-title';
import { EnrolModal } from './EnrolModal';
import { EnrolmentsTable } from './EnrolmentsTable';
import { useCourse } from './training-queries';

export function TrainingDetailPage() {
  const { id } = useParams();
  const m = useMessages();
  const labels = useLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canManage = useCanManageLabourServices();
  const query = useCourse(id);
  const [enrolling, setEnrolling] = useState(false);
  usePageTitle(m.training.detail);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  if (!c) return <Skeleton active />;
  return (
    <>
      <PageHead
        title={c.name}
        extra={
          canManage && (
            <>
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/training/${c.id}/edit`)} data-testid="course-edit">
                {m.common.edit}
              </Button>
              <DeleteButton
                path={`/training/courses/${c.id}`}
                version={c.version}
                confirm={m.training.deleteConfirm}
                testId="course-delete"
                onDone={() => {
                  void queryClient.invalidateQueries({ queryKey: ['training'] });
                  navigate('/training');
                }}
              />
            </>
          )
        }
      />
      <Card style={{ marginBottom: 12 }}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" data-testid="course-detail">
          <Descriptions.Item label={m.training.kind}>{labels.label('trainingKinds', c.kind)}</Descriptions.Item>
          <Descriptions.Item label={m.training.provider}>{c.provider}</Descriptions.Item>
          <Descriptions.Item label={m.training.divisionCode}>{c.divisionName ?? c.divisionCode}</Descriptions.Item>
          <Descriptions.Item label={m.training.place}>{c.place ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={m.training.period}>{`${c.startDate} ~ ${c.endDate}`}</Descriptions.Item>
          <Descriptions.Item label={m.training.certificate}>{c.certificate ?? m.training.noCertificate}</Descriptions.Item>
          <Descriptions.Item label={m.training.enrolled}>{formatNumber(c.enrolled)}</Descriptions.Item>
          <Descriptions.Item label={m.training.completed}>{formatNumber(c.completed)}</Descriptions.Item>
          <Descriptions.Item label={m.training.certified}>{formatNumber(c.certified)}</Descriptions.Item>
          <Descriptions.Item label={m.training.dropped}>{formatNumber(c.dropped)}</Descriptions.Item>
          <Descriptions.Item label={m.common.updatedAt}>{formatDateTime(c.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={m.training.trainees}
        extra={
          canManage && (
            <Button icon={<UserAddOutlined />} onClick={() => setEnrolling(true)} data-testid="enrol-open">
              {m.training.enrol}
            </Button>
          )
        }
      >
        <EnrolmentsTable courseId={c.id} canManage={canManage} />
      </Card>
      <EnrolModal course={c} open={enrolling} onClose={() => setEnrolling(false)} />
    </>
  );
}
