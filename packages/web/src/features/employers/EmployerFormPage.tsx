/** Create or edit an employer, validated with the shared employerInput schema. */
import { useEffect } from 'react';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useParams } from 'react-router';
import { employerInput, type EmployerInput } from '@anju/core';
import type { EmployerOutput } from '../../api/types';
import { useLabels, useMessages } from '../../i18n/locale';
import { DivisionTreeSelect, type DivisionValue } from '../../shared/DivisionTreeSelect';
import { useFieldFormat } from '../../shared/field-format';
import { ChoiceField, SwitchField } from '../../shared/form-fields';
import { FormActions } from '../../shared/FormActions';
import { RecordFormPage } from '../../shared/RecordFormPage';
import { useSiteOptions } from '../../shared/registry-queries';
import { usePageTitle } from '../../shared/use-page-title';
import { useRecordForm } from '../../shared/use-record-form';
import { useRegistryFormHooks } from '../../shared/use-registry-form-hooks';
import { zodRule } from '../../shared/zod-rules';
import { useDivision } from '../layout/division-context';
import { saveEmployer, useEmployer } from './employer-queries';

interface Values {
  creditCode: string | null;
  name: string;
  kind?: string;
  divisionCode: DivisionValue | null;
  siteId: string | null;
  startDate: Dayjs | null;
  foundedByRelocated: boolean;
  positions: number;
  relocatedEmployed: number;
}

const f = employerInput.shape;
const LEVELS = [3, 4, 5];

function toValues(e: EmployerOutput): Values {
  return {
    creditCode: e.creditCode,
    name: e.name,
    kind: e.kind,
    divisionCode: { code: e.divisionCode, name: '' },
    siteId: e.siteId,
    startDate: e.startDate ? dayjs(e.startDate) : null,
    foundedByRelocated: e.foundedByRelocated,
    positions: e.positions,
    relocatedEmployed: e.relocatedEmployed,
  };
}

function toInput(v: Values) {
  return {
    ...v,
    creditCode: v.creditCode?.trim() ? v.creditCode : null,
    divisionCode: v.divisionCode?.code ?? '',
    siteId: v.siteId ? Number(v.siteId) : null,
    startDate: v.startDate ? v.startDate.format('YYYY-MM-DD') : null,
  };
}

function DivisionField({ value, onChange, home }: { value?: DivisionValue | null; onChange?: (v: DivisionValue) => void; home: string }) {
  return <DivisionTreeSelect value={value} onChange={(v) => onChange?.(v)} home={home} selectableLevels={LEVELS} allowNational={false} testId="field-divisionCode" style={{ width: '100%' }} />;
}

export function EmployerFormPage() {
  const { id } = useParams();
  const m = useMessages();
  const labels = useLabels();
  const fmt = useFieldFormat();
  const hooks = useRegistryFormHooks();
  const { home } = useDivision();
  const [form] = Form.useForm<Values>();
  const existing = useEmployer(id);
  const sites = useSiteOptions();
  usePageTitle(id ? m.employer.edit : m.employer.new);

  useEffect(() => {
    if (existing.data) form.setFieldsValue(toValues(existing.data));
  }, [existing.data, form]);

  const keys = ['creditCode', 'name', 'kind', 'divisionCode', 'siteId', 'startDate', 'foundedByRelocated', 'positions', 'relocatedEmployed'];
  const record = useRecordForm<Values, EmployerInput, EmployerOutput>(
    {
      form,
      schema: employerInput,
      toInput,
      save: (input, version) => saveEmployer(id, input, version),
      onSaved: (saved) => hooks.afterSave(['employers'], `/employers/${saved.id}`),
      reload: () => hooks.reload<EmployerOutput>(`/employers/${id}`, ['employers', 'one', id], (fresh) => form.setFieldsValue(toValues(fresh))),
      conflictFields: keys.map((key) => ({
        key,
        label: fmt.label('employer', key),
        format: (v: unknown) => (key === 'kind' ? labels.label('employerKinds', v as string) : key === 'siteId' ? (sites.data?.find((s) => s.value === String(v))?.label ?? fmt.value(key, v)) : fmt.value(key, v)),
      })),
    },
    existing.data?.version ?? null,
  );

  return (
    <RecordFormPage editing={Boolean(id)} existing={existing} title={id ? m.employer.edit : m.employer.new} formError={record.formError} conflictDialog={record.conflictDialog}>
    <Form<Values> form={form} layout="vertical" onFinish={record.onFinish} data-testid="employer-form" initialValues={{ creditCode: null, siteId: null, startDate: null, foundedByRelocated: false, positions: 0, relocatedEmployed: 0, divisionCode: null }}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={m.employer.name} rules={[zodRule(f.name)]} required>
            <Input data-testid="field-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <ChoiceField name="kind" label={m.employer.kind} schema={f.kind} choices="employerKinds" required />
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="creditCode" label={m.employer.creditCode} rules={[zodRule(f.creditCode, 'null')]}>
            <Input maxLength={18} data-testid="field-creditCode" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="divisionCode" label={m.employer.divisionCode} required rules={[zodRule(f.divisionCode, 'string', (v: DivisionValue | null) => v?.code)]}>
            <DivisionField home={home} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="siteId" label={m.employer.site}>
            <Select allowClear showSearch optionFilterProp="label" options={sites.data} data-testid="field-siteId" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="startDate" label={m.employer.startDate}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <SwitchField name="foundedByRelocated" label={m.employer.foundedByRelocated} />
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="positions" label={m.employer.positions} rules={[zodRule(f.positions, 'undefined')]}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="relocatedEmployed" label={m.employer.relocatedEmployed} rules={[zodRule(f.relocatedEmployed, 'undefined')]}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <FormActions saving={record.saving} />
    </Form>
    </RecordFormPage>
  );
}
