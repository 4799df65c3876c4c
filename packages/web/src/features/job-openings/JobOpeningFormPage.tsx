/** Post or edit a job opening, validated with the shared jobOpeningInput schema. */
import { useEffect } from 'react';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useParams } from 'react-router';
import { jobOpeningInput, type JobOpeningInput } from '@anju/core';
import type { OpeningOutput } from '../../api/types';
import type { EnumName } from '../../i18n/enum-labels';
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
import { saveOpening, useEmployerOptions, useOpening } from './job-opening-queries';

interface Values {
  title: string;
  source?: string;
  employerId: string | null;
  partner: string | null;
  divisionCode: DivisionValue | null;
  place?: string;
  workLocation: string | null;
  skills: string[];
  minCapacity: string;
  minAge: number | null;
  maxAge: number | null;
  monthlyPay: number | null;
  positions: number;
  openUntil: Dayjs | null;
  status: string;
}

const f = jobOpeningInput.shape;
const LEVELS = [3, 4, 5];
const INITIAL: Partial<Values> = { employerId: null, partner: null, divisionCode: null, workLocation: null, skills: [], minCapacity: 'weak', minAge: null, maxAge: null, monthlyPay: null, positions: 1, openUntil: null, status: 'open' };
const CHOICES: Record<string, EnumName> = { source: 'openingSources', place: 'workPlaces', minCapacity: 'openingCapacities', status: 'openingStatuses' };

function toValues(o: OpeningOutput): Values {
  return { ...o, divisionCode: { code: o.divisionCode, name: '' }, openUntil: o.openUntil ? dayjs(o.openUntil) : null };
}

function toInput(v: Values) {
  return {
    ...v,
    employerId: v.source === 'partner' ? null : (v.employerId ?? null),
    partner: v.source === 'partner' ? (v.partner ?? '') : null,
    divisionCode: v.divisionCode?.code ?? '',
    openUntil: v.openUntil ? v.openUntil.format('YYYY-MM-DD') : null,
  };
}

function DivisionField({ value, onChange, home }: { value?: DivisionValue | null; onChange?: (v: DivisionValue) => void; home: string }) {
  return <DivisionTreeSelect value={value} onChange={(v) => onChange?.(v)} home={home} selectableLevels={LEVELS} allowNational={false} testId="field-divisionCode" style={{ width: '100%' }} />;
}

export function JobOpeningFormPage() {
  const { id } = useParams();
  const m = useMessages();
  const labels = useLabels();
  const hooks = useRegistryFormHooks();
  const { home } = useDivision();
  const [form] = Form.useForm<Values>();
  const source = Form.useWatch('source', form);
  const existing = useOpening(id);
  const employers = useEmployerOptions(source === 'workshop' ? 'workshop' : undefined);
  usePageTitle(id ? m.jobOpening.edit : m.jobOpening.new);

  useEffect(() => {
    if (existing.data) form.setFieldsValue(toValues(existing.data));
  }, [existing.data, form]);

  const keys = ['title', 'source', 'employerId', 'partner', 'divisionCode', 'place', 'workLocation', 'skills', 'minCapacity', 'minAge', 'maxAge', 'monthlyPay', 'positions', 'openUntil', 'status'] as const;
  const plain = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? v.join('、') || '—' : String(v));
  const record = useRecordForm<Values, JobOpeningInput, OpeningOutput>(
    {
      form,
      schema: jobOpeningInput,
      toInput,
      save: (input, version) => saveOpening(id, input, version),
      onSaved: (saved) => hooks.afterSave(['job-openings'], `/job-openings/${saved.id}`),
      reload: () => hooks.reload<OpeningOutput>(`/job-openings/${id}`, ['job-openings', 'one', id], (fresh) => form.setFieldsValue(toValues(fresh))),
      conflictFields: keys.map((key) => ({
        key,
        label: key === 'employerId' ? m.jobOpening.employer : m.jobOpening[key],
        format: (v: unknown) => {
          const set = CHOICES[key];
          if (set) return labels.label(set, v as string);
          if (key === 'employerId') return employers.data?.find((e) => e.value === v)?.label ?? plain(v);
          return plain(v);
        },
      })),
    },
    existing.data?.version ?? null,
  );

  return (
    <RecordFormPage editing={Boolean(id)} existing={existing} title={id ? m.jobOpening.edit : m.jobOpening.new} formError={record.formError} conflictDialog={record.conflictDialog}>
      <Form<Values> form={form} layout="vertical" onFinish={record.onFinish} data-testid="opening-form" initialValues={INITIAL}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="title" label={m.jobOpening.title} rules={[zodRule(f.title)]} required>
              <Input data-testid="field-title" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <ChoiceField name="source" label={m.jobOpening.source} schema={f.source} choices="openingSources" required />
          </Col>
          <Col xs={24} md={6}>
            {source === 'partner' ? (
              <Form.Item name="partner" label={m.jobOpening.partner} required rules={[zodRule(f.partner, 'null')]}>
                <Input placeholder={m.jobOpening.partnerPlaceholder} data-testid="field-partner" />
              </Form.Item>
            ) : (
              <Form.Item name="employerId" label={m.jobOpening.employer} required={source === 'employer' || source === 'workshop'}>
                <Select allowClear showSearch optionFilterProp="label" options={employers.data} data-testid="field-employerId" />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="divisionCode" label={m.jobOpening.divisionCode} required rules={[zodRule(f.divisionCode, 'string', (v: DivisionValue | null) => v?.code)]}>
              <DivisionField home={home} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <ChoiceField name="place" label={m.jobOpening.place} schema={f.place} choices="workPlaces" required />
          </Col>
          <Col xs={12} md={6}>
            <ChoiceField name="status" label={m.jobOpening.status} schema={f.status} choices="openingStatuses" />
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="workLocation" label={m.jobOpening.workLocation} rules={[zodRule(f.workLocation, 'null')]}>
              <Input data-testid="field-workLocation" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="skills" label={m.jobOpening.skills} extra={m.jobOpening.skillsHint} rules={[zodRule(f.skills, 'undefined')]}>
              <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} data-testid="field-skills" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <ChoiceField name="minCapacity" label={m.jobOpening.minCapacity} schema={f.minCapacity} choices="openingCapacities" />
          </Col>
          {(['minAge', 'maxAge'] as const).map((key) => (
            <Col xs={12} md={3} key={key}>
              <Form.Item name={key} label={m.jobOpening[key]} rules={[zodRule(f[key], 'null')]}>
                <InputNumber min={16} max={75} precision={0} style={{ width: '100%' }} data-testid={`field-${key}`} />
              </Form.Item>
            </Col>
          ))}
          <Col xs={12} md={6}>
            <Form.Item name="monthlyPay" label={m.jobOpening.monthlyPay} rules={[zodRule(f.monthlyPay, 'null')]}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="field-monthlyPay" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="positions" label={m.jobOpening.positions} rules={[zodRule(f.positions, 'undefined')]} required>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="field-positions" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="openUntil" label={m.jobOpening.openUntil}>
              <DatePicker style={{ width: '100%' }} data-testid="field-openUntil" />
            </Form.Item>
          </Col>
        </Row>
        <FormActions saving={record.saving} />
      </Form>
    </RecordFormPage>
  );
}
