/** Create or edit a household, validated with the shared householdInput schema. */
import { useEffect } from 'react';
import { Col, Divider, Form, Input, InputNumber, Row, Select } from 'antd';
import { useParams } from 'react-router';
import { householdInput, type HouseholdInput } from '@anju/core';
import type { HouseholdDetail, HouseholdOutput } from '../../api/types';
import { useMessages } from '../../i18n/locale';
import { useFieldFormat } from '../../shared/field-format';
import { ChoiceField, YesNoUnknownField } from '../../shared/form-fields';
import { FormActions } from '../../shared/FormActions';
import { RecordFormPage } from '../../shared/RecordFormPage';
import { useSiteOptions } from '../../shared/registry-queries';
import { unknownAsNull } from '../../shared/unknown-facts';
import { usePageTitle } from '../../shared/use-page-title';
import { useRecordForm } from '../../shared/use-record-form';
import { useRegistryFormHooks } from '../../shared/use-registry-form-hooks';
import { VillagePicker } from '../../shared/VillagePicker';
import { zodRule } from '../../shared/zod-rules';
import { saveHousehold, useHousehold } from './household-queries';

type Values = Omit<HouseholdInput, 'siteId'> & { siteId?: string };

const f = householdInput.shape;
/** Facts a clerk may not know yet: left empty they are stored as 未填写, never as a guess. */
const FACTS = ['propertyCertState', 'vegetablePlot', 'contractedLandMu', 'forestLandMu', 'landTransferred', 'homesteadReclaimed'] as const;
const FIELDS = ['householdNo', 'originVillageCode', 'siteId', 'building', 'unit', 'room', 'relocationYear', 'kind', 'propertyCertState', 'vegetablePlot', 'monitoringCategory', 'contractedLandMu', 'forestLandMu', 'landTransferred', 'homesteadReclaimed'] as const;

function toValues(h: HouseholdOutput): Values {
  return {
    householdNo: h.householdNo,
    originVillageCode: h.originVillageCode,
    siteId: h.siteId,
    building: h.building,
    unit: h.unit,
    room: h.room,
    relocationYear: h.relocationYear,
    kind: h.kind as Values['kind'],
    propertyCertState: h.propertyCertState as Values['propertyCertState'],
    vegetablePlot: h.vegetablePlot,
    monitoringCategory: (h.monitoringCategory ?? 'none') as Values['monitoringCategory'],
    contractedLandMu: h.contractedLandMu,
    forestLandMu: h.forestLandMu,
    landTransferred: h.landTransferred,
    homesteadReclaimed: h.homesteadReclaimed,
  };
}

/** Empty optional text is null, not ''; the site is a number in the API. */
function toInput(v: Values) {
  const blank = (s: string | null | undefined) => (s === undefined || s === null || s.trim() === '' ? null : s);
  return { ...unknownAsNull(v, FACTS), siteId: v.siteId ? Number(v.siteId) : undefined, building: blank(v.building), unit: blank(v.unit), room: blank(v.room) };
}

export function HouseholdFormPage() {
  const { id } = useParams();
  const m = useMessages();
  const fmt = useFieldFormat();
  const hooks = useRegistryFormHooks();
  const [form] = Form.useForm<Values>();
  const existing = useHousehold(id);
  const sites = useSiteOptions();
  usePageTitle(id ? m.household.edit : m.household.new);

  useEffect(() => {
    if (existing.data) form.setFieldsValue(toValues(existing.data));
  }, [existing.data, form]);

  const record = useRecordForm<Values, HouseholdInput, HouseholdDetail>(
    {
      form,
      schema: householdInput,
      toInput,
      save: (input, version) => saveHousehold(id, input, version),
      onSaved: (saved) => hooks.afterSave(['households', 'dashboard'], `/households/${saved.id}`),
      reload: () => hooks.reload<HouseholdDetail>(`/households/${id}`, ['households', 'one', id], (fresh) => form.setFieldsValue(toValues(fresh))),
      conflictFields: FIELDS.map((key) => ({ key, label: fmt.label('household', key), format: (v: unknown) => (key === 'siteId' ? (sites.data?.find((s) => s.value === String(v))?.label ?? String(v)) : fmt.value(key, v)) })),
    },
    existing.data?.version ?? null,
  );

  return (
    <RecordFormPage editing={Boolean(id)} existing={existing} title={id ? m.household.edit : m.household.new} formError={record.formError} conflictDialog={record.conflictDialog}>
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={record.onFinish}
      data-testid="household-form"
      initialValues={{ kind: 'registered_poor', monitoringCategory: 'none', contractedLandMu: null, forestLandMu: null }}
    >
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="householdNo" label={m.household.householdNo} rules={[zodRule(f.householdNo)]} required>
            <Input data-testid="field-householdNo" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <ChoiceField name="kind" label={m.household.kind} schema={f.kind} choices="householdKinds" required />
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="relocationYear" label={m.household.relocationYear} rules={[zodRule(f.relocationYear, 'undefined')]} required>
            <InputNumber style={{ width: '100%' }} precision={0} data-testid="field-relocationYear" />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="left">{m.household.origin}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="originVillageCode" label={m.household.originVillageCode} extra={m.household.originVillageHint} rules={[zodRule(f.originVillageCode)]} required>
            <VillagePicker testId="field-originVillageCode" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="contractedLandMu" label={m.household.contractedLandMu} rules={[zodRule(f.contractedLandMu, 'null')]}>
            <InputNumber style={{ width: '100%' }} min={0} step={0.1} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="forestLandMu" label={m.household.forestLandMu} rules={[zodRule(f.forestLandMu, 'null')]}>
            <InputNumber style={{ width: '100%' }} min={0} step={0.1} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <YesNoUnknownField name="landTransferred" label={m.household.landTransferred} />
        </Col>
        <Col xs={12} md={6}>
          <YesNoUnknownField name="homesteadReclaimed" label={m.household.homesteadReclaimed} />
        </Col>
      </Row>
      <Divider titlePlacement="left">{m.household.destination}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="siteId" label={m.household.site} rules={[zodRule(f.siteId, 'undefined', (v?: string) => (v ? Number(v) : undefined))]} required>
            <Select showSearch optionFilterProp="label" options={sites.data} loading={sites.isLoading} data-testid="field-siteId" />
          </Form.Item>
        </Col>
        <Col xs={8} md={4}>
          <Form.Item name="building" label={m.household.building} rules={[zodRule(f.building, 'null')]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={8} md={4}>
          <Form.Item name="unit" label={m.household.unit} rules={[zodRule(f.unit, 'null')]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={8} md={4}>
          <Form.Item name="room" label={m.household.room} rules={[zodRule(f.room, 'null')]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <ChoiceField name="propertyCertState" label={m.household.propertyCertState} schema={f.propertyCertState} choices="propertyCertStates" testId={false} unknown />
        </Col>
        <Col xs={24} md={8}>
          <ChoiceField name="monitoringCategory" label={m.household.monitoringCategory} schema={f.monitoringCategory} choices="monitoringCategories" />
        </Col>
        <Col xs={24} md={8}>
          <YesNoUnknownField name="vegetablePlot" label={m.household.vegetablePlot} />
        </Col>
      </Row>
      <FormActions saving={record.saving} />
    </Form>
    </RecordFormPage>
  );
}
