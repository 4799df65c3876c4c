/** The workshop facts, checked with the shared workshopFacts schema (the API's own messages). */
import { useEffect } from 'react';
import { Col, DatePicker, Form, InputNumber, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { workshopFacts, type WorkshopFacts } from '@anju/core';
import { api } from '../../api/client';
import type { WorkshopOutput } from '../../api/types';
import { useLabels, useMessages } from '../../i18n/locale';
import { ChoiceField } from '../../shared/form-fields';
import { FormActions } from '../../shared/FormActions';
import { FormError } from '../../shared/FormError';
import { useRecordForm } from '../../shared/use-record-form';
import { zodRule } from '../../shared/zod-rules';
import { saveWorkshop, type FlatWorkshop } from './workshop-queries';

interface Values {
  workshopKind?: string;
  jobs: number;
  povertyWorkers: number;
  relocatedWorkers: number;
  insuredWorkers: number;
  yearlyContractWorkers: number;
  recognisedOn: Dayjs | null;
  upgradedOn: Dayjs | null;
}

const f = workshopFacts.shape;
const COUNTS = ['jobs', 'povertyWorkers', 'relocatedWorkers', 'insuredWorkers', 'yearlyContractWorkers'] as const;
const DATES = ['recognisedOn', 'upgradedOn'] as const;
const EMPTY: Values = { jobs: 0, povertyWorkers: 0, relocatedWorkers: 0, insuredWorkers: 0, yearlyContractWorkers: 0, recognisedOn: null, upgradedOn: null };

function toValues(facts: NonNullable<WorkshopOutput['facts']>): Values {
  return { ...facts, recognisedOn: facts.recognisedOn ? dayjs(facts.recognisedOn) : null, upgradedOn: facts.upgradedOn ? dayjs(facts.upgradedOn) : null };
}

function toInput(v: Values) {
  return { ...v, recognisedOn: v.recognisedOn ? v.recognisedOn.format('YYYY-MM-DD') : null, upgradedOn: v.upgradedOn ? v.upgradedOn.format('YYYY-MM-DD') : null };
}

/** Keyed by the version outside, so a saved form starts again from the saved record. */
export function WorkshopFactsForm({ workshop }: { workshop: WorkshopOutput }) {
  const m = useMessages();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const id = workshop.employerId;

  useEffect(() => {
    if (workshop.facts) form.setFieldsValue(toValues(workshop.facts));
  }, [workshop.facts, form]);

  const record = useRecordForm<Values, WorkshopFacts, FlatWorkshop>(
    {
      form,
      schema: workshopFacts,
      toInput,
      save: (input, version) => saveWorkshop(id, input, version),
      onSaved: () => void queryClient.invalidateQueries({ queryKey: ['workshops'] }),
      // "Use theirs": the page re-renders this form (keyed by version) from the fresh record.
      reload: async () => {
        const fresh = await api.get<WorkshopOutput>(`/workshops/${id}`);
        queryClient.setQueryData(['workshops', 'one', id], fresh);
        return fresh.version ?? 0;
      },
      conflictFields: [
        { key: 'workshopKind', label: m.workshop.workshopKind, format: (v) => labels.label('workshopKinds', v as string) },
        ...[...COUNTS, ...DATES].map((key) => ({ key, label: m.workshop[key] })),
      ],
    },
    workshop.version,
  );

  return (
    <>
      <FormError message={record.formError} />
      <Form<Values> form={form} layout="vertical" onFinish={record.onFinish} initialValues={EMPTY} data-testid="workshop-form">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <ChoiceField name="workshopKind" label={m.workshop.workshopKind} schema={f.workshopKind} choices="workshopKinds" required />
          </Col>
          {COUNTS.map((key) => (
            <Col xs={12} md={8} key={key}>
              <Form.Item name={key} label={m.workshop[key]} rules={[zodRule(f[key], 'undefined')]}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid={`field-${key}`} />
              </Form.Item>
            </Col>
          ))}
          {DATES.map((key) => (
            <Col xs={12} md={8} key={key}>
              <Form.Item name={key} label={m.workshop[key]}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid={`field-${key}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <FormActions saving={record.saving} />
      </Form>
      {record.conflictDialog}
    </>
  );
}
