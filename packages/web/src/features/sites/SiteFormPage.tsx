/** Create or edit a resettlement site, validated with the shared siteInput schema. */
import { useEffect } from 'react';
import { Col, Form, Input, InputNumber, Row } from 'antd';
import { useParams } from 'react-router';
import { siteInput, type SiteInput } from '@anju/core';
import type { SiteOutput } from '../../api/types';
import { useLabels, useMessages } from '../../i18n/locale';
import { DivisionTreeSelect, type DivisionValue } from '../../shared/DivisionTreeSelect';
import { ChoiceField, SwitchField } from '../../shared/form-fields';
import { FormActions } from '../../shared/FormActions';
import { RecordFormPage } from '../../shared/RecordFormPage';
import { usePageTitle } from '../../shared/use-page-title';
import { useRecordForm } from '../../shared/use-record-form';
import { useRegistryFormHooks } from '../../shared/use-registry-form-hooks';
import { zodRule } from '../../shared/zod-rules';
import { useDivision } from '../layout/division-context';
import { saveSite, useSite } from './site-queries';

interface Values {
  code: string;
  name: string;
  divisionCode: DivisionValue | null;
  areaKind?: string;
  settlementKind?: string;
  crossCounty: boolean;
  buildYear: number | null;
  latitude: number | null;
  longitude: number | null;
}

const f = siteInput.shape;

function toValues(s: SiteOutput): Values {
  return {
    code: s.code,
    name: s.name,
    divisionCode: { code: s.divisionCode, name: s.divisionName ?? '' },
    areaKind: s.areaKind,
    settlementKind: s.settlementKind,
    crossCounty: s.crossCounty,
    buildYear: s.buildYear,
    latitude: s.latitude,
    longitude: s.longitude,
  };
}

function toInput(v: Values) {
  return { ...v, divisionCode: v.divisionCode?.code ?? '' };
}

export function SiteFormPage() {
  const { id } = useParams();
  const m = useMessages();
  const labels = useLabels();
  const hooks = useRegistryFormHooks();
  const { home } = useDivision();
  const [form] = Form.useForm<Values>();
  const existing = useSite(id);
  usePageTitle(id ? m.site.edit : m.site.new);

  useEffect(() => {
    if (existing.data) form.setFieldsValue(toValues(existing.data));
  }, [existing.data, form]);

  const yesNo = (v: unknown) => (v ? m.common.yes : m.common.no);
  const record = useRecordForm<Values, SiteInput, SiteOutput>(
    {
      form,
      schema: siteInput,
      toInput,
      save: (input, version) => saveSite(id, input, version),
      onSaved: (saved) => hooks.afterSave(['sites', 'dashboard'], `/sites/${saved.id}`),
      reload: () => hooks.reload<SiteOutput>(`/sites/${id}`, ['sites', 'one', id], (fresh) => form.setFieldsValue(toValues(fresh))),
      conflictFields: [
        { key: 'code', label: m.site.code },
        { key: 'name', label: m.site.name },
        { key: 'divisionCode', label: m.site.divisionCode },
        { key: 'areaKind', label: m.site.areaKind, format: (v) => labels.label('siteAreaKinds', v as string) },
        { key: 'settlementKind', label: m.site.settlementKind, format: (v) => labels.label('siteSettlementKinds', v as string) },
        { key: 'crossCounty', label: m.site.crossCounty, format: yesNo },
        { key: 'buildYear', label: m.site.buildYear },
        { key: 'latitude', label: m.site.latitude },
        { key: 'longitude', label: m.site.longitude },
      ],
    },
    existing.data?.version ?? null,
  );

  return (
    <RecordFormPage editing={Boolean(id)} existing={existing} title={id ? m.site.edit : m.site.new} formError={record.formError} conflictDialog={record.conflictDialog}>
    <Form<Values> form={form} layout="vertical" onFinish={record.onFinish} initialValues={{ crossCounty: false, buildYear: null, latitude: null, longitude: null, divisionCode: null }} data-testid="site-form">
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="code" label={m.site.code} rules={[zodRule(f.code)]} required>
            <Input data-testid="field-code" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={m.site.name} rules={[zodRule(f.name)]} required>
            <Input data-testid="field-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="divisionCode" label={m.site.divisionCode} extra={m.site.divisionHint} required rules={[zodRule(f.divisionCode, 'string', (v: DivisionValue | null) => v?.code)]}>
            <DivisionTreeSelectField home={home} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <ChoiceField name="areaKind" label={m.site.areaKind} schema={f.areaKind} choices="siteAreaKinds" required />
        </Col>
        <Col xs={12} md={6}>
          <ChoiceField name="settlementKind" label={m.site.settlementKind} schema={f.settlementKind} choices="siteSettlementKinds" required />
        </Col>
        <Col xs={12} md={6}>
          <SwitchField name="crossCounty" label={m.site.crossCounty} />
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="buildYear" label={m.site.buildYear} rules={[zodRule(f.buildYear, 'null')]}>
            <InputNumber style={{ width: '100%' }} precision={0} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="latitude" label={m.site.latitude} rules={[zodRule(f.latitude, 'null')]}>
            <InputNumber style={{ width: '100%' }} step={0.000001} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="longitude" label={m.site.longitude} rules={[zodRule(f.longitude, 'null')]}>
            <InputNumber style={{ width: '100%' }} step={0.000001} />
          </Form.Item>
        </Col>
      </Row>
      <FormActions saving={record.saving} />
    </Form>
    </RecordFormPage>
  );
}

/** Form.Item passes value/onChange; townships (4) and villages (5) only. */
const SITE_LEVELS = [4, 5];
function DivisionTreeSelectField({ value, onChange, home }: { value?: DivisionValue | null; onChange?: (v: DivisionValue) => void; home: string }) {
  return <DivisionTreeSelect value={value} onChange={(v) => onChange?.(v)} home={home} selectableLevels={SITE_LEVELS} allowNational={false} testId="field-divisionCode" style={{ width: '100%' }} />;
}
