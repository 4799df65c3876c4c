/**
 * 上岗: a start date and a person — given (a candidate chosen from the ranked list) or found here
 * with the person search, limited to the post's division.
 */
import { useState } from 'react';
import { Alert, DatePicker, Form, Modal, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { PersonBrief, PostOutput } from '../../api/types';
import { useMessages } from '../../i18n/locale';
import { errorText } from '../../shared/ErrorState';
import { PersonSearch } from '../../shared/PersonSearch';
import { assignHolder } from './welfare-post-queries';

interface AssignModalProps {
  post: PostOutput;
  /** A candidate picked from the list; without one the modal offers the person search. */
  person: Pick<PersonBrief, 'personId' | 'name'> | null;
  onClose(): void;
  onDone(): void;
}

export function AssignModal({ post, person, onClose, onDone }: AssignModalProps) {
  const m = useMessages();
  const [chosen, setChosen] = useState(person);
  const [startDate, setStartDate] = useState<Dayjs | null>(dayjs());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    if (!chosen) return setError(m.welfarePost.choosePerson);
    if (!startDate) return setError(`${m.welfarePost.startDate}：${m.common.validationFailed}`);
    setSaving(true);
    setError(null);
    try {
      await assignHolder(post.id, { personId: chosen.personId, startDate: startDate.format('YYYY-MM-DD') });
      onDone();
    } catch (e) {
      setError(errorText(e, m.common.networkError));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open title={m.welfarePost.assignTitle} onCancel={onClose} onOk={() => void submit()} okText={m.welfarePost.assign} confirmLoading={saving} width={person ? 480 : 760} destroyOnHidden data-testid="assign-modal">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="assign-error" />}
      <Form layout="vertical">
        <Form.Item label={m.welfarePost.holder} required>
          {chosen ? (
            <Tag color="blue" closable={!person} onClose={() => setChosen(null)} data-testid="assign-chosen">
              {chosen.name}
            </Tag>
          ) : (
            <Typography.Text type="secondary">{m.welfarePost.choosePerson}</Typography.Text>
          )}
        </Form.Item>
        <Form.Item label={m.welfarePost.startDate} required>
          <DatePicker value={startDate} onChange={setStartDate} style={{ width: '100%' }} data-testid="field-startDate" />
        </Form.Item>
      </Form>
      {!person && <PersonSearch divisionCode={post.divisionCode} pickLabel={m.personPicker.choose} onPick={(p) => setChosen({ personId: p.id, name: p.name })} />}
    </Modal>
  );
}
