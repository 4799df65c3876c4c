/** 报名: find people of the course's division and enrol them one by one; the modal stays open. */
import { useState } from 'react';
import { Alert, App, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { CourseOutput } from '../../api/types';
import { useMessages } from '../../i18n/locale';
import { errorText } from '../../shared/ErrorState';
import { PersonSearch } from '../../shared/PersonSearch';
import { enrol } from './training-queries';

export function EnrolModal({ course, open, onClose }: { course: CourseOutput; open: boolean; onClose(): void }) {
  const m = useMessages();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal open={open} title={m.training.enrolTitle} onCancel={onClose} footer={null} width={760} destroyOnHidden data-testid="enrol-modal">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="enrol-error" />}
      <PersonSearch
        divisionCode={course.divisionCode}
        pickLabel={m.training.enrol}
        busyId={busyId}
        onPick={async (p) => {
          setBusyId(p.id);
          setError(null);
          try {
            await enrol(course.id, p.id);
            message.success(m.training.enrolledOk(p.name));
            void queryClient.invalidateQueries({ queryKey: ['training'] });
          } catch (e) {
            setError(errorText(e, m.common.networkError));
          } finally {
            setBusyId(null);
          }
        }}
      />
    </Modal>
  );
}
