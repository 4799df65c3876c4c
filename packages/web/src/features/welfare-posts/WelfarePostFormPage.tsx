/** Create or edit a public-welfare post, validated with the shared welfarePostInput schema. */
import { useEffect } from 'react';
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useParams } from 'react-router';
import { welfarePostInput, type WelfarePostInput } from '@anju/core';
import type { PostOutput } from '../../api/types';
import { useLabels, useMessages } from '../../i18n/locale';
import { ChoiceField, SwitchField } from '../../shared/form-fields';
import { FormActions } from '../../shared/FormActions';
import { RecordFormPage } from '../../shared/RecordFormPage';
import { useSiteOptions } from '../../shared/registry-queries';
import { usePageTitle } from '../../shared/use-page-title';
import { useRecordForm } from '../../shared/use-record-form';
import { useRegistryFormHooks } from '../../shared/use-registry-form-hooks';
import { zodRule } from '../../shared/zod-rules';
import { useDivision } from '../layout/division-context';
import { savePost, usePost } from './welfare-post-queries';

interface Values {
  siteId: string | null;
  title: string;
  duty?: string;
  grade?: string;
  monthlyPay: number | null;
  funding?: string;
  active: boolean;
}

const f = welfarePostInput.shape;

function toValues(p: PostOutput): Values {
  return { siteId: p.siteId, title: p.title, duty: p.duty, grade: p.grade, monthlyPay: p.monthlyPay, funding: p.funding, active: p.active };
}

function toInput(v: Values) {
  return { ...v, siteId: v.siteId ? Number(v.siteId) : undefined, monthlyPay: v.monthlyPay ?? undefined };
}

export function WelfarePostFormPage() {
  const { id } = useParams();
  const m = useMessages();
  const labels = useLabels();
  const hooks = useRegistryFormHooks();
  const { division } = useDivision();
  const [form] = Form.useForm<Values>();
  const existing = usePost(id);
  const sites = useSiteOptions(division.code);
  usePageTitle(id ? m.welfarePost.edit : m.welfarePost.new);

  useEffect(() => {
    if (existing.data) form.setFieldsValue(toValues(existing.data));
  }, [existing.data, form]);

  const fields: [keyof Values, string, ((v: unknown) => string)?][] = [
    ['siteId', m.welfarePost.site, (v) => sites.data?.find((s) => s.value === String(v))?.label ?? String(v)],
    ['title', m.welfarePost.title],
    ['duty', m.welfarePost.duty, (v) => labels.label('welfarePostDuties', v as string)],
    ['grade', m.welfarePost.grade, (v) => labels.label('welfarePostGrades', v as string)],
    ['monthlyPay', m.welfarePost.monthlyPay],
    ['funding', m.welfarePost.funding, (v) => labels.label('welfarePostFunding', v as string)],
    ['active', m.welfarePost.active, (v) => (v ? m.common.yes : m.common.no)],
  ];
  const record = useRecordForm<Values, WelfarePostInput, PostOutput>(
    {
      form,
      schema: welfarePostInput,
      toInput,
      save: (input, version) => savePost(id, input, version),
      onSaved: (saved) => hooks.afterSave(['welfare-posts'], `/welfare-posts/${saved.id}`),
      reload: () => hooks.reload<PostOutput>(`/welfare-posts/${id}`, ['welfare-posts', 'one', id], (fresh) => form.setFieldsValue(toValues(fresh))),
      conflictFields: fields.map(([key, label, format]) => ({ key, label, format: (v: unknown) => (v == null ? '—' : format ? format(v) : String(v)) })),
    },
    existing.data?.version ?? null,
  );

  return (
    <RecordFormPage editing={Boolean(id)} existing={existing} title={id ? m.welfarePost.edit : m.welfarePost.new} formError={record.formError} conflictDialog={record.conflictDialog}>
      <Form<Values> form={form} layout="vertical" onFinish={record.onFinish} data-testid="post-form" initialValues={{ siteId: null, monthlyPay: null, active: true }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="siteId" label={m.welfarePost.site} required rules={[zodRule(f.siteId, 'undefined', (v: string | null) => (v ? Number(v) : undefined))]}>
              <Select showSearch optionFilterProp="label" options={sites.data} data-testid="field-siteId" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="title" label={m.welfarePost.title} rules={[zodRule(f.title)]} required>
              <Input data-testid="field-title" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <ChoiceField name="duty" label={m.welfarePost.duty} schema={f.duty} choices="welfarePostDuties" required />
          </Col>
          <Col xs={12} md={6}>
            <ChoiceField name="grade" label={m.welfarePost.grade} schema={f.grade} choices="welfarePostGrades" required />
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="monthlyPay" label={m.welfarePost.monthlyPay} required rules={[zodRule(f.monthlyPay, 'undefined')]}>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="field-monthlyPay" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <ChoiceField name="funding" label={m.welfarePost.funding} schema={f.funding} choices="welfarePostFunding" required />
          </Col>
          <Col xs={12} md={6}>
            <SwitchField name="active" label={m.welfarePost.active} />
          </Col>
        </Row>
        <FormActions saving={record.saving} />
      </Form>
    </RecordFormPage>
  );
}
