/** Create or edit a training course, validated with the shared trainingCourseInput schema. */
import { useEffect } from 'react';
import { Col, DatePicker, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useParams } from 'react-router';
import { trainingCourseFields, trainingCourseInput, type TrainingCourseInput } from '@anju/core';
import type { CourseOutput } from '../../api/types';
import { useLabels, useMessages } from '../../i18n/locale';
import { DivisionTreeSelect, type DivisionValue } from '../../shared/DivisionTreeSelect';
import { ChoiceField } from '../../shared/form-fields';
import { FormActions } from '../../shared/FormActions';
import { RecordFormPage } from '../../shared/RecordFormPage';
import { usePageTitle } from '../../shared/use-page-title';
import { useRecordForm } from '../../shared/use-record-form';
import { useRegistryFormHooks } from '../../shared/use-registry-form-hooks';
import { zodRule } from '../../shared/zod-rules';
import { useDivision } from '../layout/division-context';
import { saveCourse, useCourse } from './training-queries';

interface Values {
  name: string;
  kind?: string;
  provider: string;
  divisionCode: DivisionValue | null;
  place: string | null;
  startDate: Dayjs | null;
  endDate: Dayjs | null;
  certificate: string | null;
}

const f = trainingCourseFields.shape;
const LEVELS = [3, 4, 5];
const day = (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : '');

function toValues(c: CourseOutput): Values {
  return {
    name: c.name,
    kind: c.kind,
    provider: c.provider,
    divisionCode: { code: c.divisionCode, name: c.divisionName ?? '' },
    place: c.place,
    startDate: dayjs(c.startDate),
    endDate: dayjs(c.endDate),
    certificate: c.certificate,
  };
}

function toInput(v: Values) {
  return { ...v, divisionCode: v.divisionCode?.code ?? '', place: v.place ?? '', certificate: v.certificate ?? '', startDate: day(v.startDate), endDate: day(v.endDate) };
}

function DivisionField({ value, onChange, home }: { value?: DivisionValue | null; onChange?: (v: DivisionValue) => void; home: string }) {
  return <DivisionTreeSelect value={value} onChange={(v) => onChange?.(v)} home={home} selectableLevels={LEVELS} allowNational={false} testId="field-divisionCode" style={{ width: '100%' }} />;
}

export function TrainingFormPage() {
  const { id } = useParams();
  const m = useMessages();
  const labels = useLabels();
  const hooks = useRegistryFormHooks();
  const { home } = useDivision();
  const [form] = Form.useForm<Values>();
  const existing = useCourse(id);
  usePageTitle(id ? m.training.edit : m.training.new);

  useEffect(() => {
    if (existing.data) form.setFieldsValue(toValues(existing.data));
  }, [existing.data, form]);

  const fields: [keyof Values, string][] = [
    ['name', m.training.name],
    ['kind', m.training.kind],
    ['provider', m.training.provider],
    ['divisionCode', m.training.divisionCode],
    ['place', m.training.place],
    ['startDate', m.training.startDate],
    ['endDate', m.training.endDate],
    ['certificate', m.training.certificate],
  ];
  const record = useRecordForm<Values, TrainingCourseInput, CourseOutput>(
    {
      form,
      schema: trainingCourseInput,
      toInput,
      save: (input, version) => saveCourse(id, input, version),
      onSaved: (saved) => hooks.afterSave(['training'], `/training/${saved.id}`),
      reload: () => hooks.reload<CourseOutput>(`/training/courses/${id}`, ['training', 'one', id], (fresh) => form.setFieldsValue(toValues(fresh))),
      conflictFields: fields.map(([key, label]) => ({
        key,
        label,
        format: (v: unknown) => (v == null || v === '' ? '—' : key === 'kind' ? labels.label('trainingKinds', v as string) : String(v)),
      })),
    },
    existing.data?.version ?? null,
  );

  return (
    <RecordFormPage editing={Boolean(id)} existing={existing} title={id ? m.training.edit : m.training.new} formError={record.formError} conflictDialog={record.conflictDialog}>
      <Form<Values> form={form} layout="vertical" onFinish={record.onFinish} data-testid="course-form" initialValues={{ divisionCode: null, place: null, certificate: null, startDate: null, endDate: null }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={m.training.name} rules={[zodRule(f.name)]} required>
              <Input data-testid="field-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <ChoiceField name="kind" label={m.training.kind} schema={f.kind} choices="trainingKinds" required />
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="provider" label={m.training.provider} rules={[zodRule(f.provider)]} required>
              <Input data-testid="field-provider" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="divisionCode" label={m.training.divisionCode} extra={m.training.divisionHint} required rules={[zodRule(f.divisionCode, 'string', (v: DivisionValue | null) => v?.code)]}>
              <DivisionField home={home} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="place" label={m.training.place} rules={[zodRule(f.place, 'string')]}>
              <Input data-testid="field-place" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="startDate" label={m.training.startDate} required rules={[zodRule(f.startDate, 'string', day)]}>
              <DatePicker style={{ width: '100%' }} data-testid="field-startDate" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="endDate" label={m.training.endDate} required rules={[zodRule(f.endDate, 'string', day)]}>
              <DatePicker style={{ width: '100%' }} data-testid="field-endDate" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="certificate" label={m.training.certificate} extra={m.training.certificateHint} rules={[zodRule(f.certificate, 'string')]}>
              <Input data-testid="field-certificate" />
            </Form.Item>
          </Col>
        </Row>
        <FormActions saving={record.saving} />
      </Form>
    </RecordFormPage>
  );
}
