/**
 * Add a member to a household, or edit one. Editing sends the full record, so it needs the
 * plain ID number and phone: they are read once through the audited endpoint (the form says
 * so) and kept only in this form.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Card, Col, Form, Input, InputNumber, Row, Select, Skeleton } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useParams } from 'react-router';
import { personFields, personInput, type PersonInput } from '@anju/core';
import { api } from '../../api/client';
import type { PersonOutput, SensitiveValues } from '../../api/types';
import { useMessages } from '../../i18n/locale';
import { ErrorState } from '../../shared/ErrorState';
import { useFieldFormat } from '../../shared/field-format';
import { ChoiceField, YesNoUnknownField } from '../../shared/form-fields';
import { FormActions } from '../../shared/FormActions';
import { FormError } from '../../shared/FormError';
import { PageHead } from '../../shared/PageHead';
import { unknownAsNull } from '../../shared/unknown-facts';
import { usePageTitle } from '../../shared/use-page-title';
import { useRecordForm } from '../../shared/use-record-form';
import { useRegistryFormHooks } from '../../shared/use-registry-form-hooks';
import { zodRule } from '../../shared/zod-rules';
import { useHousehold } from '../households/household-queries';
import { savePerson, usePerson } from './person-queries';

type Values = Omit<PersonInput, 'householdId' | 'sex' | 'birthDate'>;

const f = personFields.shape;
/** Facts a clerk may not know yet: left empty they are stored as 未填写, never as a guess. */
const FACTS = ['ethnicity', 'education', 'schoolStage', 'health', 'medicalInsurance', 'pensionInsurance', 'safetyNet', 'forestRanger', 'hukouState'] as const;
const FIELDS = ['idNumber', 'name', 'relation', 'ethnicity', 'education', 'schoolStage', 'health', 'disabilityGrade', 'labourCapacity', 'skills', 'medicalInsurance', 'pensionInsurance', 'safetyNet', 'forestRanger', 'hukouState', 'phone'] as const;

function toValues(p: PersonOutput, plain: SensitiveValues): Values {
  return {
    idNumber: plain.idNumber,
    name: p.name,
    relation: p.relation as Values['relation'],
    ethnicity: p.ethnicity,
    education: p.education as Values['education'],
    schoolStage: p.schoolStage as Values['schoolStage'],
    health: p.health as Values['health'],
    disabilityGrade: p.disabilityGrade,
    labourCapacity: p.labourCapacity as Values['labourCapacity'],
    skills: p.skills,
    medicalInsurance: p.medicalInsurance,
    pensionInsurance: p.pensionInsurance,
    safetyNet: p.safetyNet as Values['safetyNet'],
    forestRanger: p.forestRanger,
    hukouState: p.hukouState as Values['hukouState'],
    phone: plain.phone,
  };
}

async function loadForEdit(id: string) {
  const [person, plain] = await Promise.all([api.get<PersonOutput>(`/persons/${id}`), api.post<SensitiveValues>(`/persons/${id}/sensitive`)]);
  return { person, plain };
}

export function PersonFormPage() {
  const params = useParams();
  const adding = useLocation().pathname.endsWith('/members/new');
  const personId = adding ? undefined : params.id;
  const m = useMessages();
  const fmt = useFieldFormat();
  const queryClient = useQueryClient();
  const hooks = useRegistryFormHooks();
  const [form] = Form.useForm<Values>();
  const person = usePerson(personId);
  const householdId = adding ? params.id : person.data?.householdId;
  const household = useHousehold(householdId);
  const [plain, setPlain] = useState<SensitiveValues | null>(null);
  const [plainError, setPlainError] = useState<unknown>(null);
  const asked = useRef<string | null>(null);
  usePageTitle(adding ? m.person.new : m.person.edit);

  // One audited read per opened form (the ref stops React's development double-run).
  useEffect(() => {
    if (!personId || asked.current === personId) return;
    asked.current = personId;
    api
      .post<SensitiveValues>(`/persons/${personId}/sensitive`)
      .then(setPlain)
      .catch(setPlainError);
  }, [personId]);

  useEffect(() => {
    if (person.data && plain) form.setFieldsValue(toValues(person.data, plain));
  }, [person.data, plain, form]);

  const record = useRecordForm<Values, PersonInput, PersonOutput>(
    {
      form,
      schema: personInput,
      toInput: (v) => ({ ...unknownAsNull(v, FACTS), householdId: Number(householdId), phone: v.phone?.trim() ? v.phone : null, disabilityGrade: v.disabilityGrade ?? null, skills: v.skills ?? [] }),
      save: (input, version) => savePerson(personId, input, version),
      onSaved: () => hooks.afterSave(['persons', 'households', 'dashboard'], `/households/${householdId}`),
      reload: async () => {
        const fresh = await loadForEdit(personId!);
        form.setFieldsValue(toValues(fresh.person, fresh.plain));
        queryClient.setQueryData(['persons', 'one', personId], fresh.person);
        return fresh.person.version;
      },
      conflictFields: FIELDS.map((key) => ({ key, label: fmt.label('person', key), format: (v: unknown) => fmt.value(key, v) })),
    },
    person.data?.version ?? null,
  );

  const health = Form.useWatch('health', form);
  const failed = person.error ?? household.error ?? plainError;
  if (failed) return <ErrorState error={failed} />;
  if ((personId && (!person.data || !plain)) || !household.data) return <Skeleton active />;
  return (
    <>
      <PageHead
        title={
          <>
            {adding ? m.person.new : m.person.edit} <span style={{ fontWeight: 400, color: '#666', fontSize: 16 }}>{household.data.householdNo}</span>
          </>
        }
      />
      <Card>
        {personId && <Alert type="info" showIcon title={m.person.sensitiveNote} style={{ marginBottom: 16 }} />}
        <FormError message={record.formError} />
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={record.onFinish}
          data-testid="person-form"
          initialValues={{ relation: 'spouse', disabilityGrade: null, labourCapacity: 'ordinary', skills: [], phone: null }}
        >
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="idNumber" label={m.person.idNumber} extra={m.person.derivedHint} rules={[zodRule(f.idNumber)]} required>
                <Input maxLength={18} className="masked" autoComplete="off" data-testid="field-idNumber" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="name" label={m.person.name} rules={[zodRule(f.name)]} required>
                <Input autoComplete="off" data-testid="field-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <ChoiceField name="relation" label={m.person.relation} schema={f.relation} choices="relations" required />
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="ethnicity" label={m.person.ethnicity} rules={[zodRule(f.ethnicity, 'null')]}>
                <Input allowClear placeholder={m.common.notRecorded} data-testid="field-ethnicity" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <ChoiceField name="education" label={m.person.education} schema={f.education} choices="educations" unknown />
            </Col>
            <Col xs={12} md={6}>
              <ChoiceField name="schoolStage" label={m.person.schoolStage} schema={f.schoolStage} choices="schoolStages" unknown />
            </Col>
            <Col xs={12} md={6}>
              <ChoiceField name="labourCapacity" label={m.person.labourCapacity} schema={f.labourCapacity} choices="labourCapacities" required />
            </Col>
            <Col xs={12} md={6}>
              <ChoiceField name="health" label={m.person.health} schema={f.health} choices="healthStates" unknown />
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="disabilityGrade" label={m.person.disabilityGrade} rules={[zodRule(f.disabilityGrade, 'null')]}>
                <InputNumber min={1} max={4} precision={0} style={{ width: '100%' }} disabled={health !== 'disabled'} data-testid="field-disabilityGrade" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <ChoiceField name="safetyNet" label={m.person.safetyNet} schema={f.safetyNet} choices="safetyNetStates" unknown />
            </Col>
            <Col xs={12} md={6}>
              <ChoiceField name="hukouState" label={m.person.hukouState} schema={f.hukouState} choices="hukouStates" unknown />
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="skills" label={m.person.skills} extra={m.person.skillsHint} rules={[zodRule(f.skills, 'undefined')]}>
                <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['，', ',', '、']} data-testid="field-skills" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="phone" label={m.person.phone} rules={[zodRule(f.phone, 'null')]}>
                <Input maxLength={20} autoComplete="off" data-testid="field-phone" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <YesNoUnknownField name="medicalInsurance" label={m.person.medicalInsurance} />
            </Col>
            <Col xs={12} md={6}>
              <YesNoUnknownField name="pensionInsurance" label={m.person.pensionInsurance} />
            </Col>
            <Col xs={12} md={6}>
              <YesNoUnknownField name="forestRanger" label={m.person.forestRanger} />
            </Col>
          </Row>
          <FormActions saving={record.saving} />
        </Form>
      </Card>
      {record.conflictDialog}
    </>
  );
}
